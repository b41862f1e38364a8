// The in-memory series store: one series per distinct sorted label set,
// samples in typed-array columns (series-table.ts, series.ts; no per-sample
// objects, equal timestamp columns shared, see append-log.ts), label sets as
// pairs of interned string ids (label-sets.ts; no object per series until one
// is read), and an inverted index (label name -> value -> series ids,
// postings.ts) for selecting series by matchers.

import type { LabelMatcher } from '../promql/ast.js';
import { compileMatcherRegex } from '../promql/regex.js';
import type { Metric, MetricMetadata } from '../model/result.js';
import { AppendLog } from './append-log.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { HistogramChunks } from './histogram-chunks.js';
import { HISTOGRAM_MARK, isHistogramMark } from './stale.js';
import { LabelSets } from './label-sets.js';
import { Postings } from './postings.js';
import { selectSeries } from './select.js';
import type { LazyColumns, SampleColumns } from './series.js';
import { SeriesTable } from './series-table.js';
import type { StringTable } from './strings.js';

export { STALE_NAN, isStaleNaN, HISTOGRAM_MARK, isHistogramMark } from './stale.js';
export { OutOfOrderSampleError, type SampleColumns } from './series.js';

/** prepareFlush estimates the samples to come once this much of a file is read. */
const PREPARE_FROM = 0.2;
/** Samples of memory prepareFlush writes a call (~0.5 MB of pages: a wait is not held up long). */
const PREPARE_STEP = 1 << 16;

/**
 * Canonical key of a label set, as a Map key: sorted `name\xfevalue` pairs,
 * `\xff` separated. Joined, not concatenated: a `+=` string is a tree of
 * pieces that a Map keeps whole (hundreds of bytes a series).
 */
export function labelsKey(labels: Metric): string {
  const parts: string[] = [];
  for (const n of Object.keys(labels).sort()) parts.push(`${n}\xfe${labels[n]}`);
  return parts.join('\xff');
}

/** A copy of the label set with names in sorted order (JSON output order). */
export function sortedLabels(labels: Metric): Metric {
  const out: Metric = {};
  for (const n of Object.keys(labels).sort()) out[n] = labels[n];
  return out;
}

export interface MemoryStoreOptions {
  /**
   * Keep labels with an empty value as real labels (PromQL test scripts do);
   * by default they are dropped, as Prometheus's scrape does.
   */
  keepEmptyLabels?: boolean;
}

export class MemoryStore {
  private readonly keepEmpty: boolean;
  constructor(opts: MemoryStoreOptions = {}) {
    this.keepEmpty = opts.keepEmptyLabels ?? false;
  }

  private readonly log = new AppendLog();
  /** Label sets by series id, as string ids; a label set's series found by their hash (label-sets.ts). */
  private readonly sets = new LabelSets();
  /** Samples by series id: columns, or an object once one is needed (series-table.ts). */
  private readonly seriesList = new SeriesTable(this.sets);
  /** label name -> label value -> ascending series ids, built when a selection needs it (postings.ts). */
  private readonly postings = new Postings();
  private readonly meta = new Map<string, MetricMetadata>();
  private readonly histChunks = new HistogramChunks();
  private minT = Infinity;
  private maxT = -Infinity;
  private sampleCount = 0;

  /** Get or create the series for a label set; returns its id. Empty-valued labels are dropped unless keepEmptyLabels. */
  getOrCreateSeries(labels: Metric): number {
    const [pairs, n] = this.sets.fromMetric(labels, this.keepEmpty);
    return this.seriesOfPairs(pairs, n);
  }

  /** The store's strings (label names and values by id), for a parser that interns labels itself. */
  get strings(): StringTable {
    return this.sets.strings;
  }

  /**
   * Get or create the series of a label set given as (name id, value id)
   * pairs p[0, 2n) of `strings`, sorted by name, without empty values unless
   * the store keeps them: what getOrCreateSeries makes of a Metric. With
   * `assumeNew`, the label set is added without looking for it (LabelSets.addNew).
   */
  seriesOfPairs(pairs: Int32Array, n: number, assumeNew = false): number {
    const id = assumeNew ? this.sets.addNew(pairs, n) : this.sets.findOrAdd(pairs, n);
    if (id === this.seriesList.size) this.seriesList.push();
    return id;
  }

