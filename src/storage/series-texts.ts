// The series texts (`name{labels}` as written in a file) the byte parser has
// met, as bytes: one growing arena and an open-addressing table from a hash of
// the bytes to entries, so that finding a line's series makes no string and no
// Map entry. Each entry also remembers which entry came after it last time: a
// file that repeats the same scrape of many series (time-major order) then
// finds a line's series by one compare with the predicted text, not a lookup.

import { rehashed } from './strings.js';

export class SeriesTexts {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private used = 0;
  /** Per entry: where its bytes are, how many, its series id, and the entry read after it last time (-1: none). */
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private next = new Int32Array(1024);
  private count = 0;
  /** Open addressing, at most half full: per slot, entry + 1 (0 for empty) and the text's hash. */
  private slots = new Int32Array(4096);

  /** The entry of the text b[s, e) (hash h), or -1 when it is new. */
  find(view: DataView, b: Uint8Array, s: number, e: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return -1;
      if (slots[2 * i + 1] === h && this.same(k, view, b, s, e - s)) return k;
    }
  }

  /** Series id of an entry. */
  seriesId(k: number): number {
    return this.ids[k];
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

  /** A new entry for the text b[s, e) (hash h) of series `id`; returns it. */
  add(b: Uint8Array, s: number, e: number, h: number, id: number): number {
    const n = e - s;
    if (this.used + n > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer);
    }
    if (this.count === this.ids.length) {
      this.start = grown(this.start);
      this.length = grown(this.length);
      this.ids = grown(this.ids);
      this.next = grown(this.next);
    }
    const k = this.count++;
    copyBytes(b, s, e, this.bytes, this.used);
    this.start[k] = this.used;
    this.length[k] = n;
    this.ids[k] = id;
    this.next[k] = -1;
    this.used += n;
    const mask = (this.slots.length >> 1) - 1;
    let i = h & mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & mask;
    this.slots[2 * i] = k + 1;
    this.slots[2 * i + 1] = h;
    if (4 * this.count > this.slots.length) this.slots = rehashed(this.slots);
    return k;
  }

  /** Whether the n bytes at b[s] are entry k's text (four bytes a step, from the end: series of a family differ last). */
  same(k: number, view: DataView, b: Uint8Array, s: number, n: number): boolean {
    if (this.length[k] !== n) return false;
    const at = this.start[k];
    const mine = this.view;
    let q = n - 4;
    for (; q >= 0; q -= 4) if (view.getInt32(s + q) !== mine.getInt32(at + q)) return false;
    for (q += 3; q >= 0; q--) if (b[s + q] !== this.bytes[at + q]) return false;
    return true;
  }
}

/** b[s, e) to out at `at`: a loop, for the few dozen bytes of a series (Buffer.copy costs more per call than that). */
function copyBytes(b: Uint8Array, s: number, e: number, out: Uint8Array, at: number): void {
  for (let i = s; i < e; i++) out[at++] = b[i];
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
