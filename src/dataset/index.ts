// The bundled sample dataset: a small online shop (three Node.js services and
// three node_exporter hosts), six hours at a 15 s scrape interval, with
// incidents to find. Deterministic: the same data on every machine and run.
//
// See docs/dataset.md for what is in it and when the incidents happen.

import type { MemoryStore } from '../storage/store.js';
import { generateSampleStore } from './generate.js';

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

let cached: MemoryStore | undefined;

/** The sample dataset, generated on first use and cached for the process. */
export function loadSampleStore(): MemoryStore {
  cached ??= generateSampleStore();
  return cached;
}
