// Judging engine results against an eval's expectations (FORMAT.md §7).
// Each check returns an error string, or undefined when the result matches.

import type { EngineSample, EngineSeries, EngineValue } from '../../src/engine/result.js';
import type { Metric } from '../../src/model/result.js';
import { isStaleNaN, labelsKey } from '../../src/storage/store.js';
import type { Dialect, EvalCmd } from './script.js';
import type { FloatHistogram } from '../../src/histogram/histogram.js';
import { histogramText, type HistogramSlot } from './histogram-literal.js';
import { STALE, isHistogramSlot, type Slot } from './series.js';

const MIN_NORMAL = 2.2250738585072014e-308;
const EPSILON = 1e-6;

/** Float equality of the v3 runner (util/almost, with the stale-marker rule). */
export function almostEqual(a: number, b: number): boolean {
  const sa = isStaleNaN(a);
  const sb = isStaleNaN(b);
  if (sa || sb) return sa && sb;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < EPSILON * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < EPSILON;
}

/** Float equality of the v2.42 runner: NaN equals NaN (stale or not), no MaxFloat cap. */
export function almostEqualV2(a: number, b: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || diff < MIN_NORMAL) return diff < EPSILON * MIN_NORMAL;
  return diff / (Math.abs(a) + Math.abs(b)) < EPSILON;
}

/** `{__name__="x", a="b"}` printed as Prometheus prints label sets: `x{a="b"}`. */
export function formatLabels(m: Metric): string {
  const names = Object.keys(m)
    .filter((n) => n !== '__name__')
    .sort();
  const body = names.map((n) => `${n}=${JSON.stringify(m[n])}`).join(', ');
  return `${m.__name__ ?? ''}{${body}}`;
}

