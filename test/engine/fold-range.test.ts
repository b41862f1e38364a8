// Aggregations folded straight over a range function (fold-range.ts) give what
// evaluating the function's series first gives: the same values bit for bit,
// the same statistics (samples read, peak held), the same annotations and
// errors. A parenthesised call is a node of its own and is never folded, so
// each query is compared with its parenthesised twin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../src/storage/store.js';
import { Engine } from '../../src/engine/index.js';
import { QueryError } from '../../src/errors.js';
import type { EngineResult } from '../../src/engine/result.js';

function store(): MemoryStore {
  const s = new MemoryStore();
  let seed = 3;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 40; i++) {
    const name = i % 7 === 6 ? 'gauge' : 'c_total';
    const id = s.getOrCreateSeries({ __name__: name, job: `j${i % 3}`, instance: `i${i}` });
    let v = rand() * 1e6;
    for (let k = 0; k < 120; k++) {
      if (rand() < 0.1) continue; // gaps
      v = rand() < 0.03 ? rand() * 10 : v + rand() * 1e3 + 1e-9; // resets, odd values
      s.append(id, k * 15_000 + (i % 4) * 1000, k === 50 && i === 5 ? NaN : v);
    }
  }
  s.finish();
  return s;
}

function same(a: EngineResult, b: EngineResult, q: string): void {
  assert.deepEqual(a.value, b.value, q);
  // The twin's extra parenthesis moves positions by one.
  const shift = (x: EngineResult['annotations'][number], by: number) => ({
    ...x,
    pos: x.pos && { start: x.pos.start + by, end: x.pos.end + by },
  });
  assert.deepEqual(
    a.annotations.map((x) => shift(x, 1)),
    b.annotations.map((x) => shift(x, 0)),
    q,
  );
  assert.equal(a.stats.totalQueryableSamples, b.stats.totalQueryableSamples, q);
  assert.equal(a.stats.peakSamples, b.stats.peakSamples, q);
}

test('folded aggregations over range functions equal their unfolded twins', () => {
  const e = new Engine(store());
  const calls = ['rate(c_total[1m])', 'increase({job="j1"}[2m])', 'delta(gauge[90s])', 'max_over_time(c_total[3m] offset 1m)'];
  calls.push('last_over_time({__name__=~".+"}[1m])', 'rate({__name__=~".+"}[1m])', 'quantile_over_time(0.5, c_total[1m])');
  for (const call of calls) {
    for (const agg of ['sum', 'count', 'min', 'max', 'group', 'sum by (job)', 'max without (instance)', 'count by (__name__)']) {
      const q = `${agg} (${call})`;
      const twin = `${agg} ((${call}))`;
      let folded: EngineResult | Error;
      let unfolded: EngineResult | Error;
      try {
        folded = e.rangeQuery(q, 0, 1_800_000, 30_000);
      } catch (err) {
        folded = err as Error;
      }
      try {
        unfolded = e.rangeQuery(twin, 0, 1_800_000, 30_000);
      } catch (err) {
        unfolded = err as Error;
      }
      if (folded instanceof Error || unfolded instanceof Error) assert.deepEqual(String(folded), String(unfolded), q);
      else same(folded, unfolded, q);
    }
  }
});

test('the sample limit stops a folded aggregation where it stops the unfolded one', () => {
  const e = new Engine(store(), { maxSamples: 2000 });
  const err = (q: string): QueryError => {
    try {
      e.rangeQuery(q, 0, 1_800_000, 15_000);
    } catch (x) {
      return x as QueryError;
    }
    throw new Error(`${q} did not fail`);
  };
  const a = err('sum by (job) (rate(c_total[1m]))');
  const b = err('sum by (job) ((rate(c_total[1m])))');
  assert.equal(a.message, b.message);
  assert.equal(a.errorType, 'too_many_samples');
});
