// Writing rule results into the in-memory store: recording rules and the
// ALERTS / ALERTS_FOR_STATE series become ordinary series that later rules,
// queries and the REPL see, as they would in Prometheus's TSDB.

import type { Metric } from '../model/result.js';
import type { MemoryStore } from './store.js';

/**
 * Appends one rule-output sample (a STALE_NAN value marks the series stale).
 * Throws OutOfOrderSampleError when the series already has a later sample, or
 * a different value at the same time (Prometheus drops such samples).
 */
export function appendRuleSample(store: MemoryStore, labels: Metric, tMs: number, value: number, key?: string): void {
  let ids = seriesIds.get(store);
  if (!ids) seriesIds.set(store, (ids = new Map()));
  // A rule writes the same series at every evaluation: remember its id by the caller's label key.
  let id = key === undefined ? undefined : ids.get(key);
  if (id === undefined) {
    id = store.getOrCreateSeries(labels);
    if (key !== undefined) ids.set(key, id);
  }
  store.append(id, tMs, value);
}

const seriesIds = new WeakMap<MemoryStore, Map<string, number>>();
