import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinValues, hasGrafanaVariables, substituteGrafana, type GrafanaContext } from '../../src/promql/grafana.js';
import { UsageError } from '../../src/errors.js';

const S15: GrafanaContext = { scrapeIntervalMs: 15_000, vars: { job: ['api'], path: ['/api/v1.0'], multi: ['a.b', 'c'] } };
const RANGE: GrafanaContext = { ...S15, range: { stepMs: 60_000, rangeMs: 6 * 3600_000 } };

test('$__rate_interval = max($__interval + scrape interval, 4 x scrape interval), as Grafana', () => {
  // Instant: interval = scrape interval -> max(30s, 60s) = 1m.
  assert.equal(builtinValues(S15).__rate_interval, '1m');
  // Range, step 1m: max(75s, 60s) = 1m15s.
  assert.equal(builtinValues(RANGE).__rate_interval, '1m15s');
  assert.equal(builtinValues(RANGE).__interval, '1m');
  assert.equal(builtinValues(RANGE).__interval_ms, '60000');
  assert.equal(builtinValues({ ...S15, scrapeIntervalMs: 60_000 }).__rate_interval, '4m');
  assert.equal(builtinValues(RANGE).__range, '21600s');
  assert.equal(builtinValues(RANGE).__range_s, '21600');
  assert.equal(builtinValues(RANGE).__range_ms, '21600000');
});

const CASES: [string, GrafanaContext, string][] = [
  ['rate(x[$__rate_interval])', S15, 'rate(x[1m])'],
  ['rate(x[$__rate_interval_ms])', S15, 'rate(x[60000])'],
  ['increase(x[$__range])', RANGE, 'increase(x[21600s])'],
  ['x / $__range_s', RANGE, 'x / 21600'],
  ['avg_over_time(x[$__interval])', RANGE, 'avg_over_time(x[1m])'],
  ['up{job=~"$job"}', S15, 'up{job=~"api"}'],
  ['up{job="${job}"}', S15, 'up{job="api"}'],
  ['up{job="[[job]]"}', S15, 'up{job="api"}'],
  // A regex escape lands in a "..." string: its backslash is escaped for the literal.
  ['x{path=~"${path:regex}"}', S15, 'x{path=~"\\\\/api\\\\/v1\\\\.0"}'],
  ['x{path=~`${path:regex}`}', S15, 'x{path=~`\\/api\\/v1\\.0`}'],
  ['x{path="${path:raw}"}', S15, 'x{path="/api/v1.0"}'],
  // A multi-value variable: a regex alternation, as Grafana's Prometheus data source.
  ['x{m=~"$multi"}', S15, 'x{m=~"(a\\\\.b|c)"}'],
  ['x{m=~"${multi:pipe}"}', S15, 'x{m=~"a.b|c"}'],
  ['x{m=~"${multi:csv}"}', S15, 'x{m=~"a.b,c"}'],
  ["x{m=~'${multi:doublequote}'}", S15, `x{m=~'"a.b","c"'}`],
  ['x{m=~"${multi:doublequote}"}', S15, 'x{m=~"\\"a.b\\",\\"c\\""}'],
  // label_replace's $1 and ${1} are not variables.
  ['label_replace(up, "x", "$1-${2}", "job", "(.*)-(.*)")', S15, 'label_replace(up, "x", "$1-${2}", "job", "(.*)-(.*)")'],
  // Nothing to replace: the query as it was.
  ['sum(rate(x[5m]))', S15, 'sum(rate(x[5m]))'],
];

test('substitution, table-driven', () => {
  for (const [input, ctx, want] of CASES) assert.equal(substituteGrafana(input, ctx).query, want, input);
});

test('what was substituted is reported once per variable', () => {
  const r = substituteGrafana('rate(x{job="$job"}[$__rate_interval]) / rate(y{job="$job"}[$__rate_interval])', S15);
  assert.deepEqual(r.substitutions, [
    { text: '$job', value: 'api' },
    { text: '$__rate_interval', value: '1m' },
  ]);
});

test('an unknown variable says how to set it; an unknown format lists the formats', () => {
  assert.throws(
    () => substituteGrafana('up{instance=~"$instance"}', S15),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /Grafana variable \$instance has no value/);
      assert.match(e.hint ?? '', /--var instance=VALUE .*\.var instance=VALUE/);
      return true;
    },
  );
  assert.throws(() => substituteGrafana('up{job="${job:yaml}"}', S15), /unknown Grafana variable format "yaml"[\s\S]*/);
  assert.throws(
    () => substituteGrafana('rate(x[$__rate_intervall])', S15),
    /\$__rate_intervall has no value \(Grafana's built-ins here: .*\$__rate_interval/,
  );
});

test('hasGrafanaVariables', () => {
  assert.equal(hasGrafanaVariables('rate(x[$__rate_interval])'), true);
  assert.equal(hasGrafanaVariables('up{a="[[b]]"}'), true);
  assert.equal(hasGrafanaVariables('label_replace(up, "x", "$1", "job", "(.*)")'), false);
  assert.equal(hasGrafanaVariables('up'), false);
});
