// Range-vector functions over windows that hold native histograms
// (Prometheus's functions.go: histogramRate, instantValue, resets, changes,
// sum/avg/first/last_over_time...). A series with histogram samples gives each
// window two parts, floats t/v[lo..hi) and histograms ht/hh[hlo..hhi); the
// handler of a function decides what a window with histograms yields: a
// histogram (set in c.hOut), a float, or nothing, with Prometheus's notes.

import type { FunctionName } from '../promql/functions.js';
import { FloatHistogram, IncompatibleSchemaError } from '../histogram/histogram.js';
import { isCustomBucketsSchema } from '../histogram/bounds.js';
import type { HistogramColumn } from '../storage/histogram-column.js';
import { detectReset } from '../histogram/reset.js';
import { histNotes } from './hist-notes.js';
import { isStReset, type RangeFn, type WinCtx } from './rangefns.js';
import { extendedHistogramRate } from './hist-extended.js';
import { addNoted, hist, none } from './hist-window.js';

/** Handles a window with at least one histogram; `floatFn` is the function's float implementation. */
export type HistRangeFn = (c: WinCtx, floatFn: RangeFn) => number;

/** Functions of floats only: histograms are left out with an info note, and a window without floats gives nothing. */
const floatsWithInfo: HistRangeFn = (c, floatFn) => {
  if (c.hi === c.lo) return none(c);
  c.warn('info', histNotes.ignoredInMixedRange(c.name), 0);
  return floatFn(c);
};

/** Functions that go on floats silently (histograms in the window are not theirs to read). */
export const floatsOnly: HistRangeFn = (c, floatFn) => (c.hi === c.lo ? none(c) : floatFn(c));

function mixed(c: WinCtx): number {
  c.warn('warning', histNotes.mixedFloatsHistograms(c.name), 0);
  return none(c);
}

const stReset = (c: WinCtx, i: number): boolean => c.hst !== undefined && isStReset(c.hst[i - 1], c.ht![i - 1], c.hst[i], c.ht![i]);

/**
 * Whether histogram i of the window's column shows a counter reset against
 * the one before it (a position, or `prevObj` when given): DetectReset, with
 * the hint read from the column so that only an `unknown` or `gauge` hint
 * builds the histograms.
 */
function resetAt(hh: HistogramColumn, i: number, prevPos: number, prevObj?: FloatHistogram): boolean {
  const hint = hh.hint(i);
  if (hint === 'reset') return true;
  if (hint === 'not_reset') return false;
  return detectReset(hh.get(i)!, prevObj ?? hh.get(prevPos)!);
}

/** base ± histogram i of the column: in place when the layouts match (no histogram built), else addNoted. */
function addAt(c: WinCtx, base: FloatHistogram, i: number, sub: boolean): boolean {
  return c.hh!.addTo(base, i, sub) || addNoted(c, base, c.hh!.get(i)!, sub);
}

/**
 * The increase over the window's histograms, reset-corrected for counters
 * (Prometheus's histogramRate). Reads hints and schemas from the column and
 * builds one histogram, the newest; the others are subtracted or added in place.
 */
