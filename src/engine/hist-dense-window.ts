// rate() and increase() of an NHCB series read in place
// (src/storage/histogram-cumulative.ts) at a block of steps, as numbers:
// what hist-rangefns.ts's histRate computes for each window, bit for bit,
// without a histogram. In small loops without calls, so that little work is
// done even before the code is compiled (a query's first run).
//
// Bucket counts are differences of neighbouring cumulative counts, as the
// column's get() makes them; a bucket whose count is 0 is one the histogram
// does not have (Compact(0)). A window's increase is its last histogram minus
// its first (the column's difference(), x + y * -1 bucket by bucket) when no
// sample in it may be a counter reset (plainRun). Otherwise the histogram
// before each reset is added back, the same additions in the same order as
// histogramRate's Sub and Add; a reset is what DetectReset finds between two
// such histograms (same bounds, counts >= 0): the count or a bucket went
// down, checked only where the hint is `unknown`.

import { HINT_CODES } from '../storage/histogram-column.js';
import { bucketDecreased, type CumulativeHistograms } from '../storage/histogram-cumulative.js';
import type { Grid } from './types.js';
import type { RangeSource } from './eval.js';

const UNKNOWN = HINT_CODES.unknown;

/** One input series of a dense sum: its columns and where its windows are. */
export interface DenseSeries {
  col: CumulativeHistograms;
  t: Float64Array;
  len: number;
  /** Cumulative bucket columns, ascending `le`, the last one +Inf (indexed by row). */
  cum: readonly Float64Array[];
  /** _count, or the +Inf bucket when there is none (a NaN count reads the +Inf bucket). */
  count: Float64Array;
  /** _sum, or NaN when there is none (read as 0). */
  sum: Float64Array | undefined;
  /** Row of each position (position i is row i when the column has no rows of its own). */
  rows: Uint32Array;
  hints: Uint8Array;
  group: number;
  /** The window's bounds after the last step read. */
  lo: number;
  hi: number;
  outputs: number;
}

export function denseSeries(col: CumulativeHistograms, t: Float64Array, len: number, p = col.parts()): DenseSeries {
  const K = p.cum.length;
  return {
    col,
    t,
    len,
    cum: p.cum,
    count: p.countCol ?? p.cum[K - 1],
    sum: p.sumCol,
    rows: p.rows ?? identity(len),
    hints: p.hints,
    group: 0,
    lo: 0,
    hi: 0,
    outputs: 0,
  };
}

/** The rates of one series at the steps of a block that have one (m of them), in scratch arrays reused block after block. */
export class WindowRates {
  /** How many steps of the block have a rate. */
  m = 0;
  /**
   * For rate j: its step in the block, count, sum and extrapolation factor;
   * its rows (last, first) and whether it is plain (last minus first, the
   * buckets for the caller to read: GroupSums.addBuckets), else its buckets
   * in x[j * K + k] (0: none).
   */
  readonly step: Int32Array;
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly factor: Float64Array;
  readonly rl: Int32Array;
  readonly rf: Int32Array;
  readonly plain: Uint8Array;
  readonly x: Float64Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly firstCount: Float64Array;
  /** The block's window ends, its size and the range. */
  private readonly refs: Float64Array;
  private stepCount = 0;
  private rangeMs = 0;
  /** The rates that are not plain: notPlainAt[0..notPlain). */
  private readonly notPlainAt: Int32Array;
  private notPlain = 0;

  constructor(
    B: number,
    readonly K: number,
  ) {
    this.step = new Int32Array(B);
    this.count = new Float64Array(B);
    this.sum = new Float64Array(B);
    this.factor = new Float64Array(B);
    this.x = new Float64Array(B * K);
    this.lo = new Int32Array(B);
    this.hi = new Int32Array(B);
    this.rl = new Int32Array(B);
    this.rf = new Int32Array(B);
    this.firstCount = new Float64Array(B);
    this.refs = new Float64Array(B);
    this.notPlainAt = new Int32Array(B);
    this.plain = new Uint8Array(B);
  }