  /**
   * A series whose samples are decoded on first read (the prebuilt sample
   * snapshot): `count` samples from `minT` to `maxT` ms. Returns its id. The
   * label set must be new to the store, sorted and without empty values, as a
   * snapshot's are.
   */
  addLazySeries(labels: Metric, count: number, minT: number, maxT: number, decode: () => LazyColumns): number {
    const [pairs, n] = this.sets.fromMetric(labels, this.keepEmpty);
    return this.addLazySeriesOfPairs(pairs, n, count, minT, maxT, decode);
  }

  /** addLazySeries of a label set given as pairs of `strings` ids, as seriesOfPairs takes them. */
  addLazySeriesOfPairs(pairs: Int32Array, n: number, count: number, minT: number, maxT: number, decode: () => LazyColumns): number {
    const before = this.seriesList.size;
    const id = this.seriesOfPairs(pairs, n);
    if (id !== before) throw new Error(`addLazySeries: the store has series ${JSON.stringify(this.labels(id))} already`);
    this.seriesList.get(id).lazy = decode;
    this.sampleCount += count;
    if (count > 0) {
      this.minT = Math.min(this.minT, minT);
      this.maxT = Math.max(this.maxT, maxT);
    }
    return id;
  }

  /**
   * Append a sample (ms, value) in time order. Use STALE_NAN for a staleness
   * marker. `stMs` is the sample's start timestamp (created time), 0 for none.
   */
  append(id: number, tMs: number, value: number, stMs = 0): void {
    if (!this.log.append(this.seriesList, id, tMs, value, stMs)) return;
    this.sampleCount++;
    if (tMs < this.minT) this.minT = tMs;
    if (tMs > this.maxT) this.maxT = tMs;
  }

  /**
   * Append a native histogram sample in time order. Its counter-reset hint is
   * stored as Prometheus's TSDB reads it back (see histogram-chunks.ts).
   * The store keeps the histogram: do not modify it afterwards.
   */
  appendHistogram(id: number, tMs: number, h: FloatHistogram, stMs = 0): void {
    const s = this.seriesList.get(id);
    const last = this.log.lastValue(s);
    const prevIsHistogram = last !== undefined && isHistogramMark(last);
    const stored = this.histChunks.append(id, tMs, h, prevIsHistogram);
    if (!this.log.append(this.seriesList, id, tMs, HISTOGRAM_MARK, stMs, stored)) return;
    this.sampleCount++;
    if (tMs < this.minT) this.minT = tMs;
    if (tMs > this.maxT) this.maxT = tMs;
  }

  /**
   * append() of a file parser's sample, [timestamp ms, value] (see
   * AppendLog.appendSample: the numbers are not passed one by one, which would
   * box them for every sample).
   */
  appendSample(id: number, sample: Float64Array): void {
    if (!this.log.appendSample(this.seriesList, id, sample)) return;
    this.sampleCount++;
    const tMs = sample[0];
    if (tMs < this.minT) this.minT = tMs;
    if (tMs > this.maxT) this.maxT = tMs;
  }

  /**
   * Bulk append (see Series.appendMany): one copy, or none, instead of a call
   * per sample. The store may keep `t` and `v` themselves: do not modify them afterwards.
   */
  appendMany(id: number, t: Float64Array, v: Float64Array, n = t.length): void {
    if (n === 0) return;
    if (this.log.has(id)) this.log.flush(this.seriesList);
    this.seriesList.get(id).appendMany(t, v, n);
    this.sampleCount += n;
    if (t[0] < this.minT) this.minT = t[0];
    if (t[n - 1] > this.maxT) this.maxT = t[n - 1];
  }

  setMetadata(family: string, m: MetricMetadata): void {
    this.meta.set(family, m);
  }

