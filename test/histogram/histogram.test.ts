// The native-histogram value and its arithmetic (src/histogram/), checked
// against results worked out by hand from Prometheus's definitions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatHistogram, IncompatibleSchemaError } from '../../src/histogram/histogram.js';
import { bucketBound, exponentialBound } from '../../src/histogram/bounds.js';
import { detectReset } from '../../src/histogram/reset.js';
import { histogramFraction, histogramQuantile, histogramVariance } from '../../src/histogram/stats.js';
import { trimBuckets } from '../../src/histogram/trim.js';

function hist(fields: Partial<FloatHistogram> & { pos?: [number, number][]; neg?: [number, number][] }): FloatHistogram {
  const h = new FloatHistogram();
  Object.assign(h, { ...fields, pos: undefined, neg: undefined });
  h.positive = { idx: (fields.pos ?? []).map((p) => p[0]), cnt: (fields.pos ?? []).map((p) => p[1]) };
  h.negative = { idx: (fields.neg ?? []).map((p) => p[0]), cnt: (fields.neg ?? []).map((p) => p[1]) };
  return h;
}

const pairs = (l: { idx: number[]; cnt: number[] }) => l.idx.map((x, i) => [x, l.cnt[i]]);

test('bucket bounds: exponential schemas, the last finite bucket, custom buckets', () => {
  assert.equal(exponentialBound(0, 0), 1);
  assert.equal(exponentialBound(1, 0), 2);
  assert.equal(exponentialBound(-1, 0), 0.5);
  // Prometheus's table, not a correctly rounded √2.
  assert.equal(exponentialBound(1, 1), 1.414213562373095);
  assert.equal(exponentialBound(1, -2), 16);
  assert.equal(exponentialBound(1024, 0), Number.MAX_VALUE);
  assert.equal(exponentialBound(1025, 0), Infinity);
  assert.equal(bucketBound(1, -53, [1, 2]), 2);
  assert.equal(bucketBound(2, -53, [1, 2]), Infinity);
  assert.equal(bucketBound(-1, -53, [1, 2]), -Infinity);
});

test('add: the finer schema is reduced to the coarser one, buckets merged in order', () => {
  const a = hist({
    schema: 1,
    count: 4,
    sum: 10,
    pos: [
      [1, 1],
      [2, 3],
    ],
  });
  const b = hist({ schema: 0, count: 2, sum: 5, pos: [[1, 2]] });
  a.add(b);
  assert.equal(a.schema, 0);
  assert.deepEqual(pairs(a.positive), [[1, 6]]);
  assert.deepEqual([a.count, a.sum], [6, 15]);
});

test('add: a wider zero bucket swallows the small buckets of the other side', () => {
  const a = hist({ schema: 0, zeroThreshold: 1, zeroCount: 1, count: 2, pos: [[1, 1]] });
  const b = hist({
    schema: 0,
    zeroThreshold: 0,
    count: 3,
    pos: [
      [0, 2],
      [1, 1],
    ],
  });
  a.add(b);
  assert.equal(a.zeroThreshold, 1);
  assert.equal(a.zeroCount, 3);
  assert.deepEqual(pairs(a.positive), [[1, 2]]);
});

test('sub and hints: reset against not_reset collides and leaves unknown', () => {
  const a = hist({ schema: 0, count: 5, pos: [[0, 5]], hint: 'reset' });
  const b = hist({ schema: 0, count: 2, pos: [[0, 2]], hint: 'not_reset' });
  const r = a.sub(b);
  assert.ok(r.counterResetCollision);
  assert.equal(a.hint, 'unknown');
  assert.deepEqual(pairs(a.positive), [[0, 3]]);
});

test('custom buckets: other bounds are reconciled to the shared ones; exponential and custom do not mix', () => {
  const a = hist({
    schema: -53,
    customValues: [1, 2, 5],
    count: 3,
    pos: [
      [0, 1],
      [1, 1],
      [2, 1],
    ],
  });
  const b = hist({ schema: -53, customValues: [1, 5], count: 1, pos: [[1, 1]] });
  const r = a.add(b);
  assert.ok(r.nhcbBoundsReconciled);
  assert.deepEqual(a.customValues, [1, 5]);
  assert.deepEqual(pairs(a.positive), [
    [0, 1],
    [1, 3],
  ]);
  assert.throws(() => a.add(hist({ schema: 0, count: 1 })), IncompatibleSchemaError);
});