function fmt(v: number | typeof STALE | HistogramSlot): string {
  if (typeof v === 'object') return histogramText(v.h);
  if (v === STALE || isStaleNaN(v)) return 'stale';
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Byte-order comparison of two label sets as sorted (name, value) lists. */
export function compareLabelSets(a: Metric, b: Metric): number {
  const an = Object.keys(a).sort();
  const bn = Object.keys(b).sort();
  for (let i = 0; i < Math.min(an.length, bn.length); i++) {
    const c = cmpBytes(an[i], bn[i]) || cmpBytes(a[an[i]], b[bn[i]]);
    if (c !== 0) return c;
  }
  return an.length - bn.length;
}

function cmpBytes(x: string, y: string): number {
  if (x === y) return 0;
  return Buffer.compare(Buffer.from(x), Buffer.from(y));
}

export class Judge {
  readonly eq: (a: number, b: number) => boolean;
  constructor(
    readonly cmd: EvalCmd,
    dialect: Dialect,
  ) {
    this.eq = dialect === 'v2' ? almostEqualV2 : almostEqual;
  }

  /** Compare any engine value with the eval's expectations. */
  compare(value: EngineValue): string | undefined {
    const cmd = this.cmd;
    switch (value.type) {
      case 'scalar':
        if (cmd.expectedScalar === undefined)
          return `expected ${cmd.expectString !== undefined ? 'string' : 'vector or matrix'} result, but got scalar ${fmt(value.v)}`;
        if (!this.eq(cmd.expectedScalar, value.v)) return `expected scalar ${fmt(cmd.expectedScalar)} but got ${fmt(value.v)}`;
        return undefined;
      case 'string':
        if (cmd.expectString === undefined) return `unexpected string result ${JSON.stringify(value.v)}`;
        return cmd.expectString === value.v
          ? undefined
          : `expected string ${JSON.stringify(cmd.expectString)} but got ${JSON.stringify(value.v)}`;
      case 'vector':
        if (cmd.expectString !== undefined) return `expected string result, but got vector`;
        if (cmd.rangeVector) return 'expected range vector result, but got instant vector';
        return this.compareVector(value.samples);
      case 'matrix':
        if (cmd.expectString !== undefined) return `expected string result, but got matrix`;
        if (!cmd.range && !cmd.rangeVector) return 'received range result on instant evaluation';
        return this.compareMatrix(value.series);
    }
  }

  compareVector(samples: EngineSample[]): string | undefined {
    const cmd = this.cmd;
    if (cmd.expectedScalar !== undefined) return `expected scalar ${fmt(cmd.expectedScalar)} but got vector of ${samples.length} samples`;
    const seen = new Set<string>();
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      const key = labelsKey(s.metric);
      const exp = cmd.expected.get(key);
      const got = s.h ? histogramText(s.h) : fmt(s.v);
      if (!exp) return `unexpected metric ${formatLabels(s.metric)} in result, has value ${got}`;
      if (seen.has(key)) return `duplicate metric ${formatLabels(s.metric)} in result`;
      seen.add(key);
      if (cmd.ordered && exp.pos !== i + 1)
        return `expected metric ${formatLabels(s.metric)} with ${got} at position ${exp.pos} but was at ${i + 1}`;
      const want = exp.slots[0];
      if (want === undefined) return `unexpected metric ${formatLabels(s.metric)} (expected no value)`;
      if (isHistogramSlot(want)) {
        if (!s.h) return `expected histogram ${fmt(want)} for ${formatLabels(s.metric)} but got float ${got}`;
        const err = histogramMismatch(want, s.h, this.eq);
        if (err) return `expected ${fmt(want)} for ${formatLabels(s.metric)} but got ${got}: ${err}`;
        continue;
      }
      if (s.h) return `expected float ${fmt(want)} for ${formatLabels(s.metric)} but got histogram ${got}`;
      if (!this.slotEq(want, s.v)) return `expected ${fmt(want)} for ${formatLabels(s.metric)} but got ${fmt(s.v)}`;
    }
    for (const [key, exp] of cmd.expected) {
      if (!seen.has(key) && exp.slots[0] !== undefined)
        return `expected metric ${formatLabels(exp.labels)} with ${slotText(exp.slots[0])} not found`;
    }
    return undefined;
  }

  compareMatrix(series: EngineSeries[]): string | undefined {
    const cmd = this.cmd;
    if (cmd.ordered) return 'expect ordered is not supported for matrix results';
    if (cmd.expectedScalar !== undefined) return 'expected scalar but got matrix';
    const unsorted = matrixSortError(series);
    if (unsorted) return unsorted;
    const r = cmd.range ?? cmd.rangeVector!;
    const seen = new Set<string>();
    for (const s of series) {
      const key = labelsKey(s.metric);
      const exp = cmd.expected.get(key);
      if (!exp) return `unexpected metric ${formatLabels(s.metric)} in result, has ${s.t.length} points`;
      seen.add(key);
      const err = this.comparePoints(s, exp.slots, r.startMs, r.stepMs);
      if (err) return err;
    }
    for (const [key, exp] of cmd.expected) {
      if (!seen.has(key)) return `expected metric ${formatLabels(exp.labels)} not found`;
    }
    return undefined;
  }

  /** An expected float or staleness marker against a computed value. */
  private slotEq(want: number | typeof STALE, got: number): boolean {
    if (want === STALE) return this.eq === almostEqualV2 ? Number.isNaN(got) : isStaleNaN(got);
    return this.eq(want, got);
  }

  private comparePoints(s: EngineSeries, slots: readonly Slot[], start: number, step: number): string | undefined {
    const wantT: number[] = [];
    const wantV: (number | typeof STALE)[] = [];
    const wantHT: number[] = [];
    const wantH: HistogramSlot[] = [];
    slots.forEach((v, k) => {
      if (typeof v === 'number' || v === STALE) {
        wantT.push(start + k * step);
        wantV.push(v);
      } else if (isHistogramSlot(v)) {
        wantHT.push(start + k * step);
        wantH.push(v);
      }
    });
    const name = formatLabels(s.metric);
    const gotHT: number[] = [];
    const gotH: FloatHistogram[] = [];
    let floats = s;
    if (s.h) {
      const ft: number[] = [];
      const fv: number[] = [];
      for (let i = 0; i < s.t.length; i++) {
        const h = s.h[i];
        if (h) {
          gotHT.push(s.t[i]);
          gotH.push(h);
        } else {
          ft.push(s.t[i]);
          fv.push(s.v[i]);
        }
      }
      floats = { metric: s.metric, t: ft, v: fv };
    }
    if (wantHT.length !== gotHT.length)
      return `expected ${wantHT.length} histogram points for ${name}, but got ${gotHT.length}: got ${gotH.map((h, i) => `${histogramText(h)}@${gotHT[i]}`).join(' ')}`;
    for (let i = 0; i < wantHT.length; i++) {
      if (wantHT[i] !== gotHT[i]) return `expected histogram point at ${wantHT[i]} for ${name}, but got timestamp ${gotHT[i]}`;
      const err = histogramMismatch(wantH[i], gotH[i], this.eq);
      if (err) return `expected ${fmt(wantH[i])} at ${wantHT[i]} for ${name}, but got ${histogramText(gotH[i])}: ${err}`;
    }
    return this.compareFloatPoints(floats, name, wantT, wantV);
  }

  private compareFloatPoints(s: EngineSeries, name: string, wantT: number[], wantV: (number | typeof STALE)[]): string | undefined {
    if (wantT.length !== s.t.length) {
      return `expected ${wantT.length} float points for ${name}, but got ${s.t.length}: want ${pointsText(wantT, wantV)}, got ${pointsText(Array.from(s.t), Array.from(s.v))}`;
    }
    for (let i = 0; i < wantT.length; i++) {
      if (wantT[i] !== s.t[i]) return `expected float point at ${wantT[i]} for ${name}, but got timestamp ${s.t[i]}`;
      if (!this.slotEq(wantV[i], s.v[i])) return `expected ${fmt(wantV[i])} at ${wantT[i]} for ${name}, but got ${fmt(s.v[i])}`;
    }
    return undefined;
  }
}

