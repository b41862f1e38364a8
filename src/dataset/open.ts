// Opens the bundled sample dataset, or a user's OpenMetrics / text-format file
// (--dataset FILE), as a local backend over the embedded engine.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Backend } from '../backends/backend.js';
import { createLocalBackend } from '../backends/local.js';
import type { IO } from '../cli/io.js';
import { UsageError } from '../errors.js';
import { parseExposition } from '../storage/exposition.js';
import type { MemoryStore } from '../storage/store.js';
import { loadSampleStore } from './index.js';

/** Show progress only after this long, so quick loads stay quiet. */
const PROGRESS_AFTER_MS = 1000;

export async function openLocalDataset(opts: { file?: string }, io: IO): Promise<Backend> {
  if (!opts.file) {
    return createLocalBackend(loadSampleStore(), { name: 'sample', description: 'sample dataset (embedded engine)' });
  }
  const store = await loadDatasetFile(opts.file, io);
  const name = basename(opts.file);
  return createLocalBackend(store, { name, description: `${name} (embedded engine)` });
}

/** Reads and parses a dataset file; every failure is a UsageError naming the file. */
export async function loadDatasetFile(file: string, io: IO): Promise<MemoryStore> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new UsageError(`cannot read dataset ${file}: ${reason}`, 'pass an OpenMetrics or Prometheus text-format file with timestamps');
  }
  const progress = progressReporter(file, io);
  let store: MemoryStore;
  try {
    store = parseExposition(text, { onProgress: progress.update, requireTimestamps: true });
  } catch (e) {
    const err = e as Error & { line?: number; hint?: string };
    const where = typeof err.line === 'number' && !/\bline\b/.test(err.message) ? `line ${err.line}: ` : '';
    throw new UsageError(
      `cannot load dataset ${file}: ${where}${err.message}`,
      err.hint ?? 'the file must be OpenMetrics or Prometheus text format, with a timestamp on every sample',
    );
  } finally {
    progress.done();
  }
  // An empty dataset would make every query "no series matched": say why once, here.
  if (store.numSeries === 0) throw new UsageError(`dataset ${file} has no samples`, 'the file must hold metric lines such as: up{job="api"} 1 1768474800000');
  return store;
}

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
