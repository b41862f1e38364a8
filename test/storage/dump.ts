// A store's contents as plain data, for comparing stores in the storage tests.
// (Its own module: a test file importing another test file would run that
// file's tests a second time.)
import { isStaleNaN, type MemoryStore } from '../../src/storage/store.js';

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

/** Every series with its samples (stale markers and -0 told apart) and the metadata: for stores that must be identical. */
export function dumpExact(store: MemoryStore): unknown {
  const out: Record<string, unknown> = {};
  for (let id = 0; id < store.numSeries; id++) {
    const s = store.samples(id);
    out[JSON.stringify(store.labels(id))] = Array.from({ length: s.length }, (_, i) => [
      s.t[i],
      isStaleNaN(s.v[i]) ? 'stale' : Object.is(s.v[i], -0) ? '-0' : s.v[i],
    ]);
  }
  return { series: out, meta: [...store.allMetadata()] };
}
