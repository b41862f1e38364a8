// Alert templates: Go text/template semantics and Prometheus's functions,
// table-driven. Expected texts are what Prometheus prints (Go's fmt rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlertTemplate, expandAlertTemplate } from '../../src/rules/template/index.js';

const DATA = { labels: { job: 'checkout', instance: 'checkout-1:3000', severity: 'page' }, externalLabels: { cluster: 'eu1' }, externalURL: 'http://prom.example.com:9090/prometheus', value: 0.0523 };
const ENV = {
  nowMs: 1768474800000,
  externalURL: 'http://prom.example.com:9090/prometheus',
  query: async (q: string) =>
    q === 'empty'
      ? []
      : [
          { labels: { job: 'web', instance: 'b:1' }, value: 2 },
          { labels: { job: 'api', instance: 'a:1' }, value: 0.5 },
        ],
};

const expand = (t: string) => expandAlertTemplate(t, 'A', DATA, ENV);

const CASES: Array<[string, string]> = [
  ['plain text', 'plain text'],
  ['{{ $labels.job }} on {{ .Labels.instance }}', 'checkout on checkout-1:3000'],
  ['{{ $value }}', '0.0523'],
  ['{{ .Value }} {{ 1 }} {{ 1.5 }} {{ 1000000.0 }} {{ 123456.0 }}', '0.0523 1 1.5 1e+06 123456'],
  ['{{ $labels.nope }}|{{ $externalLabels.cluster }}|{{ $externalURL }}', '|eu1|http://prom.example.com:9090/prometheus'],
  ['{{ humanize 1234567 }} {{ humanize 0.000123 }} {{ humanize 0 }} {{ humanize 1000 }} {{ humanize -1500 }}', '1.235M 123u 0 1k -1.5k'],
  ['{{ humanize1024 1048576 }} {{ humanize1024 1 }} {{ humanize1024 1536 }}', '1Mi 1 1.5ki'],
  ['{{ humanizeDuration 3725 }}|{{ humanizeDuration 0.25 }}|{{ humanizeDuration 90061 }}|{{ humanizeDuration 1.5 }}|{{ humanizeDuration 0 }}', '1h 2m 5s|250ms|1d 1h 1m 1s|1.5s|0s'],
  ['{{ $value | humanizePercentage }} {{ 0.123456 | humanizePercentage }}', '5.23% 12.35%'],
  ['{{ 1768474800 | humanizeTimestamp }}', '2026-01-15 11:00:00 +0000 UTC'],
  ['{{ "1768474800" | humanize }}', '1.768G'],
  ['{{ printf "%.2f" $value }} {{ printf "%d" 3 }} {{ printf "%s-%v" "a" 2.5 }}', '0.05 3 a-2.5'],
  ['{{ printf "%d" $value }}', '%!d(float64=0.0523)'],
  ['{{ printf "%5.1f|%-5s|%05d|%x|%q|%t|%%" 3.14159 "ab" 42 255 "hi" true }}', '  3.1|ab   |00042|ff|"hi"|true|%'],
  ['{{ printf "%s %s" "a" }}', 'a %!s(MISSING)'],
  ['{{ printf "%.3g|%e|%g" 1234.5678 1234.5678 0.00001 }}', '1.23e+03|1.234568e+03|1e-05'],
  ['{{ if gt $value 0.05 }}high{{ else if gt $value 0.01 }}medium{{ else }}low{{ end }}', 'high'],
  ['{{ if lt $value 0.01 }}low{{ else if lt $value 0.1 }}medium{{ end }}', 'medium'],
  ['{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}', 'instance=checkout-1:3000;job=checkout;severity=page;'],
  ['{{ range $i, $s := query "x" }}{{ if $i }}, {{ end }}{{ $s.Labels.job }}{{ end }}', 'web, api'],
  ['{{ range query "x" }}{{ if eq .Labels.job "api" }}{{ break }}{{ end }}{{ .Labels.job }}{{ end }}', 'web'],
  ['{{ range query "empty" }}x{{ else }}none{{ end }}', 'none'],
  ['{{ with query "x" }}{{ . | first | value | humanize }}{{ end }}', '2'],
  ['{{ range query "x" | sortByLabel "job" }}{{ label "instance" . }} {{ end }}', 'a:1 b:1 '],
  ['{{ with query "empty" }}x{{ else }}no data{{ end }}', 'no data'],
  ['{{ $x := 1 }}{{ $x = 2 }}{{ $x }}', '2'],
  ['{{ $labels.instance | stripPort }} {{ stripPort "[::1]:9090" }} {{ stripDomain "foo.example.com:9090" }} {{ stripDomain "10.0.0.1:9090" }}', 'checkout-1 ::1 foo:9090 10.0.0.1:9090'],
  ['{{ "hello world" | toUpper }} {{ title "hello world" }} {{ toLower "ABC" }}', 'HELLO WORLD Hello World abc'],
  ['{{ reReplaceAll "(.*):(.*)" "$1" $labels.instance }} {{ reReplaceAll "-\\\\d+" "" "api-12" }}', 'checkout-1 api'],
  ['{{ match "^check" $labels.job }} {{ match "^api" $labels.job }}', 'true false'],
  ['{{ parseDuration "1h5m" }} {{ parseDuration "-30s" }}', '3900 -30'],
  ['{{ externalURL }} {{ pathPrefix }} {{ now }}', 'http://prom.example.com:9090/prometheus /prometheus 1.7684748e+09'],
  ['{{ with args 1 "a" }}{{ .arg0 }} {{ .arg1 }}{{ end }}', '1 a'],
  ['{{ len $labels }} {{ index $labels "job" }} {{ and 1 0 }} {{ or 0 "x" }} {{ not true }} {{ eq "a" "b" "a" }} {{ ne 1 2 }}', '3 checkout 0 x false true true'],
  ['{{ "a" | printf "%s-%s" "b" }}', 'b-a'],
  ['{{ tableLink "up == 0" }}', '/graph?g0.expr=up+%3D%3D+0&g0.tab=1'],
  ['{{ 1768474800 | toTime }}', '2026-01-15 11:00:00 +0000 UTC'],
  ['{{- "a" -}}  b  {{- "c" }} {{/* comment */}}d', 'abc d'],
  ['{{ safeHtml "<b>" }} {{ html "<b>" }}', '<b> &lt;b&gt;'],
];

