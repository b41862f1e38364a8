// Alert templates: Go text/template semantics and Prometheus's functions,
// table-driven. Expected texts are what Prometheus prints (Go's fmt rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlertTemplate, expandAlertTemplate } from '../../src/rules/template/index.js';
import { CASES } from './template-cases.js';

const DATA = {
  labels: { job: 'checkout', instance: 'checkout-1:3000', severity: 'page' },
  externalLabels: { cluster: 'eu1' },
  externalURL: 'http://prom.example.com:9090/prometheus',
  value: 0.0523,
};
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

test('templates expand as Prometheus expands them', async () => {
  for (const [tmpl, want] of CASES) assert.equal(await expand(tmpl), want, tmpl);
});

test('template execution errors become "<error expanding template: …>" with Go\'s wording', async () => {
  const cases: Array<[string, RegExp]> = [
    [
      '{{ if gt $value 1 }}x{{ end }}',
      /^<error expanding template: error executing template __alert_A: template: __alert_A:1:\d+: executing "__alert_A" at <gt \$value 1>: error calling gt: incompatible types for comparison>$/,
    ],
    ['{{ humanize "abc" }}', /error calling humanize: strconv\.ParseFloat: parsing "abc": invalid syntax>$/],
    ['{{ query "empty" | first }}', /error calling first: first\(\) called on vector with no elements>$/],
    [
      '{{ .Nope }}',
      /can't evaluate field Nope in type struct \{ Labels map\[string\]string; ExternalLabels map\[string\]string; ExternalURL string; Value float64 \}>$/,
    ],
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
