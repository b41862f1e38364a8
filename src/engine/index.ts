// The embedded PromQL engine: Prometheus 3 semantics over the in-memory store.
//
//   const engine = new Engine(store);
//   engine.instantQuery('sum by (job) (rate(http_requests_total[5m]))', Date.now());
//
// Evaluation happens over a grid of steps (see eval.ts); this file turns the
// grid results into the contract's EngineResult and applies the query-level
// rules: result ordering, delayed name removal, limits and statistics.

import { MAX_NESTING } from '../promql/depth.js';
import type { Expr } from '../promql/ast.js';
import { exprType, parse } from '../promql/index.js';
import { positionLineCol } from '../promql/errors.js';
import type { MemoryStore } from '../storage/store.js';
import { QueryError } from '../errors.js';
import { t } from '../util/messages/index.js';
import type { Annotation, EngineResult, EngineSeries, EngineValue } from './result.js';
import { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { makeGrid, type EvalObserver, type QueryState, type Val, type VSeries } from './types.js';
import { dropReserved, metricKey } from './labels.js';
import { compareMetrics } from '../model/labels.js';
import { execError } from './state.js';
import { statsSelectors } from './hist-stats.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { histogramArray } from '../storage/histogram-column.js';

/** Per-query options: an AbortSignal, and/or a cancellation check polled during evaluation. */
interface RunOptions {
  signal?: AbortSignal;
  shouldAbort?: () => boolean;
  /** Sees every node evaluated (explain's tracer, ./trace.ts). */
  observer?: EvalObserver;
}

export interface EngineOptions {
  lookbackDeltaMs?: number;
  maxSamples?: number;
  timeoutMs?: number;
  defaultSubqueryStepMs?: number;
  delayedNameRemoval?: boolean;
  enableExperimentalFunctions?: boolean;
}

export class Engine {
  private readonly opts: Required<EngineOptions>;

  constructor(
    readonly store: MemoryStore,
    opts: EngineOptions = {},
  ) {
    this.opts = {
      lookbackDeltaMs: opts.lookbackDeltaMs ?? 5 * 60_000,
      maxSamples: opts.maxSamples ?? 50e6,
      timeoutMs: opts.timeoutMs ?? 120_000,
      defaultSubqueryStepMs: opts.defaultSubqueryStepMs ?? 60_000,
      delayedNameRemoval: opts.delayedNameRemoval ?? false,
      enableExperimentalFunctions: opts.enableExperimentalFunctions ?? false,
    };
  }

  parse(query: string): Expr {
    const x = this.opts.enableExperimentalFunctions;
    return parse(query, { experimentalFunctions: x, extendedRangeSelectors: x, binopFillModifiers: x, durationExpressions: true });
  }

  instantQuery(query: string | Expr, timeMs: number, opts: RunOptions = {}): EngineResult {
    return onThreadStack(() => {
      const expr = typeof query === 'string' ? this.parse(query) : query;
      return this.run(expr, timeMs, timeMs, 1, false, opts);
    });
  }

  rangeQuery(query: string | Expr, startMs: number, endMs: number, stepMs: number, opts: RunOptions = {}): EngineResult {
    return onThreadStack(() => this.rangeQueryOnStack(query, startMs, endMs, stepMs, opts));
  }

  private rangeQueryOnStack(query: string | Expr, startMs: number, endMs: number, stepMs: number, opts: RunOptions): EngineResult {
    const expr = typeof query === 'string' ? this.parse(query) : query;
    const t = exprType(expr);
    if (t !== 'scalar' && t !== 'vector') {
      const name = t === 'matrix' ? 'range vector' : t;
      throw new QueryError(`invalid expression type "${name}" for range query, must be Scalar or instant Vector`, {
        errorType: 'bad_data',
        position: expr.pos,
      });
    }
    if (!(stepMs > 0))
      throw new QueryError('zero or negative query resolution step widths are not accepted. Try a positive integer', {
        errorType: 'bad_data',
      });
    if (endMs < startMs) throw new QueryError('end timestamp must not be before start time', { errorType: 'bad_data' });
    return this.run(expr, startMs, endMs, stepMs, true, opts);
  }

  private run(expr: Expr, start: number, end: number, step: number, isRange: boolean, opts: RunOptions): EngineResult {
    const t0 = nowMs();
    const st: QueryState = {
      annotations: new Map(),
      totalSamples: 0,
      currentSamples: 0,
      peakSamples: 0,
      maxSamples: this.opts.maxSamples,
      deadline: Date.now() + this.opts.timeoutMs,
      signal: opts.signal,
      shouldAbort: opts.shouldAbort,
      lookbackMs: this.opts.lookbackDeltaMs,
      delayedNameRemoval: this.opts.delayedNameRemoval,
      defaultSubqueryStepMs: this.opts.defaultSubqueryStepMs,
      queryStart: start,
      queryEnd: end,
      queryStep: isRange ? step : 0,
      checkCounter: 0,
      observer: opts.observer,
      statsSelectors: statsSelectors(expr),
    };
    const grid = makeGrid(start, end, step);
    const ev = new Evaluator(this.store, st, isRange);
    const val = ev.eval(expr, grid);
    const value = isRange ? toMatrix(val, grid, st) : toInstant(val, start, st);
    return {
      value,
      annotations: [...st.annotations.values()],
      stats: { evalTotalTime: (nowMs() - t0) / 1000, totalQueryableSamples: st.totalSamples, peakSamples: st.peakSamples },
    };
  }
}

/** Delayed name removal: names go now; series that become equal must not collide. */
function cleanupNames(series: VSeries[], st: QueryState): VSeries[] {
  if (!st.delayedNameRemoval) return series;
  const out = series.map((s) => (s.dropName ? { ...s, metric: dropReserved(s.metric), dropName: false } : s));
  return mergeSameLabels(out);
}

/** A value at one instant as an instant query returns it (also the tracer's, ./trace.ts). */
export function toInstant(val: Val, t: number, st: QueryState): EngineValue {
  switch (val.kind) {
    case 'scalar':
      return { type: 'scalar', t, v: val.v[0] };
    case 'string':
      return { type: 'string', t, v: val.s };
    case 'matrix': {
      const series: EngineSeries[] = val.series.map((s) => ({ metric: s.metric, t: s.t, v: s.v, h: s.h && histogramArray(s.h, s.length) }));
      series.sort((a, b) => compareMetrics(a.metric, b.metric));
      return { type: 'matrix', series };
    }
    case 'vector': {
      const present = val.series.filter((s) => s.p[0]);
      const cleaned = st.delayedNameRemoval ? present.map((s) => (s.dropName ? { ...s, metric: dropReserved(s.metric) } : s)) : present;
      const seen = new Set<string>();
      for (const s of cleaned) {
        const k = metricKey(s.metric);
        if (seen.has(k)) throw execError('vector cannot contain metrics with the same labelset');
        seen.add(k);
      }
      return {
        type: 'vector',
        samples: cleaned.map((s) => (s.h?.[0] ? { metric: s.metric, t, v: s.v[0], h: s.h[0] } : { metric: s.metric, t, v: s.v[0] })),
      };
    }
  }
}

/**
 * The range query's result: each series' present steps as typed-array columns.
 * A series present at a single run of steps (most are) gets views of one
 * column of the grid's timestamps and of its own values (no copy); the
 * result is read only.
 */
function toMatrix(val: Val, grid: ReturnType<typeof makeGrid>, st: QueryState): EngineValue {
  let series: VSeries[];
  if (val.kind === 'scalar') {
    series = [{ metric: {}, dropName: false, v: val.v, p: new Uint8Array(grid.n).fill(1) }];
  } else if (val.kind === 'vector') series = cleanupNames(val.series, st);
  else throw execError(`invalid expression type for range query: ${val.kind}`);
  const out: EngineSeries[] = [];
  let gridTimes: Float64Array | undefined;
  for (const s of series) {
    const p = s.p;
    presentSteps(p, grid.n);
    const [n, first, last] = present;
    if (n === 0) continue;
    if (n === last - first + 1 && !s.h) {
      // One run of steps: views of the grid's timestamps and of the values.
      gridTimes ??= stepTimes(grid.start, grid.step, grid.n);
      out.push({ metric: s.metric, t: gridTimes.subarray(first, last + 1), v: s.v.subarray(first, last + 1) });
      continue;
    }
    const ts = new Float64Array(n);
    const vs = new Float64Array(n);
    const hs: (FloatHistogram | undefined)[] | undefined = s.h ? new Array(n) : undefined;
    let k = 0;
    for (let i = 0; i < grid.n; i++) {
      if (!p[i]) continue;
      ts[k] = grid.start + i * grid.step;
      vs[k] = s.v[i];
      if (hs) hs[k] = s.h![i];
      k++;
    }
    out.push(hs ? { metric: s.metric, t: ts, v: vs, h: hs } : { metric: s.metric, t: ts, v: vs });
  }
  out.sort((a, b) => compareMetrics(a.metric, b.metric));
  return { type: 'matrix', series: out };
}

/** presentSteps' answer: how many steps have a value, the first and the last (-1 when none). */
const present = new Int32Array(3);

/** Steps with a value in p[0, n). A loop over typed arrays only, whose optimised code outlives the query (rate-kernel.ts). */
function presentSteps(p: Uint8Array, n: number): void {
  let count = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!p[i]) continue;
    if (first < 0) first = i;
    last = i;
    count++;
  }
  present[0] = count;
  present[1] = first;
  present[2] = last;
}

