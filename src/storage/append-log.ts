// Samples appended one at a time (file loads, test scripts, the generator's
// series with gaps) go to one log of big typed-array chunks — series id,
// timestamp, value — instead of a growing buffer per series: a file of a
// million series would otherwise make two million small ArrayBuffers and
// keep the garbage collector busy. Before the next read the log is flushed:
// each series' samples are gathered into one shared value pool, and series
// with equal timestamps (every series of one scrape target) share one
// timestamp column. That keeps a store near 8 bytes a sample, the value.

import type { FloatHistogram } from '../histogram/histogram.js';
import { grownInt32 } from './growing.js';
import type { Series } from './series.js';
import { PackedHistograms } from './histogram-packed.js';
import { OutOfOrderSampleError } from './series.js';
import type { SeriesTable } from './series-table.js';
import { isStaleNaN } from './stale.js';

/** Chunks start small (most stores are small) and double up to this many samples. */
const MAX_CHUNK = 1 << 18;
/** Pools are prepared ahead of a flush (prepare()) from this many samples expected. */
const MIN_AHEAD = 1 << 20;
/** Room a prepared pool has beyond the samples expected. */
const AHEAD_ROOM = 1.03;
/** Float64 samples in a page of memory. */
const PAGE_SAMPLES = 512;

interface Chunk {
  ids: Int32Array;
  t: Float64Array;
  v: Float64Array;
  /** Start timestamps, allocated on the first one that is not 0. */
  st?: Float64Array;
  /** Native histograms by position, allocated on the first one (their v is HISTOGRAM_MARK). */
  h?: (FloatHistogram | undefined)[];
  n: number;
}

export class AppendLog {
  private chunks: Chunk[] = [];
  /** The chunk being filled (the last of chunks). */
  private current?: Chunk;
  private size = 0;
  /** Per series id: samples in the log. */
  private count = new Int32Array(64);
  /** Per series id, side by side (one cache line for a file of a million series, not two): the last logged timestamp and value. */
  private last = new Float64Array(128);

  get empty(): boolean {
    return this.size === 0;
  }

  /** Samples waiting here. */
  get samples(): number {
    return this.size;
  }

  /** Whether series `id` has samples waiting here. */
  has(id: number): boolean {
    return id < this.count.length && this.count[id] > 0;
  }

  /** The value pool the next flush gathers into, made ahead of it and written `written` samples far (see prepare). */
  private ahead?: { values: Float64Array<ArrayBuffer>; written: number };

  /**
   * For a file loader that waits on its reading thread anyway: makes the
   * value pool the next flush gathers about `expected` samples into (a
   * little more room), and writes up to `step` more samples of its memory.
   * The flush at the end of a big load otherwise faults in tens of MB of
   * fresh pages while nothing else runs (the 1,000,000-series bench file:
   * 40 MB of values, ~30 ms). Only the values: they are kept; the timestamps
   * gathered beside them are not (most columns are shared), and making them
   * ahead too raised that load's peak by 40 MB for no time measured.
   * Returns whether more is left to write.
   */
  prepare(expected: number, step: number): boolean {
    if (expected < MIN_AHEAD) return false;
    let a = this.ahead;
    if (a === undefined || expected > a.values.length) {
      const room = Math.ceil(expected * AHEAD_ROOM);
      a = this.ahead = { values: new Float64Array(room), written: 0 };
    }
    const to = Math.min(expected, a.written + step);
    // A write a page: the memory is what costs, not the zeros.
    for (let i = a.written; i < to; i += PAGE_SAMPLES) a.values[i] = 0;
    a.written = to;
    return to < expected;
  }

  /** [timestamp, value, start timestamp] for append(), passed on as one array. */
  private readonly scratch = new Float64Array(3);

  /**
   * Logs a sample of series[id] after the order checks; false for a repeated
   * identical sample (a no-op, as in the TSDB). The series itself is read only
   * when it has no samples here yet. A native histogram sample comes with its
   * value HISTOGRAM_MARK and the histogram in `hist`.
   */
  append(series: SeriesTable, id: number, tMs: number, value: number, stMs: number, hist?: FloatHistogram): boolean {
    const sample = this.scratch;
    sample[0] = tMs;
    sample[1] = value;
    sample[2] = stMs;
    return this.appendSample(series, id, sample, hist);
  }

