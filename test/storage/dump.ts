// A store's contents as plain data, for comparing stores in the storage tests.
// (Its own module: a test file importing another test file would run that
// file's tests a second time.)
import type { MemoryStore } from '../../src/storage/store.js';

/** All series as `labels => [[t, v], ...]`, for easy comparison. */
export function dump(store: MemoryStore): Record<string, [number, number][]> {
  const out: Record<string, [number, number][]> = {};
  for (let id = 0; id < store.numSeries; id++) {
    const s = store.samples(id);
    const pts: [number, number][] = [];
    for (let i = 0; i < s.length; i++) pts.push([s.t[i], s.v[i]]);
    out[JSON.stringify(store.labels(id))] = pts;
  }
  return out;
}