function stepTimes(start: number, step: number, n: number): Float64Array {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = start + i * step;
  return t;
}

/** "PromQL warning: <text> (line:col)" as the HTTP API renders annotations. */
/**
 * Runs a query, turning a stack overflow into a user error. The query worker
 * has a stack for MAX_NESTING levels (promql/depth.ts); an engine on a thread
 * with the default stack (a library user's, or --in-process) holds a few
 * thousand, and a deeper query must say so rather than fail as a bug.
 */
function onThreadStack<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new QueryError(t('engine.tooDeep', { max: MAX_NESTING }), { errorType: 'bad_data', hint: t('engine.tooDeepHint') });
    }
    throw e;
  }
}

export function formatAnnotation(a: Annotation, query: string): string {
  const prefix = a.kind === 'warning' ? 'PromQL warning' : 'PromQL info';
  const offset = Math.min(a.pos?.start ?? 0, Buffer.byteLength(query, 'utf8'));
  const { line, col } = positionLineCol(query, offset);
  return `${prefix}: ${a.text} (${line}:${col})`;
}

/** The engine implements start timestamps (the store's per-sample ST column): ST-aware rate & co, start_timestamp(). */
export const SUPPORTS_START_TIMESTAMPS = true;

/** A monotonic clock in ms (performance.now() would load Node's perf_hooks modules into every CLI run). */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
