// The first half of reading an exposition file as bytes: lines split and
// the common line shape — `name{labels} value timestamp`, one blank between
// fields, a plain decimal value — read into numbers, its series text
// (`name{labels}` as written) given a key by TextKeys. This half needs
// nothing of the store, so a big file's lines are tokenized in a thread of
// their own (dataset/tokenize-worker.ts) while the store takes the records
// (exposition-bytes.ts, the other half, which decides everything else).
// Every other line (comments, exponents, NaN, odd blanks, errors) is a record
// that says only where the line is: the text parser reads it.

import { is, NAME_CHAR, NAME_START } from './label-bytes.js';
import { TextKeys } from './text-keys.js';

const NL = 10;
const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const DOT = 46;
const MINUS = 45;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** 10^k for k <= 22 is exact in float64, so m / 10^k is correctly rounded, as Number() is. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A record's key for a line that is not the common sample shape. */
export const OTHER_LINE = -1;

/**
 * Tokenized lines, one record each in typed arrays (over a SharedArrayBuffer
 * when a thread fills them): the series text's key (OTHER_LINE for any other
 * line), where the line starts, where its series text ends (for any other
 * line: where the line ends, before its newline), its timestamp in ms and
 * its value.
 */
export class LineRecords {
  static bytesFor(capacity: number): number {
    return capacity * 28;
  }

  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly key: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Records filled. */
  n = 0;

  constructor(
    readonly capacity: number,
    buffer: ArrayBufferLike = new ArrayBuffer(LineRecords.bytesFor(capacity)),
    offset = 0,
  ) {
    this.t = new Float64Array(buffer, offset, capacity);
    this.v = new Float64Array(buffer, offset + 8 * capacity, capacity);
    this.key = new Int32Array(buffer, offset + 16 * capacity, capacity);
    this.start = new Int32Array(buffer, offset + 20 * capacity, capacity);
    this.end = new Int32Array(buffer, offset + 24 * capacity, capacity);
  }
}

export class LineTokenizer {
  private readonly keys = new TextKeys();
  /** The key of the last sample line's series text (-1: none yet); its successor predicts the next line's. */
  private lastKey = -1;
  private numValue = 0;
  private numEnd = 0;
  private numTs = 0;
  /** readInteger's result, and the first eight digits it read last as two ints with their value (-1: none yet). */
  private intValue = 0;
  private intEnd = 0;
  private head0 = 0;
  private head1 = 0;
  private headValue = -1;

  constructor(private readonly om: boolean) {}

  /**
   * Tokenizes the lines of b from `from` into `out` (emptied first): each
   * line that ends with a newline, and a last one without when `final`.
   * Returns where it stopped: b.length, the start of a last line without a
   * newline (not final), or the next line when `out` is full.
   */
  tokenize(b: Uint8Array, view: DataView, from: number, final: boolean, out: LineRecords): number {
    const n = b.length;
    const cap = out.capacity;
    let r = 0;
    let s = from;
    while (s < n && r < cap) {
      const nl = this.sample(b, view, s);
      if (nl >= 0) {
        out.key[r] = this.lastKey;
        out.start[r] = s;
        out.end[r] = s + this.keys.textLength(this.lastKey);
        out.t[r] = this.numTs;
        out.v[r] = this.numValue;
        r++;
        s = nl + 1;
        continue;
      }
      let e = b.indexOf(NL, s);
      if (e < 0) {
        if (!final) break;
        e = n;
      }
      out.key[r] = OTHER_LINE;
      out.start[r] = s;
      out.end[r] = e;
      r++;
      s = e + 1;
    }
    out.n = r;
    return Math.min(s, n);
  }

