import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, instant, load, render, sorted } from './helpers.js';

const m = 60_000;

test('lookback is 5m and left-open; stale markers end a series at once', () => {
  const e = engine(load(m, `a 1 2 _ _ _ _ _ _\nb 1 stale 3`));
  assert.deepEqual(instant(e, 'a', 6 * m - 1), ['{__name__="a"} 2']);
  assert.deepEqual(instant(e, 'a', 6 * m), []); // the sample at 1m is exactly 5m old: excluded
  assert.deepEqual(instant(e, 'b', 1 * m), []);
  assert.deepEqual(instant(e, 'b', 2 * m), ['{__name__="b"} 3']);
});

test('range selectors are (t-r, t] and skip stale markers', () => {
  const e = engine(load(m, `b 1 stale 3 4`));
  assert.deepEqual(instant(e, 'b[2m]', 3 * m), ['{__name__="b"} 3 4']);
  assert.deepEqual(instant(e, 'count_over_time(b[10m])', 3 * m), ['{} 3']);
});

test('offset and @ with start()/end()', () => {
  const e = engine(load(m, `a 0+1x10`));
  assert.deepEqual(instant(e, 'a offset 2m', 5 * m), ['{__name__="a"} 3']);
  assert.deepEqual(instant(e, 'a @ 120', 9 * m), ['{__name__="a"} 2']);
  const r = render(e.rangeQuery('a @ end()', 0, 4 * m, m));
  assert.deepEqual(r, ['{__name__="a"} 4 4 4 4 4']);
  assert.deepEqual(render(e.rangeQuery('a @ start() offset -1m', 2 * m, 3 * m, m)), ['{__name__="a"} 3 3']);
});

test('regex matchers are anchored; range results sorted by labels', () => {
  const e = engine(load(m, `x{j="b"} 1\nx{j="a"} 2\nx{j="ab"} 3`));
  assert.deepEqual(sorted(instant(e, 'x{j=~"a|b"}', 0)), ['{__name__="x",j="a"} 2', '{__name__="x",j="b"} 1']);
  assert.deepEqual(render(e.rangeQuery('x', 0, 0, m)), ['{__name__="x",j="a"} 2', '{__name__="x",j="ab"} 3', '{__name__="x",j="b"} 1']);
});

test('subqueries align their steps to multiples of the step', () => {
  const e = engine(load(m, `a 0+1x20`));
  // Steps at 6m..10m (aligned to 1m) inside (5m, 10m].
  assert.deepEqual(instant(e, 'a[5m:1m]', 10 * m), ['{__name__="a"} 6 7 8 9 10']);
  assert.deepEqual(instant(e, 'a[5m:2m]', 10 * m + 30_000), ['{__name__="a"} 6 8 10']);
  assert.deepEqual(instant(e, 'sum_over_time(a[3m:1m] offset 2m)', 10 * m), ['{} 21']);
});
