// A series' labels read from the bytes of a file line (`name{a="x",b="y"}`)
// as the store's string ids, sorted by name: what the byte parser
// (exposition-bytes.ts) gives the store for a series it has not met. Only
// the plain shape is read here (ASCII, no escapes, no blanks, no empty
// value); everything else is left to the text parser, which reads (and
// reports) it.

import type { StringTable } from './strings.js';

const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const EQUALS = 61;
const COMMA = 44;
const MAX_LABELS = 32;
const ORDER_WAYS = 16;

/** Character classes by byte, one bit each (a table: the tests run for every byte of a new series). */
const LABEL_START = 1;
const LABEL_CHAR = 2;
export const NAME_START = 4;
export const NAME_CHAR = 8;
/** A byte of a label value the plain shape takes: ASCII, not a quote, backslash or newline. */
const VALUE_CHAR = 16;
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  CLASS[c] =
    (letter ? LABEL_START | LABEL_CHAR | NAME_START | NAME_CHAR : 0) |
    (digit ? LABEL_CHAR | NAME_CHAR : 0) |
    (c === 58 ? NAME_START | NAME_CHAR : 0) |
    (c < 0x80 && c !== 34 && c !== 92 && c !== 10 ? VALUE_CHAR : 0);
}

/** Whether byte c is in class k (c a byte: never undefined, see readPlainLabels). */
export function is(c: number, k: number): boolean {
  return (CLASS[c] & k) !== 0;
}

/** Ints readPlainLabels writes at most: the count, then four positions a label. */
export const POSITION_INTS = 1 + 4 * MAX_LABELS;

/**
 * Reads the series text at b[s] if it has the plain shape — an ASCII `name`
 * or `name{a="x",b="y"}` without escapes or blanks, without an empty value,
 * `{}` or a trailing comma (so a plain text writes a label set one way only),
 * at most 32 labels — into `out` as positions: the number of labels n, then
 * per label, in the text's order, where its name starts and ends and where
 * its value starts and ends; the first is `__name__` (-1, -1), whose value is
 * the metric name; they go at out[at]. Returns the index after the text, or
 * -1 for anything else (the text parser reads that). Names are not checked
 * for repeats here.
 */
export function readPlainLabels(b: Uint8Array, view: DataView, s: number, out: Int32Array, at = 0): number {
  // Every read is bounded: a byte past the end (undefined) as a table index would slow every call after.
  const e = b.length;
  if (s >= e || !is(b[s], NAME_START)) return -1;
  let i = s + 1;
  while (i < e && is(b[i], NAME_CHAR)) i++;
  out[at + 1] = -1;
  out[at + 2] = -1;
  out[at + 3] = s;
  out[at + 4] = i;
  let n = 1;
  if (i < e && b[i] === OPEN_BRACE) {
    for (i++; ;) {
      if (i >= e || b[i] === CLOSE_BRACE) return -1;
      const ns = i;
      if (!is(b[i], LABEL_START)) return -1;
      i++;
      while (i < e && is(b[i], LABEL_CHAR)) i++;
      const ne = i;
      if (i + 1 >= e || b[i] !== EQUALS || b[i + 1] !== QUOTE) return -1;
      const vs = (i += 2);
      i = valueEnd(b, view, i);
      // An empty value (left out, yet its name may repeat another) is the text path's.
      if (i >= e || b[i] !== QUOTE || i === vs || n === MAX_LABELS) return -1;
      const q = at + 1 + 4 * n;
      out[q] = ns;
      out[q + 1] = ne;
      out[q + 2] = vs;
      out[q + 3] = i;
      n++;
      i++;
      if (i < e && b[i] === COMMA) i++;
      else if (i < e && b[i] === CLOSE_BRACE) break;
      else return -1;
    }
    i++;
  }
  out[at] = n;
  return i;
}

/**
 * The first byte from i that a plain label value cannot hold (a quote, a
 * backslash, a newline, a byte >= 0x80), or b.length: four bytes a step
 * while none is (label values are the long part of a series text), then
 * byte by byte.
 */
function valueEnd(b: Uint8Array, view: DataView, i: number): number {
  const e = b.length;
  for (; i + 4 <= e; i += 4) {
    // Little-endian: the tests are per byte, and no byte swap a read.
    const x = view.getInt32(i, true);
    const q = x ^ 0x22222222;
    const bs = x ^ 0x5c5c5c5c;
    const nl = x ^ 0x0a0a0a0a;
    // A zero byte in q, bs or nl ("has a zero byte"), or a high bit set in x.
    if ((((q - 0x01010101) & ~q) | ((bs - 0x01010101) & ~bs) | ((nl - 0x01010101) & ~nl) | x) & 0x80808080) break;
  }
  while (i < e && is(b[i], VALUE_CHAR)) i++;
  return i;
}

