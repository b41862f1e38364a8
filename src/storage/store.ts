// The in-memory series store: one series per distinct sorted label set,
// samples in typed-array columns (series.ts; no per-sample objects, equal
// timestamp columns shared, see pack.ts), and an inverted index (label name
// -> value -> series ids) for selecting series by matchers.

import type { LabelMatcher } from '../promql/ast.js';
import { compileMatcherRegex } from '../promql/regex.js';
import type { Metric, MetricMetadata } from '../model/result.js';
import { AppendLog } from './append-log.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { intersectSorted } from '../util/sorted.js';
import { HistogramChunks } from './histogram-chunks.js';
import { HISTOGRAM_MARK, isHistogramMark } from './stale.js';
import { Series, type LazyColumns, type SampleColumns } from './series.js';

export { STALE_NAN, isStaleNaN, HISTOGRAM_MARK, isHistogramMark } from './stale.js';
export { OutOfOrderSampleError, type SampleColumns } from './series.js';

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

  private readonly seriesList: Series[] = [];
  private readonly log = new AppendLog();
  /**
   * Series by a hash of their labels (labelsHash), to find a label set's
   * series: a small integer key, not a string of the labels (that was a
   * hundred bytes a series more, and most of the time of a new series).
   */
  private readonly byHash = new Map<number, Series | Series[]>();
  /** label name -> label value -> ascending series ids; a lone id is kept as a number (most values of a label such as `instance` have one). */
  private readonly postings = new Map<string, Map<string, number | number[]>>();
  private readonly meta = new Map<string, MetricMetadata>();
  private readonly histChunks = new HistogramChunks();
  private minT = Infinity;
  private maxT = -Infinity;
  private sampleCount = 0;

  /** Get or create the series for a label set; returns its id. Empty-valued labels are dropped unless keepEmptyLabels. */
  getOrCreateSeries(labels: Metric): number {
    // A sorted copy without empty values; a frozen label set that is one
    // already (as the file parser makes them) is kept as it is.
    const names = Object.keys(labels);
    let sorted = labels;
    if (!Object.isFrozen(labels) || !isSorted(names) || (!this.keepEmpty && Object.values(labels).includes(''))) {
      if (!isSorted(names)) names.sort();
      sorted = {};
      for (const n of names) {
        const v = labels[n];
        if (v === '' && !this.keepEmpty) continue;
        sorted[n] = v;
      }
    }
    this.indexLazySeries();
    const h = labelsHash(sorted);
    const same = this.byHash.get(h);
    if (same !== undefined) {
      if (!Array.isArray(same)) {
        if (sameLabels(same.labels, sorted)) return same.id;
      } else for (const s of same) if (sameLabels(s.labels, sorted)) return s.id;
    }
    const s = this.addSeries(Object.isFrozen(sorted) ? sorted : Object.freeze(sorted));
    this.index(s, h);
    this.indexed = this.seriesList.length;
    return s.id;
  }

  private index(s: Series, h: number): void {
    const same = this.byHash.get(h);
    if (same === undefined) this.byHash.set(h, s);
    else if (Array.isArray(same)) same.push(s);
    else this.byHash.set(h, [same, s]);
  }

  /** Series before this id are in byHash; those after it came from addLazySeries and are indexed on the next getOrCreateSeries. */
  private indexed = 0;

  private indexLazySeries(): void {
    for (; this.indexed < this.seriesList.length; this.indexed++) {
      const s = this.seriesList[this.indexed];
      this.index(s, labelsHash(s.labels));
    }
  }

  /** A new series with these (sorted, frozen) labels, in the postings. */
  private addSeries(labels: Metric): Series {
    const s = new Series(this.seriesList.length, labels);
    this.seriesList.push(s);
    for (const n in labels) {
      const v = labels[n];
      let values = this.postings.get(n);
      if (!values) this.postings.set(n, (values = new Map()));
      const ids = values.get(v);
      if (ids === undefined) values.set(v, s.id);
      else if (typeof ids === 'number') values.set(v, [ids, s.id]);
      else ids.push(s.id);
    }
    return s;
  }

  /**
   * A series whose samples are decoded on first read (the prebuilt sample
   * snapshot): `count` samples from `minT` to `maxT` ms. Returns its id. The
   * label set must be new to the store, sorted and without empty values, as a
   * snapshot's are: a command that only reads never builds their keys.
   */
  addLazySeries(labels: Metric, count: number, minT: number, maxT: number, decode: () => LazyColumns): number {
    const s = this.addSeries(Object.isFrozen(labels) ? labels : Object.freeze(labels));
    s.lazy = decode;
    this.sampleCount += count;
    if (count > 0) {
      this.minT = Math.min(this.minT, minT);
      this.maxT = Math.max(this.maxT, maxT);
    }
    return s.id;
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
    const s = this.seriesList[id];
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
    this.seriesList[id].appendMany(t, v, n);
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

  labels(id: number): Metric {
    return this.seriesList[id].labels;
  }

  samples(id: number): SampleColumns {
    this.flushed();
    const s = this.seriesList[id];
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
    return this.seriesList[id].withoutStale();
  }

  /** Whether the series holds any staleness marker. */
  hasStaleMarkers(id: number): boolean {
    this.flushed();
    const s = this.seriesList[id];
    s.unlazy();
    return s.hasStale;
  }

  get numSeries(): number {
    return this.seriesList.length;
  }

  get numSamples(): number {
    return this.sampleCount;
  }

  /** [min, max] sample timestamp in ms, or undefined when empty. */
  timeRange(): { minT: number; maxT: number } | undefined {
    return this.sampleCount === 0 ? undefined : { minT: this.minT, maxT: this.maxT };
  }

  labelNames(): string[] {
    return [...this.postings.keys()].sort();
  }

  labelValues(name: string): string[] {
    const values = this.postings.get(name);
    return values ? [...values.keys()].sort() : [];
  }

  /** Loading is done: appended samples go to their series now (else on the first read). */
  finish(): void {
    this.flushed();
  }

  /**
   * Series ids matching all matchers, ascending. Equality matchers use the
   * postings directly; the others filter the candidate set (or, if every
   * matcher can match the empty string, all series). A matcher answered by
   * postings is not tested again per series, and a regex runs once per
   * distinct label value. `check` is called as the work goes on, so a query
   * timeout or Ctrl-C can stop a selection over many long label values.
   */
  select(matchers: readonly LabelMatcher[], check?: () => void): number[] {
    let candidates: number[] | undefined;
    const answered = new Set<LabelMatcher>();
    // Intersect postings of equality matchers with non-empty values first: cheapest.
    for (const m of matchers) {
      if (m.op === '=' && m.value !== '') {
        const ids = idList(this.postings.get(m.name)?.get(m.value));
        candidates = candidates ? intersectSorted(candidates, ids) : ids;
        answered.add(m);
        if (candidates.length === 0) return [];
      }
    }
    if (!candidates) {
      // A regex matcher that cannot match "" narrows to series having the label.
      for (const m of matchers) {
        if (m.op === '=~' && !matchesEmpty(m)) {
          const values = this.postings.get(m.name);
          if (!values) return [];
          const re = compileMatcherRegex(m.value);
          const ids: number[] = [];
          for (const [v, vids] of values) {
            check?.();
            if (re.test(v)) for (const id of idList(vids)) ids.push(id);
          }
          ids.sort((a, b) => a - b);
          candidates = ids;
          answered.add(m);
          break;
        }
      }
    }
    if (!candidates) candidates = this.seriesList.map((s) => s.id);
    const tests = matchers.filter((m) => !answered.has(m)).map(memoizedMatcherTest);
    const out: number[] = [];
    for (const id of candidates) {
      check?.();
      const labels = this.seriesList[id].labels;
      let ok = true;
      for (const t of tests) {
        if (!t(labels)) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(id);
    }
    return out;
  }
}

/** matcherTest, with a regex matcher's answer remembered per label value for one selection. */
function memoizedMatcherTest(m: LabelMatcher): (labels: Metric) => boolean {
  if (m.op === '=' || m.op === '!=') return matcherTest(m);
  const re = compileMatcherRegex(m.value);
  const seen = new Map<string, boolean>();
  const want = m.op === '=~';
  return (l) => {
    const v = l[m.name] ?? '';
    let hit = seen.get(v);
    if (hit === undefined) {
      hit = re.test(v);
      seen.set(v, hit);
    }
    return hit === want;
  };
}

/** FNV-1a over the sorted pairs, cut to 30 bits: a small integer, which a Map holds without allocating. */
function labelsHash(labels: Metric): number {
  let h = 0x811c9dc5;
  for (const n in labels) {
    h = hashString(h, n);
    h = Math.imul(h ^ 0xfe, 0x01000193);
    h = hashString(h, labels[n]);
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return h & 0x3fffffff;
}

function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Two sorted label sets with the same names and values. */
function sameLabels(a: Metric, b: Metric): boolean {
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const k in b) if (k !== undefined) n--;
  return n === 0;
}

function isSorted(names: string[]): boolean {
  for (let i = 1; i < names.length; i++) if (names[i - 1] > names[i]) return false;
  return true;
}

function idList(ids: number | number[] | undefined): number[] {
  return ids === undefined ? [] : typeof ids === 'number' ? [ids] : ids;
}

function matchesEmpty(m: LabelMatcher): boolean {
  return matcherTest(m)({});
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
