// The sample store for the CLI and the worker: the prebuilt snapshot, else
// the generator's output. Apart from index.ts so that the generator's modules
// (which index.ts imports) are only loaded when there is no usable snapshot.

import type { MemoryStore } from '../storage/store.js';
import { loadSnapshot } from './snapshot.js';

export async function openSampleStore(): Promise<MemoryStore> {
  return loadSnapshot() ?? (await import('./index.js')).loadSampleStore();
}