  /**
   * Reads a common sample line from `s` up to its newline (its series text's
   * key into lastKey, its numbers into numTs and numValue); returns the
   * newline's index, or -1 for any other line (or one cut by the end of b).
   */
  private sample(b: Uint8Array, view: DataView, s: number): number {
    const keys = this.keys;
    const last = this.lastKey;
    let key = last;
    // Every read is bounded: a byte past the end (undefined) would deoptimise the loop.
    const end = b.length;
    let n = last >= 0 ? keys.textLength(last) : 0;
    if (!(n > 0 && s + n < end && b[s + n] === SPACE && keys.same(last, view, b, s, n))) {
      key = keys.predicted(last);
      n = key >= 0 ? keys.textLength(key) : 0;
      if (!(n > 0 && s + n < end && b[s + n] === SPACE && keys.same(key, view, b, s, n))) {
        // Not a text met just before: found by its hash.
        const e = seriesEnd(b, s);
        if (e < 0 || e >= end || b[e] !== SPACE) return -1;
        key = keys.key(view, b, s, e);
        if (key < 0) return -1;
        n = e - s;
      }
    }
    const i = s + n;
    if (!this.readDecimal(b, i + 1) || this.numEnd >= end || b[this.numEnd] !== SPACE) return -1;
    const nl = this.om ? this.readSecondsTs(b, view, this.numEnd + 1) : this.readMsTs(b, view, this.numEnd + 1);
    if (nl < 0) return -1;
    if (key !== last) {
      keys.follows(last, key);
      this.lastKey = key;
    }
    return nl;
  }

  /** `-?digits[.digits]` with at most 15 digits (exact in float64) into numValue/numEnd. */
  private readDecimal(b: Uint8Array, at: number): boolean {
    const e = b.length;
    let i = at;
    if (i >= e) return false;
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

  /**
   * The digits at b[at…] as an integer into intValue, their end into
   * intEnd. Timestamps of neighbouring lines mostly share their first eight
   * digits: those are compared as two ints with the last ones read and not
   * parsed again.
   */
  private readInteger(b: Uint8Array, view: DataView, at: number): void {
    const e = b.length;
    let i = at;
    let v = 0;
    if (this.headValue >= 0 && at + 8 <= e && view.getInt32(at) === this.head0 && view.getInt32(at + 4) === this.head1) {
      v = this.headValue;
      i = at + 8;
    } else {
      for (; i < e && i < at + 8; i++) {
        const c = b[i] - 48;
        if (c < 0 || c > 9) break;
        v = v * 10 + c;
      }
      if (i === at + 8) {
        this.head0 = view.getInt32(at);
        this.head1 = view.getInt32(at + 4);
        this.headValue = v;
      }
    }
    for (; i < e; i++) {
      const c = b[i] - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    this.intValue = v;
    this.intEnd = i;
  }

  /** OpenMetrics `seconds[.fraction]` to ms in numTs (sub-ms digits truncated, as the text path); the newline's index or -1. */
  private readSecondsTs(b: Uint8Array, view: DataView, at: number): number {
    const e = b.length;
    this.readInteger(b, view, at);
    let i = this.intEnd;
    if (i === at || i - at > 12) return -1;
    let ms = 0;
    if (i < e && b[i] === DOT) {
      let k = 0;
      for (i++; i < e && b[i] >= 48 && b[i] <= 57; i++, k++) if (k < 3) ms = ms * 10 + (b[i] - 48);
      for (; k < 3; k++) ms *= 10;
    }
    if (i >= e || b[i] !== NL) return -1;
    this.numTs = this.intValue * 1000 + ms;
    return i;
  }

  /** Text-format integer milliseconds into numTs; the newline's index or -1. */
  private readMsTs(b: Uint8Array, view: DataView, at: number): number {
    const e = b.length;
    this.readInteger(b, view, at);
    const i = this.intEnd;
    if (i === at || i - at > 15 || i >= e || b[i] !== NL) return -1;
    this.numTs = this.intValue;
    return i;
  }
}

/** Index after `name{labels}` (quotes and escapes respected), or -1 for anything unusual. */
function seriesEnd(b: Uint8Array, s: number): number {
  const e = b.length;
  if (s >= e || !is(b[s], NAME_START)) return -1;
  let i = s + 1;
  while (i < e && is(b[i], NAME_CHAR)) i++;
  if (i < e && b[i] === OPEN_BRACE) {
    let inStr = false;
    for (i++; i < e; i++) {
      const c = b[i];
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
  return i;
}
