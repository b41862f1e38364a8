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
export function appendRuleSample(store: MemoryStore, labels: Metric, tMs: number, value: number): void {
  store.append(store.getOrCreateSeries(labels), tMs, value);
}
