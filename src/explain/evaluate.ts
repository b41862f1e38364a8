// Evaluating every node of a query through the Backend interface.
//
// Each sub-expression is printed with the canonical printer and sent to the
// backend as an instant query, so the same code explains the embedded engine
// and a remote Prometheus. What a node means depends on where it sits:
//   - `@` and `offset` live on selectors and subqueries, so printing the node
//     keeps them;
//   - a range-vector argument (`x[5m]`, `expr[1h:1m]`) is itself a valid
//     instant query whose result is a matrix;
//   - inside a subquery the inner expression runs at every subquery step; we
//     evaluate it at the last step (the one nearest the evaluation time) and
//     say so;
//   - literals are not sent anywhere: their value is known.
// Identical sub-expressions at the same time are evaluated once (a / a, the
// selector diagnosis's candidate query when it equals the node itself).

import type { Backend } from '../backends/backend.js';
import { formatSampleValue, type QueryResult } from '../model/result.js';
import type { Expr, SubqueryExpr } from '../promql/ast.js';
import { printExpr } from '../promql/index.js';
import { arith } from '../engine/binop.js';
import type { NodeEvaluation, NodeOutcome } from './model.js';
import { zonedIso } from '../util/time.js';
import { t as msg } from '../util/messages/index.js';

/** A parsed node with where and how it is evaluated. */
export interface PlannedNode {
  id: number;
  expr: Expr;
  role?: string;
  evaluation: NodeEvaluation;
  children: PlannedNode[];
  parent?: PlannedNode;
}

/** The subquery step when none is written: Prometheus's default global evaluation interval. */
export const DEFAULT_SUBQUERY_STEP_MS = 60_000;

function unparen(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}

/** The child expressions shown in the tree, with their role (duration expressions are part of their node). */
function childrenOf(e: Expr): Array<[role: string | undefined, child: Expr]> {
  switch (e.type) {
    case 'ParenExpr':
    case 'UnaryExpr':
    case 'SubqueryExpr':
      return [[undefined, e.expr]];
    case 'Call':
      return e.args.map((a) => [undefined, a]);
    case 'AggregateExpr':
      return e.param
        ? [
            ['parameter', e.param],
            [undefined, e.expr],
          ]
        : [[undefined, e.expr]];
    case 'BinaryExpr':
      return [
        ['left', e.lhs],
        ['right', e.rhs],
      ];
    default:
      return [];
  }
}

/** The tree of nodes to evaluate (parentheses elided), each with its query and time. */
export function planNodes(root: Expr, time: number): PlannedNode {
  let next = 0;
  const visit = (e: Expr, t: number, note: string | undefined, role: string | undefined, parent?: PlannedNode): PlannedNode => {
    const expr = unparen(e);
    const literal = expr.type === 'NumberLiteral' || expr.type === 'StringLiteral';
    const node: PlannedNode = {
      id: next++,
      expr,
      role,
      evaluation: { query: printExpr(expr), time: t, ...(note ? { note } : {}), ...(literal ? { literal } : {}) },
      children: [],
      parent,
    };
    let childTime = t;
    let childNote = note;
    if (expr.type === 'SubqueryExpr') {
      const inner = subqueryInnerTime(expr, t);
      childTime = inner.time;
      childNote = inner.note;
    }
    node.children = childrenOf(expr).map(([role, c]) => visit(c, childTime, childNote, role, node));
    return node;
  };
  return visit(root, time, undefined, undefined);
}

/**
 * A duration expression's value in ms, as the engine computes it for an
 * instant query (where step() and range() are 0): `[2m*2]`, `offset (1m+30s)`.
 */
export function durationExprMs(e: Expr): number {
  const sec = (x: Expr): number => {
    switch (x.type) {
      case 'NumberLiteral':
        return x.value;
      case 'ParenExpr':
        return sec(x.expr);
      case 'UnaryExpr':
        return x.op === '-' ? -sec(x.expr) : sec(x.expr);
      case 'DurationExpr': {
        if (x.op === 'step' || x.op === 'range') return 0;
        const l = x.lhs ? sec(x.lhs) : 0;
        const r = x.rhs ? sec(x.rhs) : 0;
        if (!x.lhs && x.op === '-') return -r;
        if (x.op === 'min') return Math.min(l, r);
        if (x.op === 'max') return Math.max(l, r);
        return arith(x.op, l, r);
      }
      case 'BinaryExpr':
        return arith(x.op, sec(x.lhs), sec(x.rhs));
      default:
        return NaN;
    }
  };
  return Math.round(sec(e) * 1000);
}

