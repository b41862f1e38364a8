// Range-vector functions over one series' window of points, read straight
// from typed arrays: the window is t[lo..hi), v[lo..hi) (stale markers already
// removed). Each returns the value, or sets `c.ok = false` for "no output".
// Float algorithms follow Prometheus's promql/functions.go step by step.

import { formatG, kahanInc, ks, search } from './numeric.js';
import { quantile, SlidingQuantile } from './quantile.js';
export { regressionSums } from './regression.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import type { HistogramColumn } from '../storage/histogram-column.js';

export interface WinCtx {
  /** Different for every series a window loop walks (state kept across its steps is keyed by it); absent: no state kept. */
  serial?: number;
  t: Float64Array;
  v: Float64Array;
  lo: number;
  hi: number;
  /** Window bounds (ms): points are in (rangeStart, rangeEnd] (wider for anchored/smoothed). */
  rangeStart: number;
  rangeEnd: number;
  rangeMs: number;
  /** Evaluation time of this step (ms). */
  stepT: number;
  /** Scalar (non-range) arguments at this step, in argument order. */
  args: number[];
  /** The scalar arguments' values at every step. */
  argCols: Float64Array[];
  anchored: boolean;
  smoothed: boolean;
  /** Start timestamps (ms, 0 = none) parallel to t, when the series has them (not through subqueries). */
  st?: Float64Array;
  /** Metric name of the series, for annotations. */
  name: string;
  /**
   * drops[i] = number of value decreases among points 1..i of the series (for
   * counter functions; lets windows without resets skip the correction loop).
   */
  drops?: Int32Array;
  ok: boolean;
  warn: (kind: 'warning' | 'info', text: string, argIndex: number) => void;
  /** Native histogram points of a series that has any: ht/hh/hst[hlo..hhi) is the window's part (floats are t/v[lo..hi)). */
  ht?: Float64Array;
  hh?: HistogramColumn;
  hst?: Float64Array;
  hlo: number;
  hhi: number;
  /** A histogram result, set by a histogram-aware function (the number it returns is then ignored). */
  hOut?: FloatHistogram;
}

export type RangeFn = (c: WinCtx) => number;

let dropScratch = new Int32Array(1024);

/** Prefix counts of value decreases (see WinCtx.drops), in a buffer reused for the next series. */
export function dropCounts(v: Float64Array, len: number): Int32Array {
  if (dropScratch.length < len) dropScratch = new Int32Array(Math.max(len, dropScratch.length * 2));
  const d = dropScratch;
  if (len > 0) d[0] = 0;
  for (let i = 1; i < len; i++) d[i] = d[i - 1] + (v[i] < v[i - 1] ? 1 : 0);
  return d;
}

/**
 * Whether the start timestamps say the counter restarted between two samples
 * (Prometheus's isStartTimestampReset): ST after the previous sample, or ST
 * at the previous sample when that one had a real ST of its own (a delta).
 */
export function isStReset(prevSt: number, prevT: number, curSt: number, curT: number): boolean {
  if (curSt === 0 || curSt >= curT || curSt < prevT) return false;
  if (curSt > prevT) return true;
  if (prevSt > prevT) return false;
  return prevSt !== 0 && prevSt !== prevT;
}

/**
 * The window's value change with its counter resets (value drops, or
 * start-timestamp resets) added back one at a time, in Prometheus's order.
 */
function counterIncrease(c: WinCtx, result: number): number {
  const { t, v, lo, hi, st, drops } = c;
  if (!st && drops && drops[hi - 1] === drops[lo]) return result;
  let warned = false;
  for (let i = lo + 1; i < hi; i++) {
    if (st) {
      const cur = st[i];
      if (!warned && cur !== 0 && cur < t[i - 1] && cur !== st[i - 1]) {
        c.warn('warning', `sample has start time that overlaps with previous sample timestamp for metric "${c.name}"`, 0);
        warned = true;
      }
      if (v[i] < v[i - 1] || isStReset(st[i - 1], t[i - 1], cur, t[i])) result += v[i - 1];
    } else if (v[i] < v[i - 1]) result += v[i - 1];
  }
  return result;
}

/** What rate, increase and delta differ in. */
export interface RateKind {
  /** The input is a counter: resets are compensated, and extrapolation stops at zero. */
  isCounter: boolean;
  /** Divide by the range (rate), rather than the change over it (increase, delta). */
  isRate: boolean;
}

export const RATE: RateKind = { isCounter: true, isRate: true };
export const INCREASE: RateKind = { isCounter: true, isRate: false };
export const DELTA: RateKind = { isCounter: false, isRate: false };

