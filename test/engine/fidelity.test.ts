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

test('the query timeout stops regex work in selection and in label_replace (item 6)', async () => {
  const { MemoryStore } = await import('../../src/storage/store.js');
  const { Engine } = await import('../../src/engine/index.js');
  const store = new MemoryStore();
  // 300 long values: each costs RE2 a few ms against (a+)+b, about a second or more in all.
  for (let i = 0; i < 300; i++) {
    const id = store.getOrCreateSeries({ __name__: 'x', v: 'a'.repeat(100_000) + i });
    store.append(id, 0, 1);
  }
  store.finish();
  const e = new Engine(store, { timeoutMs: 50 });
  for (const q of ['x{v=~"(a+)+b"}', 'label_replace(x, "w", "$1", "v", "(a+)+b")']) {
    const t0 = Date.now();
    assert.throws(() => e.instantQuery(q, 0), /query timed out/);
    assert.ok(Date.now() - t0 < 5000, `${q} took ${Date.now() - t0} ms to stop`);
  }
});

test("timestamp() of a selector with @ ignores its offset, and looks through parentheses, as Prometheus's engine does", () => {
  const e = engine(load(m, 'x 0+1x10'));
  // promql/engine.go evalTimestampFunctionOverVectorSelector replaces the offset when @ is set.
  assert.deepEqual(instant(e, 'timestamp(x @ 300 offset -2m)', 600_000), ['{} 300']);
  assert.deepEqual(instant(e, 'timestamp(x offset -2m)', 300_000), ['{} 420']);
  assert.deepEqual(instant(e, 'timestamp((x))', 330_000), ['{} 300']);
});

test('date functions follow Go past the end of JavaScript Date, NaN and Inf included (item 3)', () => {
  const e = engine(load(m, 'x 1'));
  assert.deepEqual(instant(e, 'year(vector(1e13))', 0), ['{} 318857']);
  assert.deepEqual(instant(e, 'year(vector(1136239445))', 0), ['{} 2006']);
  assert.deepEqual(instant(e, 'days_in_month(vector(1454284800))', 0), ['{} 29']);
  // Go's int64(NaN) and int64(+Inf) are MinInt64 on amd64; Prometheus 2.42 answered these (the fuzz found them).
  assert.deepEqual(instant(e, 'hour(vector(NaN))', 0), ['{} 15']);
  assert.deepEqual(instant(e, 'minute(vector(Inf))', 0), ['{} 30']);
});

test("the monotonicity info's max diff is Go's %.2g", async () => {
  const { formatG2 } = await import('../../src/engine/monotonicity.js');
  const cases: [number, string][] = [
    [15, '15'],
    [3, '3'],
    [0.5, '0.5'],
    [150, '1.5e+02'],
    [12345, '1.2e+04'],
    [0.00001234, '1.2e-05'],
    [99.7, '1e+02'],
    [0.25, '0.25'],
    [0, '0'],
  ];
  for (const [v, want] of cases) assert.equal(formatG2(v), want, String(v));
});

test("limit_ratio keeps the series whose labels.Hash()/2^64 is below the ratio, with Prometheus 3's xxHash64 (item 8)", async () => {
  const { MemoryStore } = await import('../../src/storage/store.js');
  const { Engine } = await import('../../src/engine/index.js');
  const store = new MemoryStore();
  for (let i = 0; i < 16; i++) store.append(store.getOrCreateSeries({ __name__: 'x', instance: `host${i}` }), 0, i);
  store.finish();
  const e = new Engine(store, { enableExperimentalFunctions: true });
  const pick = (q: string) => {
    const v = e.instantQuery(q, 0).value;
    return v.type === 'vector' ? v.samples.map((s) => s.metric.instance).sort() : [];
  };
  // Offsets from xxHash64 over the stringlabels encoding (test/util/xxhash64.test.ts has the known answers):
  // host0 0.18, host3 0.42, host4 0.10, host5 0.15, host8 0.32, host12 0.29, host13 0.07; the rest are above 0.5.
  const low = ['host0', 'host12', 'host13', 'host3', 'host4', 'host5', 'host8'];
  assert.deepEqual(pick('limit_ratio(0.5, x)'), low);
  assert.deepEqual(pick('limit_ratio(-0.5, x)').length, 16 - low.length);
  assert.deepEqual(pick('limit_ratio(0.1, x)'), ['host13']);
});
