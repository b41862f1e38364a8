// What the file-loading thread and the tokenizing thread share when a big
// file is read in two threads (load-threaded.ts, tokenize-worker.ts): a ring
// of slots, each a chunk of the file's bytes and the records of its lines,
// and a control array that says whose turn each slot is. The tokenizing
// thread fills a slot that is EMPTY and marks it FULL (LAST for the end of
// the file); the loading thread takes its records and hands it back EMPTY.

import { readSync } from 'node:fs';
import { LineRecords } from '../storage/line-tokens.js';

export const SLOTS = 8;
/** Bytes of the file a slot holds; a line longer than this is read in the loading thread (LONG_LINE). */
export const SLOT_BYTES = 4 << 20;
/** Records a slot holds (a line of the file is one; lines average tens of bytes). */
export const SLOT_RECORDS = 1 << 16;

/** A slot's state, the first of its CONTROL_INTS ints. */
export const EMPTY = 0;
export const FULL = 1;
/** FULL, and the file ends with this slot's lines. */
export const LAST = 2;
/** The tokenizing thread failed (its error comes as a message). */
export const FAILED = 3;
/** The slot's first line does not fit in a slot: the loading thread reads the rest from `offset`. */
export const LONG_LINE = 4;

/** Per slot: state, bytes the records cover, records. */
export const CONTROL_INTS = 4;
/** The int the loading thread sets to 1 when it stops early (after the slots' ints). */
export const CANCEL = SLOTS * CONTROL_INTS;

export interface TokenizeInit {
  file: string;
  /** Bytes at the file's start that the loading thread reads itself (whole lines): tokenized here only for their keys. */
  head: number;
  control: SharedArrayBuffer;
  slotBuffers: SharedArrayBuffer[];
}

/** Reads `want` bytes of file `fd` at `pos` into `into` (fewer only at the end of the file); returns how many. */
export function readFully(fd: number, into: Buffer, pos: number, want: number): number {
  let n = 0;
  while (n < want) {
    const got = readSync(fd, into, n, want - n, pos + n);
    if (got === 0) break;
    n += got;
  }
  return n;
}

/** The error the tokenizing thread posts before it marks a slot FAILED. */
export interface TokenizeFailure {
  message: string;
  code?: string;
}

export class SharedSlots {
  readonly control: Int32Array;
  /** Per slot: where in the file its bytes start. */
  readonly offset: Float64Array;
  readonly bytes: Buffer[];
  readonly records: LineRecords[];

  constructor(
    readonly controlBuffer = new SharedArrayBuffer(8 * SLOTS + 4 * (CANCEL + 1)),
    readonly slotBuffers = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(SLOT_BYTES + LineRecords.bytesFor(SLOT_RECORDS))),
  ) {
    this.offset = new Float64Array(controlBuffer, 0, SLOTS);
    this.control = new Int32Array(controlBuffer, 8 * SLOTS, CANCEL + 1);
    this.bytes = slotBuffers.map((b) => Buffer.from(b, 0, SLOT_BYTES));
    this.records = slotBuffers.map((b) => new LineRecords(SLOT_RECORDS, b, SLOT_BYTES));
  }

  /** Sets slot k's state and wakes the other thread. */
  mark(k: number, state: number): void {
    Atomics.store(this.control, k * CONTROL_INTS, state);
    Atomics.notify(this.control, k * CONTROL_INTS);
  }

  state(k: number): number {
    return Atomics.load(this.control, k * CONTROL_INTS);
  }

  /** Slot k's records and the bytes they cover. */
  filled(k: number, covered: number, records: number): void {
    this.control[k * CONTROL_INTS + 1] = covered;
    this.control[k * CONTROL_INTS + 2] = records;
  }

  covered(k: number): number {
    return this.control[k * CONTROL_INTS + 1];
  }

  count(k: number): number {
    return this.control[k * CONTROL_INTS + 2];
  }
}
