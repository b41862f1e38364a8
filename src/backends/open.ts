// The one place that turns the user's backend choices into a Backend:
// a Prometheus server (--server / PROMETHEUS_URL), a dataset file
// (--dataset FILE), or the bundled sample. Local backends run the engine in a
// worker thread so that Ctrl-C can cancel a running query (for the sample, only
// once a query runs longer than a moment: see worker-lazy.ts).

import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { openSampleStore } from '../dataset/sample.js';
import { SAMPLE_END, SAMPLE_START } from '../dataset/timeline.js';
import type { MemoryStore } from '../storage/store.js';
import type { Backend } from './backend.js';
import { createLocalBackend, type LocalBackendOptions } from './local.js';
import type { BackendHost, BackendOptions } from './options.js';
import { t } from '../util/messages/index.js';

/** Show progress only after this long, so quick loads stay quiet. */
const PROGRESS_AFTER_MS = 1000;

/**
 * The sample's backend options: its documented window, so the default evaluation time is SAMPLE_END.
 * The description is read when a backend is made, in the language of the run (set after this module loads).
 */
export const SAMPLE_BACKEND_OPTIONS: LocalBackendOptions = {
  name: 'sample',
  get description() {
    return t('backend.sample');
  },
  dataRange: { start: SAMPLE_START, end: SAMPLE_END },
};

/** Opens the backend the options choose: remote with --server / PROMETHEUS_URL, else local. Close it when done. */
export async function openBackend(opts: BackendOptions, host: BackendHost): Promise<Backend> {
  const server = opts.server ?? host.env.PROMETHEUS_URL;
  if (server && opts.dataset) {
    throw new UsageError(t('backend.serverAndDataset'), t('backend.serverAndDatasetHint'));
  }
  if (server && opts.maxSamples !== undefined) {
    throw new UsageError(t('backend.maxSamplesServer'), t('backend.maxSamplesServerHint'));
  }
  if (opts.nhcb && !opts.dataset) {
    throw new UsageError(t('backend.nhcb'), server ? t('backend.nhcbServerHint') : t('backend.nhcbSampleHint'));
  }
  if (server) {
    const { createRemoteBackend } = await import('./remote.js');
    return createRemoteBackend({ ...opts, server }, host);
  }
  return openLocalDataset({ file: opts.dataset, maxSamples: opts.maxSamples, nhcb: opts.nhcb }, host);
}

/**
 * The local backend for the sample (or `file`). By default the engine runs in
 * a worker thread and Ctrl-C can cancel a query; close() the backend when done.
 * `inProcess` keeps it in this thread (no cancellation of a running query;
 * nothing to close), for tests and library use.
 */
export async function openLocalDataset(
  opts: { file?: string; inProcess?: boolean; maxSamples?: number; nhcb?: boolean },
  host: BackendHost,
): Promise<Backend> {
  const name = opts.file ? basename(opts.file) : SAMPLE_BACKEND_OPTIONS.name;
  const described = opts.file ? { name, description: t('backend.file', { name }) } : SAMPLE_BACKEND_OPTIONS;
  const backendOpts: LocalBackendOptions = { ...described, maxSamples: opts.maxSamples };
  if (opts.inProcess) {
    const store = opts.file ? await loadDatasetFile(opts.file, host, opts.nhcb) : await openSampleStore();
    return createLocalBackend(store, backendOpts);
  }
  if (!opts.file) {
    // The sample loads in milliseconds (a prebuilt snapshot): queries run here, and a worker starts only for a slow one.
    const { createLazyWorkerBackend } = await import('./worker-lazy.js');
    const startWorker = async () => (await import('./worker.js')).createWorkerBackend({ kind: 'sample' }, backendOpts);
    return createLazyWorkerBackend(await openSampleStore(), backendOpts, startWorker);
  }
  const { createWorkerBackend } = await import('./worker.js');
  const progress = progressReporter(opts.file, host);
  try {
    return await createWorkerBackend({ kind: 'file', path: opts.file, nhcb: opts.nhcb }, backendOpts, { onProgress: progress.update });
  } finally {
    progress.done();
  }
}

/** A dataset file loaded in this thread (with progress on a terminal); `nhcb`: its classic histograms also as native ones. */
export async function loadDatasetFile(file: string, host: BackendHost, nhcb = false): Promise<MemoryStore> {
  const progress = progressReporter(file, host);
  try {
    const { loadDatasetFile: loadFile } = await import('../dataset/load-file.js');
    const store = await loadFile(file, progress.update);
    if (nhcb) (await import('../dataset/nhcb.js')).addNhcbForAll(store);
    return store;
  } finally {
    progress.done();
  }
}

const BAR_WIDTH = 24;

/** `loading big.om [#########---------------]  38%  323/850 MB` (bytes; without a total, just the count). */
export function progressLine(name: string, done: number, total?: number): string {
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  if (!total) return t('backend.loading', { name, done: mb(done) });
  const frac = Math.min(1, done / total);
  const filled = Math.round(frac * BAR_WIDTH);
  const pct = String(Math.floor(frac * 100)).padStart(3);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  return t('backend.loadingBar', { name, bar, pct, done: mb(done), total: mb(total) });
}

/** A progress line, shown only where the host has a status line and only for slow loads. */
function progressReporter(file: string, host: BackendHost) {
  const started = Date.now();
  let shown = false;
  return {
    update: (done: number, total?: number) => {
      if (!host.status || Date.now() - started < PROGRESS_AFTER_MS) return;
      host.status(progressLine(basename(file), done, total));
      shown = true;
    },
    done: () => {
      if (shown) host.status?.('');
    },
  };
}
