// The in-memory series store: one series per distinct sorted label set,
// samples in growable typed arrays (no per-sample objects), and an inverted
// index (label name -> value -> series ids) for selecting series by matchers.

import type { LabelMatcher } from '../promql/ast.js';
import { compileMatcherRegex } from '../promql/regex.js';
import type { Metric, MetricMetadata } from '../model/result.js';

/** Prometheus's staleness marker: a NaN with this exact bit pattern. */
export const STALE_NAN_BITS_HI = 0x7ff00000;
export const STALE_NAN_BITS_LO = 0x00000002;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian: word 0 is the low half.
u32[0] = STALE_NAN_BITS_LO;
u32[1] = STALE_NAN_BITS_HI;
/** The stale marker as a JS number. Typed arrays preserve its payload; arithmetic does not. */
export const STALE_NAN: number = f64[0];

export function isStaleNaN(v: number): boolean {
  if (v === v) return false;
  f64[0] = v;
  return u32[0] === STALE_NAN_BITS_LO && u32[1] === STALE_NAN_BITS_HI;
}

/** Samples of one series; `t[i]` in ms, `v[i]` float64; valid for i < length. */
export interface SampleColumns {
  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly length: number;
  /** Start timestamps (ms, 0 = none) parallel to t; only for series that have any. */
  readonly st?: Float64Array;
}

export class OutOfOrderSampleError extends Error {}

class Series implements SampleColumns {
  t: Float64Array;
  v: Float64Array;
  length = 0;
  /** Start timestamps, allocated on the first sample that has one. */
  st?: Float64Array;
  /** Whether any stale marker was appended (range selectors then need a filtered view). */
  hasStale = false;
  /** Cached samples without stale markers; dropped on append. */
  private clean?: SampleColumns;
  constructor(
    readonly id: number,
    readonly labels: Metric,
    readonly key: string,
  ) {
    this.t = new Float64Array(16);
    this.v = new Float64Array(16);
  }

  append(tMs: number, value: number, stMs = 0): void {
    const n = this.length;
    if (n > 0) {
      const last = this.t[n - 1];
      if (tMs < last) throw new OutOfOrderSampleError(`out of order sample at ${tMs} for ${this.key}`);
      if (tMs === last) {
        // Same timestamp: identical value is a no-op (as the TSDB), else error.
        if (Object.is(this.v[n - 1], value) || (this.v[n - 1] !== this.v[n - 1] && value !== value)) return;
        throw new OutOfOrderSampleError(`duplicate sample for timestamp ${tMs} with a different value for ${this.key}`);
      }
    }
    if (n === this.t.length) {
      const t = new Float64Array(n * 2);
      t.set(this.t);
      this.t = t;
      const v = new Float64Array(n * 2);
      v.set(this.v);
      this.v = v;
      if (this.st) {
        const st = new Float64Array(n * 2);
        st.set(this.st);
        this.st = st;
      }
    }
    if (stMs !== 0 && !this.st) this.st = new Float64Array(this.t.length);
    this.t[n] = tMs;
    this.v[n] = value;
    if (this.st) this.st[n] = stMs;
    this.length = n + 1;
    if (value !== value && isStaleNaN(value)) this.hasStale = true;
    this.clean = undefined;
  }

  /**
   * Appends n samples in one go: timestamps strictly ascending and after the
   * last sample. An empty series adopts whole arrays instead of copying them
   * (several series may share one timestamp array): the store never writes
   * into samples it holds, and a later append copies before it grows.
   */
  appendMany(t: Float64Array, v: Float64Array, n: number): void {
    if (n === 0) return;
    let prev = this.length > 0 ? this.t[this.length - 1] : -Infinity;
    for (let i = 0; i < n; i++) {
      if (!(t[i] > prev)) throw new OutOfOrderSampleError(`out of order or duplicate sample at ${t[i]} for ${this.key}`);
      prev = t[i];
    }
    if (this.length === 0 && !this.st && n === t.length && n === v.length) {
      this.t = t;
      this.v = v;
      this.length = n;
      for (let i = 0; i < n && !this.hasStale; i++) if (v[i] !== v[i] && isStaleNaN(v[i])) this.hasStale = true;
      this.clean = undefined;
      return;
    }
    this.reserve(n);
    this.t.set(t.subarray(0, n), this.length);
    this.v.set(v.subarray(0, n), this.length);
    if (this.st) this.st.fill(0, this.length, this.length + n);
    for (let i = 0; i < n && !this.hasStale; i++) if (v[i] !== v[i] && isStaleNaN(v[i])) this.hasStale = true;
    this.length += n;
    this.clean = undefined;
  }

