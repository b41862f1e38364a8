// The canonical printer: Prometheus's String() output, and round trips.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_FEATURES, formatTree, parse, printExpr } from '../../src/promql/index.js';
import { formatDuration, formatGoFloat } from '../../src/promql/printer.js';

const CASES: Array<[string, string]> = [
  // aggregations and grouping
  ['sum(rate(http_requests_total[5m]))by(job)', 'sum by (job) (rate(http_requests_total[5m]))'],
  ['sum without(instance,job)(x)', 'sum without (instance, job) (x)'],
  ['sum by () (x)', 'sum(x)'],
  ['topk(5,x)', 'topk(5, x)'],
  ['count_values("v", x)', 'count_values("v", x)'],
  ['sum by ("a.b") (x)', 'sum by ("a.b") (x)'],
  // precedence is kept by the ParenExpr nodes, never invented
  ['(a+b)*c', '(a + b) * c'],
  ['a+b*c', 'a + b * c'],
  ['-(1)', '-(1)'],
  ['- 1', '-1'],
  ['2^-1^2', '2 ^ -1 ^ 2'],
  ['1 > bool 2', '1 > bool 2'],
  // vector matching
  ['a/on(x)group_left(y)b', 'a / on (x) group_left (y) b'],
  ['a*ignoring(x)group_right b', 'a * ignoring (x) group_right () b'],
  ['a + on() b', 'a + on () b'],
  ['a and on(x) b', 'a and on (x) b'],
  // selectors: matchers sorted (as Go sorts bytes) and joined by "," alone; a
  // quoted UTF-8 name is a __name__ matcher like any other (Prometheus 3's
  // VectorSelector.String() and printer_test.go)
  ['x{b="2",a="1"}', 'x{a="1",b="2"}'],
  ['{__name__="x"}', '{__name__="x"}'],
  ['{__name__="",a="x"}', '{__name__="",a="x"}'],
  ['{"my.metric", "a.b"="c"}', '{"a.b"="c",__name__="my.metric"}'],
  ['x{a="\\n\\"q\\""}', 'x{a="\\n\\"q\\""}'],
  ["x{a='b'}", 'x{a="b"}'],
  // offset and @: @ first, durations canonical
  ['x offset 90m @ 100', 'x @ 100.000 offset 1h30m'],
  ['x[5m] offset -1h', 'x[5m] offset -1h'],
  ['x[300]', 'x[5m]'],
  ['x @ start()', 'x @ start()'],
  ['rate(x[5m])[1h:1m] @ end() offset 2d', 'rate(x[5m])[1h:1m] @ end() offset 2d'],
  ['x[1h:]', 'x[1h:]'],
  ['x[7d]', 'x[1w]'],
  ['x[14d]', 'x[2w]'],
  ['x[10d]', 'x[10d]'],
  // numbers as strconv.FormatFloat(v, 'f', -1, 64), strings as strconv.Quote
  ['1000000', '1000000'],
  ['1048576', '1048576'],
  ['123456', '123456'],
  ['0.00001', '0.00001'],
  ['1e21', '1000000000000000000000'],
  ['1.5e-7', '0.00000015'],
  ['+Inf', '+Inf'],
  ['-inf', '-Inf'],
  ['NaN', 'NaN'],
  ['5m', '5m'],
  ['`a\\b`', '"a\\\\b"'],
];

const EXPERIMENTAL: Array<[string, string]> = [
  ['x[2m*(10+5)]', 'x[2m * (10 + 5)]'],
  ['x offset (100 + 2)', 'x offset (100 + 2)'],
  // a parenthesised literal stays parenthesised (wrapParenDurationExpr)
  ['x offset (5)', 'x offset (5)'],
  ['x offset +(5)', 'x offset (5)'],
  ['x offset -(5)', 'x offset -(5)'],
  ['x offset (5m)', 'x offset (5m)'],
  ['x[(5s)]', 'x[(5s)]'],
  ['x[(5m):(1m)]', 'x[(5m):(1m)]'],
  // binop fill modifiers: a space before the value
  ['a + fill(-23) b', 'a + fill (-23) b'],
  ['a + fill_left(5) fill_right(5) b', 'a + fill (5) b'],
  ['a + on(b) group_left fill_right(42) c', 'a + on (b) group_left () fill_right (42) c'],
  ['x offset -step()', 'x offset -step()'],
  ['x[min_of(step()+1,1h)]', 'x[min_of(step() + 1, 1h)]'],
  ['x[3m] anchored', 'x[3m] anchored'],
  ['x @ 100 smoothed', 'x smoothed @ 100.000'],
  ['a + fill(0) b', 'a + fill (0) b'],
  ['a + on(j) group_left fill_left(1) fill_right(2) b', 'a + on (j) group_left () fill_left (1) fill_right (2) b'],
  ['a >/ 2', 'a >/ 2'],
];

test('printer gives Prometheus canonical text', () => {
  for (const [q, want] of CASES) assert.equal(printExpr(parse(q)), want, q);
  for (const [q, want] of EXPERIMENTAL) assert.equal(printExpr(parse(q, ALL_FEATURES)), want, q);
});

test('printed text parses back to the same tree', () => {
  const strip = (q: string) =>
    JSON.parse(JSON.stringify(parse(q, ALL_FEATURES), (k, v) => (k === 'pos' || k === 'text' || k === 'explicitGrouping' ? undefined : v)));
  for (const [q, printed] of [...CASES, ...EXPERIMENTAL]) {
    if (q === 'sum by () (x)' || q.includes('b="2"') || q.includes('a.b')) continue; // grouping/matcher order normalised
    assert.deepEqual(strip(printed), strip(q), q);
  }
});

test('durations and floats format as Go formats them', () => {
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(5400000), '1h30m');
  assert.equal(formatDuration(1500), '1s500ms');
  assert.equal(formatDuration(365 * 86400000), '1y');
  assert.equal(formatGoFloat(0.1), '0.1');
  assert.equal(formatGoFloat(1234567), '1.234567e+06');
  assert.equal(formatGoFloat(-0.0001), '-0.0001');
});

test('formatTree shows kinds and static types', () => {
  assert.equal(
    formatTree(parse('sum by (job) (rate(x[5m])) > 1')),
    [
      'BinaryExpr >  :: vector',
      '  AggregateExpr sum by (job)  :: vector',
      '    Call rate()  :: vector',
      '      MatrixSelector x[5m]  :: matrix',
      '  NumberLiteral 1  :: scalar',
    ].join('\n'),
  );
});
