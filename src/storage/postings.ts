// The inverted index: label name -> value -> ascending series ids, as ids of
// the store's string table (strings.ts). Built in bulk, when a selection first
// needs it, by two counting sorts of every (name, value, series) pair into
// flat typed arrays (one entry a pair, no Map entry or array a label value);
// series added after that go to a small Map-based delta until it grows past
// a quarter of the built part, then everything is built again. So a file of a
// million series costs no index work while it loads, and a scrape that adds a
// few series between queries does not rebuild anything.

import type { LabelSets } from './label-sets.js';
import type { StringTable } from './strings.js';

/** A test of label values (a compiled matcher regex is one). */
export interface ValueTest {
  test(value: string): boolean;
}

/** How much regex work (characters tested, 16 a value) goes between calls of `check`: RE2 runs in time linear in them. */
const CHECK_BUDGET = 1 << 16;

const EMPTY: Int32Array = new Int32Array(0);
/** A delta of at most this many series (or a quarter of the built ones) is kept beside the built index. */
const MIN_DELTA = 4096;

export class Postings {
  /** Series [0, built) are in the flat index, [built, deltaEnd) in the delta. */
  private built = 0;
  private deltaEnd = 0;
  /** Distinct (name, value) keys, sorted by name id, then value id; keyStart[k] .. keyStart[k + 1] in ids. */
  private keyValue = EMPTY;
  private keyStart = EMPTY;
  private ids = EMPTY;
  /** name id -> [first key, end key). */
  private nameRange = new Map<number, [number, number]>();
  private delta = new Map<number, Map<number, number[]>>();

  /** Brings the index up to the label sets' series. */
  update(sets: LabelSets): void {
    const n = sets.size;
    if (n === this.deltaEnd) return;
    // The first index is always built in bulk: a delta of Maps for every series of a small store costs more.
    if (this.built === 0 || n - this.built > Math.max(MIN_DELTA, this.built / 4)) this.build(sets, n);
    else for (; this.deltaEnd < n; this.deltaEnd++) this.addToDelta(sets, this.deltaEnd);
  }

  /** Ascending ids of the series with label nameId = valueId. */
  seriesWith(nameId: number, valueId: number): ArrayLike<number> {
    const range = this.nameRange.get(nameId);
    const k = range ? findKey(this.keyValue, range[0], range[1], valueId) : -1;
    const flat = k < 0 ? EMPTY : this.ids.subarray(this.keyStart[k], this.keyStart[k + 1]);
    const more = this.delta.get(nameId)?.get(valueId);
    if (!more) return flat;
    if (flat.length === 0) return more;
    return [...flat, ...more];
  }

  /** Calls f(valueId, ids) for every value of label nameId (a value may come twice: built and delta ids; each list ascending). */
  forEachValue(nameId: number, f: (valueId: number, ids: ArrayLike<number>) => void): void {
    const range = this.nameRange.get(nameId);
    if (range) for (let k = range[0]; k < range[1]; k++) f(this.keyValue[k], this.ids.subarray(this.keyStart[k], this.keyStart[k + 1]));
    const more = this.delta.get(nameId);
    if (more) for (const [v, ids] of more) f(v, ids);
  }

  /**
   * The posting lists of the values v of label nameId with test(v) === want.
   * A loop over the index's arrays, not a callback a value: a selection's
   * regex walks every value of its label (thousands), and that loop stays
   * optimised from one query to the next.
   */
  listsWhere(nameId: number, strings: StringTable, test: ValueTest, want: boolean, check?: () => void): ArrayLike<number>[] {
    const lists: ArrayLike<number>[] = [];
    let budget = CHECK_BUDGET;
    const range = this.nameRange.get(nameId);
    if (range) {
      const { keyValue, keyStart, ids } = this;
      for (let k = range[0]; k < range[1]; k++) {
        const value = strings.get(keyValue[k]);
        if (test.test(value) === want) lists.push(ids.subarray(keyStart[k], keyStart[k + 1]));
        budget -= value.length + 16;
        if (budget < 0 && check) {
          check();
          budget = CHECK_BUDGET;
        }
      }
    }
    const more = this.delta.get(nameId);
    if (more)
      for (const [v, ids] of more) {
        const value = strings.get(v);
        if (test.test(value) === want) lists.push(ids);
        budget -= value.length + 16;
        if (budget < 0 && check) {
          check();
          budget = CHECK_BUDGET;
        }
      }
    return lists;
  }

