// The one place that turns the user's backend choices into a Backend:
// a Prometheus server (--server / PROMETHEUS_URL), a dataset file
// (--dataset FILE), or the bundled sample. Local backends run the engine in a
// worker thread so that Ctrl-C can cancel a running query.

import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { SAMPLE_END, SAMPLE_START, loadSampleStore } from '../dataset/index.js';
import { loadDatasetFile as loadFile } from '../dataset/load-file.js';
import type { MemoryStore } from '../storage/store.js';
import type { Backend } from './backend.js';
import { createLocalBackend, type LocalBackendOptions } from './local.js';
import type { BackendHost, BackendOptions } from './options.js';

/** Show progress only after this long, so quick loads stay quiet. */
const PROGRESS_AFTER_MS = 1000;

/** The sample's backend options: its documented window, so the default evaluation time is SAMPLE_END. */
export const SAMPLE_BACKEND_OPTIONS: LocalBackendOptions = {
  name: 'sample',
  description: 'sample dataset (embedded engine)',
  dataRange: { start: SAMPLE_START, end: SAMPLE_END },
};

/** Opens the backend the options choose: remote with --server / PROMETHEUS_URL, else local. Close it when done. */
export async function openBackend(opts: BackendOptions, host: BackendHost): Promise<Backend> {
  const server = opts.server ?? host.env.PROMETHEUS_URL;
  if (server && opts.dataset) {
    throw new UsageError('--server and --dataset cannot be used together', 'drop one of them (PROMETHEUS_URL counts as --server)');
  }
  if (server) {
    const { createRemoteBackend } = await import('./remote.js');
    return createRemoteBackend({ ...opts, server }, host);
  }
  return openLocalDataset({ file: opts.dataset }, host);
}

/**
 * The local backend for the sample (or `file`). By default the engine runs in
 * a worker thread and Ctrl-C can cancel a query; close() the backend when done.
 * `inProcess` keeps it in this thread (no cancellation of a running query;
 * nothing to close), for tests and library use.
 */
export async function openLocalDataset(opts: { file?: string; inProcess?: boolean }, host: BackendHost): Promise<Backend> {
  const name = opts.file ? basename(opts.file) : SAMPLE_BACKEND_OPTIONS.name;
  const backendOpts = opts.file ? { name, description: `${name} (embedded engine)` } : SAMPLE_BACKEND_OPTIONS;
  if (opts.inProcess) {
    const store = opts.file ? await loadDatasetFile(opts.file, host) : loadSampleStore();
    return createLocalBackend(store, backendOpts);
  }
  const { createWorkerBackend } = await import('./worker.js');
  if (!opts.file) return createWorkerBackend({ kind: 'sample' }, backendOpts);
  const progress = progressReporter(opts.file, host);
  try {
    return await createWorkerBackend({ kind: 'file', path: opts.file }, backendOpts, { onProgress: progress.update });
  } finally {
    progress.done();
  }
}

/** A dataset file loaded in this thread (with progress on a terminal). */
export async function loadDatasetFile(file: string, host: BackendHost): Promise<MemoryStore> {
  const progress = progressReporter(file, host);
  try {
    return await loadFile(file, progress.update);
  } finally {
    progress.done();
  }
}

/** A progress line, shown only where the host has a status line and only for slow loads. */
function progressReporter(file: string, host: BackendHost) {
  const started = Date.now();
  let shown = false;
  return {
    update: (done: number, total?: number) => {
      if (!host.status || Date.now() - started < PROGRESS_AFTER_MS) return;
      const pct = total ? ` ${Math.floor((100 * done) / total)}%` : '';
      host.status(`loading ${basename(file)}…${pct}`);
      shown = true;
    },
    done: () => {
      if (shown) host.status?.('');
    },
  };
}
