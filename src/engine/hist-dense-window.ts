// rate() and increase() of one window of an NHCB series read in place
// (src/storage/histogram-cumulative.ts), as numbers: what hist-rangefns.ts's
// histRate computes for such a window, bit for bit, without a histogram.
//
// Bucket counts are differences of neighbouring cumulative counts, as the
// column's get() makes them; a bucket whose count is 0 is one the histogram
// does not have (Compact(0)). The window's increase is the last histogram
// minus the first, with the histogram before each counter reset added back:
// the same additions, bucket by bucket in the same order, as histogramRate's
// Sub and Add (x + y * -1 for a subtraction). A reset is what DetectReset
// finds between two such histograms (same bounds, counts >= 0): the count
// or a bucket went down; only samples whose hint is `unknown` are checked.

import { HINT_CODES } from '../storage/histogram-column.js';
import type { CumulativeParts } from '../storage/histogram-cumulative.js';

const NOT_RESET = HINT_CODES.not_reset;
const UNKNOWN = HINT_CODES.unknown;

/** Whether every hint is `unknown` or `not_reset` (the only ones DenseWindow reads). */
export function counterHints(hints: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (hints[i] !== NOT_RESET && hints[i] !== UNKNOWN) return false;
  return true;
}

/** One series' columns, read window by window; `x` holds the last window's bucket increases (0: no bucket). */
export class DenseWindow {
  readonly x: Float64Array;
  /** The last window's increase of the count and the sum, and the first histogram's count. */
  count = 0;
  sum = 0;
  firstCount = 0;
  private readonly K: number;

  constructor(private readonly p: CumulativeParts) {
    this.K = p.cum.length;
    this.x = new Float64Array(this.K);
  }

  private row(i: number): number {
    return this.p.rows ? this.p.rows[i] : i;
  }

  private countOf(r: number): number {
    const c = this.p.countCol ? this.p.countCol[r] : NaN;
    return c === c ? c : this.p.cum[this.K - 1][r];
  }

  private sumOf(r: number): number {
    const s = this.p.sumCol ? this.p.sumCol[r] : NaN;
    return s === s ? s : 0;
  }

  /** The increase over positions [lo, hi) (hi - lo >= 2) into x, count and sum. */
  increase(lo: number, hi: number, plain: boolean): void {
    const rl = this.row(hi - 1);
    const rf = this.row(lo);
    this.firstCount = this.countOf(rf);
    if (plain) {
      // No reset to check (the column's plainRun): last minus first, the column's difference().
      this.count = this.countOf(rl) - this.firstCount;
      this.sum = this.sumOf(rl) - this.sumOf(rf);
      this.difference(rl, rf);
      return;
    }
    this.set(rl);
    this.count = this.countOf(rl);
    this.sum = this.sumOf(rl);
    const hints = this.p.hints;
    // A reset at the second sample: histogramRate subtracts an empty histogram instead of the first (no change).
    if (!(hints[lo + 1] === UNKNOWN && this.resetBetween(this.row(lo + 1), rf))) {
      this.add(rf, true);
      this.count = this.count - this.firstCount;
      this.sum = this.sum - this.sumOf(rf);
    }
    for (let i = lo + 2; i < hi; i++) {
      if (hints[i] !== UNKNOWN) continue;
      const r = this.row(i);
      const prev = this.row(i - 1);
      if (!this.resetBetween(r, prev)) continue;
      this.add(prev, false);
      this.count = this.count + this.countOf(prev);
      this.sum = this.sum + this.sumOf(prev);
    }
  }

  /** x = the buckets of row rl minus those of row rf. */
  private difference(rl: number, rf: number): void {
    const cum = this.p.cum;
    const x = this.x;
    let pl = 0;
    let pf = 0;
    for (let k = 0; k < this.K; k++) {
      const col = cum[k];
      const cl = col[rl];
      const cf = col[rf];
      x[k] = cl - pl + (cf - pf) * -1;
      pl = cl;
      pf = cf;
    }
  }

  /** x = the buckets of row r. */
  private set(r: number): void {
    const cum = this.p.cum;
    let prev = 0;
    for (let k = 0; k < this.K; k++) {
      const c = cum[k][r];
      this.x[k] = c - prev;
      prev = c;
    }
  }

  /** x += (or -=) the buckets of row r: a bucket r does not have adds nothing (a merge keeps the other's). */
  private add(r: number, negate: boolean): void {
    const cum = this.p.cum;
    const x = this.x;
    let prev = 0;
    for (let k = 0; k < this.K; k++) {
      const c = cum[k][r];
      const d = c - prev;
      prev = c;
      if (d !== 0) x[k] = negate ? x[k] + d * -1 : x[k] + d;
    }
  }

  /** DetectReset(histogram of row r, histogram of row prev) for two samples of this column. */
  private resetBetween(r: number, prev: number): boolean {
    if (this.countOf(r) < this.countOf(prev)) return true;
    const cum = this.p.cum;
    let pc = 0;
    let pp = 0;
    for (let k = 0; k < this.K; k++) {
      const col = cum[k];
      const c = col[r];
      const p = col[prev];
      // A bucket of the older histogram that lost observations (buckets are >= 0, so a missing one too).
      if (c - pc < p - pp) return true;
      pc = c;
      pp = p;
    }
    return false;
  }

  /**
   * histRate's extrapolation of the window [lo, hi) of times t ending at
   * `ref` to the whole range (Prometheus's extrapolatedRate), per second for
   * rate(): the factor the increase is multiplied by.
   */
  factor(t: Float64Array, lo: number, hi: number, rangeStart: number, ref: number, rangeMs: number, isRate: boolean): number {
    const n1 = hi - lo - 1;
    const firstT = t[lo];
    const lastT = t[hi - 1];
    let durationToStart = (firstT - rangeStart) / 1000;
    let durationToEnd = (ref - lastT) / 1000;
    const sampledInterval = (lastT - firstT) / 1000;
    const avg = sampledInterval / n1;
    const threshold = avg * 1.1;
    if (durationToStart >= threshold) durationToStart = avg / 2;
    let durationToZero = durationToStart;
    if (this.count > 0 && this.firstCount >= 0) durationToZero = sampledInterval * (this.firstCount / this.count);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
    if (durationToEnd >= threshold) durationToEnd = avg / 2;
    let factor = sampledInterval !== 0 ? (sampledInterval + durationToStart + durationToEnd) / sampledInterval : 1;
    if (isRate) factor /= rangeMs / 1000;
    return factor;
  }
}