function slotText(v: Slot): string {
  return v === STALE ? 'stale' : v === undefined ? '_' : fmt(v);
}

/**
 * FORMAT.md §7.2: both sides compacted (empty buckets dropped); schema and
 * zero threshold exact, counts and sum by the float rule, custom bounds when
 * the expected histogram has custom buckets, the hint when the literal named one.
 */
function histogramMismatch(want: HistogramSlot, got: FloatHistogram, eq: (a: number, b: number) => boolean): string | undefined {
  const w = want.h.copy().compact();
  const g = got.copy().compact();
  if (w.schema !== g.schema) return 'schema differs';
  if (w.zeroThreshold !== g.zeroThreshold) return 'zero threshold differs';
  if (!eq(w.count, g.count)) return 'count differs';
  if (!eq(w.sum, g.sum)) return 'sum differs';
  if (!eq(w.zeroCount, g.zeroCount)) return 'zero count differs';
  if (w.usesCustomBuckets()) {
    const a = w.customValues ?? [];
    const b = g.customValues ?? [];
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) return 'custom values differ';
  }
  for (const side of ['positive', 'negative'] as const) {
    const a = w[side];
    const b = g[side];
    if (a.idx.length !== b.idx.length || a.idx.some((x, i) => x !== b.idx[i])) return `${side} buckets differ`;
    if (a.cnt.some((x, i) => !eq(x, b.cnt[i]))) return `${side} bucket counts differ`;
  }
  if (want.hintSet && w.hint !== g.hint) return `counter reset hint ${g.hint}, expected ${w.hint}`;
  return undefined;
}

function pointsText(t: number[], v: (number | typeof STALE)[]): string {
  const parts = t.slice(0, 8).map((x, i) => `${fmt(v[i])}@${x}`);
  return `[${parts.join(' ')}${t.length > 8 ? ' …' : ''}]`;
}

/** A matrix must come sorted by label set. */
export function matrixSortError(series: EngineSeries[]): string | undefined {
  for (let i = 1; i < series.length; i++) {
    if (compareLabelSets(series[i - 1].metric, series[i].metric) > 0) {
      return `matrix results should always be sorted by labels, but matrix is not sorted: series at index ${i} with labels ${formatLabels(series[i].metric)} sorts before series at index ${i - 1} with labels ${formatLabels(series[i - 1].metric)}`;
    }
  }
  return undefined;
}