  /**
   * append() with the sample as [timestamp ms, value, start timestamp ms or 0]
   * (a length of 2 means no start timestamp). A file parser calls this in its
   * loop: numbers passed to a call the JIT does not inline are boxed, garbage
   * for every sample; an array of them is not.
   */
  appendSample(series: SeriesTable, id: number, sample: Float64Array, hist?: FloatHistogram): boolean {
    const tMs = sample[0];
    const value = sample[1];
    const stMs = sample.length > 2 ? sample[2] : 0;
    if (id >= this.count.length) this.grow(id);
    const logged = this.count[id] > 0;
    if (logged || series.hasSealedSamples(id)) {
      const s = logged ? undefined : series.get(id);
      const last = s ? s.lastT() : this.last[2 * id];
      if (tMs < last) throw new OutOfOrderSampleError(`out of order sample at ${tMs} for ${series.get(id).key}`);
      if (tMs === last) {
        // Same timestamp: identical value is a no-op (as the TSDB), else error.
        const prev = s ? s.lastV() : this.last[2 * id + 1];
        if (Object.is(prev, value) || (prev !== prev && value !== value)) return false;
        throw new OutOfOrderSampleError(`duplicate sample for timestamp ${tMs} with a different value for ${series.get(id).key}`);
      }
    }
    let c = this.current;
    if (c === undefined || c.n === c.ids.length) c = this.newChunk(c);
    const i = c.n++;
    c.ids[i] = id;
    c.t[i] = tMs;
    c.v[i] = value;
    if (stMs !== 0) (c.st ??= new Float64Array(c.ids.length))[i] = stMs;
    if (hist) (c.h ??= new Array<FloatHistogram | undefined>(c.ids.length))[i] = hist;
    this.count[id]++;
    this.last[2 * id] = tMs;
    this.last[2 * id + 1] = value;
    this.size++;
    return true;
  }

  /** The value of the series' newest sample (logged or sealed), undefined when it has none. */
  lastValue(s: Series): number | undefined {
    if (this.has(s.id)) return this.last[2 * s.id + 1];
    s.unlazy();
    return s.length > 0 ? s.lastV() : undefined;
  }

  private newChunk(prev: Chunk | undefined): Chunk {
    const size = prev ? Math.min(MAX_CHUNK, prev.ids.length * 2) : 1024;
    const c: Chunk = { ids: new Int32Array(size), t: new Float64Array(size), v: new Float64Array(size), st: undefined, n: 0 };
    this.chunks.push(c);
    this.current = c;
    return c;
  }

  private grow(id: number): void {
    const n = Math.max(id + 1, this.count.length * 2);
    // Read for a new id before it is set: written now (growing.ts).
    this.count = grownInt32(this.count, n, true);
    const last = new Float64Array(2 * n);
    last.set(this.last);
    this.last = last;
  }

