// Opens the bundled sample dataset, or a user's OpenMetrics / text-format file
// (--dataset FILE), as a local backend over the embedded engine. The engine
// runs in a worker thread so that Ctrl-C can cancel a running query.

import { basename } from 'node:path';
import type { Backend } from '../backends/backend.js';
import { createLocalBackend, type LocalBackendOptions } from '../backends/local.js';
import { createWorkerBackend } from '../backends/worker.js';
import type { IO } from '../cli/io.js';
import type { MemoryStore } from '../storage/store.js';
import { SAMPLE_END, SAMPLE_START, loadSampleStore } from './index.js';
import { loadDatasetFile as loadFile } from './load-file.js';

/** Show progress only after this long, so quick loads stay quiet. */
const PROGRESS_AFTER_MS = 1000;

/** The sample's backend options: its documented window, so the default evaluation time is SAMPLE_END. */
export const SAMPLE_BACKEND_OPTIONS: LocalBackendOptions = {
  name: 'sample',
  description: 'sample dataset (embedded engine)',
  dataRange: { start: SAMPLE_START, end: SAMPLE_END },
};

/**
 * The local backend for the sample (or `file`). By default the engine runs in
 * a worker thread and Ctrl-C can cancel a query; close() the backend when done.
 * `inProcess` keeps it in this thread (no cancellation of a running query;
 * nothing to close), for tests and library use.
 */
export async function openLocalDataset(opts: { file?: string; inProcess?: boolean }, io: IO): Promise<Backend> {
  const name = opts.file ? basename(opts.file) : SAMPLE_BACKEND_OPTIONS.name;
  const backendOpts = opts.file ? { name, description: `${name} (embedded engine)` } : SAMPLE_BACKEND_OPTIONS;
  if (opts.inProcess) {
    const store = opts.file ? await loadDatasetFile(opts.file, io) : loadSampleStore();
    return createLocalBackend(store, backendOpts);
  }
  if (!opts.file) return createWorkerBackend({ kind: 'sample' }, backendOpts);
  const progress = progressReporter(opts.file, io);
  try {
    return await createWorkerBackend({ kind: 'file', path: opts.file }, backendOpts, { onProgress: progress.update });
  } finally {
    progress.done();
  }
}

/** The sample store, or a dataset file loaded in this thread (with progress on a terminal). */
export async function loadDatasetFile(file: string, io: IO): Promise<MemoryStore> {
  const progress = progressReporter(file, io);
  try {
    return await loadFile(file, progress.update);
  } finally {
    progress.done();
  }
}

export { loadSampleStore };

function stderrIsTTY(io: IO): boolean {
  return io.stdout === process.stdout ? Boolean(process.stderr.isTTY) : io.isTTY;
}

/** A progress line on stderr, shown only on a terminal and only for slow loads. */
function progressReporter(file: string, io: IO) {
  const started = Date.now();
  let shown = false;
  return {
    update: (done: number, total?: number) => {
      if (!stderrIsTTY(io) || Date.now() - started < PROGRESS_AFTER_MS) return;
      const pct = total ? ` ${Math.floor((100 * done) / total)}%` : '';
      io.err(`\rloading ${basename(file)}…${pct}`);
      shown = true;
    },
    done: () => {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
