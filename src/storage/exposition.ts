// Loads Prometheus exposition text into a MemoryStore: the text format 0.0.4
// (timestamps in integer ms) and OpenMetrics 1.0 (timestamps in seconds,
// `# EOF` required). Bad input throws an ExpositionError naming the line; a
// store is only returned when the whole input was accepted.
//
// Speed matters (data files of 100k+ lines): lines are scanned by hand, and
// series ids are cached by the raw series text so a repeated series costs a
// Map lookup instead of a label sort.

import { UsageError } from '../errors.js';
import { t } from '../util/messages/index.js';
import type { Metric, MetricMetadata } from '../model/result.js';
import { MemoryStore, OutOfOrderSampleError } from './store.js';
import type { StringTable } from './strings.js';

export type ExpositionFormat = 'auto' | 'openmetrics' | 'text';

export interface ExpositionOptions {
  format?: ExpositionFormat;
  /** Timestamp (ms) for samples without one; defaults to the current time. */
  defaultTimestampMs?: number;
  /** Reject samples without a timestamp (a dataset file needs them all). */
  requireTimestamps?: boolean;
  /** Called every few thousand lines and at the end, for progress display. */
  onProgress?: (linesDone: number, totalLines: number | undefined) => void;
}

export class ExpositionError extends UsageError {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`, t('dataset.formatHint'));
  }
}

/** Thrown inside the line parser; the line number is added by the caller. */
class LineError extends Error {}

const OM_TYPES = new Set(['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown']);
const TEXT_TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
/** Families whose `_created` samples are timestamps of creation, not data. */
const CREATED_TYPES = new Set(['counter', 'histogram', 'summary', 'gaugehistogram']);
const PROGRESS_EVERY = 10_000;

/** OpenMetrics when the input ends with `# EOF`, else the text format. */
export function detectFormat(text: string): 'openmetrics' | 'text' {
  return /(^|\n)# EOF[ \t\r]*\n?\s*$/.test(text) ? 'openmetrics' : 'text';
}

/** undefined: samples must carry their own timestamp. */
function defaultTimestamp(opts: ExpositionOptions): number | undefined {
  return opts.requireTimestamps ? undefined : (opts.defaultTimestampMs ?? Date.now());
}

export function parseExposition(text: string, opts: ExpositionOptions = {}): MemoryStore {
  const format = !opts.format || opts.format === 'auto' ? detectFormat(text) : opts.format;
  const p = new ExpositionParser(format, defaultTimestamp(opts));
  const lines = text.split('\n');
  // A final newline does not start another line.
  const total = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < total; i++) {
    p.line(lines[i]);
    if (opts.onProgress && (i + 1) % PROGRESS_EVERY === 0) opts.onProgress(i + 1, total);
  }
  const store = p.end();
  opts.onProgress?.(total, total);
  return store;
}

/**
 * The streaming form: feed chunks (strings or UTF-8 buffers) as they are read.
 * With format 'auto' the format is only known at the end, so the input is
 * collected first; give the format explicitly to parse while reading.
 */
export async function parseExpositionStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  opts: ExpositionOptions = {},
): Promise<MemoryStore> {
  const decoder = new TextDecoder();
  if (!opts.format || opts.format === 'auto') {
    let text = '';
    for await (const c of chunks) text += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    return parseExposition(text + decoder.decode(), opts);
  }
  const p = new ExpositionParser(opts.format, defaultTimestamp(opts));
  let rest = '';
  let n = 0;
  const feed = (s: string) => {
    const parts = (rest + s).split('\n');
    rest = parts.pop()!;
    for (const l of parts) {
      p.line(l);
      if (opts.onProgress && ++n % PROGRESS_EVERY === 0) opts.onProgress(n, undefined);
    }
  };
  for await (const c of chunks) feed(typeof c === 'string' ? c : decoder.decode(c, { stream: true }));
  feed(decoder.decode());
  if (rest !== '') {
    p.line(rest);
    n++;
  }
  const store = p.end();
  opts.onProgress?.(n, n);
  return store;
}

interface FamilyMeta {
  type?: string;
  help?: string;
  unit?: string;
}

/** Line-at-a-time parser; `end()` checks the trailer and returns the store. */
export class ExpositionParser {
  private readonly store = new MemoryStore();
  private readonly om: boolean;
  private readonly meta = new Map<string, FamilyMeta>();
  private readonly seriesIds = new Map<string, number>();
  private lineNo = 0;
  private sawEof = false;