  /**
   * Moves every logged sample into its series (old samples first), then
   * empties the log. A series without an object and without old samples,
   * start timestamps or histograms (every series of a loaded file) gets
   * columns in the table, not an object.
   */
  flush(series: SeriesTable): void {
    if (this.size === 0) return;
    const n = Math.min(series.size, this.count.length);
    // Where each series' samples go in the pools: old ones, then the logged ones.
    const start = new Float64Array(n + 1);
    let total = 0;
    const hasHist = this.chunks.some((c) => c.h);
    let withSt = this.chunks.some((c) => c.st);
    // A store a file is being read into has no series with samples or objects yet: nothing to ask per series,
    // and without start timestamps or histograms the samples are gathered with `start` alone (a million series).
    const pristine = series.pristine;
    const simple = pristine && !withSt && !hasHist;
    const old = new Int32Array(simple ? 0 : n);
    for (let id = 0; id < n; id++) {
      start[id] = total;
      if (this.count[id] === 0) continue;
      if (!pristine && (series.hasSamples(id) || series.hasObject(id))) {
        const s = series.get(id);
        s.unlazy();
        old[id] = s.length;
        withSt ||= s.st !== undefined;
      }
      total += (simple ? 0 : old[id]) + this.count[id];
    }
    start[n] = total;
    // The value pool made ahead (prepare) when the samples fit (every position is written below).
    const ahead = this.ahead !== undefined && total <= this.ahead.values.length ? this.ahead : undefined;
    this.ahead = undefined;
    const values = ahead ? ahead.values.subarray(0, total) : new Float64Array(total);
    const times = new Float64Array(total);
    const sts = withSt ? new Float64Array(total) : undefined;
    // Where each series' next sample goes: `start` itself, put back after, when there are no old samples.
    const next = simple ? start : new Float64Array(n);
    for (let id = 0; !simple && id < n; id++) {
      if (this.count[id] === 0) continue;
      const at = start[id];
      next[id] = at + old[id];
      if (old[id] === 0) continue;
      const s = series.get(id);
      values.set(s.v.subarray(0, s.length), at);
      times.set(s.t.subarray(0, s.length), at);
      if (sts && s.st) sts.set(s.st.subarray(0, s.length), at);
    }
    const stale = new Uint8Array(n);
    const hcols = simple ? new Map<number, (FloatHistogram | undefined)[]>() : this.histogramColumns(series, n, start);
    for (const c of this.chunks) this.scatter(c, next, times, values, sts, stale);
    if (simple) {
      // Each series' next position is now where the one after it starts.
      start.copyWithin(1, 0, n);
      start[0] = 0;
    }
    if (hasHist) for (const c of this.chunks) this.scatterHistograms(c, start, old, hcols);
    this.chunks = [];
    this.seal(series, n, start, times, values, sts, stale, hcols);
    this.histPos = undefined;
    this.current = undefined;
    this.size = 0;
    // The per-series state is only for logged series: let a big load's go.
    this.count = new Int32Array(64);
    this.last = new Float64Array(128);
  }

  /** The gathered samples to their series: equal timestamp columns shared, values in the pool or in objects. */
  private seal(
    series: SeriesTable,
    n: number,
    start: Float64Array,
    times: Float64Array,
    values: Float64Array,
    sts: Float64Array | undefined,
    stale: Uint8Array,
    hcols: Map<number, (FloatHistogram | undefined)[]>,
  ): void {
    const pool = new TimesPool(times.length);
    // Asked before the pool is added: a store a file is being read into has no objects.
    const pristine = series.pristine;
    const poolId = series.addPool(values);
    for (let id = 0; id < n; id++) {
      if (this.count[id] === 0) continue;
      const a = start[id];
      const b = start[id + 1];
      const k = pool.intern(times, a, b);
      const st = sts && hasNonZero(sts, a, b) ? sts.slice(a, b) : undefined;
      const hs = hcols.size === 0 ? undefined : hcols.get(id);
      const object = !pristine && series.hasObject(id);
      // New histograms packed after the series' old ones (src/storage/histogram-packed.ts).
      const h = hs ? PackedHistograms.pack(hs, b - a, object ? series.get(id).h : undefined) : undefined;
      if (st || h || object) series.adopt(id, pool.column(k), values.subarray(a, b), st, stale[id] === 1, h);
      else series.columns(id, poolId, a, b - a, pool.tableId(k, series), stale[id] === 1);
    }
    series.release(poolId, pool.addedIds());
  }

  /** Histograms of the logged series that had histograms already: room for the new ones (the old ones stay in their column). */
  private histogramColumns(series: SeriesTable, n: number, start: Float64Array): Map<number, (FloatHistogram | undefined)[]> {
    const cols = new Map<number, (FloatHistogram | undefined)[]>();
    for (let id = 0; id < n; id++) {
      if (this.count[id] === 0 || !series.hasObject(id)) continue;
      const s = series.get(id);
      if (!s.h) continue;
      cols.set(id, new Array<FloatHistogram | undefined>(start[id + 1] - start[id]));
    }
    return cols;
  }

  /** Histograms of a chunk into their series' columns (positions as scatter gave them, counted again here). */
  private scatterHistograms(c: Chunk, start: Float64Array, old: Int32Array, cols: Map<number, (FloatHistogram | undefined)[]>): void {
    const pos = (this.histPos ??= new Map());
    for (let i = 0; i < c.n; i++) {
      const id = c.ids[i];
      const k = pos.get(id) ?? old[id];
      pos.set(id, k + 1);
      const hist = c.h?.[i];
      if (!hist) continue;
      let col = cols.get(id);
      if (!col) {
        col = new Array<FloatHistogram | undefined>(start[id + 1] - start[id]);
        cols.set(id, col);
      }
      col[k] = hist;
    }
  }

