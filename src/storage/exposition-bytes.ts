// Exposition input as bytes, for files of any size: chunks are split into
// lines without ever building one string of the whole input, and the common
// line shape — `name{labels} value timestamp`, one blank between fields, a
// series already seen, a plain decimal value — is read straight from the
// bytes. Every other line (comments, new series, exponents, NaN, odd blanks,
// errors) goes through ExpositionParser.line() as text, so the results, the
// error messages and their line numbers are exactly those of the text path.

import type { Metric } from '../model/result.js';
import type { ExpositionParser } from './exposition.js';
import type { MemoryStore } from './store.js';

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

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isLabelStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isLabelChar(c: number): boolean {
  return isLabelStart(c) || (c >= 48 && c <= 57);
}

/**
 * Recent strings by a hash of their bytes, one per slot: label names and the
 * values that repeat across series (a job, a status code, a metric name) are
 * made once and shared by every series, so a file of many series keeps one
 * string a distinct value, not one a series.
 */
const RECENT = new Array<string>(4096).fill('');

/** b[s, e) (ASCII) as a string, shared with an equal recent one. */
function latin1(b: Buffer, s: number, e: number): string {
  let h = e - s;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  const slot = (h >>> 20) & 4095;
  const recent = RECENT[slot];
  if (recent.length === e - s) {
    let k = 0;
    while (k < recent.length && recent.charCodeAt(k) === b[s + k]) k++;
    if (k === recent.length) return recent;
  }
  return (RECENT[slot] = b.toString('latin1', s, e));
}

/** Scratch for readPlainSeries: the names and values of one series, in file order. */
const pairNames: string[] = [];
const pairValues: string[] = [];

/**
 * The label set of an ASCII `name{a="x",b="y"}` without escapes or blanks
 * (its strings are copies, not slices of a line a series would keep alive);
 * undefined for anything else, which the text path reads (and reports). The
 * object is built in name order without empty values, and frozen: the store
 * keeps such a label set as it is instead of copying it.
 */
function readPlainSeries(b: Buffer, s: number, e: number): Metric | undefined {
  let i = s;
  while (i < e && isNameChar(b[i])) i++;
  pairNames.length = 0;
  pairValues.length = 0;
  pairNames.push('__name__');
  pairValues.push(latin1(b, s, i));
  if (i < e) {
    for (i++; b[i] !== CLOSE_BRACE;) {
      const ns = i;
      if (!isLabelStart(b[i])) return undefined;
      while (isLabelChar(b[++i]));
      const name = latin1(b, ns, i);
      if (b[i] !== EQUALS || b[i + 1] !== QUOTE) return undefined;
      const vs = (i += 2);
      while (i < e && b[i] !== QUOTE && b[i] !== BACKSLASH) i++;
      if (b[i] !== QUOTE) return undefined;
      pairNames.push(name);
      pairValues.push(latin1(b, vs, i));
      i++;
      if (b[i] === COMMA) i++;
      else if (b[i] !== CLOSE_BRACE) return undefined;
    }
    if (i !== e - 1) return undefined;
  }
  return sortedLabelSet();
}

/** The scratch pairs as a frozen label set in name order, empty values left out; undefined if a name repeats. */
function sortedLabelSet(): Metric | undefined {
  const n = pairNames.length;
  // Insertion sort: a series has a handful of labels.
  for (let j = 1; j < n; j++) {
    const name = pairNames[j];
    const value = pairValues[j];
    let k = j - 1;
    for (; k >= 0 && pairNames[k] > name; k--) {
      pairNames[k + 1] = pairNames[k];
      pairValues[k + 1] = pairValues[k];
    }
    pairNames[k + 1] = name;
    pairValues[k + 1] = value;
  }
  const labels: Metric = {};
  for (let j = 0; j < n; j++) {
    if (j > 0 && pairNames[j] === pairNames[j - 1]) return undefined;
    if (pairValues[j] !== '') labels[pairNames[j]] = pairValues[j];
  }
  return Object.freeze(labels);
}