  constructor(
    format: 'openmetrics' | 'text',
    private readonly defaultTs: number | undefined,
  ) {
    this.om = format === 'openmetrics';
  }

  line(raw: string): void {
    this.lineNo++;
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    try {
      if (this.sawEof) throw new LineError('content after "# EOF"');
      if (l.length === 0 || (!this.om && l.trim() === '')) {
        if (this.om) throw new LineError('empty lines are not allowed in OpenMetrics');
        return;
      }
      if (l.charCodeAt(0) === 35 /* # */) this.comment(l);
      else if (this.om || l.trimStart()[0] !== '#') this.sample(this.om ? l : l.trim());
    } catch (e) {
      if (e instanceof LineError) throw new ExpositionError(this.lineNo, e.message);
      throw e;
    }
  }

  /** The series id of a series text seen before (the byte parser's lookup), if any. */
  knownSeries(seriesText: string): number | undefined {
    return this.seriesIds.get(seriesText);
  }

  /** The store's strings, which the byte parser interns label names and values in. */
  get strings(): StringTable {
    return this.store.strings;
  }

  /** The series of label pairs the byte parser has read (see MemoryStore.seriesOfPairs), metric name by string id; undefined for OpenMetrics `_created`. */
  addSeriesPairs(pairs: Int32Array, n: number, metricName: number, assumeNew: boolean): number | undefined {
    if (this.isCreated(this.store.strings.get(metricName))) return undefined;
    return this.store.seriesOfPairs(pairs, n, assumeNew);
  }

  /** MemoryStore.prepareFlush, for a file loader (see ByteExpositionParser.prepare). */
  prepareFlush(fraction: number): boolean {
    return this.store.prepareFlush(fraction);
  }

  /** MemoryStore.checkNewLabelSets, for the byte parser. */
  checkNewSeries(limit: number, unique: boolean): boolean {
    return this.store.checkNewLabelSets(limit, unique);
  }

  /**
   * Appends a sample line the byte parser has already read ([timestamp ms, value]), counting the line.
   * False (nothing changed) when the line needs the full path: after `# EOF`,
   * or when the store rejects the sample (that path reports the error).
   */
  appendParsed(id: number, sample: Float64Array): boolean {
    if (this.sawEof) return false;
    try {
      this.store.appendSample(id, sample);
    } catch (e) {
      if (e instanceof OutOfOrderSampleError) return false;
      throw e;
    }
    this.lineNo++;
    return true;
  }

  end(): MemoryStore {
    if (this.om && !this.sawEof) throw new ExpositionError(this.lineNo + 1, 'OpenMetrics input must end with "# EOF"');
    for (const [family, m] of this.meta) {
      const md: MetricMetadata = { type: m.type ?? 'unknown', help: m.help ?? '', unit: m.unit ?? '' };
      this.store.setMetadata(family, md);
    }
    this.store.finish();
    return this.store;
  }

  private comment(l: string): void {
    if (this.om && l === '# EOF') {
      this.sawEof = true;
      return;
    }
    const m = metadataComment(l);
    if (!m || (m.kind === 'UNIT' && !this.om)) {
      if (this.om) throw new LineError(`invalid comment line ${JSON.stringify(l.slice(0, 40))}`);
      return; // free comments are allowed in the text format
    }
    const { kind, name, rest } = m;
    let fm = this.meta.get(name);
    if (!fm) this.meta.set(name, (fm = {}));
    if (kind === 'TYPE') {
      const type = rest.trim();
      if (!(this.om ? OM_TYPES : TEXT_TYPES).has(type)) throw new LineError(`invalid metric type ${JSON.stringify(type)}`);
      if (fm.type !== undefined) throw new LineError(`second TYPE line for metric name ${JSON.stringify(name)}`);
      fm.type = type === 'untyped' ? 'unknown' : type;
    } else if (kind === 'HELP') {
      if (fm.help !== undefined) throw new LineError(`second HELP line for metric name ${JSON.stringify(name)}`);
      fm.help = unescapeHelp(rest, this.om);
    } else {
      if (fm.unit !== undefined) throw new LineError(`second UNIT line for metric name ${JSON.stringify(name)}`);
      if (rest !== '' && !name.endsWith(`_${rest}`))
        throw new LineError(`unit ${JSON.stringify(rest)} not a suffix of metric ${JSON.stringify(name)}`);
      fm.unit = rest;
    }
  }

