// `metric smoothed`: an instant selector whose value at each step is
// interpolated between the samples around it within the lookback (Prometheus's
// smoothSeries): the sample at the step, or the line between its neighbours,
// or the last one before it. Histograms interpolate bucket by bucket (a counter
// reset in between scales the later one); floats and histograms in one
// window give nothing and a warning.

import type { VectorSelector } from '../promql/ast.js';
import { IncompatibleSchemaError, type FloatHistogram } from '../histogram/histogram.js';
import type { Grid, RSeries, VSeries } from './types.js';
import { annotate, newVSeries, setHist } from './types.js';
import type { Evaluator } from './eval.js';
import { checkAbort, holdSamples } from './state.js';
import { rangeSeries, resolveAt } from './selectors.js';
import { histNotes } from './hist-notes.js';
import { interpolateHistograms } from './hist-extended.js';

export function smoothedSelector(ev: Evaluator, e: VectorSelector, ids: number[], grid: Grid): VSeries[] {
  const st = ev.st;
  const offset = ev.offsetOf(e);
  const at = resolveAt(e.at, st);
  const lb = st.lookbackMs;
  const out: VSeries[] = [];
  for (const s of rangeSeries(ev.store, ids)) {
    checkAbort(st);
    const o = newVSeries(s.metric, grid.n);
    let count = 0;
    for (let i = 0; i < grid.n; i++) {
      const ts = (at ?? grid.start + i * grid.step) - offset;
      // Points in (ts - lb, ts + lb]; j = first with t >= ts.
      let lo = 0;
      while (lo < s.length && s.t[lo] <= ts - lb) lo++;
      let hi = lo;
      while (hi < s.length && s.t[hi] <= ts + lb) hi++;
      if (hi === lo) continue;
      const ok = s.h ? smoothMixed(ev, e, s, o, i, ts, lo, hi) : smoothFloat(s, o, i, ts, lo, hi);
      if (ok) count++;
    }
    if (count) {
      st.totalSamples += count;
      holdSamples(st, count);
      out.push(o);
    }
  }
  return out;
}

/** The float value at ts from the window's points [lo, hi). */
function smoothFloat(s: RSeries, o: VSeries, i: number, ts: number, lo: number, hi: number): boolean {
  let j = lo;
  while (j < hi && s.t[j] < ts) j++;
  let value: number;
  if (j < hi && s.t[j] === ts) value = s.v[j];
  else if (j > lo && j < hi) {
    const t1 = s.t[j - 1];
    value = s.v[j - 1] + ((s.v[j] - s.v[j - 1]) * (ts - t1)) / (s.t[j] - t1);
  } else if (j > lo) value = s.v[j - 1];
  else return false;
  o.v[i] = value;
  o.p[i] = 1;
  return true;
}

/** A window of a series with histograms: floats alone go to smoothFloat, histograms alone interpolate, both warn. */
function smoothMixed(ev: Evaluator, e: VectorSelector, s: RSeries, o: VSeries, i: number, ts: number, lo: number, hi: number): boolean {
  let nh = 0;
  for (let k = lo; k < hi; k++) if (s.h!.has(k)) nh++;
  const name = s.metric.__name__ ?? '';
  if (nh === 0) return smoothFloat(s, o, i, ts, lo, hi);
  if (nh < hi - lo) {
    annotate(ev.st, 'warning', histNotes.mixedFloatsHistograms(name), e.pos);
    return false;
  }
  let j = lo;
  while (j < hi && s.t[j] < ts) j++;
  let h: FloatHistogram;
  if (j < hi && s.t[j] === ts) h = s.h!.owned(j)!;
  else if (j > lo && j < hi) {
    const prev = s.h!.get(j - 1)!;
    const next = s.h!.get(j)!;
    if (prev.usesCustomBuckets() !== next.usesCustomBuckets()) {
      annotate(ev.st, 'warning', histNotes.mixedExponentialCustom(name), e.pos);
      return false;
    }
    const isCounter = prev.hint !== 'gauge' || next.hint !== 'gauge';
    const note = (kind: 'warning' | 'info', text: string) => annotate(ev.st, kind, text, e.pos);
    try {
      h = interpolateHistograms(note, prev, s.t[j - 1], next, s.t[j], ts, isCounter);
    } catch (err) {
      if (!(err instanceof IncompatibleSchemaError)) throw err;
      annotate(ev.st, 'warning', histNotes.mixedExponentialCustom(name), e.pos);
      return false;
    }
  } else if (j > lo) {
    h = s.h!.owned(j - 1)!;
    h.hint = 'unknown';
  } else return false;
  setHist(o, i, h);
  return true;
}
