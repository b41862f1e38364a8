// Judging engine results against an eval's expectations (FORMAT.md §7).
// Each check returns an error string, or undefined when the result matches.

import type { EngineSample, EngineSeries, EngineValue } from '../../src/engine/result.js';
import type { Metric } from '../../src/model/result.js';
import { isStaleNaN, labelsKey } from '../../src/storage/store.js';
import type { Dialect, EvalCmd } from './script.js';
import { HISTOGRAM, STALE, type Slot } from './series.js';

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

function fmt(v: number | typeof STALE): string {
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
      if (!exp) return `unexpected metric ${formatLabels(s.metric)} in result, has value ${fmt(s.v)}`;
      if (seen.has(key)) return `duplicate metric ${formatLabels(s.metric)} in result`;
      seen.add(key);
      if (cmd.ordered && exp.pos !== i + 1)
        return `expected metric ${formatLabels(s.metric)} with ${fmt(s.v)} at position ${exp.pos} but was at ${i + 1}`;
      const want = exp.slots[0];
      if (want === HISTOGRAM) return `expected histogram for ${formatLabels(s.metric)} but got float ${fmt(s.v)}`;
      if (want === undefined) return `unexpected metric ${formatLabels(s.metric)} (expected no value)`;
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
    slots.forEach((v, k) => {
      if (typeof v === 'number' || v === STALE) {
        wantT.push(start + k * step);
        wantV.push(v);
      }
    });
    const name = formatLabels(s.metric);
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
  return v === HISTOGRAM ? 'histogram' : v === STALE ? 'stale' : v === undefined ? '_' : fmt(v);
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