  private sample(l: string): void {
    const sp = seriesEnd(l);
    const seriesText = l.slice(0, sp);
    let id = this.seriesIds.get(seriesText);
    if (id === undefined) {
      const labels = parseSeries(seriesText);
      if (this.isCreated(labels.__name__)) return;
      id = this.store.getOrCreateSeries(labels);
      this.seriesIds.set(seriesText, id);
    }
    const fields = splitFields(l, sp, this.om);
    if (fields.length === 0) throw new LineError('missing sample value');
    if (fields.length > 2) throw new LineError(`unexpected ${JSON.stringify(fields[2])} after the timestamp`);
    const v = parseValue(fields[0]);
    const t = fields.length === 2 ? (this.om ? parseSecondsTs(fields[1]) : parseMsTs(fields[1])) : this.defaultTs;
    if (t === undefined) {
      throw new LineError(
        this.om
          ? 'sample has no timestamp: add one in seconds after the value, e.g. `up 1 1767225600.000`'
          : 'sample has no timestamp: add one in milliseconds after the value, e.g. `up 1 1767225600000`',
      );
    }
    try {
      this.store.append(id, t, v);
    } catch (e) {
      if (!(e instanceof OutOfOrderSampleError)) throw e;
      const what = e.message.startsWith('duplicate') ? 'duplicate timestamp with a different value' : 'out-of-order sample';
      throw new LineError(`${what} for ${seriesText.trim()} at ${this.om ? fields[1] : t} (samples of a series must be in time order)`);
    }
  }

  /** OpenMetrics `_created` samples of counters etc. are creation times, not data. */
  private isCreated(name: string): boolean {
    if (!this.om || !name.endsWith('_created')) return false;
    const type = this.meta.get(name.slice(0, -'_created'.length))?.type;
    return type !== undefined && CREATED_TYPES.has(type);
  }
}

/** Index just after the series text: the name and its `{...}` label set. */
function seriesEnd(l: string): number {
  let i = 0;
  while (i < l.length) {
    const c = l.charCodeAt(i);
    if (c === 32 || c === 9) {
      // The text format allows blanks between the name and `{`.
      let j = i;
      while (l.charCodeAt(j) === 32 || l.charCodeAt(j) === 9) j++;
      if (l[j] !== '{') return i;
      i = j;
      continue;
    }
    if (c === 123 /* { */) return labelSetEnd(l, i);
    i++;
  }
  return i;
}

function labelSetEnd(l: string, open: number): number {
  let inStr = false;
  for (let i = open + 1; i < l.length; i++) {
    const c = l[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '}') return i + 1;
  }
  throw new LineError('unterminated label set');
}

const NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * `# HELP|TYPE|UNIT name rest`. The name is a bare metric name or, as
 * Prometheus 3 writes UTF-8 names, a quoted one: `# TYPE "my.metric" gauge`.
 */
function metadataComment(l: string): { kind: 'HELP' | 'TYPE' | 'UNIT'; name: string; rest: string } | undefined {
  const head = /^#[ \t]+(HELP|TYPE|UNIT)[ \t]+/.exec(l);
  if (!head) return undefined;
  const kind = head[1] as 'HELP' | 'TYPE' | 'UNIT';
  let name: string;
  let i = head[0].length;
  if (l[i] === '"') {
    const q = readQuoted(l, i);
    name = q.value;
    i = q.end;
    if (name === '') throw new LineError('empty metric name');
    if (i < l.length && l[i] !== ' ' && l[i] !== '\t')
      throw new LineError(`expected a space after the metric name ${JSON.stringify(name)}`);
  } else {
    const end = l.slice(i).search(/[ \t]/);
    name = end < 0 ? l.slice(i) : l.slice(i, i + end);
    i += name.length;
    if (name === '') return undefined;
    if (!NAME_RE.test(name)) throw new LineError(`invalid metric name ${JSON.stringify(name)}`);
  }
  return { kind, name, rest: i < l.length ? l.slice(i + 1) : '' };
}

/** `name{a="b",...}` (also `{"quoted.name",a="b"}`) into a label set. */
export function parseSeries(text: string): Metric {
  const brace = text.indexOf('{');
  const name = (brace < 0 ? text : text.slice(0, brace)).trim();
  const labels: Metric = {};
  if (name !== '') {
    if (!NAME_RE.test(name)) throw new LineError(`invalid metric name ${JSON.stringify(name)}`);
    labels.__name__ = name;
  }
  if (brace >= 0) parseLabels(text, brace + 1, labels);
  if (labels.__name__ === undefined) throw new LineError('sample without a metric name');
  return labels;
}