function histogramRate(c: WinCtx, isCounter: boolean): FloatHistogram | undefined {
  const hh = c.hh!;
  const lo = c.hlo;
  const hi = c.hhi;
  /** The zero histogram that stands for the first one when the second is a reset. */
  let zero: FloatHistogram | undefined;
  let prevSchema = hh.schema(lo);
  const lastSchema = hh.schema(hi - 1);
  if (isCounter && (hh.hint(lo) === 'gauge' || hh.hint(hi - 1) === 'gauge')) c.warn('warning', histNotes.notCounter(c.name), 0);
  if (isCounter && (stReset(c, lo + 1) || resetAt(hh, lo + 1, lo))) {
    zero = new FloatHistogram();
    zero.schema = prevSchema = hh.schema(lo + 1);
    zero.customValues = hh.get(lo + 1)!.customValues;
  }
  const custom = isCustomBucketsSchema(prevSchema);
  if (isCustomBucketsSchema(lastSchema) !== custom) {
    c.warn('warning', histNotes.mixedExponentialCustom(c.name), 0);
    return undefined;
  }
  let minSchema = Math.min(lastSchema, prevSchema);
  // Counter histograms that say "not reset" with one schema (the usual window): no per-sample checks below.
  const plain = isCounter && !c.hst && hh.plainRun(lo + 1, hi);
  for (let i = lo + 1; i < hi - 1 && isCounter && !plain; i++) {
    if (hh.hint(i) === 'gauge') c.warn('warning', histNotes.notCounter(c.name), 0);
    const schema = hh.schema(i);
    if (schema < minSchema) minSchema = schema;
    if (isCustomBucketsSchema(schema) !== custom) {
      c.warn('warning', histNotes.mixedExponentialCustom(c.name), 0);
      return undefined;
    }
  }
  // A plain run of one layout: the difference straight from the column (no histogram built only to be compacted).
  const direct = plain && !zero ? hh.difference?.(hi - 1, lo) : undefined;
  if (direct) {
    direct.hint = 'gauge';
    return direct;
  }
  const h = hh.owned(hi - 1)!.reduceResolution(minSchema);
  if (!(zero ? addNoted(c, h, zero, true) : addAt(c, h, lo, true))) return undefined;
  if (isCounter) {
    for (let i = lo + 1; i < hi && !plain; i++) {
      if (stReset(c, i) || resetAt(hh, i, i - 1, i === lo + 1 ? zero : undefined)) {
        const ok = i === lo + 1 && zero ? addNoted(c, h, zero, false) : addAt(c, h, i - 1, false);
        if (!ok) return undefined;
      }
    }
  } else if (hh.hint(lo) !== 'gauge' || hh.hint(hi - 1) !== 'gauge') c.warn('warning', histNotes.notGauge(c.name), 0);
  h.hint = 'gauge';
  return h.compact();
}

/** rate, increase and delta over histograms (Prometheus's extrapolatedRate, histogram branch). */
function histRate(isCounter: boolean, isRate: boolean): HistRangeFn {
  return (c) => {
    if (c.hi > c.lo) return mixed(c);
    if (c.anchored || c.smoothed) return extendedHistogramRate(c, isCounter, isRate);
    const { hlo, hhi } = c;
    const ht = c.ht!;
    const hh = c.hh!;
    const n1 = hhi - hlo - 1;
    const firstT = ht[hlo];
    const lastT = ht[hhi - 1];
    let result: FloatHistogram | undefined;
    if (n1 > 0) {
      result = histogramRate(c, isCounter);
      if (!result) return none(c);
    }
    let durationToStart = (firstT - c.rangeStart) / 1000;
    let durationToEnd = (c.rangeEnd - lastT) / 1000;
    let sampledInterval = (lastT - firstT) / 1000;
    const avg = n1 > 0 ? sampledInterval / n1 : 0;
    const threshold = avg * 1.1;
    const st0 = isCounter && c.hst ? c.hst[hlo] : 0;
    if (st0 !== 0 && st0 > c.rangeStart && st0 < firstT) {
      durationToStart = 0;
      sampledInterval = (lastT - st0) / 1000;
      if (!result) result = hh.owned(hlo)!;
      else if (!addAt(c, result, hlo, false)) return none(c);
    } else if (n1 === 0) return none(c);
    else {
      if (durationToStart >= threshold) durationToStart = avg / 2;
      if (isCounter) {
        let durationToZero = durationToStart;
        if (result && result.count > 0 && hh.count(hlo) >= 0) durationToZero = sampledInterval * (hh.count(hlo) / result.count);
        if (durationToZero < durationToStart) durationToStart = durationToZero;
      }
    }
    if (durationToEnd >= threshold) durationToEnd = avg / 2;
    let factor = sampledInterval !== 0 ? (sampledInterval + durationToStart + durationToEnd) / sampledInterval : 1;
    if (isRate) factor /= c.rangeMs / 1000;
    return hist(c, result!.mul(factor));
  };
}

