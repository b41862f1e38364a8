// Every series' samples, by series id, without an object per series until one
// is needed. Samples that reach the store through the append log (file loads)
// are kept as columns: which value pool and where in it, how many, which
// shared timestamp column, whether any is a stale marker. A `Series` object
// (series.ts: the typed arrays the engine reads) is made on first read, or
// when a series needs one to start with (lazy snapshot series, bulk appends,
// start timestamps, native histograms), and kept.

import type { HistogramColumn } from './histogram-column.js';
import type { Metric } from '../model/result.js';
import { grownInt32 } from './growing.js';
import { Series, type SampleColumns } from './series.js';

const EMPTY = new Float64Array(0);

export class SeriesTable {
  private readonly objects: (Series | undefined)[] = [];
  /** Per series id without an object: pool index + 1 (0: no samples), offset, count, timestamp column, stale flag. */
  private pool = new Int32Array(1024);
  private offset = new Int32Array(1024);
  private count = new Int32Array(1024);
  private times = new Int32Array(1024);
  private stale = new Uint8Array(1024);
  /** The pools and timestamp columns series point into, each with a count of them (the flush that made it holds one). */
  private readonly valuePools: Float64Array[] = [];
  private readonly poolRefs: number[] = [];
  private readonly timesColumns: Float64Array[] = [];
  private readonly timesRefs: number[] = [];
  private n = 0;

  constructor(private readonly labelSets: { labels(id: number): Metric }) {}

  get size(): number {
    return this.n;
  }

  /** A new series (id `size`), without samples. */
  push(): number {
    const id = this.n++;
    if (id === this.pool.length) {
      // `pool` is read for a new series before it is set (hasSealedSamples): written now (growing.ts).
      this.pool = grownInt32(this.pool, 0, true);
      this.offset = grownInt32(this.offset);
      this.count = grownInt32(this.count);
      this.times = grownInt32(this.times);
      const stale = new Uint8Array(this.stale.length * 2);
      stale.set(this.stale);
      this.stale = stale;
    }
    return id;
  }

  /** The series' object, made from its columns if it has none yet. */
  get(id: number): Series {
    const s = this.objects[id];
    if (s) return s;
    const made = new Series(id, this.labelSets);
    const p = this.pool[id] - 1;
    if (p >= 0) {
      const at = this.offset[id];
      made.adopt(this.timesColumns[this.times[id]], this.valuePools[p].subarray(at, at + this.count[id]), undefined, this.stale[id] === 1);
      this.pool[id] = 0;
      this.unref(p, this.times[id]);
    }
    return (this.objects[id] = made);
  }

  /**
   * The series' samples to read: its object's, or for a series kept as
   * columns without stale markers a view made for this read and not kept
   * (a query over a million series of a loaded file would otherwise make and
   * keep an object and a typed array for each, and the garbage collector would
   * copy them all to the old generation); stale markers need the object's
   * filtered copy. An object still has to be unlazied.
   */
  columnsOf(id: number): SampleColumns | undefined {
    if (this.objects[id] !== undefined) return undefined;
    const p = this.pool[id] - 1;
    if (p < 0 || this.stale[id] === 1) return undefined;
    const at = this.offset[id];
    return { t: this.timesColumns[this.times[id]], v: this.valuePools[p].subarray(at, at + this.count[id]), length: this.count[id] };
  }

  /** For a series kept as columns: whether one of its samples is a stale marker (undefined for a series with an object or no samples). */
  columnsStale(id: number): boolean | undefined {
    return this.objects[id] === undefined && this.pool[id] > 0 ? this.stale[id] === 1 : undefined;
  }

  /** Whether the series has (or will decode) samples. */
  hasSamples(id: number): boolean {
    const s = this.objects[id];
    return s ? s.length > 0 || s.lazy !== undefined : this.pool[id] > 0;
  }

  /** Whether the series has samples now (a lazy series' before decoding do not count), cheaply. */
  hasSealedSamples(id: number): boolean {
    const s = this.objects[id];
    return s ? s.length > 0 : this.pool[id] > 0;
  }

  /** Whether the series lives in an object (its samples are the object's). */
  hasObject(id: number): boolean {
    return this.objects[id] !== undefined;
  }

  /** Whether no series has an object or columns yet (a store a file is being read into): then none has samples. */
  get pristine(): boolean {
    return this.objects.length === 0 && this.valuePools.length === 0;
  }

  /** A value pool for columns() to point into; returns its index. */
  addPool(values: Float64Array): number {
    this.valuePools.push(values);
    this.poolRefs.push(1);
    return this.valuePools.length - 1;
  }

  /** A timestamp column for columns() to point to; returns its index. */
  addTimes(column: Float64Array): number {
    this.timesColumns.push(column);
    this.timesRefs.push(1);
    return this.timesColumns.length - 1;
  }

  /** The samples of a series without an object: values pool[at, at + n), timestamps column `times`. */
  columns(id: number, pool: number, at: number, n: number, times: number, stale: boolean): void {
    this.pool[id] = pool + 1;
    this.offset[id] = at;
    this.count[id] = n;
    this.times[id] = times;
    this.stale[id] = stale ? 1 : 0;
    this.poolRefs[pool]++;
    this.timesRefs[times]++;
  }

  /** The flush that made a pool and timestamp columns is done: each is let go once no series without an object points into it. */
  release(pool: number, times: Iterable<number>): void {
    this.unref(pool, -1);
    for (const t of times) this.unref(-1, t);
  }

  private unref(pool: number, times: number): void {
    if (pool >= 0 && --this.poolRefs[pool] === 0) this.valuePools[pool] = EMPTY;
    if (times >= 0 && --this.timesRefs[times] === 0) this.timesColumns[times] = EMPTY;
  }

  /** Samples of series `id` as the flush adopts them into an object (see Series.adopt). */
  adopt(id: number, t: Float64Array, v: Float64Array, st: Float64Array | undefined, stale: boolean, h?: HistogramColumn): void {
    this.get(id).adopt(t, v, st, stale, h);
  }
}