export class LabelBytesReader {
  /** The label set read last, as (name id, value id) pairs in the order of the line. */
  private readonly read = new Int32Array(2 * MAX_LABELS);
  /** The same pairs sorted by name: what `pairs()` returns. */
  readonly sorted = new Int32Array(2 * MAX_LABELS);
  /**
   * The names of label sets met (ORDER_WAYS of them, by a hash of the
   * names), in line order, and where each pair goes when sorted: a file's
   * series have a few lists of names, each written in one order, so a
   * label set is sorted by the order kept for its names, not by comparing
   * strings.
   */
  private readonly orderNames = new Int32Array(ORDER_WAYS * MAX_LABELS);
  private readonly orders = new Int32Array(ORDER_WAYS * MAX_LABELS);
  private readonly orderN = new Int32Array(ORDER_WAYS).fill(-1);
  /** The metric name's string id of the label set read last. */
  metricName = -1;
  /**
   * Whether some list of label names has come in two orders (then two plain
   * texts may be one label set: `a{x="1",y="2"}`, `a{y="2",x="1"}`). Each
   * sorted list of names, with the first order met (ids joined).
   */
  orderConflict = false;
  private readonly orderOfNames = new Map<string, string>();
  private readonly nameLabel: number;

  constructor(private readonly strings: StringTable) {
    this.nameLabel = strings.intern('__name__');
  }

  /** The number of pairs in `sorted`. */
  n = 0;

  /** Positions of the label set pairs() reads (see readPlainLabels). */
  private readonly positions = new Int32Array(POSITION_INTS);

  /**
   * Reads the series text at b[s] in the plain shape (readPlainLabels) into
   * `sorted` (and `n`), as the store's string ids; returns the index after
   * it, or -1 for anything else (also a repeated label name). Only a name or
   * value new to the store is copied (as bytes).
   */
  pairs(view: DataView, b: Uint8Array, s: number): number {
    const e = readPlainLabels(b, view, s, this.positions);
    return e >= 0 && this.fromPositions(view, b, this.positions, 0) ? e : -1;
  }

  /** The n pairs read into `sorted` (and `n`); false when a name repeats. */
  private sortRead(n: number): boolean {
    const row = this.orderOf(n);
    if (row < 0) return false;
    const p = this.read;
    const order = this.orders;
    const out = this.sorted;
    for (let j = 0; j < n; j++) {
      const from = order[row + j];
      out[2 * j] = p[2 * from];
      out[2 * j + 1] = p[2 * from + 1];
    }
    this.n = n;
    return true;
  }

  /**
   * Reads the label set whose positions in b the line tokenizer found
   * (LineRecords.labels at `at`) into `sorted` (and `n`), as pairs() would;
   * false when the text is not the plain shape or a name repeats.
   */
  fromPositions(view: DataView, b: Uint8Array, found: Int32Array, at: number): boolean {
    const n = found[at];
    if (n < 0) return false;
    const strings = this.strings;
    const p = this.read;
    // The first is the metric name (the value of `__name__`).
    p[0] = this.nameLabel;
    p[1] = this.metricName = strings.internBytesAt(1, view, b, found[at + 3], found[at + 4]);
    for (let j = 1; j < n; j++) {
      const q = at + 1 + 4 * j;
      p[2 * j] = strings.internBytesAt(2 * j, view, b, found[q], found[q + 1]);
      p[2 * j + 1] = strings.internBytesAt(2 * j + 1, view, b, found[q + 2], found[q + 3]);
    }
    return this.sortRead(n);
  }

  /**
   * Where in `orders` the order that sorts the names just read is (made
   * and kept if new); -1 when a name repeats.
   */
  private orderOf(n: number): number {
    const p = this.read;
    let h = n;
    for (let j = 0; j < n; j++) h = Math.imul(h ^ p[2 * j], 0x9e3779b1);
    const way = (h >>> 28) & (ORDER_WAYS - 1);
    const row = way * MAX_LABELS;
    const names = this.orderNames;
    let same = this.orderN[way] === n;
    for (let j = 0; same && j < n; j++) same = p[2 * j] === names[row + j];
    if (same) return row;
    return this.sortOrder(n, way) ? row : -1;
  }

  /** Sorts the names just read (insertion sort: a handful of labels) into order row `way`; false when a name repeats. */
  private sortOrder(n: number, way: number): boolean {
    const p = this.read;
    const order = this.orders;
    const row = way * MAX_LABELS;
    const strings = this.strings;
    this.orderN[way] = -1;
    for (let j = 0; j < n; j++) {
      const text = strings.get(p[2 * j]);
      let k = j - 1;
      for (; k >= 0 && strings.get(p[2 * order[row + k]]) > text; k--) order[row + k + 1] = order[row + k];
      order[row + k + 1] = j;
    }
    for (let j = 1; j < n; j++) if (p[2 * order[row + j]] === p[2 * order[row + j - 1]]) return false;
    for (let j = 0; j < n; j++) this.orderNames[row + j] = p[2 * j];
    this.orderN[way] = n;
    this.noteOrder(n, row);
    return true;
  }

  /** Records the order of the n names just sorted into `row` (made only when a list is new to the order cache). */
  private noteOrder(n: number, row: number): void {
    const p = this.read;
    let sorted = '';
    let written = '';
    for (let j = 0; j < n; j++) {
      sorted += `${p[2 * this.orders[row + j]]},`;
      written += `${p[2 * j]},`;
    }
    const first = this.orderOfNames.get(sorted);
    if (first === undefined) this.orderOfNames.set(sorted, written);
    else if (first !== written) this.orderConflict = true;
  }
}