  getMetadata(family: string): MetricMetadata | undefined {
    return this.meta.get(family);
  }

  allMetadata(): ReadonlyMap<string, MetricMetadata> {
    return this.meta;
  }

  /** The label set of series `id`, names in sorted order (a frozen object, made on first use and kept). */
  labels(id: number): Metric {
    return this.sets.labels(id);
  }

  samples(id: number): SampleColumns {
    this.flushed();
    const view = this.seriesList.columnsOf(id);
    if (view) return view;
    const s = this.seriesList.get(id);
    s.unlazy();
    return s;
  }

  /** Appended samples reach their series before any read. */
  private flushed(): void {
    if (!this.log.empty) this.log.flush(this.seriesList);
  }

  /** Samples of a series without staleness markers, as range selectors see them. */
  floatSamples(id: number): SampleColumns {
    this.flushed();
    return this.seriesList.columnsOf(id) ?? this.seriesList.get(id).withoutStale();
  }

  /** Whether the series holds any staleness marker. */
  hasStaleMarkers(id: number): boolean {
    this.flushed();
    const stale = this.seriesList.columnsStale(id);
    if (stale !== undefined) return stale;
    const s = this.seriesList.get(id);
    s.unlazy();
    return s.hasStale;
  }

  get numSeries(): number {
    return this.seriesList.size;
  }

  get numSamples(): number {
    return this.sampleCount;
  }

  /** [min, max] sample timestamp in ms, or undefined when empty. */
  timeRange(): { minT: number; maxT: number } | undefined {
    return this.sampleCount === 0 ? undefined : { minT: this.minT, maxT: this.maxT };
  }

  labelNames(): string[] {
    this.postings.update(this.sets);
    const str = this.sets.strings;
    return [...this.postings.nameIds()].map((k) => str.get(k)).sort();
  }

  labelValues(name: string): string[] {
    this.postings.update(this.sets);
    const str = this.sets.strings;
    const nameId = str.find(name);
    return nameId < 0 ? [] : [...this.postings.valueIds(nameId)].map((k) => str.get(k)).sort();
  }

  /**
   * For a file loader waiting on its reading thread, `fraction` of the file
   * read: prepares the next flush's memory a step at a time (AppendLog.prepare);
   * returns whether more is left.
   */
  prepareFlush(fraction: number): boolean {
    return fraction >= PREPARE_FROM && this.log.prepare(Math.ceil(this.log.samples / fraction), PREPARE_STEP);
  }

  /** Loading is done: appended samples go to their series now (else on the first read). */
  finish(): void {
    this.flushed();
  }

  /**
   * Checks up to `limit` label sets added as new (seriesOfPairs with
   * assumeNew) against the others, when they may repeat one (see
   * LabelSets.checkNew): a file loader calls it while it waits for input and
   * at the end. Throws DuplicateLabelSetError when one was not new; returns
   * whether some are left to check.
   */
  checkNewLabelSets(limit: number, unique: boolean): boolean {
    return this.sets.checkNew(limit, unique);
  }

  /**
   * Series ids matching all matchers, ascending, from the postings alone
   * (select.ts). `check` is called as the work goes on, so a query timeout or
   * Ctrl-C can stop a selection over many long label values.
   */
  select(matchers: readonly LabelMatcher[], check?: () => void): number[] {
    this.postings.update(this.sets);
    return selectSeries(this.postings, this.sets.strings, this.sets.size, matchers, check);
  }
}

/** A predicate for one matcher; a missing label counts as the empty string. */
export function matcherTest(m: LabelMatcher): (labels: Metric) => boolean {
  switch (m.op) {
    case '=':
      return (l) => (l[m.name] ?? '') === m.value;
    case '!=':
      return (l) => (l[m.name] ?? '') !== m.value;
    case '=~': {
      const re = compileMatcherRegex(m.value);
      return (l) => re.test(l[m.name] ?? '');
    }
    case '!~': {
      const re = compileMatcherRegex(m.value);
      return (l) => !re.test(l[m.name] ?? '');
    }
  }
}
