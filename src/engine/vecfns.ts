// Instant-vector and scalar functions, evaluated step by step over dense
// series: maths, calendar, clamp/round, time and timestamps, absent. Each is
// an InstantFn that src/engine/functions.ts lists under its name.

import { goDate, goInt64, type GoDate } from '../util/gotime.js';
import type { Call, Expr, VectorSelector } from '../promql/ast.js';
import type { Grid, Val, VSeries } from './types.js';
import { newVSeries } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { checkAbort } from './state.js';
import { dropReserved } from './labels.js';
import type { FloatHistogram } from '../histogram/histogram.js';

/** How the engine evaluates a function without a range-vector argument: all steps at once. */
export type InstantFn = (ev: Evaluator, e: Call, args: Expr[], grid: Grid) => Val;

function scalarVal(grid: Grid, f: (i: number) => number): Val {
  const v = new Float64Array(grid.n);
  for (let i = 0; i < grid.n; i++) v[i] = f(i);
  return { kind: 'scalar', v };
}

/** Applies f to every float sample; the metric name is dropped (delayed or at once). */
function mapSeries(ev: Evaluator, input: VSeries[], grid: Grid, f: (x: number, i: number) => number | undefined): VSeries[] {
  const delayed = ev.st.delayedNameRemoval;
  const out: VSeries[] = [];
  for (const s of input) {
    checkAbort(ev.st);
    const o = newVSeries(delayed ? s.metric : dropReserved(s.metric), grid.n, true);
    let any = false;
    const hs = s.h;
    for (let i = 0; i < grid.n; i++) {
      if (!s.p[i] || (hs !== undefined && hs[i] !== undefined)) continue;
      const r = f(s.v[i], i);
      if (r === undefined) continue;
      o.v[i] = r;
      o.p[i] = 1;
      any = true;
    }
    if (any) out.push(o);
  }
  return delayed ? out : mergeSameLabels(out);
}

const vector = (series: VSeries[]): Val => ({ kind: 'vector', series });
const stepTime = (grid: Grid, i: number): number => grid.start + i * grid.step;

/** A function applying f to every sample: abs, ln, sgn... */
export function mathFn(f: (x: number) => number): InstantFn {
  return (ev, _e, args, grid) => vector(mapSeries(ev, ev.evalVector(args[0], grid), grid, f));
}

/**
 * A calendar function of its argument's values (Unix seconds), or of the step
 * time without one: Go's time.Unix(int64(v), 0).UTC() fields (util/gotime.ts),
 * which go on past the years JavaScript's Date can hold.
 */
export function dateFn(f: (d: GoDate) => number): InstantFn {
  return (ev, _e, args, grid) => {
    if (args.length === 0) {
      const o = newVSeries({}, grid.n);
      for (let i = 0; i < grid.n; i++) {
        o.v[i] = f(goDate(BigInt(Math.trunc(stepTime(grid, i) / 1000))));
        o.p[i] = 1;
      }
      return vector([o]);
    }
    return vector(mapSeries(ev, ev.evalVector(args[0], grid), grid, (x) => f(goDate(goInt64(x)))));
  };
}

/** A scalar function of the evaluation state: time(), pi(), start()... */
export function scalarFn(f: (ev: Evaluator, grid: Grid, i: number) => number): InstantFn {
  return (ev, _e, _args, grid) => scalarVal(grid, (i) => f(ev, grid, i));
}

export const time = scalarFn((_ev, grid, i) => stepTime(grid, i) / 1000);

/** min_of / max_of: the pick of two scalars at every step. */
export function twoScalars(pick: (a: number, b: number) => number): InstantFn {
  return (ev, _e, args, grid) => {
    const a = ev.evalScalar(args[0], grid);
    const b = ev.evalScalar(args[1], grid);
    return scalarVal(grid, (i) => pick(a[i], b[i]));
  };
}

export const vectorOfScalar: InstantFn = (ev, _e, args, grid) => {
  const v = ev.evalScalar(args[0], grid);
  const o = newVSeries({}, grid.n);
  o.v.set(v);
  o.p.fill(1);
  return vector(grid.n ? [o] : []);
};

export const scalarOfVector: InstantFn = (ev, _e, args, grid) => {
  const vec = ev.evalVector(args[0], grid);
  return scalarVal(grid, (i) => {
    let found = -1;
    for (let j = 0; j < vec.length; j++) {
      if (!vec[j].p[i] || vec[j].h?.[i]) continue;
      if (found >= 0) return NaN;
      found = j;
    }
    return found < 0 ? NaN : vec[found].v[i];
  });
};

