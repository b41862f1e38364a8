// `range --when`: the intervals in which a filter returned data (src/render/when.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findIntervals, renderWhen } from '../../src/render/when.js';
import type { QueryResult, SamplePair } from '../../src/model/result.js';
import { PLAIN } from '../../src/util/style.js';
import type { ExprResult } from '../../src/render/chart-results.js';

const T0 = 1768474800; // 2026-01-15T11:00:00Z
const RANGE = { start: T0 - 600, end: T0, step: 60 }; // 11 steps: 10:50 … 11:00

/** Samples at the given step indexes, value = index (or the given values). */
function at(steps: number[], values?: string[]): SamplePair[] {
  return steps.map((k, i) => [RANGE.start + k * 60, values?.[i] ?? String(k)]);
}

test('findIntervals: runs of consecutive steps with a sample', () => {
  const m = (k: number) => RANGE.start + k * 60;
  const cases: Array<{ what: string; values: SamplePair[]; want: Array<[number, number, number, boolean, boolean]> }> = [
    { what: 'never', values: [], want: [] },
    { what: 'one step: lasts one step', values: at([4]), want: [[m(4), m(5), 4, false, false]] },
    { what: 'a run', values: at([3, 4, 5]), want: [[m(3), m(6), 5, false, false]] },
    {
      what: 'two runs',
      values: at([1, 2, 6, 7, 8]),
      want: [
        [m(1), m(3), 2, false, false],
        [m(6), m(9), 8, false, false],
      ],
    },
    { what: 'from the first step: open start', values: at([0, 1]), want: [[m(0), m(2), 1, true, false]] },
    { what: 'to the last step: open end, ends at the range end', values: at([9, 10]), want: [[m(9), m(10), 10, false, true]] },
    { what: 'the whole range', values: at([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), want: [[m(0), m(10), 10, true, true]] },
    { what: 'max is the largest value, not the last', values: at([2, 3, 4], ['5', '9', '1']), want: [[m(2), m(5), 9, false, false]] },
    { what: 'a NaN sample is data; NaN never wins over a number', values: at([2, 3], ['NaN', '3']), want: [[m(2), m(4), 3, false, false]] },
    {
      what: 'samples off the range are ignored',
      values: [[RANGE.start - 60, '1'], [RANGE.end + 60, '1'], ...at([5])],
      want: [[m(5), m(6), 5, false, false]],
    },
  ];
  for (const c of cases) {
    const got = findIntervals(c.values, RANGE).map((i) => [i.start, i.end, i.max, i.openStart, i.openEnd]);
    assert.deepEqual(got, c.want, c.what);
  }
  const nan = findIntervals(at([1], ['NaN']), RANGE);
  assert.ok(Number.isNaN(nan[0]!.max), 'all NaN: max NaN');
});

const errors: QueryResult = {
  data: {
    resultType: 'matrix',
    result: [
      { metric: { job: 'checkout', route: '/api/checkout' }, values: at([2, 3, 4], ['0.02', '0.065', '0.03']) },
      { metric: { job: 'checkout', route: '/cart' }, values: at([0, 1, 7, 8, 9, 10], ['0.01', '0.02', '0.03', '0.04', '0.05', '0.06']) },
      { metric: { job: 'checkout', route: '/never' }, values: [] },
    ],
  },
};
const EXPR = 'sum by (job, route) (rate(http_requests_total{status_code=~"5.."}[5m])) > 0.01';
const one: ExprResult[] = [{ expr: EXPR, result: errors }];
const opts = { format: 'table' as const, style: PLAIN, columns: 80, rows: 24, range: RANGE };

test('renderWhen table: one row per interval, the common labels once, open intervals marked', () => {
  const out = renderWhen(one, opts);
  assert.equal(
    out,
    [
      '3 intervals in 2 series between 2026-01-15 10:50 and 11:00 UTC (step 1m)',
      '{job="checkout"}',
      'SERIES                   START  END    DURATION      MAX',
      '{route="/api/checkout"}  10:52  10:55        3m  0.065/s',
      '{route="/cart"}          10:50  10:52       2m+   0.02/s  from the range start',
      '{route="/cart"}          10:57  11:00       3m+   0.06/s  still at the end',
      '',
    ].join('\n'),
  );
  for (const l of renderWhen(one, { ...opts, columns: 120 }).split('\n')) assert.ok(l.length <= 120);
});

test('renderWhen: nothing returned says so, with the period', () => {
  const none: ExprResult[] = [{ expr: 'up == 0', result: { data: { resultType: 'matrix', result: [] } } }];
  assert.equal(renderWhen(none, opts), '`up == 0` returned no data between 2026-01-15 10:50 and 11:00 UTC (step 1m)\n');
});

test('renderWhen JSON: one object for one expression, an array for several', () => {
  const obj = JSON.parse(renderWhen(one, { ...opts, format: 'json' }));
  assert.equal(obj.expr, EXPR);
  assert.deepEqual([obj.start, obj.end, obj.step], [RANGE.start, RANGE.end, 60]);
  assert.equal(obj.series.length, 2, 'series that never returned data are left out');
  assert.deepEqual(obj.series[1].metric, { job: 'checkout', route: '/cart' });
  assert.deepEqual(obj.series[1].intervals[1], {
    start: RANGE.start + 7 * 60,
    end: RANGE.end,
    duration: 180,
    max: '0.06',
    openStart: false,
    openEnd: true,
  });
  const arr = JSON.parse(renderWhen([...one, { expr: 'up == 0', result: errors }], { ...opts, format: 'json' }));
  assert.ok(Array.isArray(arr));
  assert.deepEqual(
    arr.map((o: { expr: string }) => o.expr),
    [EXPR, 'up == 0'],
  );
});

test('renderWhen CSV: one row per interval; an expr column only for several expressions', () => {
  const csv = renderWhen(one, { ...opts, format: 'csv' })
    .trimEnd()
    .split('\n');
  assert.equal(csv[0], 'job,route,start,end,duration_seconds,max,open_start,open_end');
  assert.equal(csv.length, 4);
  assert.equal(csv[1], `checkout,/api/checkout,${RANGE.start + 120},${RANGE.start + 300},180,0.065,false,false`);
  const two = renderWhen([...one, { expr: 'x', result: errors }], { ...opts, format: 'csv' })
    .trimEnd()
    .split('\n');
  assert.equal(two[0], 'expr,job,route,start,end,duration_seconds,max,open_start,open_end');
  assert.equal(two.length, 7);
  assert.ok(two[1]!.startsWith('"sum by (job, route) (rate(http_requests_total{status_code=~""5..""}[5m])) > 0.01",checkout,'));
});
