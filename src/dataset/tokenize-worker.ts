// The tokenizing thread of a big file's load (see load-threaded.ts): reads
// the file into the shared slots in turn and tokenizes their lines
// (storage/line-tokens.ts), so that the loading thread only finds series and
// appends samples. It keeps the texts of the file's series (to give each a
// key); they go when it ends.

import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { LineTokenizer } from '../storage/line-tokens.js';
import { CANCEL, CONTROL_INTS, EMPTY, FAILED, FULL, LAST, LONG_LINE, SLOT_BYTES, SLOTS, SharedSlots, type TokenizeInit } from './token-slots.js';

const NL = 10;

function run(init: TokenizeInit): void {
  const shared = new SharedSlots(init.control, init.slotBuffers);
  const control = shared.control;
  const tokenizer = new LineTokenizer(init.om);
  const fd = openSync(init.file, 'r');
  try {
    let pos = 0;
    for (let k = 0; ; k = (k + 1) % SLOTS) {
      // Wait for the loading thread to hand the slot back.
      for (let s = shared.state(k); s !== EMPTY; s = shared.state(k)) {
        if (Atomics.load(control, CANCEL) !== 0) return;
        Atomics.wait(control, k * CONTROL_INTS, s);
      }
      if (Atomics.load(control, CANCEL) !== 0) return;
      const bytes = shared.bytes[k];
      const n = readFully(fd, bytes, pos);
      const eof = n < SLOT_BYTES;
      const end = eof ? n : bytes.lastIndexOf(NL, n - 1) + 1;
      shared.offset[k] = pos;
      if (end === 0 && !eof) {
        shared.mark(k, LONG_LINE);
        return;
      }
      const b = bytes.subarray(0, end);
      const records = shared.records[k];
      const stop = tokenizer.tokenize(b, new DataView(b.buffer, b.byteOffset, end), 0, eof, records);
      shared.filled(k, stop, records.n);
      pos += stop;
      const last = eof && stop === end;
      shared.mark(k, last ? LAST : FULL);
      if (last) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads SLOT_BYTES at `pos` (fewer only at the end of the file). */
function readFully(fd: number, into: Buffer, pos: number): number {
  let n = 0;
  while (n < SLOT_BYTES) {
    const got = readSync(fd, into, n, SLOT_BYTES - n, pos + n);
    if (got === 0) break;
    n += got;
  }
  return n;
}

const init = workerData as TokenizeInit;
try {
  run(init);
} catch (e) {
  parentPort?.postMessage({ message: (e as Error).message, code: (e as NodeJS.ErrnoException).code });
  // Every slot FAILED: the loading thread may be waiting on any of them.
  const shared = new SharedSlots(init.control, init.slotBuffers);
  for (let k = 0; k < SLOTS; k++) shared.mark(k, FAILED);
}