  /** Steps [b0, b1) of the grid: where each one's window ends (its evaluation time, offset and @ applied). */
  block(b0: number, b1: number, grid: Grid, src: RangeSource): void {
    this.stepCount = b1 - b0;
    this.rangeMs = src.rangeMs;
    for (let i = b0; i < b1; i++) this.refs[i - b0] = (src.atMs ?? grid.start + i * grid.step) - src.offsetMs;
  }

  /** The rates of series s at the block's steps; returns the samples its windows read. */
  compute(s: DenseSeries, isRate: boolean): number {
    const samples = this.windows(s);
    this.totals(s);
    this.resets(s);
    this.factors(s, isRate);
    return samples;
  }

  /** The windows that are not plain, listed by windows() (a short loop: it is not worth compiling on its own). */
  private resets(s: DenseSeries): void {
    for (let k = 0; k < this.notPlain; k++) this.resetIncrease(s, this.notPlainAt[k]);
  }

  /** Each step's window (rangeStart, ref]: those with two samples or more get a rate (a loop without calls). */
  private windows(s: DenseSeries): number {
    const { t, len } = s;
    const rows = s.rows;
    const breaks = s.col.runBreaks();
    const nb = breaks.length - 1;
    const { step: stepOf, lo: loOf, hi: hiOf, rl, rf, plain, refs, notPlainAt } = this;
    const range = this.rangeMs;
    let notPlain = 0;
    let lo = s.lo;
    let hi = s.hi;
    let m = 0;
    let samples = 0;
    for (let i = 0; i < this.stepCount; i++) {
      const ref = refs[i];
      const rangeStart = ref - range;
      // Windows only move forward (numeric.ts's advance, one sample at a time).
      while (hi < len && t[hi] <= ref) hi++;
      while (lo < hi && t[lo] <= rangeStart) lo++;
      samples += hi - lo;
      // One sample: no rate.
      if (hi - lo < 2) continue;
      stepOf[m] = i;
      loOf[m] = lo;
      hiOf[m] = hi;
      rl[m] = rows[hi - 1];
      rf[m] = rows[lo];
      // The column's plainRun(lo + 1, hi).
      const p = hi <= nb && breaks[hi] - breaks[lo + 1] === 0 ? 1 : 0;
      plain[m] = p;
      notPlainAt[notPlain] = m;
      notPlain += 1 - p;
      m++;
    }
    this.notPlain = notPlain;
    s.lo = lo;
    s.hi = hi;
    this.m = m;
    return samples;
  }

  /** First counts, and count and sum of the windows without a reset to check: last minus first. */
  private totals(s: DenseSeries): void {
    const { m, K, rl, rf, plain } = this;
    const inf = s.cum[K - 1];
    for (let j = 0; j < m; j++) {
      const cl = s.count[rl[j]];
      const cf = s.count[rf[j]];
      const first = cf === cf ? cf : inf[rf[j]];
      this.firstCount[j] = first;
      if (plain[j] === 0) continue;
      this.count[j] = (cl === cl ? cl : inf[rl[j]]) - first;
      this.sum[j] = sumAt(s.sum, rl[j]) - sumAt(s.sum, rf[j]);
    }
  }

