// The store's label names and values, each distinct string once, by a small
// integer id: a series' label set is a run of (name id, value id) pairs in a
// typed array (label-sets.ts), not an object of its own. The table is open
// addressing over typed arrays (no Map entry a string), and a file parser can
// intern straight from the bytes of a line: a string is only made for a value
// the store has not seen.

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

export class StringTable {
  private readonly strings: string[] = [];
  /** Open addressing, at most half full: per slot, id + 1 (0 for empty) and the string's hash. */
  private slots = new Int32Array(4096);

  get size(): number {
    return this.strings.length;
  }

  get(id: number): string {
    return this.strings[id];
  }

  /** The id of `s`, made if new. */
  intern(s: string): number {
    const h = hashString(s);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return this.add(s, h, i);
      if (slots[2 * i + 1] === h && this.strings[k] === s) return k;
    }
  }

  /** The id of the latin1 string b[s, e), made if new (the only case that makes a string). */
  internBytes(view: DataView, b: Buffer, s: number, e: number): number {
    const h = hashBytes(view, b, s, e);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const n = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return this.add(b.toString('latin1', s, e), h, i);
      if (slots[2 * i + 1] !== h) continue;
      const str = this.strings[k];
      if (str.length !== n) continue;
      let q = 0;
      while (q < n && str.charCodeAt(q) === b[s + q]) q++;
      if (q === n) return k;
    }
  }

  /**
   * Per position of a label set as a parser reads it (name, value, name, …):
   * the string met there last. Series next to each other in a file mostly
   * share their metric name, label names and many values.
   */
  private readonly recent = new Int32Array(64).fill(-1);

  /** internBytes for the string at position `at` (< 64) of a label set: one compare when it is the one met there last. */
  internBytesAt(at: number, view: DataView, b: Buffer, s: number, e: number): number {
    const k = this.recent[at];
    if (k >= 0) {
      const str = this.strings[k];
      const n = e - s;
      if (str.length === n) {
        let q = 0;
        while (q < n && str.charCodeAt(q) === b[s + q]) q++;
        if (q === n) return k;
      }
    }
    return (this.recent[at] = this.internBytes(view, b, s, e));
  }

  /** The id of `s` if the table has it, else -1. */
  find(s: string): number {
    const h = hashString(s);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return -1;
      if (slots[2 * i + 1] === h && this.strings[k] === s) return k;
    }
  }

  private add(s: string, h: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(s);
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    if (4 * (id + 1) > this.slots.length) this.slots = rehashed(this.slots);
    return id;
  }
}

/** A slot table ([entry + 1, hash] per slot) of twice the size, with the same entries. */
export function rehashed(old: Int32Array): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(old.length * 2);
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
