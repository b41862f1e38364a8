// Differences from Prometheus 3 that a differential fuzz run found (issue 14).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, instant, load } from './helpers.js';

const m = 60_000;

test('count_values labels values with strconv.FormatFloat(f, \'f\', -1, 64): -0 stays "-0" (item 2)', () => {
  const e = engine(load(m, 'x 1'));
  assert.deepEqual(instant(e, 'count_values("v", -vector(0))', 0), ['{v="-0"} 1']);
  assert.deepEqual(instant(e, 'count_values("v", vector(0.00001))', 0), ['{v="0.00001"} 1']);
  assert.deepEqual(instant(e, 'count_values("v", vector(1e-7))', 0), ['{v="0.0000001"} 1']);
  assert.deepEqual(instant(e, 'count_values("v", vector(1e21))', 0), ['{v="1000000000000000000000"} 1']);
});

test('histogram_quantile: the small-delta test is symmetric, negative counts included (item 4)', async () => {
  const { bucketQuantile } = await import('../../src/engine/quantile.js');
  const b = (...xs: [number, number][]) => xs.map(([upperBound, count]) => ({ upperBound, count }));
  // Prometheus 3 gives 2.5833 (promql/quantile.go); a delta/curr test with curr < 0 gave 2.6667.
  assert.equal(bucketQuantile(0.25, b([1, -5], [2, -2], [3, 10], [Infinity, 20])).value, 2.5833333333333335);
  // A drop to a negative count is forced up and reported, with where and how much.
  const r = bucketQuantile(0.55, b([1, 10], [2, -5], [3, 12], [Infinity, 20]));
  assert.deepEqual({ ...r }, { value: 2.5, forcedMonotonic: true, minBucket: 2, maxBucket: 2, maxDiff: 15 });
  // Float noise in either direction is ignored silently.
  const n = bucketQuantile(0.5, b([1, 10], [2, 10 - 1e-14], [Infinity, 20]));
  assert.equal(n.forcedMonotonic, false);
});