function parseLabels(s: string, at: number, labels: Metric): void {
  let i = skipBlank(s, at);
  while (s[i] !== '}') {
    let name: string;
    if (s[i] === '"') {
      const q = readQuoted(s, i);
      i = skipBlank(s, q.end);
      if (s[i] !== '=') {
        if (labels.__name__ !== undefined) throw new LineError('metric name given twice');
        labels.__name__ = q.value;
        i = afterPair(s, i);
        continue;
      }
      name = q.value;
    } else {
      const eq = s.indexOf('=', i);
      if (eq < 0) throw new LineError('expected "=" in label set');
      name = s.slice(i, eq).trim();
      if (!LABEL_RE.test(name)) throw new LineError(`invalid label name ${JSON.stringify(name)}`);
      i = eq;
    }
    if (s[i] !== '=') throw new LineError('expected "=" in label set');
    i = skipBlank(s, i + 1);
    if (s[i] !== '"') throw new LineError(`expected a quoted value for label ${JSON.stringify(name)}`);
    const v = readQuoted(s, i);
    if (name in labels) throw new LineError(`duplicate label name ${JSON.stringify(name)}`);
    labels[name] = v.value;
    i = afterPair(s, skipBlank(s, v.end));
  }
}

function afterPair(s: string, i: number): number {
  if (s[i] === ',') return skipBlank(s, i + 1);
  if (s[i] === '}') return i;
  throw new LineError(`expected "," or "}" in label set, got ${JSON.stringify(s[i] ?? 'end of line')}`);
}

function skipBlank(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

/** A double-quoted label value with `\\`, `\"` and `\n` escapes. */
function readQuoted(s: string, open: number): { value: string; end: number } {
  let i = open + 1;
  const close = s.indexOf('"', i);
  const bs = s.indexOf('\\', i);
  if (close >= 0 && (bs < 0 || bs > close)) return { value: s.slice(i, close), end: close + 1 };
  let out = '';
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { value: out, end: i + 1 };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === 'n') out += '\n';
    else if (n === '\\' || n === '"') out += n;
    else throw new LineError(`invalid escape sequence "\\${n ?? ''}" in label value`);
  }
  throw new LineError('unterminated label value');
}

function unescapeHelp(s: string, om: boolean): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(.)/g, (all, c: string) => (c === 'n' ? '\n' : c === '\\' ? '\\' : om && c === '"' ? '"' : all));
}

/** Value and timestamp fields after the series; an OpenMetrics exemplar (` # {...} v t`) is dropped. */
function splitFields(l: string, from: number, om: boolean): string[] {
  const fields: string[] = [];
  let i = from;
  for (;;) {
    while (l[i] === ' ' || l[i] === '\t') i++;
    if (i >= l.length) return fields;
    if (l[i] === '#') {
      if (!om || fields.length === 0) throw new LineError('unexpected "#" in sample line');
      return fields;
    }
    let j = i;
    while (j < l.length && l[j] !== ' ' && l[j] !== '\t') j++;
    fields.push(l.slice(i, j));
    i = j;
  }
}

export function parseValue(s: string): number {
  const v = Number(s);
  if (!Number.isNaN(v)) {
    // Number() also accepts hex, binary, octal and blanks, Go's ParseFloat does not.
    if (/[xXbBoO ]/.test(s)) throw new LineError(`invalid sample value ${JSON.stringify(s)}`);
    return v;
  }
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (/^[+-]?inf(inity)?$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  throw new LineError(`invalid sample value ${JSON.stringify(s)}`);
}

function parseMsTs(s: string): number {
  if (!/^-?\d+$/.test(s)) throw new LineError(`invalid timestamp ${JSON.stringify(s)} (the text format uses integer milliseconds)`);
  return Number(s);
}

/** OpenMetrics seconds, to ms; digits below the millisecond are truncated, as promtool does. */
function parseSecondsTs(s: string): number {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (m) {
    const ms = Number(m[2]) * 1000 + Number(((m[3] ?? '') + '000').slice(0, 3));
    return m[1] ? -ms : ms;
  }
  const v = Number(s);
  if (Number.isNaN(v) || !Number.isFinite(v) || /[xXbBoO ]/.test(s)) throw new LineError(`invalid timestamp ${JSON.stringify(s)}`);
  return Math.trunc(v * 1000);
}
