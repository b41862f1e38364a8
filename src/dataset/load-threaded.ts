// A big file read in two threads: a worker reads and tokenizes its lines
// (tokenize-worker.ts) while this thread finds their series and appends the
// samples (storage/exposition-bytes.ts, `take`), through a ring of shared
// slots (token-slots.ts). The results, errors and line numbers are those of
// the one-thread path: the same halves run, in the same order of lines.

import { closeSync, openSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { t } from '../util/messages/index.js';
import { ByteExpositionParser } from '../storage/exposition-bytes.js';
import type { ExpositionParser } from '../storage/exposition.js';
import type { MemoryStore } from '../storage/store.js';
import {
  CANCEL,
  CONTROL_INTS,
  EMPTY,
  FAILED,
  LAST,
  LONG_LINE,
  readFully,
  SLOT_BYTES,
  SLOTS,
  SharedSlots,
  type TokenizeFailure,
  type TokenizeInit,
} from './token-slots.js';

/** Series checked at a time while the slot waited for is not ready. */
const SETTLE_STEP = 4096;
/**
 * Bytes at the start of the file this thread reads itself while the worker
 * starts (it waited for the worker's first records; measured: the
 * 1,000,000-series file loads ~70 ms sooner). The worker tokenizes them too,
 * only to give their texts the same keys. Larger or smaller heads (0.5-4
 * MiB) measured the same: both threads run cold code at first.
 */
const HEAD_BYTES = 2 << 20;

type LoadProgress = (bytesDone: number, totalBytes: number | undefined) => void;

/** Reads the file from `from` in this thread (a line longer than a slot). */
export type ReadRest = (bytes: ByteExpositionParser, from: number) => Promise<MemoryStore>;

export async function parseThreaded(
  file: string,
  size: number,
  parser: ExpositionParser,
  om: boolean,
  readRest: ReadRest,
  onProgress?: LoadProgress,
  headBytes = HEAD_BYTES,
): Promise<MemoryStore> {
  const shared = new SharedSlots();
  const head = headBytes > 0 ? readHead(file, Math.min(headBytes, SLOT_BYTES)) : Buffer.alloc(0);
  const init: TokenizeInit = { file, head: head.length, control: shared.controlBuffer, slotBuffers: shared.slotBuffers };
  // No inherited node flags (some are per-process only and make the constructor throw).
  const worker = new Worker(new URL('../dataset/tokenize-worker.js', import.meta.url), { workerData: init, execArgv: [] });
  const failed = new Promise<never>((_, reject) => {
    worker.on('message', (m: TokenizeFailure) => reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {})));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(t('dataset.threadStopped', { code }))));
  });
  // Not a rejection left unhandled when the load ends first (the worker's exit rejects it).
  failed.catch(() => undefined);
  const bytes = new ByteExpositionParser(parser, om, true);
  /** Bytes of the file taken so far. */
  let taken = head.length;
  try {
    if (head.length > 0) {
      bytes.feed(head);
      onProgress?.(head.length, size);
    }
    for (let k = 0; ; k = (k + 1) % SLOTS) {
      // While the slot is not ready, the series made as new are checked (see LabelSets.addNew), then the
      // memory the end's flush needs is prepared.
      while (shared.state(k) === EMPTY && (bytes.settle(SETTLE_STEP) || bytes.prepare(taken / size)));
      const wait = Atomics.waitAsync(shared.control, k * CONTROL_INTS, EMPTY);
      if (wait.async) await Promise.race([wait.value, failed]);
      const state = shared.state(k);
      if (state === FAILED) await failed;
      if (state === LONG_LINE) {
        // The rest is read the exact way; the series taken as new so far are checked first, as end() would.
        bytes.settle(Infinity);
        return await readRest(new ByteExpositionParser(parser, om), shared.offset[k]);
      }
      const covered = shared.covered(k);
      const b = shared.bytes[k].subarray(0, covered);
      bytes.take(b, new DataView(b.buffer, b.byteOffset, covered), shared.records[k], shared.count(k));
      taken = shared.offset[k] + covered;
      onProgress?.(taken, size);
      if (state === LAST) break;
      shared.mark(k, EMPTY);
    }
  } finally {
    Atomics.store(shared.control, CANCEL, 1);
    for (let k = 0; k < SLOTS; k++) Atomics.notify(shared.control, k * CONTROL_INTS);
    await worker.terminate();
  }
  return bytes.end();
}

/** The file's first `n` bytes up to their last newline (none: empty). */
function readHead(file: string, n: number): Buffer {
  const buf = Buffer.allocUnsafe(n);
  const fd = openSync(file, 'r');
  let got: number;
  try {
    got = readFully(fd, buf, 0, n);
  } finally {
    closeSync(fd);
  }
  return got === 0 ? buf.subarray(0, 0) : buf.subarray(0, buf.lastIndexOf(10, got - 1) + 1);
}
