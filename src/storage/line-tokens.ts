// The first half of reading an exposition file as bytes: lines split and,
// for the common line shape — `name{labels} value timestamp` — its series
// text (`name{labels}` as written) given a key by TextKeys (the numbers are
// read by the other half, sample-numbers.ts). This half needs
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

/** Lines read ahead in a run of new texts (see LineTokenizer.tokenize). */
const RUN = 32;
/** Lines in a row whose text was neither the last nor the predicted one, before runs start. */
const RUN_AFTER_MISSES = 4;

export class LineTokenizer {
  private readonly keys = new TextKeys();
  /** The key of the last sample line's series text (-1: none yet); its successor predicts the next line's. */
  private lastKey = -1;
  /** Whether the text given a key last was new; its label positions (as in LineRecords.labels) in `found`. */
  private isNew = false;
  private readonly found = new Int32Array(POSITION_INTS);
  /** Whether the last line's text was the one before it (else the predicted one, or new): tried first next time. */
  private repeating = true;
  /** Lines in a row whose text was found by its hash (neither the last nor the predicted one). */
  private misses = 0;
  /** The lines of a run read ahead: start, text end (-1: not a sample's text), its hash, newline; label positions at j × POSITION_INTS. */
  private readonly runStart = new Int32Array(RUN);
  private readonly runEnd = new Int32Array(RUN);
  private readonly runHash = new Int32Array(RUN);
  private readonly runNewline = new Int32Array(RUN);
  private readonly runFound = new Int32Array(RUN * POSITION_INTS);
  /** The sum of the slots read ahead (kept, so that the reads are not left out as unused). */
  touched = 0;

