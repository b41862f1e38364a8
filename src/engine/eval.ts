// The evaluator: walks the AST and evaluates every node over a grid of steps,
// as Prometheus's evaluator does (one step for instant queries).

import type { Expr, MatrixSelector, SubqueryExpr, VectorSelector } from '../promql/ast.js';
import type { MemoryStore } from '../storage/store.js';
import type { Grid, QueryState, RSeries, Val, VSeries } from './types.js';
import { makeGrid, newVSeries, setHist } from './types.js';
import { checkAbort, execError, holdSamples, settleSamples } from './state.js';
import { compactSeries, evalVectorSelector, rangeSeries, resolveAt, selectIds, sliceWindow, type SelectorPick } from './selectors.js';
import { dropReserved } from './labels.js';
import { mergeSameLabels } from './same-labels.js';
import { unparen } from './vecfns.js';
import { arith, evalBinary } from './binop.js';
import { evalCall } from './calls.js';
import { evalAggregate } from './aggregate.js';
import { smoothedSelector } from './smoothed.js';

/** Operators a duration expression (`[2m*15]`, `offset (1m+30s)`) may use. */
const DURATION_ARITH: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '^']);

/** Points of a range vector argument, with what is needed to compute each step's window. */
export interface RangeSource {
  series: RSeries[];
  rangeMs: number;
  offsetMs: number;
  atMs?: number;
  anchored: boolean;
  smoothed: boolean;
}

export class Evaluator {
  constructor(
    readonly store: MemoryStore,
    readonly st: QueryState,
    /** Whether the top-level query is a range query (for the sort warning). */
    readonly isRange: boolean,
  ) {}

  /**
   * Evaluates a node and accounts for its memory: while it runs, what its
   * children return and what it builds count against the sample limit; once it
   * is done, only its result does.
   */
  eval(e: Expr, grid: Grid): Val {
    const st = this.st;
    const parent = st.node;
    const before = st.currentSamples;
    st.node = e;
    const observer = st.observer;
    const val = observer ? observer.node(e, grid, st, () => this.evalNode(e, grid)) : this.evalNode(e, grid);
    settleSamples(st, before, val);
    st.node = parent;
    return val;
  }

  private evalNode(e: Expr, grid: Grid): Val {
    checkAbort(this.st, true);
    switch (e.type) {
      case 'NumberLiteral':
        return { kind: 'scalar', v: new Float64Array(grid.n).fill(e.value) };
      case 'StringLiteral':
        return { kind: 'string', s: e.value };
      case 'ParenExpr':
        return this.eval(e.expr, grid);
      case 'UnaryExpr':
        return this.evalUnary(e.op, e.expr, grid);
      case 'VectorSelector':
        return { kind: 'vector', series: this.vectorSelector(e, grid) };
      case 'MatrixSelector':
        return { kind: 'matrix', series: this.matrixResult(e, grid) };
      case 'SubqueryExpr':
        return { kind: 'matrix', series: this.subqueryResult(e, grid) };
      case 'BinaryExpr':
        return evalBinary(this, e, grid);
      case 'Call':
        return evalCall(this, e, grid);
      case 'AggregateExpr':
        return evalAggregate(this, e, grid);
      case 'DurationExpr':
        return { kind: 'scalar', v: new Float64Array(grid.n).fill(this.durationMs(e) / 1000) };
    }
  }

  evalVector(e: Expr, grid: Grid): VSeries[] {
    const v = this.eval(e, grid);
    if (v.kind !== 'vector') throw execError(`expected instant vector, got ${v.kind}`);
    return v.series;
  }

  evalScalar(e: Expr, grid: Grid): Float64Array {
    const v = this.eval(e, grid);
    if (v.kind !== 'scalar') throw execError(`expected scalar, got ${v.kind}`);
    return v.v;
  }

  private evalUnary(op: '-' | '+', inner: Expr, grid: Grid): Val {
    const v = this.eval(inner, grid);
    if (op === '+') return v;
    if (v.kind === 'scalar') return { kind: 'scalar', v: v.v.map((x) => -x) };
    if (v.kind !== 'vector') throw execError('unary minus on a non-numeric value');
    const out = v.series.map((s) => {
      const o = newVSeries(this.st.delayedNameRemoval ? s.metric : dropReserved(s.metric), grid.n, true);
      for (let i = 0; i < grid.n; i++) {
        o.p[i] = s.p[i];
        o.v[i] = -s.v[i];
        const h = s.h?.[i];
        if (h) setHist(o, i, h.copy().mul(-1));
      }
      return o;
    });
    return { kind: 'vector', series: this.st.delayedNameRemoval ? out : mergeSameLabels(out) };
  }

  offsetOf(e: { offsetMs: number; offsetExpr?: Expr }): number {
    return e.offsetExpr ? this.durationMs(e.offsetExpr) : e.offsetMs;
  }

  vectorSelector(e: VectorSelector, grid: Grid, pick: SelectorPick = 'value'): VSeries[] {
    const ids = selectIds(this.store, e.matchers, this.st);
    if (e.smoothed && pick === 'value') return smoothedSelector(this, e, ids, grid);
    const stats = this.st.statsSelectors?.has(e) ?? false;
    return evalVectorSelector(this.store, ids, this.offsetOf(e), resolveAt(e.at, this.st), grid, this.st, pick, stats);
  }