test('templates expand as Prometheus expands them', async () => {
  for (const [tmpl, want] of CASES) assert.equal(await expand(tmpl), want, tmpl);
});

test('template execution errors become "<error expanding template: …>" with Go\'s wording', async () => {
  const cases: Array<[string, RegExp]> = [
    ['{{ if gt $value 1 }}x{{ end }}', /^<error expanding template: template: __alert_A:1:\d+: executing "__alert_A" at <gt>: error calling gt: incompatible types for comparison>$/],
    ['{{ humanize "abc" }}', /error calling humanize: strconv\.ParseFloat: parsing "abc": invalid syntax>$/],
    ['{{ query "empty" | first }}', /error calling first: first\(\) called on vector with no elements>$/],
    ['{{ .Nope }}', /can't evaluate field Nope in type struct>$/],
    ['{{ toUpper 1.5 }}', /error calling toUpper: wrong type for value; expected string; got float64>$/],
  ];
  for (const [tmpl, re] of cases) assert.match(await expand(tmpl), re, tmpl);
});

test('template parse errors as promtool check rules reports them', () => {
  const cases: Array<[string, string]> = [
    ['{{ humanise $value }}', 'template: __alert_A:1: function "humanise" not defined'],
    ['{{ if }}x{{ end }}', 'template: __alert_A:1: missing value for if'],
    ['{{ end }}', 'template: __alert_A:1: unexpected {{end}}'],
    ['{{ $x }}', 'template: __alert_A:1: undefined variable "$x"'],
    ['{{ .Value ', 'template: __alert_A:1: unclosed action'],
    ['{{ if true }}x', 'template: __alert_A:1: unexpected EOF'],
    ['{{ "abc }}', 'template: __alert_A:1: unterminated quoted string'],
  ];
  for (const [tmpl, want] of cases) assert.equal(checkAlertTemplate(tmpl, 'A'), want, tmpl);
  assert.equal(checkAlertTemplate('{{ $value | humanizePercentage }}', 'A'), undefined);
});
