// A traced instant query: one evaluation that also records the value of every
// sub-expression, for `promlearn explain` (which otherwise runs every node as
// its own query and so recomputes everything below it at each level).
//
//   const t = traceInstantQuery(engine, 'sum(rate(x[5m]))', timeMs);
//   t.nodes  -> per node (type and byte range in the query): the result an
//               instant query of that sub-expression alone, at the same
//               time, returns, with the annotations it would raise
//
// Only nodes evaluated at the query's own instant are recorded: those inside
// a subquery run at other steps (and `@ start()`, `sort` and friends mean
// something else there), so they are left out and the caller queries them.
// A range-vector argument (`x[5m]`, `expr[1h:5m]`) is recorded as the matrix
// the same text returns as a query. A node evaluated twice at that instant,
// or whose value cannot be an instant query's result, is left out too.

import type { Expr } from '../promql/ast.js';
import { QueryError } from '../errors.js';
import type { Engine } from './index.js';
import { toInstant } from './index.js';
import type { Annotation, EngineResult, EngineValue } from './result.js';
import type { RangeSource } from './eval.js';
import { sliceWindow } from './selectors.js';
import type { EvalObserver, Grid, QueryState, RSeries, Val } from './types.js';

export interface TracedEngineNode {
  type: Expr['type'];
  /** Byte offsets of the sub-expression in the query text. */
  start: number;
  end: number;
  /** As `engine.instantQuery(<the sub-expression>, timeMs)` would give it (stats left at zero). */
  result: EngineResult;
}

export interface EngineTrace {
  nodes: TracedEngineNode[];
}

function unparen(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}

const nodeKey = (e: Expr): string => `${e.type}:${e.pos.start}:${e.pos.end}`;

/** The evaluator's observer that keeps what each node returned at the root instant. */
class Tracer implements EvalObserver {
  private rootGrid?: Grid;
  private readonly raised: Annotation[] = [];
  /** null: seen more than once or not convertible, so not reported. */
  readonly nodes = new Map<string, TracedEngineNode | null>();

  node(e: Expr, grid: Grid, st: QueryState, run: () => Val): Val {
    this.rootGrid ??= grid;
    const mark = this.raised.length;
    const val = run();
    if (grid === this.rootGrid && e.type !== 'ParenExpr') this.record(e, () => val, grid, st, mark);
    return val;
  }

  range(e: Expr, grid: Grid, st: QueryState, run: () => RangeSource): RangeSource {
    const mark = this.raised.length;
    const src = run();
    if (grid === this.rootGrid) this.record(unparen(e), () => ({ kind: 'matrix', series: windowsAt(src, grid.start) }), grid, st, mark);
    return src;
  }

  annotation(a: Annotation): void {
    this.raised.push(a);
  }

  private record(e: Expr, value: () => Val, grid: Grid, st: QueryState, mark: number): void {
    const key = nodeKey(e);
    if (this.nodes.has(key) || grid.n !== 1) {
      this.nodes.set(key, null);
      return;
    }
    let instant: EngineValue;
    try {
      instant = detach(toInstant(value(), grid.start, st));
    } catch {
      this.nodes.set(key, null);
      return;
    }
    // As the query's own annotation map would hold them: first raise decides the order, the last one the position.
    const own = new Map<string, Annotation>();
    for (const a of this.raised.slice(mark)) own.set(`${a.kind}\x00${a.text}`, a);
    const result: EngineResult = {
      value: instant,
      annotations: [...own.values()],
      stats: { evalTotalTime: 0, totalQueryableSamples: 0, peakSamples: 0 },
    };
    this.nodes.set(key, { type: e.type, start: e.pos.start, end: e.pos.end, result });
  }
}

/** The windows a range selector or subquery returns as a query at `t` (the evaluator's matrix result, without its accounting). */
function windowsAt(src: RangeSource, t: number): RSeries[] {
  const maxt = (src.atMs ?? t) - src.offsetMs;
  const out: RSeries[] = [];
  for (const s of src.series) {
    const w = sliceWindow(s, maxt - src.rangeMs, maxt);
    if (w.length > 0) out.push(w);
  }
  return out;
}

/** Copies label sets and columns, so the operators that consume a node's value cannot change what was recorded. */
function detach(v: EngineValue): EngineValue {
  switch (v.type) {
    case 'vector':
      return { type: 'vector', samples: v.samples.map((s) => ({ ...s, metric: { ...s.metric } })) };
    case 'matrix':
      return {
        type: 'matrix',
        // Histograms are never modified once made: the column is copied, not each histogram.
        series: v.series.map((s) => ({
          metric: { ...s.metric },
          t: Float64Array.from(s.t),
          v: Float64Array.from(s.v),
          ...(s.h ? { h: Array.from(s.h) } : {}),
        })),
      };
    default:
      return v;
  }
}

/**
 * Runs an instant query with the tracer on. Parse errors, cancellation and
 * timeouts are thrown as by `engine.instantQuery`; any other error ends the
 * evaluation with the nodes finished so far (the failing node and those above
 * it are missing, and the caller's own queries for them give the error).
 */
export function traceInstantQuery(
  engine: Engine,
  query: string | Expr,
  timeMs: number,
  opts: Parameters<Engine['instantQuery']>[2] = {},
): EngineTrace {
  const expr = typeof query === 'string' ? engine.parse(query) : query;
  const tracer = new Tracer();
  try {
    engine.instantQuery(expr, timeMs, { ...opts, observer: tracer });
  } catch (e) {
    if (e instanceof QueryError && (e.errorType === 'canceled' || e.errorType === 'timeout')) throw e;
  }
  return { nodes: [...tracer.nodes.values()].filter((n): n is TracedEngineNode => n !== null) };
}