test('kahanAdd keeps the compensation apart', () => {
  const a = hist({ schema: 0, count: 1e16, sum: 1e16, pos: [[0, 1e16]] });
  let c: FloatHistogram | undefined;
  for (let i = 0; i < 10; i++) c = a.kahanAdd(hist({ schema: 0, count: 1, sum: 1, pos: [[0, 1]] }), c).c;
  a.add(c!);
  assert.equal(a.count, 1e16 + 10);
  assert.deepEqual(pairs(a.positive), [[0, 1e16 + 10]]);
});

test('mul, div, compact', () => {
  const a = hist({
    schema: 0,
    count: 4,
    sum: 8,
    zeroCount: 2,
    pos: [
      [0, 2],
      [1, 0],
    ],
  });
  a.mul(-1);
  assert.equal(a.hint, 'gauge');
  assert.deepEqual([a.count, a.sum, a.zeroCount], [-4, -8, -2]);
  a.compact();
  assert.deepEqual(pairs(a.positive), [[0, -2]]);
  a.div(0);
  assert.deepEqual(pairs(a.positive), []);
  assert.equal(a.count, -Infinity);
});

test('detectReset: counts going down, a bucket emptied, hints decide first', () => {
  const prev = hist({
    schema: 0,
    count: 4,
    pos: [
      [0, 2],
      [1, 2],
    ],
  });
  assert.equal(
    detectReset(
      hist({
        schema: 0,
        count: 5,
        pos: [
          [0, 3],
          [1, 2],
        ],
      }),
      prev,
    ),
    false,
  );
  assert.equal(detectReset(hist({ schema: 0, count: 5, pos: [[0, 5]] }), prev), true);
  assert.equal(detectReset(hist({ schema: 0, count: 1, hint: 'not_reset' }), prev), false);
  assert.equal(detectReset(hist({ schema: 1, count: 5, pos: [[0, 5]] }), prev), true);
  assert.equal(
    detectReset(
      hist({
        schema: -1,
        count: 5,
        pos: [
          [0, 2],
          [1, 3],
        ],
      }),
      prev,
    ),
    false,
  );
  assert.equal(detectReset(hist({ schema: -1, count: 5, pos: [[1, 5]] }), prev), true);
});

test('quantile, fraction and variance of one histogram', () => {
  // Buckets (0.5,1]:1 (1,2]:2 (2,4]:1.
  const h = hist({
    schema: 0,
    count: 4,
    sum: 6,
    pos: [
      [0, 1],
      [1, 2],
      [2, 1],
    ],
  });
  // Exponential buckets interpolate on a log scale: the middle of (1,2] is √2.
  assert.equal(histogramQuantile(0.5, h).value, Math.SQRT2);
  assert.equal(histogramQuantile(0.25, h).value, 1);
  assert.equal(histogramQuantile(-1, h).value, -Infinity);
  assert.equal(histogramFraction(0, 2, h).value, 0.75);
  assert.equal(histogramFraction(1, 1, h).value, 0);
  const nan = hist({ schema: 0, count: 5, sum: NaN, pos: [[0, 4]] });
  assert.equal(histogramQuantile(0.99, nan).nanInfo, 'quantile-nan-result');
  // Custom buckets (10,20]:1 (20,30]:1 interpolate linearly; variance from the bucket middles 15 and 25.
  const custom = hist({
    schema: -53,
    customValues: [10, 20, 30],
    count: 2,
    sum: 40,
    pos: [
      [1, 1],
      [2, 1],
    ],
  });
  assert.equal(histogramQuantile(0.75, custom).value, 25);
  assert.equal(histogramVariance(custom), 25);
});

test('trim: keep observations below or above a value', () => {
  const h = hist({
    schema: -53,
    customValues: [10, 20],
    count: 2,
    sum: 25,
    pos: [
      [0, 1],
      [1, 1],
    ],
  });
  const below = trimBuckets(h.copy(), 15, true);
  assert.deepEqual(pairs(below.positive), [
    [0, 1],
    [1, 0.5],
  ]);
  assert.equal(below.count, 1.5);
  const above = trimBuckets(h.copy(), 15, false);
  assert.deepEqual(pairs(above.positive), [[1, 0.5]]);
  assert.equal(above.count, 0.5);
  assert.deepEqual(pairs(trimBuckets(h.copy(), 20, false).positive), []);
});