export function extrapolatedRate(c: WinCtx, kind: RateKind): number {
  if (c.anchored || c.smoothed) return extendedRate(c, kind);
  const { isCounter, isRate } = kind;
  const { t, v, lo, hi } = c;
  const n = hi - lo;
  if (n < 1) {
    c.ok = false;
    return 0;
  }
  const firstT = t[lo];
  const lastT = t[hi - 1];
  let result = v[hi - 1] - v[lo];
  if (isCounter) result = counterIncrease(c, result);
  const st0 = isCounter && c.st ? c.st[lo] : 0;
  if (st0 !== 0 && st0 > c.rangeStart && st0 < firstT) {
    // The first sample's start time is inside the range: assume a zero sample there instead of extrapolating.
    const avg = n > 1 ? (lastT - firstT) / 1000 / (n - 1) : 0;
    let durationToEnd = (c.rangeEnd - lastT) / 1000;
    if (durationToEnd >= avg * 1.1) durationToEnd = avg / 2;
    const sampledInterval = (lastT - st0) / 1000;
    let factor = sampledInterval !== 0 ? (sampledInterval + 0 + durationToEnd) / sampledInterval : 1;
    if (isRate) factor /= c.rangeMs / 1000;
    return (result + v[lo]) * factor;
  }
  if (n === 1) {
    c.ok = false;
    return 0;
  }
  return extrapolate(result, firstT, lastT, v[lo], n, c.rangeStart, c.rangeEnd, c.rangeMs, isCounter, isRate);
}

/**
 * Prometheus's extrapolation of a window's change to the window's bounds (at
 * least two samples, no start timestamp inside the window), per second when
 * isRate. Pure, so the window loops can inline it (./rate-kernel.ts).
 */
