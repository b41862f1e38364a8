// Exposition input as bytes, for files of any size: chunks are split into
// lines without ever building one string of the whole input, and the common
// line shape — `name{labels} value timestamp`, one blank between fields, a
// series already seen, a plain decimal value — is read straight from the
// bytes. Every other line (comments, new series, exponents, NaN, odd blanks,
// errors) goes through ExpositionParser.line() as text, so the results, the
// error messages and their line numbers are exactly those of the text path.

import type { ExpositionParser } from './exposition.js';
import type { MemoryStore } from './store.js';
import { SeriesTexts } from './series-texts.js';
import type { StringTable } from './strings.js';

const NL = 10;
const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const DOT = 46;
const MINUS = 45;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const EQUALS = 61;
const COMMA = 44;

/** 10^k for k <= 22 is exact in float64, so m / 10^k is correctly rounded, as Number() is. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Character classes by byte, one bit each (a table: the tests run for every byte of a new series). */
const LABEL_START = 1;
const LABEL_CHAR = 2;
const NAME_START = 4;
const NAME_CHAR = 8;
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  CLASS[c] =
    (letter ? LABEL_START | LABEL_CHAR | NAME_START | NAME_CHAR : 0) |
    (digit ? LABEL_CHAR | NAME_CHAR : 0) |
    (c === 58 ? NAME_START | NAME_CHAR : 0);
}

/** Whether byte c (undefined past the end: false) is in class k. */
function is(c: number, k: number): boolean {
  return (CLASS[c] & k) !== 0;
}

/** Scratch for readPlainPairs: up to 32 labels of one series as (name id, value id) pairs. */
const PAIRS = new Int32Array(64);

/**
 * The label set of an ASCII `name{a="x",b="y"}` without escapes or blanks, as
 * (name id, value id) pairs of the store's strings in PAIRS, sorted by name,
 * its number of pairs, or -1 for anything else, which the text path reads
 * (and reports): a repeated label name, an empty value, more than 32 labels. Only a name or value new to the store
 * makes a string.
 */
function readPlainPairs(strings: StringTable, nameLabel: number, view: DataView, b: Buffer, s: number, e: number): number {
  let i = s;
  while (i < e && is(b[i], NAME_CHAR)) i++;
  PAIRS[0] = nameLabel;
  PAIRS[1] = strings.internBytesAt(1, view, b, s, i);
  let n = 1;
  if (i < e) {
    for (i++; b[i] !== CLOSE_BRACE;) {
      const ns = i;
      if (!is(b[i], LABEL_START)) return -1;
      while (is(b[++i], LABEL_CHAR));
      const ne = i;
      if (b[i] !== EQUALS || b[i + 1] !== QUOTE) return -1;
      const vs = (i += 2);
      while (i < e && b[i] !== QUOTE && b[i] !== BACKSLASH) i++;
      // An empty value (left out, yet its name may repeat another) is the text path's.
      if (b[i] !== QUOTE || i === vs || n === 32) return -1;
      PAIRS[2 * n] = strings.internBytesAt(2 * n, view, b, ns, ne);
      PAIRS[2 * n + 1] = strings.internBytesAt(2 * n + 1, view, b, vs, i);
      n++;
      i++;
      if (b[i] === COMMA) i++;
      else if (b[i] !== CLOSE_BRACE) return -1;
    }
    if (i !== e - 1) return -1;
  }
  return sortPairs(strings, n);
}

/** The value id of label `name` in PAIRS[0, 2n) (it is there: every series has a metric name). */
function valueOf(name: number, n: number): number {
  let j = 0;
  while (j < n - 1 && PAIRS[2 * j] !== name) j++;
  return PAIRS[2 * j + 1];
}

/** Sorts PAIRS[0, 2n) by name (insertion sort: a series has a handful of labels); -1 if a name repeats, else n. */
function sortPairs(strings: StringTable, n: number): number {
  for (let j = 1; j < n; j++) {
    const name = PAIRS[2 * j];
    const value = PAIRS[2 * j + 1];
    const text = strings.get(name);
    let k = j - 1;
    for (; k >= 0 && strings.get(PAIRS[2 * k]) > text; k--) {
      PAIRS[2 * k + 2] = PAIRS[2 * k];
      PAIRS[2 * k + 3] = PAIRS[2 * k + 1];
    }
    PAIRS[2 * k + 2] = name;
    PAIRS[2 * k + 3] = value;
  }
  for (let j = 1; j < n; j++) if (PAIRS[2 * j] === PAIRS[2 * j - 2]) return -1;
  return n;
}

