// The store's label names and values, each distinct string once, by a small
// integer id: a series' label set is a run of (name id, value id) pairs in a
// typed array (label-sets.ts), not an object of its own. The table is open
// addressing over typed arrays (no Map entry a string), and a file parser can
// intern straight from the bytes of a line: a string read from bytes is kept
// as those bytes, in one arena, and becomes a JS string only when something
// reads it (`get`). A file of a million series brings half a million new
// label values that nothing reads until a query needs them.

import { grownInt32, writtenInt32 } from './growing.js';

/** Strings remembered per position of a label set (see StringTable.internBytesAt). */
const RECENT_WAYS = 16;

/** FNV-1a, four characters a step as one big-endian int: hashBytes over the latin1 bytes of a string gives the same. */
export function hashString(s: string): number {
  const n = s.length;
  let h = 0x811c9dc5 ^ n;
  let i = 0;
  for (; i + 4 <= n; i += 4)
    h = Math.imul(
      h ^ ((s.charCodeAt(i) << 24) | (s.charCodeAt(i + 1) << 16) | (s.charCodeAt(i + 2) << 8) | s.charCodeAt(i + 3)),
      0x01000193,
    );
  for (; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** hashString of the latin1 string b[s, e), without making it. */
export function hashBytes(view: DataView, b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  let i = s;
  for (; i + 4 <= e; i += 4) h = Math.imul(h ^ view.getInt32(i), 0x01000193);
  for (; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return mix(h);
}

/**
 * murmur3's finaliser: the low bits of a word-wise FNV depend only on the low
 * bits of each word, and tables index by the low bits.
 */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** b[s, s + n) to out at `at`, four bytes a step (Buffer.copy costs more per call than the few dozen bytes of a label or series). */
export function copyBytes(view: DataView, b: Uint8Array, s: number, n: number, out: DataView, at: number): void {
  let q = 0;
  for (; q + 4 <= n; q += 4) out.setInt32(at + q, view.getInt32(s + q, true), true);
  for (; q < n; q++) out.setUint8(at + q, b[s + q]);
}

/** Whether the n bytes at a[i] and b[j] are equal (four at a time). */
function sameBytes(av: DataView, a: Uint8Array, i: number, bv: DataView, b: Uint8Array, j: number, n: number): boolean {
  let q = 0;
  for (; q + 4 <= n; q += 4) if (av.getInt32(i + q, true) !== bv.getInt32(j + q, true)) return false;
  for (; q < n; q++) if (a[i + q] !== b[j + q]) return false;
  return true;
}

export class StringTable {
  /** Per id: the string, or undefined while it is only bytes in the arena. */
  private readonly strings: (string | undefined)[] = [];
  /**
   * Per id of a string interned from bytes: where its bytes are in the arena
   * and how many (made on the first such string: a store that never reads a
   * file has none).
   */
  private at = new Int32Array(0);
  private len = new Int32Array(0);
  /** Latin1 bytes of the strings interned from bytes. */
  private arena = new Uint8Array(0);
  private arenaView = new DataView(this.arena.buffer);
  /** The arena as a Buffer, to decode a string from (no Buffer object a string). */
  private arenaBuffer = Buffer.from(this.arena.buffer);
  private arenaUsed = 0;
  /** Open addressing, at most half full: per slot, id + 1 (0 for empty) and the string's hash. */
  private slots = new Int32Array(4096);

  get size(): number {
    return this.strings.length;
  }

  get(id: number): string {
    return this.strings[id] ?? this.made(id);
  }

  /** The JS string of a string held as bytes, made once. */
  private made(id: number): string {
    const a = this.at[id];
    return (this.strings[id] = this.arenaBuffer.toString('latin1', a, a + this.len[id]));
  }

  /** Whether string k is the JS string s. */
  private isString(k: number, s: string): boolean {
    const str = this.strings[k];
    if (str !== undefined) return str === s;
    const n = s.length;
    if (this.len[k] !== n) return false;
    const arena = this.arena;
    const a = this.at[k];
    for (let q = 0; q < n; q++) if (s.charCodeAt(q) !== arena[a + q]) return false;
    return true;
  }

  /**
   * Whether string k is the latin1 string b[s, s + n). A string read from
   * bytes keeps them, also once its JS string is made (label names are, to
   * be sorted): compared four bytes a step, not a character at a time.
   */
  private isBytes(k: number, view: DataView, b: Uint8Array, s: number, n: number): boolean {
    const len = k < this.len.length ? this.len[k] : 0;
    if (len > 0) return len === n && sameBytes(this.arenaView, this.arena, this.at[k], view, b, s, n);
    const str = this.strings[k];
    // Not made yet, so read from bytes: the empty string.
    if (str === undefined) return n === 0;
    if (str.length !== n) return false;
    for (let q = 0; q < n; q++) if (str.charCodeAt(q) !== b[s + q]) return false;
    return true;
  }

  /** The id of `s`, made if new. */
  intern(s: string): number {
    const h = hashString(s);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) {
        const id = this.add(h, i);
        this.strings.push(s);
        return id;
      }
      if (slots[2 * i + 1] === h && this.isString(k, s)) return k;
    }
  }

  /** The id of the latin1 string b[s, e), made if new (kept as bytes). */
  internBytes(view: DataView, b: Uint8Array, s: number, e: number): number {
    const h = hashBytes(view, b, s, e);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const n = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return this.addBytes(h, i, view, b, s, n);
      if (slots[2 * i + 1] === h && this.isBytes(k, view, b, s, n)) return k;
    }
  }

  /**
   * Per position of a label set as a parser reads it (name, value, name, …):
   * strings met there, RECENT_WAYS of them by a fingerprint of their first
   * and last bytes and length (-1: none). Series next to each other in a file
   * mostly share their metric name (or alternate between a few), label names
   * and many values (a handful of jobs or status codes in turn).
   */
  private readonly recent = new Int32Array(64 * RECENT_WAYS).fill(-1);

  /** internBytes for the string at position `at` (< 64) of a label set: one compare when it is one met there lately. */
  internBytesAt(at: number, view: DataView, b: Uint8Array, s: number, e: number): number {
    const n = e - s;
    const way = at * RECENT_WAYS + (n > 0 ? (b[s] + 3 * b[e - 1] + n) & (RECENT_WAYS - 1) : 0);
    const k = this.recent[way];
    if (k >= 0 && this.isBytes(k, view, b, s, n)) return k;
    return (this.recent[way] = this.internBytes(view, b, s, e));
  }

  /** The id of `s` if the table has it, else -1. */
  find(s: string): number {
    const h = hashString(s);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return -1;
      if (slots[2 * i + 1] === h && this.isString(k, s)) return k;
    }
  }

  private addBytes(h: number, slot: number, view: DataView, b: Uint8Array, s: number, n: number): number {
    if (this.arenaUsed + n > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + n, 1 << 14));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
      this.arenaView = new DataView(arena.buffer);
      this.arenaBuffer = Buffer.from(arena.buffer);
    }
    const id = this.add(h, slot);
    this.strings.push(undefined);
    if (id >= this.at.length) {
      this.at = grownInt32(this.at, Math.max(id + 1, 1024));
      this.len = grownInt32(this.len, Math.max(id + 1, 1024));
    }
    const a = this.arenaUsed;
    this.at[id] = a;
    this.len[id] = n;
    copyBytes(view, b, s, n, this.arenaView, a);
    this.arenaUsed = a + n;
    return id;
  }

  /** A new id in slot `slot` (the caller pushes its string). */
  private add(h: number, slot: number): number {
    const id = this.strings.length;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    if (4 * (id + 1) > this.slots.length) this.slots = rehashed(this.slots);
    return id;
  }
}

/** A slot table ([entry + 1, hash] per slot) of twice the size (or `size` ints), with the same entries (probed as it is filled: written first, see growing.ts). */
export function rehashed(old: Int32Array, size = old.length * 2): Int32Array<ArrayBuffer> {
  const slots = writtenInt32(size);
  const mask = (slots.length >> 1) - 1;
  for (let j = 0; j < old.length; j += 2) {
    if (old[j] === 0) continue;
    const h = old[j + 1];
    let i = h & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    slots[2 * i] = old[j];
    slots[2 * i + 1] = h;
  }
  return slots;
}
