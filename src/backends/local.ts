// TODO(stub, owned by the engine): the Backend over the embedded engine.
import type { Backend } from './backend.js';
import type { MemoryStore } from '../storage/store.js';

export interface LocalBackendOptions {
  /** Prompt name, e.g. "sample". */
  name: string;
  /** For `promlearn status`, e.g. "sample dataset (embedded engine)". */
  description: string;
  /** Lookback delta in ms (default 5m). */
  lookbackDeltaMs?: number;
  /** Max samples a query may load (default 50e6). */
  maxSamples?: number;
  /** Query timeout in ms (default 2m). */
  timeoutMs?: number;
  /** Enable experimental functions (default: off, as a stock Prometheus 3). */
  enableExperimentalFunctions?: boolean;
}

export function createLocalBackend(_store: MemoryStore, _opts: LocalBackendOptions): Backend {
  throw new Error('not implemented yet');
}
