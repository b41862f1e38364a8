// A big file's loader prepares the value pool of the store's last flush while
// it waits (MemoryStore.prepareFlush, AppendLog.prepare): the store must be
// the same whether the pool was prepared, prepared too small (the flush
// makes its own), or not at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../src/storage/store.js';

const SERIES = 2000;
const TOTAL = 1_600_000;

/** Samples [from, to) of the test's sequence: sample k goes to series k mod SERIES, in time order for each. */
function fill(store: MemoryStore, ids: number[], from: number, to: number): void {
  for (let k = from; k < to; k++) store.append(ids[k % SERIES], 1000 * Math.floor(k / SERIES), k % 7 === 0 ? -0 : k * 0.5);
}

function newStore(): [MemoryStore, number[]] {
  const store = new MemoryStore();
  const ids = Array.from({ length: SERIES }, (_, i) => store.getOrCreateSeries({ __name__: 'x', i: String(i) }));
  return [store, ids];
}

/** Loads the sequence, calling prepareFlush(fraction) until it is done once `at` samples are in; returns the store. */
function load(at: number, fraction: number | undefined): MemoryStore {
  const [store, ids] = newStore();
  fill(store, ids, 0, at);
  if (fraction !== undefined) while (store.prepareFlush(fraction));
  fill(store, ids, at, TOTAL);
  return store;
}

function assertSame(a: MemoryStore, b: MemoryStore): void {
  assert.equal(b.numSeries, a.numSeries);
  let diffs = 0;
  for (let id = 0; id < a.numSeries; id++) {
    const x = a.samples(id);
    const y = b.samples(id);
    if (x.length !== y.length) diffs++;
    else for (let i = 0; i < x.length; i++) if (x.t[i] !== y.t[i] || !Object.is(x.v[i], y.v[i])) diffs++;
  }
  assert.equal(diffs, 0, `${diffs} samples differ`);
}

test('prepared flush: the same store with the value pool prepared ahead, prepared too small, or not at all', () => {
  const plain = load(TOTAL, undefined);
  // A quarter in: 1.6 M expected, the pool made (with room) and written.
  assertSame(plain, load(TOTAL / 4, 0.25));
  // A quarter in, yet told 35%: ~1.14 M expected, fewer than come; the flush makes its own pool.
  assertSame(plain, load(TOTAL / 4, 0.35));
  // Too early to tell (under a fifth of the file): nothing prepared.
  assert.equal(newStore()[0].prepareFlush(0.1), false);
});