  /** Window j with samples whose hint is `unknown`: histogramRate's reset-corrected increase. */
  private resetIncrease(s: DenseSeries, j: number): void {
    const lo = this.lo[j];
    const hi = this.hi[j];
    const rf = this.rf[j];
    const o = j * this.K;
    this.bucketsInto(s, this.rl[j], o, 0);
    let count = countAt(s, this.rl[j]);
    let sum = sumAt(s.sum, this.rl[j]);
    // A reset at the second sample: histogramRate subtracts an empty histogram instead of the first (no change).
    if (!(s.hints[lo + 1] === UNKNOWN && resetBetween(s, rowAt(s, lo + 1), rf))) {
      this.bucketsInto(s, rf, o, -1);
      count = count - this.firstCount[j];
      sum = sum - sumAt(s.sum, rf);
    }
    for (let i = lo + 2; i < hi; i++) {
      if (s.hints[i] !== UNKNOWN) continue;
      const prev = rowAt(s, i - 1);
      if (!resetBetween(s, rowAt(s, i), prev)) continue;
      this.bucketsInto(s, prev, o, 1);
      count = count + countAt(s, prev);
      sum = sum + sumAt(s.sum, prev);
    }
    this.count[j] = count;
    this.sum[j] = sum;
  }

  /** x[o..] = the buckets of row r (sign 0), or x[o..] plus (1) or minus (-1) them: a bucket r lacks changes nothing. */
  private bucketsInto(s: DenseSeries, r: number, o: number, sign: number): void {
    let prev = 0;
    for (let k = 0; k < this.K; k++) {
      const c = s.cum[k][r];
      const d = c - prev;
      prev = c;
      if (sign === 0) this.x[o + k] = d;
      else if (d !== 0) this.x[o + k] = sign < 0 ? this.x[o + k] + d * -1 : this.x[o + k] + d;
    }
  }

  /**
   * histRate's extrapolation of each window to the whole range (Prometheus's
   * extrapolatedRate), per second for rate(): what its increase is multiplied by.
   */
  private factors(s: DenseSeries, isRate: boolean): void {
    const t = s.t;
    const { step, lo: loOf, hi: hiOf, count: countOf, firstCount, factor: out, refs } = this;
    const range = this.rangeMs;
    const rangeSec = range / 1000;
    for (let j = 0; j < this.m; j++) {
      const ref = refs[step[j]];
      const lo = loOf[j];
      const hi = hiOf[j];
      const firstT = t[lo];
      const lastT = t[hi - 1];
      let durationToStart = (firstT - (ref - range)) / 1000;
      let durationToEnd = (ref - lastT) / 1000;
      const sampledInterval = (lastT - firstT) / 1000;
      const avg = sampledInterval / (hi - lo - 1);
      const threshold = avg * 1.1;
      if (durationToStart >= threshold) durationToStart = avg / 2;
      const count = countOf[j];
      const first = firstCount[j];
      let durationToZero = durationToStart;
      if (count > 0 && first >= 0) durationToZero = sampledInterval * (first / count);
      if (durationToZero < durationToStart) durationToStart = durationToZero;
      if (durationToEnd >= threshold) durationToEnd = avg / 2;
      let factor = sampledInterval !== 0 ? (sampledInterval + durationToStart + durationToEnd) / sampledInterval : 1;
      if (isRate) factor /= rangeSec;
      out[j] = factor;
    }
  }
}

/** Position i at i: the rows of a column whose positions are its rows (one array, grown as needed). */
let identityRows = new Uint32Array(0);

function identity(n: number): Uint32Array {
  if (identityRows.length < n) {
    identityRows = new Uint32Array(Math.max(n, 2 * identityRows.length));
    for (let i = 0; i < identityRows.length; i++) identityRows[i] = i;
  }
  return identityRows;
}

function rowAt(s: DenseSeries, i: number): number {
  return s.rows[i];
}

function countAt(s: DenseSeries, r: number): number {
  const c = s.count[r];
  return c === c ? c : s.cum[s.cum.length - 1][r];
}

function sumAt(sum: Float64Array | undefined, r: number): number {
  const v = sum ? sum[r] : NaN;
  return v === v ? v : 0;
}

/** DetectReset(histogram of row r, histogram of row prev) for two samples of the series. */
function resetBetween(s: DenseSeries, r: number, prev: number): boolean {
  return countAt(s, r) < countAt(s, prev) || bucketDecreased(s.cum, r, prev);
}