  private histPos?: Map<number, number>;

  private scatter(
    c: Chunk,
    next: Float64Array,
    times: Float64Array,
    values: Float64Array,
    sts: Float64Array | undefined,
    stale: Uint8Array,
  ): void {
    const { ids, t, v } = c;
    const cst = sts ? c.st : undefined;
    for (let i = 0; i < c.n; i++) {
      const id = ids[i];
      const at = next[id]++;
      times[at] = t[i];
      const x = v[i];
      values[at] = x;
      if (x !== x && isStaleNaN(x)) stale[id] = 1;
      if (cst) sts![at] = cst[i];
    }
  }
}

function hasNonZero(a: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== 0) return true;
  return false;
}

/** An order-sensitive hash of the timestamps t[a, b) (ms fit in 53 bits: both halves count). */
function hashTimes(t: Float64Array, a: number, b: number): number {
  let h = (b - a) | 0;
  for (let i = a; i < b; i++) {
    const x = t[i];
    h = Math.imul(h ^ (x | 0), 0x9e3779b1);
    h = Math.imul(h ^ ((x / 4294967296) | 0), 0x85ebca6b);
  }
  // An int32, not a uint32: a Map key that V8 keeps as a small integer, not a heap number.
  return h | 0;
}

function sameTimes(u: Float64Array, t: Float64Array, a: number, b: number): boolean {
  if (u.length !== b - a) return false;
  for (let i = a; i < b; i++) if (u[i - a] !== t[i]) return false;
  return true;
}

const SLAB = 1 << 20;

/** Equal timestamp columns shared; new ones copied into slabs (not one buffer each), so the gathered pool can go. */
class TimesPool {
  /** The columns kept, by index, with their id in the series table (-1: not added yet). */
  private readonly columns: Float64Array[] = [];
  private readonly tableIds: number[] = [];
  private readonly byHash = new Map<number, number[]>();
  /**
   * The column returned last for each value of a first timestamp's low bits
   * (-1: none): the series of a scrape target, one after another, mostly
   * have one column, and a look here costs no hash.
   */
  private readonly recent = new Int32Array(16).fill(-1);
  private slab = new Float64Array(0);
  private used = 0;

  /** `remaining`: at most this many timestamps will be copied (sizes the slabs of small stores). */
  constructor(private remaining: number) {}

  /** The index of the shared column equal to t[a, b). */
  intern(t: Float64Array, a: number, b: number): number {
    const n = b - a;
    const slot = n > 0 ? t[a] & 15 : 0;
    const r = this.recent[slot];
    if (r >= 0 && sameTimes(this.columns[r], t, a, b)) return this.skip(r, n);
    const h = hashTimes(t, a, b);
    let same = this.byHash.get(h);
    if (same) {
      for (const k of same) if (sameTimes(this.columns[k], t, a, b)) return (this.recent[slot] = this.skip(k, n));
    } else this.byHash.set(h, (same = []));
    const k = this.columns.length;
    this.columns.push(this.copy(t, a, b));
    this.tableIds.push(-1);
    same.push(k);
    return (this.recent[slot] = k);
  }

  column(k: number): Float64Array {
    return this.columns[k];
  }

  /** Column k's id in the series table (added there on first use). */
  tableId(k: number, series: SeriesTable): number {
    let id = this.tableIds[k];
    if (id < 0) this.tableIds[k] = id = series.addTimes(this.columns[k]);
    return id;
  }

  /** The series-table ids of the columns added there. */
  addedIds(): number[] {
    return this.tableIds.filter((id) => id >= 0);
  }

  private skip(k: number, n: number): number {
    this.remaining -= n;
    return k;
  }

  private copy(t: Float64Array, a: number, b: number): Float64Array {
    const n = b - a;
    this.remaining -= n;
    if (n > SLAB / 4) return t.slice(a, b);
    if (this.used + n > this.slab.length) {
      // Slabs double from small (most stores have few distinct columns), never beyond what may still come.
      const size = Math.min(SLAB, Math.max(4096, this.slab.length * 2), this.remaining + n);
      this.slab = new Float64Array(Math.max(n, size));
      this.used = 0;
    }
    const out = this.slab.subarray(this.used, this.used + n);
    out.set(t.subarray(a, b));
    this.used += n;
    return out;
  }
}