/** clamp, clamp_min, clamp_max: the bounds at every step; no output where max < min. */
export function clampFn(kind: 'clamp' | 'clamp_min' | 'clamp_max'): InstantFn {
  return (ev, _e, args, grid) => {
    const vec = ev.evalVector(args[0], grid);
    const a = ev.evalScalar(args[1], grid);
    const b = kind === 'clamp' ? ev.evalScalar(args[2], grid) : undefined;
    return vector(
      mapSeries(ev, vec, grid, (x, i) => {
        const lo = kind === 'clamp_max' ? -Infinity : a[i];
        const hi = kind === 'clamp_max' ? a[i] : kind === 'clamp' ? b![i] : Infinity;
        if (hi < lo) return undefined;
        return Math.max(lo, Math.min(hi, x));
      }),
    );
  };
}

export const round: InstantFn = (ev, _e, args, grid) => {
  const vec = ev.evalVector(args[0], grid);
  const nearest = args.length > 1 ? ev.evalScalar(args[1], grid) : undefined;
  return vector(
    mapSeries(ev, vec, grid, (x, i) => {
      const inv = 1 / (nearest ? nearest[i] : 1);
      return Math.floor(x * inv + 0.5) / inv;
    }),
  );
};

/**
 * The selector timestamp() and start_timestamp() read samples from directly,
 * as Prometheus's evaluator finds it: through parentheses. With @, its offset
 * is dropped: evalTimestampFunctionOverVectorSelector (promql/engine.go) sets
 * the offset to step time minus @ time, so the samples are those at @.
 */
function timestampSelector(arg: Expr): VectorSelector | undefined {
  let a = arg;
  while (a.type === 'ParenExpr') a = a.expr;
  if (a.type !== 'VectorSelector') return undefined;
  return a.at ? { ...a, offsetMs: 0, offsetExpr: undefined } : a;
}

export const timestamp: InstantFn = (ev, _e, args, grid) => {
  const vs = timestampSelector(args[0]);
  if (vs) return vector(mapSeries(ev, ev.vectorSelector(vs, grid, 'time'), grid, (x) => x));
  return vector(mapSeries(ev, ev.evalVector(args[0], grid), grid, (_x, i) => stepTime(grid, i) / 1000));
};

export const startTimestamp: InstantFn = (ev, _e, args, grid) => {
  // Start timestamps only reach the function straight from a selector; an expression loses them.
  const vs = timestampSelector(args[0]);
  if (vs) return vector(mapSeries(ev, ev.vectorSelector(vs, grid, 'st'), grid, (x) => x));
  ev.evalVector(args[0], grid);
  return vector([]);
};

export const absent: InstantFn = (ev, _e, args, grid) => {
  const vec = ev.evalVector(args[0], grid);
  const o = newVSeries(absentLabels(args[0]), grid.n);
  let any = false;
  for (let i = 0; i < grid.n; i++) {
    if (vec.some((s) => s.p[i])) continue;
    o.v[i] = 1;
    o.p[i] = 1;
    any = true;
  }
  return vector(any ? [o] : []);
};

/** histogram_count, histogram_sum...: a number read from every native histogram sample; float samples are left out. */
export function histogramStat(f: (h: FloatHistogram) => number): InstantFn {
  return (ev, _e, args, grid) => {
    const delayed = ev.st.delayedNameRemoval;
    const out: VSeries[] = [];
    for (const s of ev.evalVector(args[0], grid)) {
      if (!s.h) continue;
      const o = newVSeries(delayed ? s.metric : dropReserved(s.metric), grid.n, true);
      let any = false;
      for (let i = 0; i < grid.n; i++) {
        const h = s.h[i];
        if (!h) continue;
        o.v[i] = f(h);
        o.p[i] = 1;
        any = true;
      }
      if (any) out.push(o);
    }
    return vector(delayed ? out : mergeSameLabels(out));
  };
}

export function unparen(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}

/** Labels of absent()'s output: the arguments' equality matchers, as Prometheus infers them. */
export function absentLabels(arg: Expr): Record<string, string> {
  arg = unparen(arg);
  const vs = arg.type === 'VectorSelector' ? arg : arg.type === 'MatrixSelector' ? arg.vector : undefined;
  if (!vs) return {};
  const out: Record<string, string> = {};
  const has = new Set<string>();
  for (const m of vs.matchers) {
    if (m.name === '__name__') continue;
    if (m.op === '=' && !has.has(m.name)) {
      if (m.value !== '') out[m.name] = m.value;
      else delete out[m.name];
      has.add(m.name);
    } else delete out[m.name];
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  return sorted;
}