/** FNV-1a of b[s, e), four bytes a step, cut to 30 bits (a small integer: a Map key that allocates nothing). */
function hashBytes(view: DataView, b: Buffer, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  let i = s;
  for (; i + 4 <= e; i += 4) h = Math.imul(h ^ view.getInt32(i), 0x01000193);
  for (; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h & 0x3fffffff;
}

/**
 * The series texts the fast path has met, as bytes: their bytes in one
 * growing arena and a map from their hash to entries, so that finding a
 * line's series makes no string (a file of a million series would otherwise
 * keep a million strings, and make one for every line to look it up).
 */
class SeriesTexts {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private used = 0;
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private count = 0;
  private readonly byHash = new Map<number, number | number[]>();

  /** The series id of the text b[s, e) (hash h), or -1 when it is new. */
  find(view: DataView, b: Buffer, s: number, e: number, h: number): number {
    const k = this.byHash.get(h);
    if (k === undefined) return -1;
    if (typeof k === 'number') return this.same(k, view, b, s, e) ? this.ids[k] : -1;
    for (const j of k) if (this.same(j, view, b, s, e)) return this.ids[j];
    return -1;
  }

  add(b: Buffer, s: number, e: number, h: number, id: number): void {
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
    }
    const k = this.count++;
    copyBytes(b, s, e, this.bytes, this.used);
    this.start[k] = this.used;
    this.length[k] = n;
    this.ids[k] = id;
    this.used += n;
    const same = this.byHash.get(h);
    if (same === undefined) this.byHash.set(h, k);
    else if (typeof same === 'number') this.byHash.set(h, [same, k]);
    else same.push(k);
  }

  private same(k: number, view: DataView, b: Buffer, s: number, e: number): boolean {
    const n = e - s;
    if (this.length[k] !== n) return false;
    const at = this.start[k];
    const mine = this.view;
    let q = 0;
    for (; q + 4 <= n; q += 4) if (view.getInt32(s + q) !== mine.getInt32(at + q)) return false;
    for (; q < n; q++) if (b[s + q] !== this.bytes[at + q]) return false;
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

export class ByteExpositionParser {
  /** The start of a line cut by the end of the previous chunk. */
  private carry?: Buffer;
  /** A view of the bytes being read (the chunk, or a line cut between chunks). */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /**
   * Where the last series the fast path read is, as bytes (where its line is,
   * not a copy: buffers are never written once read), with a view to compare
   * four bytes at a time, and its id.
   */
  private lastBytes: Buffer = Buffer.alloc(0);
  private lastView: DataView<ArrayBufferLike> = this.view;
  private lastStart = 0;
  private lastLen = -1;
  private lastId = -1;
  /** The line's [timestamp ms, value], as the store takes them (see MemoryStore.appendSample). */
  private readonly sample = new Float64Array(2);
  private numValue = 0;
  private numEnd = 0;
  private numTs = 0;
  /** OR of the bytes of the last label set scanned (>= 0x80: not ASCII). */
  private seriesHigh = 0;
  private readonly texts = new SeriesTexts();

  constructor(
    private readonly parser: ExpositionParser,
    private readonly om: boolean,
  ) {}

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
        return;
      }
      from = next;
    }
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
    if (n > 0 && b[s + n] === SPACE && this.sameAsLast(b, s, n)) {
      i = s + n;
      id = this.lastId;
    } else {
      i = this.seriesEnd(b, s);
      if (i < 0 || b[i] !== SPACE) return -1;
    }
    const seriesEnd = i;
    if (!this.readDecimal(b, i + 1) || b[this.numEnd] !== SPACE) return -1;
    const value = this.numValue;
    const nl = this.om ? this.readSecondsTs(b, this.numEnd + 1) : this.readMsTs(b, this.numEnd + 1);
    if (nl < 0) return -1;
    if (id < 0) id = this.seriesId(b, s, seriesEnd);
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
    if (s >= e || !isNameStart(b[s])) return -1;
    let i = s + 1;
    while (i < e && isNameChar(b[i])) i++;
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
   * The series' id: a text met before, a new plain series, or (escapes,
   * UTF-8) one the text path has read; -1 to leave the line to the text path.
   */
  private seriesId(b: Buffer, s: number, e: number): number {
    const n = e - s;
    const h = hashBytes(this.view, b, s, e);
    let id = this.texts.find(this.view, b, s, e, h);
    if (id < 0) {
      const labels = this.seriesHigh < 0x80 ? readPlainSeries(b, s, e) : undefined;
      const known = labels
        ? this.parser.addSeries(labels)
        : this.parser.knownSeries(b.toString(this.seriesHigh < 0x80 ? 'latin1' : 'utf8', s, e));
      if (known === undefined) return -1;
      id = known;
      this.texts.add(b, s, e, h, id);
    }
    this.lastBytes = b;
    this.lastView = this.view;
    this.lastStart = s;
    this.lastLen = n;
    this.lastId = id;
    return id;
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