  /**
   * Tokenizes the lines of b from `from` into `out` (emptied first): each
   * line that ends with a newline, and a last one without when `final`.
   * Returns where it stopped: b.length, the start of a last line without a
   * newline (not final), or the next line when `out` is full.
   *
   * Lines whose texts are met again (a scrape repeated) are read one at a
   * time: the predicted text is one compare. A run of new texts (the first
   * scrape of a million series) is read RUN lines ahead: each text's hash
   * table slot is read before any of them is looked up, so the memory waits
   * overlap instead of coming one per line (measured: a million new texts
   * tokenized in ~550 ms instead of ~690).
   */
  tokenize(b: Uint8Array, view: DataView, from: number, final: boolean, out: LineRecords): number {
    const n = b.length;
    const cap = out.capacity;
    const { key, start, end, info, labels } = out;
    const room = labels.length - POSITION_INTS;
    let used = 0;
    let r = 0;
    let s = from;
    while (s < n && r < cap) {
      if (this.misses >= RUN_AFTER_MISSES) {
        const m = this.readAhead(b, view, s, final, Math.min(RUN, cap - r));
        if (m === 0) break;
        for (let j = 0; j < m; j++) {
          const ls = this.runStart[j];
          const nl = this.runNewline[j];
          const k = this.runKey(b, view, j);
          start[r] = ls;
          info[r] = -1;
          if (k >= 0 && nl < n) {
            key[r] = k;
            end[r] = ls + this.keys.textLength(k);
            if (this.isNew && used <= room) {
              info[r] = used;
              used = copyPositions(this.runFound, j * POSITION_INTS, labels, used);
            }
          } else {
            key[r] = OTHER_LINE;
            end[r] = nl;
          }
          r++;
        }
        s = this.runNewline[m - 1] + 1;
        continue;
      }
      const k = this.textKey(b, view, s);
      const e = k >= 0 ? s + this.keys.textLength(k) : s;
      const nl = newline(b, view, e);
      if (nl === n && !final) break;
      start[r] = s;
      info[r] = -1;
      // A last line without a newline is read as text.
      if (k >= 0 && nl < n) {
        key[r] = k;
        end[r] = e;
        if (this.isNew && used <= room) {
          info[r] = used;
          used = copyPositions(this.found, 0, labels, used);
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
    const last = this.lastKey;
    let key = this.predictedKey(b, view, s);
    if (key < 0) {
      const e = this.labelsEnd(b, view, s);
      if (e < 0 || e >= b.length || b[e] !== SPACE) return -1;
      key = this.hashedKey(view, b, s, e, TextKeys.hash(view, b, s, e));
      if (key < 0) return -1;
    }
    this.keys.follows(last, key);
    return (this.lastKey = key);
  }

  /** textKey() for line j of a run, whose text end and hash were read ahead. */
  private runKey(b: Uint8Array, view: DataView, j: number): number {
    const last = this.lastKey;
    let key = this.predictedKey(b, view, this.runStart[j]);
    if (key < 0) {
      const e = this.runEnd[j];
      if (e < 0) return -1;
      key = this.hashedKey(view, b, this.runStart[j], e, this.runHash[j]);
      if (key < 0) return -1;
    }
    this.keys.follows(last, key);
    return (this.lastKey = key);
  }

  /**
   * The last line's key or the one predicted after it when the text at b[s]
   * is that one (and a blank follows), else -1. The one that was the text
   * last time is tried first: a series' samples in a row (series by series)
   * or one scrape after another (the predicted one).
   */
  private predictedKey(b: Uint8Array, view: DataView, s: number): number {
    const keys = this.keys;
    const last = this.lastKey;
    this.isNew = false;
    const predicted = keys.predicted(last);
    if (this.repeating) {
      if (this.isText(last, b, view, s)) return this.hit(last, true);
      if (this.isText(predicted, b, view, s)) return this.hit(predicted, false);
    } else {
      if (this.isText(predicted, b, view, s)) return this.hit(predicted, false);
      if (this.isText(last, b, view, s)) return this.hit(last, true);
    }
    return -1;
  }

  /** Whether key k's text (k >= 0) is at b[s], a blank after it. */
  private isText(k: number, b: Uint8Array, view: DataView, s: number): boolean {
    const n = k >= 0 ? this.keys.textLength(k) : 0;
    // Every read is bounded: a byte past the end (undefined) would deoptimise the loop.
    return n > 0 && s + n < b.length && b[s + n] === SPACE && this.keys.same(k, view, b, s, n);
  }

  private hit(key: number, repeated: boolean): number {
    this.misses = 0;
    this.repeating = repeated;
    return key;
  }

  /** The key of the text b[s, e) of hash h, found or new (isNew); -1 when TextKeys has no room. */
  private hashedKey(view: DataView, b: Uint8Array, s: number, e: number, h: number): number {
    const before = this.keys.size;
    const key = this.keys.keyHashed(view, b, s, e, h);
    this.isNew = this.keys.size > before;
    this.misses++;
    return key;
  }

  /**
   * Reads up to `max` lines from b[s] ahead of giving them keys: where each
   * starts, its text's end, label positions and hash, and its newline; each
   * hash's first table slot is read here. Stops before a last line without a
   * newline (unless `final`). Returns the number of lines read.
   */
  private readAhead(b: Uint8Array, view: DataView, s: number, final: boolean, max: number): number {
    const n = b.length;
    const keys = this.keys;
    let touched = 0;
    let m = 0;
    for (; m < max && s < n; m++) {
      const at = m * POSITION_INTS;
      let e = readPlainLabels(b, view, s, this.runFound, at);
      if (e < 0) {
        this.runFound[at] = -1;
        e = seriesEnd(b, s);
      }
      // As textKey: a sample's text is followed by a blank.
      if (e >= 0 && e < n && b[e] === SPACE) this.runHash[m] = TextKeys.hash(view, b, s, e);
      else e = -1;
      const nl = newline(b, view, e >= 0 ? e : s);
      if (nl === n && !final) break;
      this.runStart[m] = s;
      this.runEnd[m] = e;
      this.runNewline[m] = nl;
      s = nl + 1;
    }
    // All the slots in one short loop: their reads wait on memory together (a read per line, among the line's work, would wait alone).
    for (let j = 0; j < m; j++) if (this.runEnd[j] >= 0) touched += keys.touch(this.runHash[j]);
    this.touched = (this.touched + touched) | 0;
    return m;
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

/**
 * The index of the first newline from i, or b.length. Not indexOf (a native
 * call costs more than the few bytes of a sample line's numbers): four bytes
 * a step while none is a newline (the "has a zero byte" test on the word XOR
 * newlines), then byte by byte.
 */
function newline(b: Uint8Array, view: DataView, i: number): number {
  const n = b.length;
  for (; i + 4 <= n; i += 4) {
    // Little-endian: the test is per byte, and no byte swap a read.
    const x = view.getInt32(i, true) ^ 0x0a0a0a0a;
    if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
  }
  while (i < n && b[i] !== NL) i++;
  return i;
}

/** Copies label positions (as readPlainLabels wrote them at from[at]) to labels[to]; returns where the next go. */
function copyPositions(from: Int32Array, at: number, labels: Int32Array, to: number): number {
  const n = from[at];
  const len = n < 0 ? 1 : 1 + 4 * n;
  for (let j = 0; j < len; j++) labels[to + j] = from[at + j];
  return to + len;
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
