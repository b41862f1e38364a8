// Exposition input as bytes, for files of any size: chunks are split into
// lines without ever building one string of the whole input. It is read in
// two halves: the line tokenizer (line-tokens.ts) splits lines and gives the
// common line shape — `name{labels} value timestamp` — a key per distinct
// series text; this file (the store's half) reads the numbers (a plain
// decimal value, sample-numbers.ts), finds the series of each key, once,
// from the text's labels, and appends the samples.
// Every other line (comments, exponents, NaN, odd blanks, a series with
// escapes the store has not met, errors) goes through ExpositionParser.line()
// as text, so the results, the error messages and their line numbers are
// exactly those of the text path. A big file's tokenizer runs in a thread of
// its own (dataset/tokenize-worker.ts), which gives its records to `take`.

import type { ExpositionParser } from './exposition.js';
import type { MemoryStore } from './store.js';
import { LabelBytesReader } from './label-bytes.js';
import { LineRecords, LineTokenizer, OTHER_LINE } from './line-tokens.js';
import { SampleNumbers } from './sample-numbers.js';

const NL = 10;
/** Records per round of tokenizing in this thread. */
const RECORDS = 4096;

export class ByteExpositionParser {
  /** The start of a line cut by the end of the previous chunk. */
  private carry?: Buffer;
  /** Per text key: its series id (-1: not known yet). */
  private ids = new Int32Array(1024).fill(-1);
  /** Keys below this one have been met (the tokenizer gives keys in the order their texts first appear). */
  private keysSeen = 0;
  private readonly numbers: SampleNumbers;
  private readonly labels: LabelBytesReader;
  /** For input fed here (not tokenized by a thread): the tokenizer and its records. */
  private tokenizer?: LineTokenizer;
  private records?: LineRecords;

  /**
   * @param assumeNew a text new to the tokenizer is a series new to the
   * store (LabelSets.addNew): for big files, whose loader calls settle()
   * while it waits (the label sets are checked for repeats only when one is
   * possible) and reads the file again the exact way if one was not new.
   */
  constructor(
    private readonly parser: ExpositionParser,
    om: boolean,
    private readonly assumeNew = false,
  ) {
    this.labels = new LabelBytesReader(parser.strings);
    this.numbers = new SampleNumbers(om);
  }

  /** Feeds the next chunk of input (tokenized in this thread). */
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
      this.tokenized(line, 0);
      from = nl + 1;
    }
    const stop = this.tokenized(chunk, from);
    if (stop < chunk.length) this.carry = Buffer.from(chunk.subarray(stop));
  }

  /** Tokenizes and takes the whole lines of b from `from`; returns where the cut last line starts (b.length: none). */
  private tokenized(b: Buffer, from: number): number {
    const tokenizer = (this.tokenizer ??= new LineTokenizer());
    const records = (this.records ??= new LineRecords(RECORDS));
    const view = new DataView(b.buffer, b.byteOffset, b.length);
    for (;;) {
      const stop = tokenizer.tokenize(b, view, from, false, records);
      this.take(b, view, records, records.n);
      if (records.n < records.capacity || stop === b.length) return stop;
      from = stop;
    }
  }

  /**
   * Takes n records of lines in b (tokenized from b, here or in a thread):
   * the samples of known series appended, every other line read as text.
   */
  take(b: Buffer, view: DataView, records: LineRecords, n: number): void {
    const { key, start, end, info, labels } = records;
    const numbers = this.numbers;
    const parser = this.parser;
    for (let r = 0; r < n; r++) {
      const k = key[r];
      const s = start[r];
      if (k !== OTHER_LINE) {
        const e = end[r];
        // Keys come in the order their texts first appear: one not met yet is a text new to the file.
        const fresh = k >= this.keysSeen;
        if (fresh) this.keysSeen = k + 1;
        if (numbers.read(b, view, e) >= 0) {
          let id = k < this.ids.length ? this.ids[k] : -1;
          if (id < 0) id = this.seriesId(b, view, s, e, k, fresh, info[r] >= 0 ? labels : undefined, info[r]);
          if (id >= 0 && parser.appendParsed(id, numbers.sample)) continue;
        }
        // The text path reads (and reports) the whole line.
        const nl = b.indexOf(NL, e);
        parser.line(b.toString('utf8', s, nl < 0 ? b.length : nl));
      } else parser.line(b.toString('utf8', s, end[r]));
    }
  }

  /**
   * The series id of text key k, written as b[s, e): its labels as the
   * store's string ids when the text is plain (the store finds or makes the
   * series), or (escapes, UTF-8) a series the text path has read; -1 to leave
   * the line to the text path (which makes the series: found here next time).
   * `fresh`: this is the first line of the text (with assumeNew, its series is
   * made without looking for it).
   */
  private seriesId(
    b: Buffer,
    view: DataView,
    s: number,
    e: number,
    k: number,
    fresh: boolean,
    found: Int32Array | undefined,
    at: number,
  ): number {
    const labels = this.labels;
    const plain = found ? labels.fromPositions(view, b, found, at) : labels.pairs(view, b, s) === e;
    const id = plain
      ? this.parser.addSeriesPairs(labels.sorted, labels.n, labels.metricName, this.assumeNew && fresh)
      : this.parser.knownSeries(b.toString('utf8', s, e));
    if (id === undefined) return -1;
    if (k >= this.ids.length) {
      const ids = new Int32Array(Math.max(k + 1, 2 * this.ids.length)).fill(-1);
      ids.set(this.ids);
      this.ids = ids;
    }
    return (this.ids[k] = id);
  }

  /**
   * Checks up to `limit` series made as new (see assumeNew) when two texts
   * may be one label set: some list of names came in two orders; returns
   * whether some are left.
   */
  settle(limit: number): boolean {
    return this.parser.checkNewSeries(limit, !this.labels.orderConflict);
  }

  /**
   * For a loader waiting on its reading thread, `fraction` of the input
   * read: prepares a step of the memory the end's flush needs
   * (MemoryStore.prepareFlush); returns whether more is left.
   */
  prepare(fraction: number): boolean {
    return this.parser.prepareFlush(fraction);
  }

  /** The last line (if the input does not end with a newline), then the parser's end checks. */
  end(): MemoryStore {
    const rest = this.carry;
    this.carry = undefined;
    if (rest) this.parser.line(rest.toString('utf8'));
    // Series taken as new: each new text has another label set, unless some list of names came in two orders.
    if (this.assumeNew) this.settle(Infinity);
    // The tokenizer's texts and the keys' ids are only for reading: let them go before the store gathers its samples.
    this.tokenizer = undefined;
    this.records = undefined;
    this.ids = new Int32Array(0);
    return this.parser.end();
  }
}
