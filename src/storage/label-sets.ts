// The store's label sets, one per series id, without an object per series:
// each is a run of (name id, value id) pairs (strings.ts) in one growing
// Int32Array, in name order and without empty values (unless the store keeps
// them), and a label set's series is found by a hash of its pairs in an open
// addressing table. `labels(id)` makes the Metric object the engine and the
// API read on first use and keeps it: a store loaded from a file of a million
// series makes none until a query reads them.

import type { Metric } from '../model/result.js';
import { grownInt32 } from './growing.js';
import { mix, rehashed, StringTable } from './strings.js';

export class LabelSets {
  readonly strings = new StringTable();
  /** name id, value id, name id, value id, … of every series in id order. */
  private pairs = new Int32Array(4096);
  /** Per series: where its pairs start in `pairs` (in ints); start[count] is the end of the last. */
  private start = new Int32Array(1024);
  /**
   * Open addressing over series ids, at most half full: per slot, id + 1 (0
   * for empty) and the hash beside it, so a probe that passes other series
   * reads one cache line, not their entries.
   */
  private slots = new Int32Array(4096);
  private count = 0;
  /**
   * Series below this id are in `slots`; those from it on were added by
   * addNew and are not yet (see settle).
   */
  private settled = 0;
  /** Series made by findOrAdd (looked up, not found): a series added by addNew may repeat one of them. */
  private madeByLookup = 0;
  /** Label objects made so far (sparse). */
  private readonly made: (Metric | undefined)[] = [];
  /** Scratch pairs for fromMetric. */
  private scratch = new Int32Array(64);

  get size(): number {
    return this.count;
  }

  /** The series id of the pairs p[0, 2n) (sorted by name, as stored), added as `this.size` if new. */
  findOrAdd(p: Int32Array, n: number): number {
    if (this.settled < this.count) this.settle(Infinity);
    const h = pairsHash(p, n);
    const slot = this.probe(p, n, h);
    if (slot > 0) return slot - 1;
    return this.add(p, n, h, -slot);
  }

  /**
   * Adds the pairs p[0, 2n) as a new series without looking for them: for a
   * file loader that has not met their text before (a label set is nearly
   * always written one way). Looking a million new label sets up one by one
   * is a cache miss each; they go into the table later, in bulk (settle:
   * while the loader waits for input, and only when a repeat is possible, see
   * checkNew), which throws DuplicateLabelSetError if one was not new after
   * all (the loader then reads the file the exact way).
   */
  addNew(p: Int32Array, n: number): number {
    const id = this.count++;
    this.append(id, p, n);
    return id;
  }

  /**
   * Puts up to `limit` series added by addNew in the hash table (every one
   * before anything else reads it). Returns whether some are left.
   */
  settle(limit: number): boolean {
    const to = Math.min(this.count, this.settled + limit);
    if (to === this.settled) return false;
    // The table sized once for every series (it doubles one step at a time otherwise).
    let size = this.slots.length;
    while (4 * this.count > size) size *= 2;
    if (size > this.slots.length) this.slots = rehashed(this.slots, size);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const pairs = this.pairs;
    const start = this.start;
    for (let id = this.settled; id < to; id++) {
      const at = start[id];
      const h = hashOf(pairs, at, start[id + 1]);
      let i = h & mask;
      for (; ; i = (i + 1) & mask) {
        const k = slots[2 * i] - 1;
        if (k < 0) break;
        if (slots[2 * i + 1] === h && this.sameAs(k, id)) throw new DuplicateLabelSetError(JSON.stringify(this.labels(id)));
      }
      slots[2 * i] = id + 1;
      slots[2 * i + 1] = h;
    }
    this.settled = to;
    return to < this.count;
  }

  /**
   * Checks up to `limit` series added by addNew (settle), unless the loader
   * has shown they cannot repeat one another (`unique`: each list of names
   * written in one order only, each label set written one way) and no other
   * series was made. Unchecked ones go into the table, with no repeat
   * possible, at the next findOrAdd: a load that is only queried never needs
   * the table. Returns whether some are left to check now.
   */
  checkNew(limit: number, unique: boolean): boolean {
    if (unique && this.madeByLookup === 0) return false;
    return this.settle(limit);
  }