/** irate / idelta: the last two samples of either kind (Prometheus's instantValue). */
function histInstant(isRate: boolean): HistRangeFn {
  return (c, floatFn) => {
    const { lo, hi, hlo, hhi } = c;
    if (hi - lo + hhi - hlo < 2) return none(c);
    // The newest two samples, floats and histograms merged by time.
    type P = { t: number; h?: FloatHistogram; st: number };
    const pts: P[] = [];
    for (let i = Math.max(lo, hi - 2); i < hi; i++) pts.push({ t: c.t[i], st: c.st ? c.st[i] : 0 });
    for (let i = Math.max(hlo, hhi - 2); i < hhi; i++) pts.push({ t: c.ht![i], h: c.hh!.get(i), st: c.hst ? c.hst[i] : 0 });
    pts.sort((a, b) => a.t - b.t);
    const [p0, p1] = pts.slice(-2);
    const interval = p1.t - p0.t;
    if (interval === 0) return none(c);
    if (!p0.h && !p1.h) return floatFn(c);
    if (!p0.h || !p1.h) return mixed(c);
    const r = p1.h.copy();
    if (isRate && (p1.h.hint === 'gauge' || p0.h.hint === 'gauge')) c.warn('warning', histNotes.notCounter(c.name), 0);
    if (!isRate && (p1.h.hint !== 'gauge' || p0.h.hint !== 'gauge')) c.warn('warning', histNotes.notGauge(c.name), 0);
    if (!isRate || (!isStReset(p0.st, p0.t, p1.st, p1.t) && !detectReset(p1.h, p0.h))) {
      if (!addNoted(c, r, p0.h, true)) return none(c);
    }
    r.hint = 'gauge';
    r.compact();
    if (isRate) r.div(interval / 1000);
    return hist(c, r);
  };
}

/** One sample of a window, float or histogram, with its start timestamp (0 = none). */
interface MergedPoint {
  t: number;
  f: number;
  h?: FloatHistogram;
  st: number;
}

/** Samples of the window in time order: floats as numbers, histograms as histograms (resets, changes). */
function merged(c: WinCtx): MergedPoint[] {
  const out: MergedPoint[] = [];
  let i = c.lo;
  let j = c.hlo;
  if (c.anchored) {
    // pickFirstSampleIndices: the newest sample at or before the range start (of either kind) anchors the window.
    let fLE = c.lo - 1;
    while (fLE + 1 < c.hi && c.t[fLE + 1] <= c.rangeStart) fLE++;
    let hLE = c.hlo - 1;
    while (hLE + 1 < c.hhi && c.ht![hLE + 1] <= c.rangeStart) hLE++;
    if (fLE + 1 >= c.hi && hLE + 1 >= c.hhi) return out;
    if (fLE >= c.lo || hLE >= c.hlo) {
      if (hLE < c.hlo || (fLE >= c.lo && c.t[fLE] >= c.ht![hLE])) {
        i = fLE;
        j = hLE + 1;
      } else {
        i = fLE + 1;
        j = hLE;
      }
    }
  }
  while (i < c.hi || j < c.hhi) {
    if (j >= c.hhi || (i < c.hi && c.t[i] < c.ht![j])) {
      out.push({ t: c.t[i], f: c.v[i], st: c.st ? c.st[i] : 0 });
      i++;
    } else {
      out.push({ t: c.ht![j], f: 0, h: c.hh!.get(j), st: c.hst ? c.hst[j] : 0 });
      j++;
    }
  }
  return out;
}

/** Counts neighbouring samples that `breaks` (a float and a histogram in turn always count); none() without samples. */
function countBreaks(c: WinCtx, breaks: (a: MergedPoint, b: MergedPoint) => boolean): ReturnType<HistRangeFn> {
  const pts = merged(c);
  if (pts.length === 0) return none(c);
  let n = 0;
  for (let k = 1; k < pts.length; k++) {
    const a = pts[k - 1];
    const b = pts[k];
    if (!a.h !== !b.h || breaks(a, b)) n++;
  }
  return n;
}

const resets: HistRangeFn = (c) =>
  countBreaks(c, (a, b) => isStReset(a.st, a.t, b.st, b.t) || (a.h && b.h ? detectReset(b.h, a.h) : b.f < a.f));

const changes: HistRangeFn = (c) =>
  countBreaks(c, (a, b) => (a.h && b.h ? !b.h.equals(a.h) : b.f !== a.f && !(Number.isNaN(a.f) && Number.isNaN(b.f))));

/** The hints of a sum's inputs: both "reset" and "not reset" seen is Prometheus's collision warning. */
class HintTracker {
  reset = false;
  notReset = false;
  reconciled = false;
  see(h: FloatHistogram): void {
    if (h.hint === 'reset') this.reset = true;
    else if (h.hint === 'not_reset') this.notReset = true;
  }
  report(c: WinCtx): void {
    if (this.reset && this.notReset) c.warn('warning', histNotes.counterResetCollision('aggregation'), 0);
    if (this.reconciled) c.warn('info', histNotes.mismatchedCustomBuckets('aggregation'), 0);
  }
}

