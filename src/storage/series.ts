// One series' samples: typed-array columns that the engine reads. Samples
// appended one at a time wait in the store's append log (append-log.ts) and
// reach these columns in bulk, before the next read; whole arrays can be
// adopted directly (appendMany). A series of the prebuilt sample snapshot
// decodes its columns on first read.

import type { Metric } from '../model/result.js';
import type { HistogramColumn } from './histogram-column.js';
import { isStaleNaN } from './stale.js';

export type { HistogramColumn } from './histogram-column.js';

/** Samples of one series; `t[i]` in ms, `v[i]` float64; valid for i < length. */
export interface SampleColumns {
  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly length: number;
  /** Start timestamps (ms, 0 = none) parallel to t; only for series that have any. */
  readonly st?: Float64Array;
  /** Native histogram samples parallel to t; only for series that have any (their v is HISTOGRAM_MARK). */
  readonly h?: HistogramColumn;
}

/** What a lazy series decodes to: its columns, with native histograms where v holds HISTOGRAM_MARK. */
export interface LazyColumns {
  t: Float64Array;
  v: Float64Array;
  h?: HistogramColumn;
}

export class OutOfOrderSampleError extends Error {}

const EMPTY = new Float64Array(0);

export class Series implements SampleColumns {
  /** Sealed columns; valid for i < length. The store never writes into them once sealed. */
  t: Float64Array = EMPTY;
  v: Float64Array = EMPTY;
  st?: Float64Array;
  h?: HistogramColumn;
  length = 0;
  /** Decodes the columns on first read (a series of the prebuilt sample snapshot, or one derived from others, such as NHCB). */
  lazy?: () => LazyColumns;
  /** Whether any stale marker was appended (range selectors then need a filtered view). */
  hasStale = false;
  /** Cached samples without stale markers; dropped on append. */
  private clean?: SampleColumns;

  constructor(
    readonly id: number,
    /** Where the label set is (the store's label sets: a series holds no labels of its own). */
    private readonly labelSets: { labels(id: number): Metric },
  ) {}

  /** The label set as text, for error messages. */
  get key(): string {
    return JSON.stringify(this.labelSets.labels(this.id));
  }

  /** The last sample's timestamp and value (the series is not empty). */
  lastT(): number {
    this.unlazy();
    return this.t[this.length - 1];
  }

  lastV(): number {
    return this.v[this.length - 1];
  }

  /**
   * Appends n samples in one go: timestamps strictly ascending and after the
   * last sample. An empty series adopts whole arrays instead of copying them
   * (several series may share one timestamp array): the store never writes
   * into samples it holds.
   */
  appendMany(t: Float64Array, v: Float64Array, n: number): void {
    if (n === 0) return;
    this.unlazy();
    let prev = this.length > 0 ? this.t[this.length - 1] : -Infinity;
    for (let i = 0; i < n; i++) {
      if (!(t[i] > prev)) throw new OutOfOrderSampleError(`out of order or duplicate sample at ${t[i]} for ${this.key}`);
      prev = t[i];
    }
    for (let i = 0; i < n && !this.hasStale; i++) if (v[i] !== v[i] && isStaleNaN(v[i])) this.hasStale = true;
    this.clean = undefined;
    if (this.length === 0 && !this.st && n === t.length && n === v.length) {
      this.t = t;
      this.v = v;
      this.length = n;
      return;
    }
    const total = this.length + n;
    this.t = concat(this.t, this.length, t, n, total);
    this.v = concat(this.v, this.length, v, n, total);
    if (this.st) this.st = concat(this.st, this.length, EMPTY, 0, total);
    if (this.h) this.h = this.h.extended(total);
    this.length = total;
  }

  /** Takes the columns the append log built (old samples and new ones). */
  adopt(t: Float64Array, v: Float64Array, st: Float64Array | undefined, hasStale: boolean, h?: HistogramColumn): void {
    this.t = t;
    this.v = v;
    this.st = st;
    this.h = h;
    this.length = t.length;
    this.hasStale ||= hasStale;
    this.clean = undefined;
  }

  unlazy(): void {
    const lazy = this.lazy;
    if (!lazy) return;
    this.lazy = undefined;
    const { t, v, h } = lazy();
    this.t = t;
    this.v = v;
    if (h) this.h = h;
    this.length = t.length;
    for (let i = 0; i < v.length && !this.hasStale; i++) if (v[i] !== v[i] && isStaleNaN(v[i])) this.hasStale = true;
  }

  /** The samples without stale markers (range selectors skip them). */
  withoutStale(): SampleColumns {
    this.unlazy();
    if (!this.hasStale) return this;
    if (this.clean) return this.clean;
    const t = new Float64Array(this.length);
    const v = new Float64Array(this.length);
    const st = this.st ? new Float64Array(this.length) : undefined;
    const kept = this.h ? new Uint32Array(this.length) : undefined;
    let k = 0;
    for (let i = 0; i < this.length; i++) {
      const x = this.v[i];
      if (x !== x && isStaleNaN(x)) continue;
      t[k] = this.t[i];
      v[k] = x;
      if (st) st[k] = this.st![i];
      if (kept) kept[k] = i;
      k++;
    }
    const h = kept ? this.h!.select(kept, k) : undefined;
    this.clean = { t: t.subarray(0, k), v: v.subarray(0, k), length: k, st: st?.subarray(0, k), h };
    return this.clean;
  }
}

function concat(a: Float64Array, na: number, b: Float64Array, nb: number, total: number): Float64Array {
  const out = new Float64Array(total);
  out.set(a.subarray(0, na));
  out.set(b.subarray(0, nb), na);
  return out;
}
