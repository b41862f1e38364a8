// The bundled sample dataset: a small online shop (three Node.js services and
// three node_exporter hosts), six hours at a 15 s scrape interval, with
// incidents to find. Deterministic: the same data on every machine and run.
//
// See docs/dataset.md for what is in it and when the incidents happen.

import type { MemoryStore } from '../storage/store.js';
import { generateSampleStore } from './generate.js';
import { VARIANT_INCIDENTS } from './incidents.js';
import { freshSnapshot, loadSnapshot, VARIANT_SNAPSHOT_URL } from './snapshot.js';

export {
  SAMPLE_END,
  SAMPLE_START,
  SCRAPE_INTERVAL_SECONDS,
  INCIDENTS,
  DEPLOY_TIME,
  ERROR_BURST_START,
  ERROR_BURST_END,
  RESTART_TIME,
  RESTART_INSTANCE,
  GAP_START,
  GAP_END,
  GAP_INSTANCE,
  LEAK_INSTANCE,
  HEAP_LIMIT_BYTES,
  LEAK_ALERT_TIME,
} from './timeline.js';
export { generateSampleStore } from './generate.js';
export { SAMPLE_INCIDENTS, VARIANT_INCIDENTS, type IncidentPlan } from './incidents.js';

let cached: MemoryStore | undefined;
let cachedVariant: MemoryStore | undefined;

/** The sample dataset, from the prebuilt snapshot (else generated) on first use, and cached for the process. */
export function loadSampleStore(): MemoryStore {
  cached ??= loadSnapshot() ?? generateSampleStore();
  return cached;
}

/** The judge's variant world: the sample with its incidents moved (VARIANT_INCIDENTS), prebuilt as the sample is, cached for the process. */
export function loadVariantStore(): MemoryStore {
  cachedVariant ??= loadSnapshot(VARIANT_SNAPSHOT_URL) ?? generateSampleStore(VARIANT_INCIDENTS);
  return cachedVariant;
}

/**
 * A sample store of the caller's own, which it may write into (`rules eval`
 * records series into it; they must not leak into the process-wide sample):
 * a new store over the snapshot, else generated.
 */
export function freshSampleStore(): MemoryStore {
  return freshSnapshot() ?? generateSampleStore();
}
