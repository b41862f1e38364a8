// Tree helpers over src/promql/ast.ts for the runner: the `@` re-runs of
// FORMAT.md §10.1 and the selectors a query reads (for the skip heuristic).

import type { Expr, VectorSelector } from '../../src/promql/ast.js';

/** Functions whose result depends on the evaluation time even with step-invariant arguments. */
const AT_UNSAFE = new Set([
  'time',
  'timestamp',
  'predict_linear',
  'start',
  'end',
  'range',
  'step',
  'minute',
  'hour',
  'month',
  'year',
  'day_of_month',
  'day_of_week',
  'day_of_year',
  'days_in_month',
]);

/** Direct child expressions of a node, in source order. */
export function children(e: Expr): Expr[] {
  switch (e.type) {
    case 'NumberLiteral':
    case 'StringLiteral':
      return [];
    case 'VectorSelector':
      return e.offsetExpr ? [e.offsetExpr] : [];
    case 'MatrixSelector':
      return [e.vector, ...(e.rangeExpr ? [e.rangeExpr] : [])];
    case 'SubqueryExpr':
      return [e.expr, ...[e.rangeExpr, e.stepExpr, e.offsetExpr].filter((x): x is Expr => x !== undefined)];
    case 'BinaryExpr':
      return [e.lhs, e.rhs];
    case 'UnaryExpr':
    case 'ParenExpr':
      return [e.expr];
    case 'Call':
      return e.args;
    case 'AggregateExpr':
      return e.param ? [e.param, e.expr] : [e.expr];
    case 'DurationExpr':
      return [e.lhs, e.rhs].filter((x): x is Expr => x !== undefined);
  }
}

/** Every vector selector in the tree (including those inside range selectors). */
export function selectors(e: Expr, out: VectorSelector[] = []): VectorSelector[] {
  if (e.type === 'VectorSelector') out.push(e);
  for (const c of children(e)) selectors(c, out);
  return out;
}

/** Whether `e` has an explicit time `@` (not `@ start()` / `@ end()`). */
function hasFixedAt(e: { at?: { kind: string } }): boolean {
  return e.at !== undefined && e.at.kind === 'time';
}

/**
 * A copy of `expr` with every selector and subquery pinned to `@ timeMs`, as
 * Go's runner does; undefined when the expression calls a time-dependent
 * function outside a pinned subquery (then the re-runs are skipped).
 */
export function pinToTime(expr: Expr, timeMs: number): Expr | undefined {
  const copy = structuredClone(expr);
  let unsafe = false;
  const at = { kind: 'time' as const, timestampMs: timeMs };
  const visit = (e: Expr): void => {
    switch (e.type) {
      case 'VectorSelector':
        if (!hasFixedAt(e)) e.at = { ...at };
        break;
      case 'MatrixSelector':
        if (!hasFixedAt(e.vector)) e.vector.at = { ...at };
        break;
      case 'SubqueryExpr':
        // Nothing inside a subquery with (or given) an @ is changed or inspected.
        if (!hasFixedAt(e)) e.at = { ...at };
        return;
      case 'Call':
        if (AT_UNSAFE.has(e.func)) unsafe = true;
        break;
      default:
        break;
    }
    for (const c of children(e)) visit(c);
  };
  visit(copy);
  return unsafe ? undefined : copy;
}

/** The extra evaluation times of §10.1 step 3. Integer division truncates toward zero. */
export function atRerunTimes(t: number): number[] {
  if (t === 0) return [-1000, 0, 1000];
  return [-10 * t, 0, Math.trunc(t / 5), t, 10 * t];
}