/** Kahan sum of the window's histograms; undefined when the schemas do not mix. */
function sumHistograms(c: WinCtx, avg: boolean): FloatHistogram | undefined {
  const hh = c.hh!;
  const track = new HintTracker();
  let sum = hh.owned(c.hlo)!;
  track.see(sum);
  let comp: FloatHistogram | undefined;
  let mean: FloatHistogram | undefined;
  let incremental = false;
  let count = 1;
  try {
    for (let i = c.hlo + 1; i < c.hhi; i++) {
      const h = hh.get(i)!;
      track.see(h);
      count = i - c.hlo + 1;
      if (!avg) {
        const r = sum.kahanAdd(h, comp);
        comp = r.c;
        track.reconciled ||= r.nhcbBoundsReconciled;
        continue;
      }
      if (!incremental) {
        const s2 = sum.copy();
        const r = s2.kahanAdd(h, comp?.copy());
        track.reconciled ||= r.nhcbBoundsReconciled;
        if (!s2.hasOverflow()) {
          sum = s2;
          comp = r.c;
          continue;
        }
        incremental = true;
        mean = sum.copy().div(count - 1);
        comp?.div(count - 1);
      }
      const qf = (count - 1) / count;
      comp?.mul(qf);
      const r = mean!.mul(qf).kahanAdd(h.copy().div(count), comp);
      comp = r.c;
      track.reconciled ||= r.nhcbBoundsReconciled;
    }
    let out: FloatHistogram;
    if (incremental) {
      out = mean!;
      if (comp) out.add(comp);
    } else if (avg) {
      out = sum.div(count);
      if (comp) out.add(comp.div(count));
    } else {
      out = sum;
      if (comp) track.reconciled ||= out.add(comp).nhcbBoundsReconciled;
    }
    track.report(c);
    return out;
  } catch (e) {
    if (!(e instanceof IncompatibleSchemaError)) throw e;
    track.report(c);
    c.warn('warning', histNotes.mixedExponentialCustom(c.name), 0);
    return undefined;
  }
}

function sumOrAvg(avg: boolean): HistRangeFn {
  return (c) => {
    if (c.hi > c.lo) return mixed(c);
    const h = sumHistograms(c, avg);
    return h ? hist(c, h) : none(c);
  };
}

/** first_over_time / last_over_time: the older (newer) sample of either kind. */
function edge(last: boolean): HistRangeFn {
  return (c) => {
    const hasF = c.hi > c.lo;
    const hi = last ? c.hhi - 1 : c.hlo;
    const ht = c.ht![hi];
    if (hasF) {
      const ft = last ? c.t[c.hi - 1] : c.t[c.lo];
      if (last ? ht < ft : ft < ht) return last ? c.v[c.hi - 1] : c.v[c.lo];
    }
    return hist(c, c.hh!.owned(hi)!);
  };
}

export const HIST_RANGE: Partial<Record<FunctionName, HistRangeFn>> = {
  rate: histRate(true, true),
  increase: histRate(true, false),
  delta: histRate(false, false),
  irate: histInstant(true),
  idelta: histInstant(false),
  resets,
  changes,
  sum_over_time: sumOrAvg(false),
  avg_over_time: sumOrAvg(true),
  count_over_time: (c) => c.hi - c.lo + c.hhi - c.hlo,
  present_over_time: () => 1,
  absent_over_time: () => 1,
  last_over_time: edge(true),
  first_over_time: edge(false),
  ts_of_first_over_time: (c) => Math.min(c.hi > c.lo ? c.t[c.lo] : Infinity, c.ht![c.hlo]) / 1000,
  ts_of_last_over_time: (c) => Math.max(c.hi > c.lo ? c.t[c.hi - 1] : -Infinity, c.ht![c.hhi - 1]) / 1000,
  max_over_time: floatsWithInfo,
  min_over_time: floatsWithInfo,
  mad_over_time: floatsWithInfo,
  quantile_over_time: floatsWithInfo,
  stddev_over_time: floatsWithInfo,
  stdvar_over_time: floatsWithInfo,
  ts_of_max_over_time: floatsWithInfo,
  ts_of_min_over_time: floatsWithInfo,
  deriv: floatsWithInfo,
  predict_linear: floatsWithInfo,
  double_exponential_smoothing: floatsWithInfo,
};
