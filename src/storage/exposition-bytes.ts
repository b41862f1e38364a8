// Exposition input as bytes, for files of any size: chunks are split into
// lines without ever building one string of the whole input, and the common
// line shape — `name{labels} value timestamp`, one blank between fields, a
// series already seen, a plain decimal value — is read straight from the
// bytes. Every other line (comments, new series, exponents, NaN, odd blanks,
// errors) goes through ExpositionParser.line() as text, so the results, the
// error messages and their line numbers are exactly those of the text path.

import type { ExpositionParser } from './exposition.js';
import type { MemoryStore } from './store.js';
import { is, LabelBytesReader, NAME_CHAR, NAME_START } from './label-bytes.js';
import { SeriesTexts } from './series-texts.js';

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
  /** readInteger's result, and the first eight digits it read last as two ints with their value (-1: none yet). */
  private intValue = 0;
  private intEnd = 0;
  private head0 = 0;
  private head1 = 0;
  private headValue = -1;
  /** OR of the bytes of the last label set scanned (>= 0x80: not ASCII). */
  private seriesHigh = 0;
  private texts = new SeriesTexts();
  private readonly labels: LabelBytesReader;

  constructor(
    private readonly parser: ExpositionParser,
    private readonly om: boolean,
  ) {
    this.labels = new LabelBytesReader(parser.strings);
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
    // The texts are only for reading: let them go before the store gathers its samples.
    this.texts = new SeriesTexts();
    this.lastBytes = Buffer.alloc(0);
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
    let plain = false;
    if (n > 0 && b[s + n] === SPACE && this.sameAsLast(b, s, n)) {
      i = s + n;
      id = this.lastId;
    } else {
      predicted = this.texts.predicted(this.lastEntry);
      const pn = predicted >= 0 ? this.texts.textLength(predicted) : 0;
      if (pn > 0 && b[s + pn] === SPACE && this.texts.same(predicted, this.view, b, s, pn)) i = s + pn;
      else {
        // Not a series met just before: its labels are read (plain ones as they are scanned).
        predicted = -1;
        i = this.labels.pairs(this.view, b, s);
        plain = i >= 0;
        if (!plain) i = this.seriesEnd(b, s);
        if (i < 0 || b[i] !== SPACE) return -1;
      }
    }
    const seriesEnd = i;
    if (!this.readDecimal(b, i + 1) || b[this.numEnd] !== SPACE) return -1;
    const value = this.numValue;
    const nl = this.om ? this.readSecondsTs(b, this.numEnd + 1) : this.readMsTs(b, this.numEnd + 1);
    if (nl < 0) return -1;
    if (predicted >= 0) id = this.setLast(b, s, seriesEnd, predicted, this.texts.seriesId(predicted));
    else if (id < 0) id = this.seriesId(b, s, seriesEnd, plain);
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

  /** Index after `name{labels}` (quotes and escapes respected), or -1 for anything unusual; seriesHigh says whether it is ASCII. */
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
   * the store's string ids, when `plain` (read into this.labels: the store
   * finds or makes their series), or (escapes, UTF-8) a series the text path
   * has read; -1 to leave the line to the text path.
   */
  private seriesId(b: Buffer, s: number, e: number, plain: boolean): number {
    const view = this.view;
    const labels = this.labels;
    const id = plain
      ? this.parser.addSeriesPairs(labels.sorted, labels.n, labels.metricName)
      : this.parser.knownSeries(b.toString(this.seriesHigh < 0x80 ? 'latin1' : 'utf8', s, e));
    if (id === undefined) return -1;
    const k = this.texts.entry(id, view, b, s, e);
    this.texts.follows(this.lastEntry, k);
    return this.setLast(b, s, e, k, id);
  }

  /** The series text b[s, e) (entry k of texts, -1 for none) is the last read; returns its series id. */
  private setLast(b: Buffer, s: number, e: number, k: number, id: number): number {
    this.lastBytes = b;
    this.lastView = this.view;
    this.lastStart = s;
    this.lastLen = e - s;
    this.lastEntry = k;
    return (this.lastId = id);
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

  /**
   * The digits at b[at…] as an integer into intValue, their end into
   * intEnd. Timestamps of neighbouring lines mostly share their first eight
   * digits: those are compared as two ints with the last ones read and not
   * parsed again.
   */
  private readInteger(b: Buffer, at: number): void {
    const e = b.length;
    const view = this.view;
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
  private readSecondsTs(b: Buffer, at: number): number {
    const e = b.length;
    this.readInteger(b, at);
    let i = this.intEnd;
    if (i === at || i - at > 12) return -1;
    let ms = 0;
    if (b[i] === DOT) {
      let k = 0;
      for (i++; i < e && b[i] >= 48 && b[i] <= 57; i++, k++) if (k < 3) ms = ms * 10 + (b[i] - 48);
      for (; k < 3; k++) ms *= 10;
    }
    if (i >= e || b[i] !== NL) return -1;
    this.numTs = this.intValue * 1000 + ms;
    return i;
  }

  /** Text-format integer milliseconds into numTs; the newline's index or -1. */
  private readMsTs(b: Buffer, at: number): number {
    const e = b.length;
    this.readInteger(b, at);
    const i = this.intEnd;
    if (i === at || i - at > 15 || i >= e || b[i] !== NL) return -1;
    this.numTs = this.intValue;
    return i;
  }
}