export class ByteExpositionParser {
  /** The start of a line cut by the end of the previous chunk. */
  private carry?: Buffer;
  /** A view of the bytes being read (the chunk, or a line cut between chunks). */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /**
   * Where the last series the fast path read is, as bytes (where its line is
   * in the chunk; copied out when the chunk ends, see keepLast), with a view
   * to compare four bytes at a time, and its id.
   */
  private lastBytes: Buffer = Buffer.alloc(0);
  private lastView: DataView<ArrayBufferLike> = this.view;
  private lastStart = 0;
  private lastLen = -1;
  private lastId = -1;
  /** The last series' entry in texts (-1: none yet), whose successor predicts the next line's series. */
  private lastEntry = -1;
  /** The line's [timestamp ms, value], as the store takes them (see MemoryStore.appendSample). */
  private readonly sample = new Float64Array(2);
  private numValue = 0;
  private numEnd = 0;
  private numTs = 0;
  /** OR of the bytes of the last label set scanned (>= 0x80: not ASCII). */
  private seriesHigh = 0;
  private readonly texts = new SeriesTexts();

  /** The string id of `__name__`. */
  private readonly nameLabel: number;

  constructor(
    private readonly parser: ExpositionParser,
    private readonly om: boolean,
  ) {
    this.nameLabel = parser.strings.intern('__name__');
  }