export function extrapolate(
  result: number,
  firstT: number,
  lastT: number,
  firstV: number,
  n: number,
  rangeStart: number,
  rangeEnd: number,
  rangeMs: number,
  isCounter: boolean,
  isRate: boolean,
): number {
  let durationToStart = (firstT - rangeStart) / 1000;
  let durationToEnd = (rangeEnd - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const avg = sampledInterval / (n - 1);
  const threshold = avg * 1.1;
  if (durationToStart >= threshold) durationToStart = avg / 2;
  if (isCounter) {
    let durationToZero = durationToStart;
    if (result > 0 && firstV >= 0) durationToZero = sampledInterval * (firstV / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  if (durationToEnd >= threshold) durationToEnd = avg / 2;
  let factor = sampledInterval !== 0 ? (sampledInterval + durationToStart + durationToEnd) / sampledInterval : 1;
  if (isRate) factor /= rangeMs / 1000;
  return result * factor;
}

function interpolate(t1: number, y1: number, t2: number, y2: number, at: number, isCounter: boolean): number {
  if (isCounter && y2 < y1) y1 = 0;
  return y1 + ((y2 - y1) * (at - t1)) / (t2 - t1);
}

/** rate/increase/delta with the `anchored` or `smoothed` modifier. */
function extendedRate(c: WinCtx, { isCounter, isRate }: RateKind): number {
  const { t, v, lo, hi } = c;
  const rangeStart = c.rangeStart;
  const rangeEnd = c.rangeEnd;
  let last = hi - 1 - lo;
  const at = (i: number): number => t[lo + i];
  let first = Math.max(0, search(last, (i) => at(i) > rangeStart) - 1);
  if (c.smoothed) last = search(last, (i) => at(i) >= rangeEnd);
  // No data inside the range (only before or only after it): no result.
  if (at(last) <= rangeStart || (c.smoothed && at(0) > rangeEnd)) {
    c.ok = false;
    return 0;
  }
  const left =
    c.smoothed && at(first) < rangeStart
      ? interpolate(at(first), v[lo + first], at(first + 1), v[lo + first + 1], rangeStart, isCounter)
      : v[lo + first];
  const right =
    c.smoothed && last > 0 && at(last) > rangeEnd
      ? interpolate(at(last - 1), v[lo + last - 1], at(last), v[lo + last], rangeEnd, isCounter)
      : v[lo + last];
  let result = right - left;
  if (isCounter) {
    if (at(first) <= rangeStart) first++;
    if (at(last) >= rangeEnd) last--;
    let correction = 0;
    let prev = left;
    for (let i = first; i <= last; i++) {
      if (v[lo + i] < prev) correction += prev;
      prev = v[lo + i];
    }
    if (right < prev) correction += prev;
    result += correction;
  }
  if (isRate) result /= c.rangeMs / 1000;
  return result;
}

/** irate (per second, reset-aware) or idelta (the plain difference) of the last two samples. */
export function instantValue(c: WinCtx, kind: 'irate' | 'idelta'): number {
  const isRate = kind === 'irate';
  const { t, v, lo, hi } = c;
  if (hi - lo < 2) {
    c.ok = false;
    return 0;
  }
  const t0 = t[hi - 2];
  const t1 = t[hi - 1];
  const v0 = v[hi - 2];
  const v1 = v[hi - 1];
  const interval = t1 - t0;
  if (interval === 0) {
    c.ok = false;
    return 0;
  }
  let r = v1;
  const st = c.st;
  const reset = v1 < v0 || (st !== undefined && isStReset(st[hi - 2], t0, st[hi - 1], t1));
  if (!isRate || !reset) r = v1 - v0;
  if (isRate) r /= interval / 1000;
  return r;
}

export function avgOverTime(c: WinCtx): number {
  const { v, lo, hi } = c;
  let sum = v[lo];
  let count = 1;
  let mean = 0;
  let kc = 0;
  let incremental = false;
  for (let i = lo + 1; i < hi; i++) {
    const f = v[i];
    count = i - lo + 1;
    if (!incremental) {
      kahanInc(f, sum, kc);
      if (ks.sum !== Infinity && ks.sum !== -Infinity) {
        sum = ks.sum;
        kc = ks.c;
        continue;
      }
      incremental = true;
      mean = sum / (count - 1);
      kc /= count - 1;
    }
    const q = (count - 1) / count;
    kahanInc(f / count, q * mean, q * kc);
    mean = ks.sum;
    kc = ks.c;
  }
  if (incremental) return mean + kc;
  return sum / count + kc / count;
}

export function sumOverTime(c: WinCtx): number {
  let sum = 0;
  let kc = 0;
  for (let i = c.lo; i < c.hi; i++) {
    kahanInc(c.v[i], sum, kc);
    sum = ks.sum;
    kc = ks.c;
  }
  if (sum === Infinity || sum === -Infinity) return sum;
  return sum + kc;
}

export function variance(c: WinCtx): number {
  let count = 0;
  let mean = 0;
  let cMean = 0;
  let aux = 0;
  let cAux = 0;
  for (let i = c.lo; i < c.hi; i++) {
    const f = c.v[i];
    count++;
    const delta = f - (mean + cMean);
    kahanInc(delta / count, mean, cMean);
    mean = ks.sum;
    cMean = ks.c;
    kahanInc(delta * (f - (mean + cMean)), aux, cAux);
    aux = ks.sum;
    cAux = ks.c;
  }
  return (aux + cAux) / count;
}

/** Index of the best sample of the window (the first of equals unless `better` accepts ties). */
function bestIndex(c: WinCtx, better: (cur: number, best: number) => boolean): number {
  let best = c.lo;
  for (let i = c.lo; i < c.hi; i++) if (better(c.v[i], c.v[best])) best = i;
  return best;
}

/** The best sample's timestamp in seconds: ts_of_min_over_time, ts_of_max_over_time. */
export function bestTimestamp(better: (cur: number, best: number) => boolean): RangeFn {
  return (c) => c.t[bestIndex(c, better)] / 1000;
}

function windowValues(c: WinCtx): number[] {
  const out: number[] = [];
  for (let i = c.lo; i < c.hi; i++) out.push(c.v[i]);
  return out;
}

function firstIndex(c: WinCtx): number {
  // anchored resets()/changes(): start at the last sample at or before the range start.
  if (!c.anchored) return c.lo;
  const { t, lo, hi } = c;
  if (hi === lo || t[hi - 1] <= c.rangeStart) return -1;
  return lo + Math.max(0, search(hi - lo - 1, (i) => t[lo + i] > c.rangeStart) - 1);
}

export function doubleExponentialSmoothing(c: WinCtx): number {
  const sf = c.args[0];
  const tf = c.args[1];
  if (!(sf > 0 && sf < 1)) throw new RangeError(`invalid smoothing factor. Expected: 0 < sf < 1, got: ${sf.toFixed(6)}`);
  if (!(tf > 0 && tf < 1)) throw new RangeError(`invalid trend factor. Expected: 0 < tf < 1, got: ${tf.toFixed(6)}`);
  const { v, lo, hi } = c;
  if (hi - lo < 2) {
    c.ok = false;
    return 0;
  }
  let s0 = 0;
  let s1 = v[lo];
  let b = v[lo + 1] - v[lo];
  for (let i = 1; i < hi - lo; i++) {
    const x = sf * v[lo + i];
    // Trend at i-1 (the first trend is the initial difference).
    if (i - 1 !== 0) b = tf * (s1 - s0) + (1 - tf) * b;
    const y = (1 - sf) * (s1 + b);
    s0 = s1;
    s1 = x + y;
  }
  return s1;
}

export const resets: RangeFn = (c) => {
  const first = firstIndex(c);
  if (first < 0) {
    c.ok = false;
    return 0;
  }
  let n = 0;
  const { t, v, st } = c;
  for (let i = first + 1; i < c.hi; i++) if (v[i] < v[i - 1] || (st && isStReset(st[i - 1], t[i - 1], st[i], t[i]))) n++;
  return n;
};

export const changes: RangeFn = (c) => {
  const first = firstIndex(c);
  if (first < 0) {
    c.ok = false;
    return 0;
  }
  let n = 0;
  for (let i = first + 1; i < c.hi; i++) {
    const a = c.v[i - 1];
    const b = c.v[i];
    if (a !== b && !(a !== a && b !== b)) n++;
  }
  return n;
};

const sliding = new SlidingQuantile();

export const quantileOverTime: RangeFn = (c) => {
  const q = c.args[0];
  if (q !== q || q < 0 || q > 1) c.warn('warning', `quantile value should be between 0 and 1, got ${formatG(q)}`, 0);
  return sliding.quantile(q, c.v, c.lo, c.hi, c.serial);
};

export const madOverTime: RangeFn = (c) => {
  const values = windowValues(c);
  if (values.some((x) => x !== x)) return NaN;
  const median = quantile(0.5, values);
  return quantile(
    0.5,
    values.map((x) => Math.abs(x - median)),
  );
};