  /**
   * The pairs of a Metric into a scratch array (valid until the next call),
   * names sorted, empty values left out unless `keepEmpty`; returns [pairs, n].
   */
  fromMetric(labels: Metric, keepEmpty: boolean): [Int32Array, number] {
    const names = Object.keys(labels);
    if (!isSorted(names)) names.sort();
    if (this.scratch.length < 2 * names.length) this.scratch = new Int32Array(4 * names.length);
    const p = this.scratch;
    let n = 0;
    for (const name of names) {
      const v = labels[name];
      if (v === '' && !keepEmpty) continue;
      p[2 * n] = this.strings.intern(name);
      p[2 * n + 1] = this.strings.intern(v);
      n++;
    }
    return [p, n];
  }

  /** The label set of series `id` as a frozen object, names in order (made once). */
  labels(id: number): Metric {
    const m = this.made[id];
    if (m) return m;
    const out: Metric = {};
    for (let i = this.start[id]; i < this.start[id + 1]; i += 2) out[this.strings.get(this.pairs[i])] = this.strings.get(this.pairs[i + 1]);
    return (this.made[id] = Object.freeze(out));
  }

  /** The value id of label `nameId` in series `id`, -1 when it has none. */
  valueOf(id: number, nameId: number): number {
    for (let i = this.start[id]; i < this.start[id + 1]; i += 2) if (this.pairs[i] === nameId) return this.pairs[i + 1];
    return -1;
  }

  /** Calls f(nameId, valueId) for each label of series `id`, in name order. */
  forEachPair(id: number, f: (nameId: number, valueId: number) => void): void {
    for (let i = this.start[id]; i < this.start[id + 1]; i += 2) f(this.pairs[i], this.pairs[i + 1]);
  }

  /** The raw pair storage, for the postings build: series id's pairs are pairs[start[id], start[id + 1]). */
  raw(): { pairs: Int32Array; start: Int32Array } {
    return { pairs: this.pairs, start: this.start };
  }

  /** The series' id + 1 when found; minus the free slot where it would go when not (-0 for slot 0: never > 0). */
  private probe(p: Int32Array, n: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i] - 1;
      if (k < 0) return -i;
      if (slots[2 * i + 1] === h && this.same(k, p, n)) return k + 1;
    }
  }

  /** Whether series k's pairs are the n pairs at p[from]. */
  private same(k: number, p: Int32Array, n: number, from = 0): boolean {
    const at = this.start[k];
    if (this.start[k + 1] - at !== 2 * n) return false;
    for (let j = 0; j < 2 * n; j++) if (this.pairs[at + j] !== p[from + j]) return false;
    return true;
  }

  /** Whether series k and id have the same pairs. */
  private sameAs(k: number, id: number): boolean {
    const b = this.start[id];
    return this.same(k, this.pairs, (this.start[id + 1] - b) >> 1, b);
  }

  private append(id: number, p: Int32Array, n: number): void {
    if (id + 1 >= this.start.length) this.start = grownInt32(this.start, id + 2);
    const at = this.start[id];
    if (at + 2 * n > this.pairs.length) this.pairs = grownInt32(this.pairs, at + 2 * n);
    for (let j = 0; j < 2 * n; j++) this.pairs[at + j] = p[j];
    this.start[id + 1] = at + 2 * n;
  }

  private add(p: Int32Array, n: number, h: number, slot: number): number {
    const id = this.count++;
    this.append(id, p, n);
    // A probe that found nothing may have returned slot 0 as -0.
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    this.settled = this.count;
    this.madeByLookup++;
    if (4 * this.count > this.slots.length) this.slots = rehashed(this.slots);
    return id;
  }
}

/** A label set was added by addNew, yet the store had it (written another way): the loader reads the file again, the exact way. */
export class DuplicateLabelSetError extends Error {
  constructor(labels: string) {
    super(`label set ${labels} was added twice`);
  }
}

function pairsHash(p: Int32Array, n: number): number {
  return hashOf(p, 0, 2 * n);
}

/** The hash of the pairs p[from, to). */
function hashOf(p: Int32Array, from: number, to: number): number {
  let h = 0x811c9dc5 ^ ((to - from) >> 1);
  for (let j = from; j < to; j++) h = Math.imul(h ^ p[j], 0x01000193);
  return mix(h);
}

function isSorted(names: string[]): boolean {
  for (let i = 1; i < names.length; i++) if (names[i - 1] > names[i]) return false;
  return true;
}