  /** Feeds the next chunk of input. */
  feed(chunk: Buffer): void {
    let from = 0;
    if (this.carry) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, nl + 1)]);
      this.carry = undefined;
      this.view = new DataView(line.buffer, line.byteOffset, line.length);
      this.line(line, 0);
      from = nl + 1;
    }
    this.view = new DataView(chunk.buffer, chunk.byteOffset, chunk.length);
    const n = chunk.length;
    while (from < n) {
      const next = this.line(chunk, from);
      if (next < 0) {
        this.carry = Buffer.from(chunk.subarray(from));
        break;
      }
      from = next;
    }
    this.keepLast();
  }

  /**
   * The last series' bytes copied out of the chunk, so the caller may read
   * the next chunk into the same buffer (a file is read into two buffers in
   * turn: fresh memory for every chunk costs the kernel a page fault a page).
   */
  private keepLast(): void {
    if (this.lastLen <= 0) return;
    const copy = Buffer.from(this.lastBytes.subarray(this.lastStart, this.lastStart + this.lastLen));
    this.lastBytes = copy;
    this.lastView = new DataView(copy.buffer, copy.byteOffset, copy.length);
    this.lastStart = 0;
  }

  /** The last line (if the input does not end with a newline), then the parser's end checks. */
  end(): MemoryStore {
    const rest = this.carry;
    this.carry = undefined;
    if (rest) this.parser.line(rest.toString('utf8'));
    return this.parser.end();
  }

  /** Reads the line at `s`; returns the start of the next line, or -1 when the chunk ends first. */
  private line(b: Buffer, s: number): number {
    const nl = this.fastSample(b, s);
    if (nl >= 0) return nl + 1;
    const e = b.indexOf(NL, s);
    if (e < 0) return -1;
    this.parser.line(b.toString('utf8', s, e));
    return e + 1;
  }

  /**
   * Reads a common sample line from `s` up to its newline, and returns the
   * newline's index; -1 when the line needs the full text path (or is cut
   * by the end of the chunk).
   */
  private fastSample(b: Buffer, s: number): number {
    const n = this.lastLen;
    let i: number;
    let id = -1;
    let predicted = -1;
    if (n > 0 && b[s + n] === SPACE && this.sameAsLast(b, s, n)) {
      i = s + n;
      id = this.lastId;
    } else {
      predicted = this.texts.predicted(this.lastEntry);
      const pn = predicted >= 0 ? this.texts.textLength(predicted) : 0;
      if (pn > 0 && b[s + pn] === SPACE && this.texts.same(predicted, this.view, b, s, pn)) i = s + pn;
      else {
        predicted = -1;
        i = this.seriesEnd(b, s);
        if (i < 0 || b[i] !== SPACE) return -1;
      }
    }
    const seriesEnd = i;
    if (!this.readDecimal(b, i + 1) || b[this.numEnd] !== SPACE) return -1;
    const value = this.numValue;
    const nl = this.om ? this.readSecondsTs(b, this.numEnd + 1) : this.readMsTs(b, this.numEnd + 1);
    if (nl < 0) return -1;
    if (predicted >= 0) id = this.setLast(b, s, seriesEnd, predicted);
    else if (id < 0) id = this.seriesId(b, s, seriesEnd);
    if (id < 0) return -1;
    this.sample[0] = this.numTs;
    this.sample[1] = value;
    return this.parser.appendParsed(id, this.sample) ? nl : -1;
  }

  /** Whether the n bytes at s are the last series' (the caller saw b[s + n], so they are in b). */
  private sameAsLast(b: Buffer, s: number, n: number): boolean {
    // Four bytes a step (this compare is most of the work of a line), from
    // the end: series of one family differ in their last labels.
    const view = this.view;
    const lastView = this.lastView;
    const at = this.lastStart;
    let k = n - 4;
    for (; k >= 0; k -= 4) if (view.getInt32(s + k) !== lastView.getInt32(at + k)) return false;
    const last = this.lastBytes;
    for (k += 3; k >= 0; k--) if (b[s + k] !== last[at + k]) return false;
    return true;
  }

  /** Index after `name{labels}` (quotes and escapes respected), or -1 for anything unusual. */
  private seriesEnd(b: Buffer, s: number): number {
    const e = b.length;
    if (s >= e || !is(b[s], NAME_START)) return -1;
    let i = s + 1;
    while (i < e && is(b[i], NAME_CHAR)) i++;
    let high = 0;
    if (i < e && b[i] === OPEN_BRACE) {
      let inStr = false;
      for (i++; i < e; i++) {
        const c = b[i];
        high |= c;
        if (c === NL) return -1;
        if (inStr) {
          if (c === BACKSLASH) i++;
          else if (c === QUOTE) inStr = false;
        } else if (c === QUOTE) inStr = true;
        else if (c === CLOSE_BRACE) break;
      }
      if (i >= e) return -1;
      i++;
    }
    this.seriesHigh = high;
    return i;
  }

  /**
   * The series' id of a line that is not the predicted one: its labels as
   * the store's string ids (the store finds or makes their series), or
   * (escapes, UTF-8) a series the text path has read; -1 to leave the line to
   * the text path.
   */
  private seriesId(b: Buffer, s: number, e: number): number {
    const view = this.view;
    const strings = this.parser.strings;
    const n = this.seriesHigh < 0x80 ? readPlainPairs(strings, this.nameLabel, view, b, s, e) : -1;
    const id =
      n > 0
        ? this.parser.addSeriesPairs(PAIRS, n, strings.get(valueOf(this.nameLabel, n)))
        : this.parser.knownSeries(b.toString(this.seriesHigh < 0x80 ? 'latin1' : 'utf8', s, e));
    if (id === undefined) return -1;
    const k = this.texts.entry(id, view, b, s, e);
    this.texts.follows(this.lastEntry, k);
    return this.setLast(b, s, e, k);
  }

  /** The series text b[s, e) (entry k of texts) is the last read; returns its series id. */
  private setLast(b: Buffer, s: number, e: number, k: number): number {
    this.lastBytes = b;
    this.lastView = this.view;
    this.lastStart = s;
    this.lastLen = e - s;
    this.lastEntry = k;
    return (this.lastId = this.texts.seriesId(k));
  }

  /** `-?digits[.digits]` with at most 15 digits (exact in float64) into numValue/numEnd. */
  private readDecimal(b: Buffer, at: number): boolean {
    const e = b.length;
    let i = at;
    const neg = b[i] === MINUS;
    if (neg) i++;
    let m = 0;
    let digits = 0;
    let frac = -1;
    for (; i < e; i++) {
      const c = b[i];
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === DOT && frac < 0) frac = 0;
      else break;
    }
    if (digits === 0 || digits > 15) return false;
    const v = frac > 0 ? m / POW10[frac] : m;
    this.numValue = neg ? -v : v;
    this.numEnd = i;
    return true;
  }

  /** OpenMetrics `seconds[.fraction]` to ms in numTs (sub-ms digits truncated, as the text path); the newline's index or -1. */
  private readSecondsTs(b: Buffer, at: number): number {
    const e = b.length;
    let i = at;
    let sec = 0;
    for (; i < e && b[i] >= 48 && b[i] <= 57; i++) sec = sec * 10 + (b[i] - 48);
    if (i === at || i - at > 12) return -1;
    let ms = 0;
    if (b[i] === DOT) {
      let k = 0;
      for (i++; i < e && b[i] >= 48 && b[i] <= 57; i++, k++) if (k < 3) ms = ms * 10 + (b[i] - 48);
      for (; k < 3; k++) ms *= 10;
    }
    if (i >= e || b[i] !== NL) return -1;
    this.numTs = sec * 1000 + ms;
    return i;
  }

  /** Text-format integer milliseconds into numTs; the newline's index or -1. */
  private readMsTs(b: Buffer, at: number): number {
    const e = b.length;
    let t = 0;
    let i = at;
    for (; i < e && b[i] >= 48 && b[i] <= 57; i++) t = t * 10 + (b[i] - 48);
    if (i === at || i - at > 15 || i >= e || b[i] !== NL) return -1;
    this.numTs = t;
    return i;
  }
}
