// The first half of reading an exposition file as bytes: lines split and
// the common line shape — `name{labels} value timestamp`, one blank between
// fields, a plain decimal value — read into numbers, its series text
// (`name{labels}` as written) given a key by TextKeys. This half needs
// nothing of the store, so a big file's lines are tokenized in a thread of
// their own (dataset/tokenize-worker.ts) while the store takes the records
// (exposition-bytes.ts, the other half, which decides everything else).
// Every other line (comments, exponents, NaN, odd blanks, errors) is a record
// that says only where the line is: the text parser reads it.

import { is, NAME_CHAR, NAME_START, POSITION_INTS, readPlainLabels } from './label-bytes.js';
import { TextKeys } from './text-keys.js';

const NL = 10;
const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** Ints of label positions a record may have, on average (more: the loading thread reads the labels itself). */
const LABEL_INTS_PER_RECORD = 16;

/** A record's key for a line that is not the common sample shape. */
export const OTHER_LINE = -1;

/**
 * Tokenized lines, one record each in typed arrays (over a SharedArrayBuffer
 * when a thread fills them): the series text's key (OTHER_LINE for any other
 * line), where the line starts, where its series text ends (for any other
 * line: where the line ends, before its newline), and for a text met for
 * the first time, where its label positions are in `labels` (-1: none).
 *
 * Label positions: the number of labels n (-1 when the text is not the
 * plain shape: escapes, UTF-8, an empty value, `{}`, a trailing comma), then per label, in the order
 * of the text, where its name starts and ends and where its value starts and
 * ends; the first is `__name__` (-1, -1), whose value is the metric name.
 * (The loading thread sorts them by name, by an order it keeps per list of
 * names: see LabelBytesReader.)
 */
export class LineRecords {
  static bytesFor(capacity: number): number {
    return capacity * 16 + capacity * LABEL_INTS_PER_RECORD * 4;
  }

  readonly key: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly info: Int32Array;
  readonly labels: Int32Array;
  /** Records filled. */
  n = 0;

  constructor(
    readonly capacity: number,
    buffer: ArrayBufferLike = new ArrayBuffer(LineRecords.bytesFor(capacity)),
    offset = 0,
  ) {
    this.key = new Int32Array(buffer, offset, capacity);
    this.start = new Int32Array(buffer, offset + 4 * capacity, capacity);
    this.end = new Int32Array(buffer, offset + 8 * capacity, capacity);
    this.info = new Int32Array(buffer, offset + 12 * capacity, capacity);
    this.labels = new Int32Array(buffer, offset + 16 * capacity, capacity * LABEL_INTS_PER_RECORD);
  }
}

export class LineTokenizer {
  private readonly keys = new TextKeys();
  /** The key of the last sample line's series text (-1: none yet); its successor predicts the next line's. */
  private lastKey = -1;
  /** Whether textKey's text was new; its label positions (as in LineRecords.labels) in `found`. */
  private isNew = false;
  private readonly found = new Int32Array(POSITION_INTS);

  /**
   * Tokenizes the lines of b from `from` into `out` (emptied first): each
   * line that ends with a newline, and a last one without when `final`.
   * Returns where it stopped: b.length, the start of a last line without a
   * newline (not final), or the next line when `out` is full.
   */
  tokenize(b: Uint8Array, view: DataView, from: number, final: boolean, out: LineRecords): number {
    const n = b.length;
    const cap = out.capacity;
    const { key, start, end, info, labels } = out;
    const room = labels.length - this.found.length;
    let used = 0;
    let r = 0;
    let s = from;
    while (s < n && r < cap) {
      const k = this.textKey(b, view, s);
      const e = k >= 0 ? s + this.keys.textLength(k) : s;
      // Not indexOf (a native call costs more than the few bytes of a sample
      // line's numbers): four bytes a step while none is a newline (the
      // "has a zero byte" test on the word XOR newlines), then byte by byte.
      let nl = e;
      for (; nl + 4 <= n; nl += 4) {
        const x = view.getInt32(nl) ^ 0x0a0a0a0a;
        if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
      }
      while (nl < n && b[nl] !== NL) nl++;
      if (nl === n && !final) break;
      start[r] = s;
      info[r] = -1;
      // A last line without a newline is read as text.
      if (k >= 0 && nl < n) {
        key[r] = k;
        end[r] = e;
        if (this.isNew && used <= room) {
          info[r] = used;
          used = this.copyFound(labels, used);
        }
      } else {
        key[r] = OTHER_LINE;
        end[r] = nl;
      }
      r++;
      s = nl + 1;
    }
    out.n = r;
    return Math.min(s, n);
  }

  /**
   * The key of the series text at b[s] when a blank follows it (the line
   * may be a sample), -1 otherwise. The text is most often the last line's
   * or the one that followed it last time: one compare; else it is found by
   * its hash.
   */
  private textKey(b: Uint8Array, view: DataView, s: number): number {
    const keys = this.keys;
    const last = this.lastKey;
    // Every read is bounded: a byte past the end (undefined) would deoptimise the loop.
    const end = b.length;
    this.isNew = false;
    let n = last >= 0 ? keys.textLength(last) : 0;
    if (n > 0 && s + n < end && b[s + n] === SPACE && keys.same(last, view, b, s, n)) return last;
    let key = keys.predicted(last);
    n = key >= 0 ? keys.textLength(key) : 0;
    if (!(n > 0 && s + n < end && b[s + n] === SPACE && keys.same(key, view, b, s, n))) {
      const e = this.labelsEnd(b, view, s);
      if (e < 0 || e >= end || b[e] !== SPACE) return -1;
      const before = keys.size;
      key = keys.key(view, b, s, e);
      if (key < 0) return -1;
      this.isNew = keys.size > before;
    }
    keys.follows(last, key);
    return (this.lastKey = key);
  }

  /** Copies `found` to labels at `at`; returns where the next goes. */
  private copyFound(labels: Int32Array, at: number): number {
    const found = this.found;
    const n = found[0];
    const len = n < 0 ? 1 : 1 + 4 * n;
    for (let j = 0; j < len; j++) labels[at + j] = found[j];
    return at + len;
  }

  /**
   * Index after the series text at b[s] (quotes and escapes respected), or
   * -1 for anything unusual. Its label positions go into `found` (the
   * loading thread interns them without reading the text again); n = -1
   * there when the text is not the plain shape (readPlainLabels).
   */
  private labelsEnd(b: Uint8Array, view: DataView, s: number): number {
    const e = readPlainLabels(b, view, s, this.found);
    if (e >= 0) return e;
    this.found[0] = -1;
    return seriesEnd(b, s);
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