/** Range, step and offset in ms of a range selector or subquery, duration expressions evaluated. */
export function rangeParts(e: {
  rangeMs: number;
  rangeExpr?: Expr;
  offsetMs: number;
  offsetExpr?: Expr;
  stepMs?: number;
  stepExpr?: Expr;
}): { rangeMs: number; offsetMs: number; stepMs: number } {
  return {
    rangeMs: e.rangeExpr ? durationExprMs(e.rangeExpr) : e.rangeMs,
    offsetMs: e.offsetExpr ? durationExprMs(e.offsetExpr) : e.offsetMs,
    stepMs: e.stepExpr ? durationExprMs(e.stepExpr) : (e.stepMs ?? 0),
  };
}

/** Where a subquery's inner expression is shown: its last step, as Prometheus aligns subquery steps. */
export function subqueryInnerTime(sq: SubqueryExpr, t: number): { time: number; note: string; steps: number } {
  const parts = rangeParts(sq);
  const stepMs = parts.stepMs > 0 ? parts.stepMs : DEFAULT_SUBQUERY_STEP_MS;
  const atMs = sq.at?.kind === 'time' ? sq.at.timestampMs : Math.round(t * 1000);
  const endMs = atMs - parts.offsetMs;
  const fromMs = endMs - parts.rangeMs;
  // Go: start = interval * ((ts - offset - range) / interval), then the first step strictly after it.
  let startMs = stepMs * Math.trunc(fromMs / stepMs);
  if (startMs <= fromMs) startMs += stepMs;
  const steps = startMs > endMs ? 0 : Math.floor((endMs - startMs) / stepMs) + 1;
  const lastMs = startMs + (steps - 1) * stepMs;
  const hhmmss = (ms: number) => zonedIso(ms / 1000).slice(11, 19);
  const stepText = parts.stepMs > 0 ? '' : msg('explain.subqueryDefaultStep');
  return {
    time: (steps > 0 ? lastMs : endMs) / 1000,
    steps,
    note: msg('explain.subqueryNote', { steps, stepText, from: hhmmss(startMs), to: hhmmss(lastMs) }),
  };
}

/** Runs queries through the backend, once per (query, time). */
export class QueryCache {
  private readonly memo = new Map<string, Promise<QueryResult>>();
  runs = 0;

  constructor(
    private readonly backend: Backend,
    private readonly signal?: AbortSignal,
    private readonly timeoutMs?: number,
  ) {}

  /** Gives a query's result known from elsewhere (a traced evaluation): it is not sent to the backend. */
  seed(query: string, time: number, result: QueryResult): void {
    this.memo.set(`${time}\u0000${query}`, Promise.resolve(result));
  }

  run(query: string, time: number): Promise<QueryResult> {
    const key = `${time}\u0000${query}`;
    let p = this.memo.get(key);
    if (!p) {
      this.runs++;
      p = this.backend.instantQuery(query, time, { signal: this.signal, timeoutMs: this.timeoutMs });
      this.memo.set(key, p);
    }
    return p;
  }
}

/** Evaluates every non-literal node (concurrently; the cache removes duplicates). */
export async function evaluateNodes(root: PlannedNode, cache: QueryCache): Promise<Map<number, NodeOutcome>> {
  const all: PlannedNode[] = [];
  const collect = (n: PlannedNode) => {
    all.push(n);
    n.children.forEach(collect);
  };
  collect(root);
  const outcomes = new Map<number, NodeOutcome>();
  await Promise.all(
    all.map(async (n) => {
      if (n.evaluation.literal) {
        outcomes.set(n.id, { result: literalResult(n.expr, n.evaluation.time) });
        return;
      }
      try {
        outcomes.set(n.id, { result: await cache.run(n.evaluation.query, n.evaluation.time) });
      } catch (error) {
        outcomes.set(n.id, { error });
      }
    }),
  );
  return outcomes;
}

function literalResult(e: Expr, time: number): QueryResult {
  if (e.type === 'StringLiteral') return { data: { resultType: 'string', result: [time, e.value] } };
  return { data: { resultType: 'scalar', result: [time, formatSampleValue(e.type === 'NumberLiteral' ? e.value : NaN)] } };
}