  /**
   * A range vector consumed by a function. Prometheus does not count a
   * subquery's own samples then (it counts the windows the function reads).
   */
  rangeArgument(e: Expr, grid: Grid): RangeSource {
    const saved = this.st.totalSamples;
    const observer = this.st.observer;
    const src = observer ? observer.range(e, grid, this.st, () => this.rangeSource(e, grid)) : this.rangeSource(e, grid);
    if (unparen(e).type === 'SubqueryExpr') this.st.totalSamples = saved;
    return src;
  }

  /** A range vector: a range selector or a subquery, evaluated for the steps of `grid`. */
  private rangeSource(e: Expr, grid: Grid): RangeSource {
    while (e.type === 'ParenExpr') e = e.expr;
    if (e.type === 'MatrixSelector') {
      const vs = e.vector;
      return {
        series: rangeSeries(this.store, selectIds(this.store, vs.matchers, this.st), this.st.statsSelectors?.has(vs) ?? false),
        rangeMs: e.rangeExpr ? this.durationMs(e.rangeExpr) : e.rangeMs,
        offsetMs: this.offsetOf(vs),
        atMs: resolveAt(vs.at, this.st),
        anchored: !!e.anchored,
        smoothed: !!e.smoothed,
      };
    }
    if (e.type === 'SubqueryExpr') {
      const { series, rangeMs, offsetMs, atMs } = this.evalSubquery(e, grid);
      return { series, rangeMs, offsetMs, atMs, anchored: false, smoothed: false };
    }
    throw execError(`expected range vector, got ${e.type}`);
  }

  private evalSubquery(e: SubqueryExpr, grid: Grid): { series: RSeries[]; rangeMs: number; offsetMs: number; atMs?: number } {
    const rangeMs = e.rangeExpr ? this.durationMs(e.rangeExpr) : e.rangeMs;
    const offsetMs = this.offsetOf(e);
    let stepMs = e.stepExpr ? this.durationMs(e.stepExpr) : e.stepMs;
    if (!stepMs) stepMs = this.st.defaultSubqueryStepMs;
    if (stepMs <= 0) throw execError('zero or negative subquery step');
    const atMs = resolveAt(e.at, this.st);
    const outerStart = atMs ?? grid.start;
    const outerEnd = atMs ?? grid.end;
    const from = outerStart - offsetMs - rangeMs;
    // First step-aligned timestamp after `from` (Go's truncating division).
    let start = stepMs * Math.trunc(from / stepMs);
    if (start <= from) start += stepMs;
    const inner = makeGrid(start, outerEnd - offsetMs, stepMs);
    const v = inner.n > 0 ? this.eval(e.expr, inner) : ({ kind: 'vector', series: [] } as Val);
    let dense: VSeries[];
    if (v.kind === 'scalar') {
      const s = newVSeries({}, inner.n);
      s.v.set(v.v);
      s.p.fill(1);
      dense = [s];
    } else if (v.kind === 'vector') dense = v.series;
    else throw execError('subquery is only allowed on instant vector or scalar');
    const series = dense.map((s) => compactSeries(s, inner));
    return { series, rangeMs, offsetMs, atMs };
  }

  private matrixResult(e: MatrixSelector, grid: Grid): RSeries[] {
    if (grid.n !== 1) throw execError('cannot do range evaluation of matrix selector');
    const src = this.rangeSource(e, grid);
    return this.windowsAt(src, grid.start);
  }

  private subqueryResult(e: SubqueryExpr, grid: Grid): RSeries[] {
    const src = this.rangeSource(e, grid);
    return this.windowsAt(src, grid.start);
  }

  private windowsAt(src: RangeSource, t: number): RSeries[] {
    const maxt = (src.atMs ?? t) - src.offsetMs;
    const out: RSeries[] = [];
    for (const s of src.series) {
      checkAbort(this.st);
      const w = sliceWindow(s, maxt - src.rangeMs, maxt);
      if (w.length === 0) continue;
      this.st.totalSamples += w.length;
      holdSamples(this.st, w.length);
      out.push(w);
    }
    return out;
  }

  /** Duration expressions (`[2m*15]`, `offset (1m+2s)`), in ms. Numbers are seconds. */
  durationMs(e: Expr): number {
    return Math.round(this.durationSec(e) * 1000);
  }

  private durationSec(e: Expr): number {
    switch (e.type) {
      case 'NumberLiteral':
        return e.value;
      case 'ParenExpr':
        return this.durationSec(e.expr);
      case 'UnaryExpr':
        return e.op === '-' ? -this.durationSec(e.expr) : this.durationSec(e.expr);
      case 'DurationExpr': {
        if (e.op === 'step') return this.st.queryStep / 1000;
        if (e.op === 'range') return (this.st.queryEnd - this.st.queryStart) / 1000;
        const l = e.lhs ? this.durationSec(e.lhs) : 0;
        const r = e.rhs ? this.durationSec(e.rhs) : 0;
        if (!e.lhs && e.op === '-') return -r;
        if (e.op === 'min') return Math.min(l, r);
        if (e.op === 'max') return Math.max(l, r);
        if (r === 0 && e.op === '/') throw execError('division by zero');
        if (r === 0 && e.op === '%') throw execError('modulo by zero');
        return arith(e.op, l, r);
      }
      case 'BinaryExpr': {
        const l = this.durationSec(e.lhs);
        const r = this.durationSec(e.rhs);
        if (!DURATION_ARITH.has(e.op)) throw execError(`operator ${e.op} not allowed in duration expressions`);
        return arith(e.op, l, r);
      }
      case 'Call':
        if (e.func === 'step') return this.st.queryStep / 1000;
        if (e.func === 'range') return (this.st.queryEnd - this.st.queryStart) / 1000;
        break;
    }
    throw execError('unsupported duration expression');
  }
}
