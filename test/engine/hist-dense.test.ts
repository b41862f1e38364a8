// The dense sum of NHCB rates (src/engine/hist-dense.ts) gives what the
// general path gives: the same histograms bit for bit, the same quantiles,
// annotations and samples read. Its twin, `rate(...) * 1`, is no sum of a
// range function, so it takes the general path (histRate, then
// StepAggregation's sum); multiplying by 1 changes no bit.
//
// The classic histograms below have what the dense path must get right:
// counter resets, 2 h chunk boundaries (hints `unknown`), buckets that fill
// and stay empty, a scrape gap ended by stale markers, a series without
// _count, windows with one sample, and groups of one and of several series;
// beside them, one with other bounds (the general path must take that query).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore, STALE_NAN } from '../../src/storage/store.js';
import { addNhcbForAll } from '../../src/dataset/nhcb.js';
import { Engine } from '../../src/engine/index.js';
import type { EngineResult } from '../../src/engine/result.js';

const STEP = 15_000;
const SCRAPES = 5 * 240; // 5 h

function classic(
  s: MemoryStore,
  name: string,
  labels: Record<string, string>,
  les: string[],
  seed: number,
  opts: { count?: boolean } = {},
): void {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const ids = les.map((le) => s.getOrCreateSeries({ __name__: `${name}_bucket`, ...labels, le }));
  const count = opts.count === false ? undefined : s.getOrCreateSeries({ __name__: `${name}_count`, ...labels });
  const sum = s.getOrCreateSeries({ __name__: `${name}_sum`, ...labels });
  const cum = les.map(() => 0);
  let total = 0;
  let obsSum = 0;
  for (let k = 0; k < SCRAPES; k++) {
    const t = k * STEP + (seed % 5) * 1000;
    if (k % 300 > 280) continue; // a scrape gap
    if (k % 300 === 280) {
      for (const id of [...ids, ...(count === undefined ? [] : [count]), sum]) s.append(id, t, STALE_NAN);
      continue;
    }
    if (rand() < 0.01) {
      // A restart: every counter from zero.
      cum.fill(0);
      total = 0;
      obsSum = 0;
    }
    // Observations in some buckets only (others stay as they are); the lowest ones fill late.
    const n = Math.floor(rand() * 4);
    for (let o = 0; o < n; o++) {
      const b = k < 400 ? 2 + Math.floor(rand() * (les.length - 2)) : Math.floor(rand() * les.length);
      for (let j = b; j < les.length; j++) cum[j]++;
      total++;
      obsSum += rand() * 3;
    }
    ids.forEach((id, j) => s.append(id, t, cum[j]));
    if (count !== undefined) s.append(count, t, total);
    s.append(sum, t, obsSum);
  }
}

function store(): MemoryStore {
  const s = new MemoryStore();
  const les = ['0.05', '0.1', '0.25', '0.5', '1', '2.5', '+Inf'];
  for (let i = 0; i < 7; i++) {
    classic(s, 'lat', { job: `j${i % 3}`, instance: `i${i}` }, les, 11 + i * 7, { count: i !== 4 });
  }
  classic(s, 'other', { job: 'j0', instance: 'a' }, les, 5);
  classic(s, 'other', { job: 'j0', instance: 'b' }, ['0.1', '1', '+Inf'], 9);
  s.finish();
  addNhcbForAll(s);
  return s;
}

function run(f: () => EngineResult): EngineResult | string {
  try {
    return f();
  } catch (err) {
    return String(err);
  }
}

function same(a: EngineResult | string, b: EngineResult | string, q: string): void {
  if (typeof a === 'string' || typeof b === 'string') return assert.equal(a, b, q);
  assert.deepEqual(a.value, b.value, q);
  assert.deepEqual(
    a.annotations.map((x) => [x.kind, x.text]),
    b.annotations.map((x) => [x.kind, x.text]),
    q,
  );
  assert.equal(a.stats.totalQueryableSamples, b.stats.totalQueryableSamples, q);
}

test('dense sums of NHCB rates equal the general path, in range and instant queries', () => {
  const e = new Engine(store());
  const end = SCRAPES * STEP;
  const calls = ['rate(lat[5m])', 'increase(lat[1m])', 'rate(lat[20s])', 'rate(lat[2h])', 'increase(lat[10m] offset 7m)'];
  calls.push(
    'rate(lat{job="j1"}[3m] @ 3000)',
    'rate(other[5m])',
    'rate({__name__=~"lat|other"}[5m])',
    'rate({__name__=~"lat|lat_count"}[5m])',
  );
  const both = (q: string, twin: string, f: (x: string) => EngineResult) =>
    same(
      run(() => f(q)),
      run(() => f(twin)),
      q,
    );
  for (const call of calls) {
    for (const agg of ['sum', 'sum by (job)', 'sum by (instance)', 'sum without (instance)']) {
      for (const [outer, close] of [
        ['', ''],
        ['histogram_quantile(0.9, ', ')'],
      ]) {
        const q = `${outer}${agg} (${call})${close}`;
        const twin = `${outer}${agg} (${call} * 1)${close}`;
        both(q, twin, (x) => e.rangeQuery(x, 0, end, 60_000));
        both(q, twin, (x) => e.rangeQuery(x, 7_190_000, 7_190_000 + 300 * 7_000, 7_000));
        for (const t of [end, 2 * 3_600_000 + 30_000, 300 * STEP]) both(q, twin, (x) => e.instantQuery(x, t));
      }
    }
  }
  for (const q of [
    'histogram_quantile(0, sum(rate(lat[5m])))',
    'histogram_quantile(1, sum by (job) (rate(lat[5m])))',
    'histogram_quantile(2, sum(rate(lat[5m])))',
    'histogram_quantile(NaN, sum(rate(lat[5m])))',
    'histogram_fraction(0, 0.2, sum by (job) (rate(lat[5m])))',
    'histogram_count(sum by (job) (rate(lat[5m])))',
    'histogram_sum(sum(increase(lat[5m])))',
  ]) {
    const twin = q.replace(/(rate|increase)\(lat\[5m\]\)/, '$& * 1');
    same(
      run(() => e.rangeQuery(q, 0, end, 60_000)),
      run(() => e.rangeQuery(twin, 0, end, 60_000)),
      q,
    );
  }
});
