// The tokenizing thread of a big file's load (see load-threaded.ts): reads
// the file into the shared slots in turn and tokenizes their lines
// (storage/line-tokens.ts), so that the loading thread only finds series and
// appends samples. It keeps the texts of the file's series (to give each a
// key); they go when it ends.

import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { LineTokenizer } from '../storage/line-tokens.js';
import {
  CANCEL,
  CONTROL_INTS,
  EMPTY,
  FAILED,
  FULL,
  LAST,
  LONG_LINE,
  readFully,
  SLOT_BYTES,
  SLOTS,
  SharedSlots,
  type TokenizeInit,
} from './token-slots.js';

const NL = 10;
/** The first chunk's size; each next one is twice the last, up to SLOT_BYTES. */
const FIRST_BYTES = 64 << 10;

function run(init: TokenizeInit): void {
  const shared = new SharedSlots(init.control, init.slotBuffers);
  const control = shared.control;
  const tokenizer = new LineTokenizer();
  const fd = openSync(init.file, 'r');
  try {
    let pos = init.head > 0 ? tokenizeHead(fd, init.head, tokenizer, shared) : 0;
    let fills = 0;
    for (let k = 0; ; k = (k + 1) % SLOTS) {
      // Wait for the loading thread to hand the slot back.
      for (let s = shared.state(k); s !== EMPTY; s = shared.state(k)) {
        if (Atomics.load(control, CANCEL) !== 0) return;
        Atomics.wait(control, k * CONTROL_INTS, s);
      }
      if (Atomics.load(control, CANCEL) !== 0) return;
      const bytes = shared.bytes[k];
      // The first chunks are small, so that the loading thread starts sooner
      // (both threads run cold code at first); a line longer than a small chunk gets a whole slot.
      let want = Math.min(SLOT_BYTES, FIRST_BYTES * 2 ** fills++);
      let n = readFully(fd, bytes, pos, want);
      let end = n < want ? n : bytes.lastIndexOf(NL, n - 1) + 1;
      if (end === 0 && n === want && want < SLOT_BYTES) {
        want = SLOT_BYTES;
        n = readFully(fd, bytes, pos, want);
        end = n < want ? n : bytes.lastIndexOf(NL, n - 1) + 1;
      }
      const eof = n < want;
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

/**
 * The head the loading thread reads and tokenizes itself while this thread
 * starts (load-threaded.ts): tokenized here as well, into slot 0 (not handed
 * over yet) and dropped, so that every text has the same key in both
 * threads. Returns where the slots start.
 */
function tokenizeHead(fd: number, head: number, tokenizer: LineTokenizer, shared: SharedSlots): number {
  const b = shared.bytes[0].subarray(0, readFully(fd, shared.bytes[0], 0, head));
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  for (let at = 0; at < b.length;) {
    const stop = tokenizer.tokenize(b, view, at, false, shared.records[0]);
    // Only a head cut short (the file changed) ends without a newline.
    if (stop === at) break;
    at = stop;
  }
  return b.length;
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
