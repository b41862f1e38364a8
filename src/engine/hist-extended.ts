// rate, increase and delta over histograms with the `anchored` and `smoothed`
// range modifiers (Prometheus's extendedHistogramRate): the value at the range
// start and end (picked, or interpolated for `smoothed`), their difference,
// and for counters the resets in between added back.

import { IncompatibleSchemaError, type FloatHistogram } from '../histogram/histogram.js';
import { detectReset } from '../histogram/reset.js';
import { histNotes } from './hist-notes.js';
import type { WinCtx } from './rangefns.js';
import { addNoted, hist, none } from './hist-window.js';

/** The histogram between two samples at time t (Prometheus's interpolateHistograms); throws IncompatibleSchemaError. */
export function interpolateHistograms(
  note: (kind: 'warning' | 'info', text: string) => void,
  h1: FloatHistogram,
  t1: number,
  h2: FloatHistogram,
  t2: number,
  t: number,
  isCounter: boolean,
): FloatHistogram {
  if (t === t1) return h1.copy();
  if (t === t2) return h2.copy();
  const fraction = (t - t1) / (t2 - t1);
  if (isCounter && detectReset(h2, h1)) return h2.copy().mul(fraction);
  const r = h2.copy();
  if (r.sub(h1).nhcbBoundsReconciled) note('info', histNotes.mismatchedCustomBuckets('subtraction'));
  r.mul(fraction);
  if (r.add(h1).nhcbBoundsReconciled) note('info', histNotes.mismatchedCustomBuckets('addition'));
  return r;
}

/** First index in [0, n) where pred holds (Go's sort.Search). */
function search(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** rate/increase/delta over histograms with `anchored` or `smoothed` (Prometheus's extendedHistogramRate). */
export function extendedHistogramRate(c: WinCtx, isCounter: boolean, isRate: boolean): number {
  const base = c.hlo;
  const ht = (i: number): number => c.ht![base + i];
  const hh = (i: number): FloatHistogram => c.hh!.get(base + i)!;
  const { rangeStart, rangeEnd, smoothed } = c;
  let last = c.hhi - base - 1;
  const first = Math.max(0, search(last, (i) => ht(i) > rangeStart) - 1);
  if (smoothed) last = search(last, (i) => ht(i) >= rangeEnd);
  if (ht(last) <= rangeStart || (smoothed && ht(first) > rangeEnd)) return none(c);
  const custom = hh(first).usesCustomBuckets();
  for (let i = first; i <= last; i++) {
    if (hh(i).usesCustomBuckets() !== custom) {
      c.warn('warning', histNotes.mixedExponentialCustom(c.name), 0);
      return none(c);
    }
    if (isCounter && hh(i).hint === 'gauge') c.warn('warning', histNotes.notCounter(c.name), 0);
  }
  const note = (kind: 'warning' | 'info', text: string) => c.warn(kind, text, 0);
  let left: FloatHistogram;
  let right: FloatHistogram;
  try {
    left =
      smoothed && ht(first) < rangeStart
        ? interpolateHistograms(note, hh(first), ht(first), hh(first + 1), ht(first + 1), rangeStart, isCounter)
        : hh(first).copy();
    right =
      smoothed && last > 0 && ht(last) > rangeEnd
        ? interpolateHistograms(note, hh(last - 1), ht(last - 1), hh(last), ht(last), rangeEnd, isCounter)
        : hh(last).copy();
  } catch (e) {
    if (!(e instanceof IncompatibleSchemaError)) throw e;
    c.warn('warning', histNotes.mixedExponentialCustom(c.name), 0);
    return none(c);
  }
  if (!isCounter && (left.hint !== 'gauge' || right.hint !== 'gauge')) c.warn('warning', histNotes.notGauge(c.name), 0);
  const result = right.copy();
  if (!addNoted(c, result, left, true)) return none(c);
  if (isCounter) {
    // correctForCounterResetsHistogram
    let from = first + 1;
    let prev = left;
    if (smoothed && ht(first) < rangeStart && detectReset(hh(first + 1), hh(first))) {
      prev = hh(first + 1);
      from++;
    }
    const to = last - 1;
    if (from <= to + 1) {
      let correction: FloatHistogram | undefined;
      const addCorrection = (h: FloatHistogram): boolean => {
        if (!correction) {
          correction = h.copy();
          return true;
        }
        return addNoted(c, correction, h, false);
      };
      for (let i = from; i <= to; i++) {
        if (detectReset(hh(i), prev) && !addCorrection(prev)) return none(c);
        prev = hh(i);
      }
      if (detectReset(right, prev) && !addCorrection(prev)) return none(c);
      if (correction && !addNoted(c, result, correction, false)) return none(c);
    }
  }
  if (isRate) result.div(c.rangeMs / 1000);
  result.hint = 'gauge';
  return hist(c, result.compact());
}
