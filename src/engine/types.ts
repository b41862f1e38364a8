// Internal value model of the evaluator.
//
// Every expression is evaluated over a grid of steps (one step for an instant
// query). Vector-valued results are dense per series: `v[i]` holds the value
// at step i and `p[i]` says whether there is one. Range vectors only appear
// as function arguments or as the top-level result of an instant query.

import type { Metric } from '../model/result.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import type { Annotation } from './result.js';
import type { Expr, PositionRange } from '../promql/ast.js';
import type { RangeSource } from './eval.js';
import { flagColumn, floatColumn } from './columns.js';
import type { HistogramColumn } from '../storage/histogram-column.js';
import type { DenseHistograms } from './hist-dense.js';

export interface Grid {
  start: number;
  end: number;
  step: number;
  n: number;
}

export function makeGrid(start: number, end: number, step: number): Grid {
  const n = end < start ? 0 : Math.floor((end - start) / step) + 1;
  return { start, end, step, n };
}

export interface VSeries {
  metric: Metric;
  /** Delayed name removal: drop __name__ at the end of the query. */
  dropName: boolean;
  v: Float64Array;
  p: Uint8Array;
  /**
   * Native histograms, only on series that have any: where h[i] is set, the
   * sample at step i is that histogram (p[i] = 1, v[i] meaningless).
   */
  h?: (FloatHistogram | undefined)[];
  /**
   * Instead of `h`: a dense histogram sum's results as numbers (hist-dense.ts),
   * made only for histogram_quantile & co, which asked for them
   * (QueryState.denseFor) and read them in place; present where p[i] = 1.
   */
  hd?: DenseHistograms;
}

/** A series of raw points (range vectors, subquery results). */
export interface RSeries {
  metric: Metric;
  t: Float64Array;
  v: Float64Array;
  length: number;
  /** Start timestamps (ms, 0 = none) parallel to t, for stored series that have them. */
  st?: Float64Array;
  /** Subquery results carry delayed name removal along. */
  dropName?: boolean;
  /** Native histogram points parallel to t, when the series has any (h.has(i): v[i] meaningless). */
  h?: HistogramColumn;
}

export type Val =
  | { kind: 'scalar'; v: Float64Array }
  | { kind: 'vector'; series: VSeries[] }
  | { kind: 'string'; s: string }
  | { kind: 'matrix'; series: RSeries[] };

/** A series with no value yet at any of n steps (columns from ./columns.ts). */
export function newVSeries(metric: Metric, n: number, dropName = false): VSeries {
  return { metric, dropName, v: floatColumn(n), p: flagColumn(n) };
}

/** Query-wide state shared by all nodes. */
export interface QueryState {
  annotations: Map<string, Annotation>;
  totalSamples: number;
  currentSamples: number;
  peakSamples: number;
  maxSamples: number;
  deadline: number;
  signal?: AbortSignal;
  /** Polled with the signal: cancellation from another thread (a shared flag). */
  shouldAbort?: () => boolean;
  lookbackMs: number;
  delayedNameRemoval: boolean;
  defaultSubqueryStepMs: number;
  /** Top-level query start/end/step (ms) for @ start()/end() and start()/end()/step()/range(). */
  queryStart: number;
  queryEnd: number;
  queryStep: number;
  checkCounter: number;
  /** The node being evaluated, named by the sample limit's error. */
  node?: Expr;
  /** Selectors read as Prometheus's histogram stats iterator reads them (./hist-stats.ts). */
  statsSelectors?: ReadonlySet<Expr>;
  /** The aggregation whose histogram results the function being evaluated reads as numbers (VSeries.hd). */
  denseFor?: Expr;
  /** Explain's tracer (./trace.ts); absent, evaluation does nothing more. */
  observer?: EvalObserver;
}

/**
 * Watches an evaluation: `node` wraps the evaluation of every expression,
 * `range` that of every range-vector argument (which is not evaluated as an
 * expression), and `annotation` sees every annotation raised, repeats included.
 */
export interface EvalObserver {
  node(e: Expr, grid: Grid, st: QueryState, run: () => Val): Val;
  range(e: Expr, grid: Grid, st: QueryState, run: () => RangeSource): RangeSource;
  annotation(a: Annotation): void;
}

export function annotate(st: QueryState, kind: 'warning' | 'info', text: string, pos?: PositionRange): void {
  st.annotations.set(`${kind}\x00${text}`, { kind, text, pos });
  st.observer?.annotation({ kind, text, pos });
}

/** Sets a histogram sample at step i. */
export function setHist(s: VSeries, i: number, h: FloatHistogram): void {
  (s.h ??= new Array<FloatHistogram | undefined>(s.p.length))[i] = h;
  s.p[i] = 1;
}

/** The series without its histogram samples (float-only consumers), or itself when it has none. */
export function floatsOnly(s: VSeries): VSeries {
  if (!s.h) return s;
  const p = s.p.slice();
  for (let i = 0; i < p.length; i++) if (s.h[i]) p[i] = 0;
  return { metric: s.metric, dropName: s.dropName, v: s.v, p };
}
