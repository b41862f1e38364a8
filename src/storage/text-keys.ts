// The distinct series texts (`name{labels}` as written in a file) a file's
// lines have, each by a small dense key, as bytes in blocks of 1 MiB (filled
// in turn, never copied: a file of a million series has tens of MB of them),
// found by a hash of their bytes. Each entry also keeps the entry that came
// after it last time: a file that repeats the same scrape of many series
// (time-major order) finds a line's text by one compare with the predicted
// one, without hashing it. The line tokenizer (line-tokens.ts) gives keys;
// which series a key is, the store decides (exposition-bytes.ts).

import { grownInt32 } from './growing.js';
import { copyBytes, hashBytes, rehashed } from './strings.js';

const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
/** Entries are found by an int32 position (block * BLOCK + offset): at most this many blocks. */
const MAX_BLOCKS = 2047;

export class TextKeys {
  private readonly blocks: Uint8Array[] = [];
  private readonly views: DataView[] = [];
  /** The block being filled (the last of blocks) and how much of it is used. */
  private bytes = new Uint8Array(0);
  private view = new DataView(this.bytes.buffer);
  private used = 0;
  /** Per entry: where its bytes are, how many, and the entry read after it last time (-1: none). */
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private next = new Int32Array(1024);
  private count = 0;
  /** Open addressing, at most half full: per slot, key + 1 (0 for empty) and the text's hash. */
  private slots = new Int32Array(4096);

  get size(): number {
    return this.count;
  }

  /** Length in bytes of an entry's text. */
  textLength(k: number): number {
    return this.length[k];
  }

  /** The entry that followed entry k last time, -1 if none. */
  predicted(k: number): number {
    return k < 0 ? -1 : this.next[k];
  }

  /** Entry `then` was read after entry k. */
  follows(k: number, then: number): void {
    if (k >= 0) this.next[k] = then;
  }

  /** The hash keyHashed() finds the text b[s, e) by. */
  static hash(view: DataView, b: Uint8Array, s: number, e: number): number {
    return hashBytes(view, b, s, e);
  }

  /**
   * Reads the slot a text of hash h is looked for first, and returns it (to
   * be summed and dropped): in a table of a million texts that read waits on
   * memory; started a few texts ahead of keyHashed(), it overlaps with their work
   * (see LineTokenizer's runs of new texts).
   */
  touch(h: number): number {
    const slots = this.slots;
    return slots[2 * (h & ((slots.length >> 1) - 1))];
  }

  /**
   * The key of the text b[s, e) of hash h (TextKeys.hash): the one it has,
   * or a new one; -1 when there is no room (a text over 1 MiB, 2 GiB of texts).
   */
  keyHashed(view: DataView, b: Uint8Array, s: number, e: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const n = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return this.add(view, b, s, n, h, i);
      if (slots[2 * i + 1] === h && this.same(k, view, b, s, n)) return k;
    }
  }

  private add(view: DataView, b: Uint8Array, s: number, n: number, h: number, slot: number): number {
    if (this.used + n > this.bytes.length) {
      if (n > BLOCK || this.blocks.length === MAX_BLOCKS) return -1;
      this.bytes = new Uint8Array(BLOCK);
      this.view = new DataView(this.bytes.buffer);
      this.blocks.push(this.bytes);
      this.views.push(this.view);
      this.used = 0;
    }
    if (this.count === this.start.length) {
      this.start = grownInt32(this.start);
      this.length = grownInt32(this.length);
      this.next = grownInt32(this.next);
    }
    const k = this.count++;
    copyBytes(view, b, s, n, this.view, this.used);
    this.start[k] = (this.blocks.length - 1) * BLOCK + this.used;
    this.length[k] = n;
    this.next[k] = -1;
    this.used += n;
    this.slots[2 * slot] = k + 1;
    this.slots[2 * slot + 1] = h;
    // Four times larger, not two: half the rehashing (this table lives only while a file is read).
    if (4 * this.count > this.slots.length) this.slots = rehashed(this.slots, 4 * this.slots.length);
    return k;
  }

  /**
   * Whether the n bytes at b[s] are entry k's text: eight bytes a step, from
   * the end (series of a family differ last), as little-endian doubles.
   * Equal doubles are equal bytes except 0 and -0 (eight zero bytes against
   * seven and 0x80), and NaN is equal to no NaN (a byte from 0xf0, then 0x7f
   * or 0xff: bytes that are not UTF-8, but a file may hold them): such words
   * are compared again as ints.
   */
  same(k: number, view: DataView, b: Uint8Array, s: number, n: number): boolean {
    if (this.length[k] !== n) return false;
    const pos = this.start[k];
    const block = pos >>> BLOCK_BITS;
    const at = pos & (BLOCK - 1);
    const mine = this.views[block];
    let q = n - 8;
    // Little-endian: equal either way, and no byte swap a read. Kept small (the tokenizer's loop inlines it).
    for (; q >= 0; q -= 8) {
      const x = view.getFloat64(s + q, true);
      const y = mine.getFloat64(at + q, true);
      if (x !== y || x === 0) {
        // Different, unless both are NaN; 0 and -0 are equal as doubles.
        if (x !== y && (x === x || y === y)) return false;
        if (!sameWord(view, s + q, mine, at + q)) return false;
      }
    }
    const bytes = this.blocks[block];
    for (q += 7; q >= 0; q--) if (b[s + q] !== bytes[at + q]) return false;
    return true;
  }
}

/** Whether the eight bytes at a[i] and b[j] are equal, as two ints (a word that is ±0 or NaN as a double). */
function sameWord(a: DataView, i: number, b: DataView, j: number): boolean {
  return a.getInt32(i, true) === b.getInt32(j, true) && a.getInt32(i + 4, true) === b.getInt32(j + 4, true);
}
