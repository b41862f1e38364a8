// Loads a user's dataset file (--dataset FILE): OpenMetrics or Prometheus text
// format with a timestamp on every sample. Every failure is a UsageError that
// names the file (and the line, for bad content). Used in-process by
// `dataset export --dataset` and inside the query worker.

import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { parseExposition } from '../storage/exposition.js';
import type { MemoryStore } from '../storage/store.js';

type LoadProgress = (linesDone: number, totalLines: number | undefined) => void;

export async function loadDatasetFile(file: string, onProgress?: LoadProgress): Promise<MemoryStore> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new UsageError(`cannot read dataset ${file}: ${reason}`, 'pass an OpenMetrics or Prometheus text-format file with timestamps');
  }
  let store: MemoryStore;
  try {
    store = parseExposition(text, { onProgress, requireTimestamps: true });
  } catch (e) {
    const err = e as Error & { line?: number; hint?: string };
    const where = typeof err.line === 'number' && !/\bline\b/.test(err.message) ? `line ${err.line}: ` : '';
    throw new UsageError(
      `cannot load dataset ${file}: ${where}${err.message}`,
      err.hint ?? 'the file must be OpenMetrics or Prometheus text format, with a timestamp on every sample',
    );
  }
  // An empty dataset would make every query "no series matched": say why once, here.
  if (store.numSeries === 0) throw new UsageError(`dataset ${file} has no samples`, 'the file must hold metric lines such as: up{job="api"} 1 1768474800000');
  return store;
}