  /** Whether any series has label nameId. */
  hasName(nameId: number): boolean {
    return this.nameRange.has(nameId) || this.delta.has(nameId);
  }

  /** Ids of every label name in use. */
  nameIds(): Set<number> {
    return new Set([...this.nameRange.keys(), ...this.delta.keys()]);
  }

  /** Distinct value ids of label nameId. */
  valueIds(nameId: number): Set<number> {
    const out = new Set<number>();
    this.forEachValue(nameId, (v) => out.add(v));
    return out;
  }

  private addToDelta(sets: LabelSets, id: number): void {
    sets.forEachPair(id, (name, value) => {
      let values = this.delta.get(name);
      if (!values) this.delta.set(name, (values = new Map()));
      const ids = values.get(value);
      if (ids) ids.push(id);
      else values.set(value, [id]);
    });
  }

  /** The flat index of series [0, n): pairs sorted by value id, then (stably) by name id. */
  private build(sets: LabelSets, n: number): void {
    const { pairs, start } = sets.raw();
    const total = start[n] / 2;
    const owner = new Int32Array(total);
    for (let id = 0; id < n; id++) owner.fill(id, start[id] / 2, start[id + 1] / 2);
    const byValue = countingSort(total, sets.strings.size, (j) => pairs[2 * j + 1], undefined);
    const order = countingSort(total, sets.strings.size, (j) => pairs[2 * j], byValue);
    let keys = 0;
    for (let q = 0; q < total; q++) {
      const j = order[q];
      const prev = q > 0 ? order[q - 1] : -1;
      if (prev < 0 || pairs[2 * j] !== pairs[2 * prev] || pairs[2 * j + 1] !== pairs[2 * prev + 1]) keys++;
    }
    const keyValue = new Int32Array(keys);
    const keyStart = new Int32Array(keys + 1);
    const ids = new Int32Array(total);
    const nameRange = new Map<number, [number, number]>();
    let k = -1;
    for (let q = 0; q < total; q++) {
      const j = order[q];
      const name = pairs[2 * j];
      const prev = q > 0 ? order[q - 1] : -1;
      if (prev < 0 || name !== pairs[2 * prev] || pairs[2 * j + 1] !== pairs[2 * prev + 1]) {
        keyValue[++k] = pairs[2 * j + 1];
        keyStart[k] = q;
        const range = nameRange.get(name);
        if (range) range[1] = k + 1;
        else nameRange.set(name, [k, k + 1]);
      }
      ids[q] = owner[j];
    }
    keyStart[keys] = total;
    this.keyValue = keyValue;
    this.keyStart = keyStart;
    this.ids = ids;
    this.nameRange = nameRange;
    this.built = this.deltaEnd = n;
    this.delta = new Map();
  }
}

/** A stable counting sort of the indexes 0..total-1 (in the order `input` gives, or ascending) by key(j) in [0, range). */
function countingSort(total: number, range: number, key: (j: number) => number, input: Int32Array | undefined): Int32Array {
  const count = new Int32Array(range + 1);
  for (let j = 0; j < total; j++) count[key(j) + 1]++;
  for (let r = 1; r <= range; r++) count[r] += count[r - 1];
  const out = new Int32Array(total);
  for (let q = 0; q < total; q++) {
    const j = input ? input[q] : q;
    out[count[key(j)]++] = j;
  }
  return out;
}

/** Index of valueId in keyValue[from, to) (ascending), or -1. */
function findKey(keyValue: Int32Array, from: number, to: number, valueId: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyValue[mid] < valueId) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && keyValue[lo] === valueId ? lo : -1;
}
