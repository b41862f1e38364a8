// The sample dataset's backend, opened once per test file (in this thread).
import { bufferIO } from '../../src/util/io.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { hostFromIO } from '../../src/backends/options.js';
import type { Backend } from '../../src/backends/backend.js';

let backendPromise: Promise<Backend> | undefined;

export function sampleBackend(): Promise<Backend> {
  return (backendPromise ??= openLocalDataset({ inProcess: true }, hostFromIO(bufferIO())));
}

/** 2026-01-15T07:15:00Z -> unix seconds. */
export const at = (iso: string): number => Date.parse(iso) / 1000;