  /** Make room for `extra` more samples at once (a bulk loader knows how many are coming). */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.t.length) return;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(need);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.t = grow(this.t);
    this.v = grow(this.v);
    if (this.st) this.st = grow(this.st);
  }

  /** The samples without stale markers (range selectors skip them). */
  withoutStale(): SampleColumns {
    if (!this.hasStale) return this;
    if (this.clean) return this.clean;
    const t = new Float64Array(this.length);
    const v = new Float64Array(this.length);
    const st = this.st ? new Float64Array(this.length) : undefined;
    let k = 0;
    for (let i = 0; i < this.length; i++) {
      const x = this.v[i];
      if (x !== x && isStaleNaN(x)) continue;
      t[k] = this.t[i];
      v[k] = x;
      if (st) st[k] = this.st![i];
      k++;
    }
    this.clean = { t: t.subarray(0, k), v: v.subarray(0, k), length: k, st: st?.subarray(0, k) };
    return this.clean;
  }

  /** Release spare capacity once loading is done. */
  trim(): void {
    if (this.t.length !== this.length) {
      this.t = this.t.slice(0, this.length);
      this.v = this.v.slice(0, this.length);
      if (this.st) this.st = this.st.slice(0, this.length);
    }
  }
}

/** Canonical key of a label set: sorted names, `\xff` separated, as a Map key. */
export function labelsKey(labels: Metric): string {
  const names = Object.keys(labels).sort();
  let key = '';
  for (const n of names) key += `${n}\xfe${labels[n]}\xff`;
  return key;
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
  private readonly byKey = new Map<string, Series>();
  /** label name -> label value -> ascending series ids */
  private readonly postings = new Map<string, Map<string, number[]>>();
  private readonly meta = new Map<string, MetricMetadata>();
  private minT = Infinity;
  private maxT = -Infinity;
  private sampleCount = 0;

  /** Get or create the series for a label set; returns its id. Empty-valued labels are dropped unless keepEmptyLabels. */
  getOrCreateSeries(labels: Metric): number {
    const clean: Metric = {};
    for (const [n, v] of Object.entries(labels)) if (v !== '' || this.keepEmpty) clean[n] = v;
    const sorted = sortedLabels(clean);
    const key = labelsKey(sorted);
    const existing = this.byKey.get(key);
    if (existing) return existing.id;
    const s = new Series(this.seriesList.length, Object.freeze(sorted) as Metric, key);
    this.seriesList.push(s);
    this.byKey.set(key, s);
    for (const [n, v] of Object.entries(sorted)) {
      let values = this.postings.get(n);
      if (!values) this.postings.set(n, (values = new Map()));
      let ids = values.get(v);
      if (!ids) values.set(v, (ids = []));
      ids.push(s.id);
    }
    return s.id;
  }

  /**
   * Append a sample (ms, value) in time order. Use STALE_NAN for a staleness
   * marker. `stMs` is the sample's start timestamp (created time), 0 for none.
   */
  append(id: number, tMs: number, value: number, stMs = 0): void {
    this.seriesList[id].append(tMs, value, stMs);
    this.sampleCount++;
    if (tMs < this.minT) this.minT = tMs;
    if (tMs > this.maxT) this.maxT = tMs;
  }

  /**
   * Bulk append (see Series.appendMany): one copy, or none, instead of a call
   * per sample. The store may keep `t` and `v` themselves: do not modify them afterwards.
   */
  appendMany(id: number, t: Float64Array, v: Float64Array, n = t.length): void {
    if (n === 0) return;
    this.seriesList[id].appendMany(t, v, n);
    this.sampleCount += n;
    if (t[0] < this.minT) this.minT = t[0];
    if (t[n - 1] > this.maxT) this.maxT = t[n - 1];
  }

  /** Capacity hint before appending `extra` samples to one series: avoids repeated regrowth. */
  reserve(id: number, extra: number): void {
    this.seriesList[id].reserve(extra);
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
    return this.seriesList[id];
  }

  /** Samples of a series without staleness markers, as range selectors see them. */
  floatSamples(id: number): SampleColumns {
    return this.seriesList[id].withoutStale();
  }

  /** Whether the series holds any staleness marker. */
  hasStaleMarkers(id: number): boolean {
    return this.seriesList[id].hasStale;
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

  finish(): void {
    for (const s of this.seriesList) s.trim();
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
        const ids = this.postings.get(m.name)?.get(m.value) ?? [];
        candidates = candidates ? intersect(candidates, ids) : ids;
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
            if (re.test(v)) for (const id of vids) ids.push(id);
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

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}
