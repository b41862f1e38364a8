// Visiting the nodes of a tree: the engine finds calls, the conformance runner
// injects `@`, the REPL inspects selectors.

import type { Expr } from './ast.js';

/** All direct child expressions, including duration expressions of ranges, steps and offsets. */
export function childExprs(e: Expr): Expr[] {
  switch (e.type) {
    case 'ParenExpr':
    case 'UnaryExpr':
      return [e.expr];
    case 'BinaryExpr':
      return [e.lhs, e.rhs];
    case 'Call':
      return e.args;
    case 'AggregateExpr':
      return e.param ? [e.param, e.expr] : [e.expr];
    case 'SubqueryExpr':
      return [e.expr, ...[e.rangeExpr, e.stepExpr, e.offsetExpr].filter((x): x is Expr => x !== undefined)];
    case 'MatrixSelector':
      return [e.vector, ...(e.rangeExpr ? [e.rangeExpr] : [])];
    case 'VectorSelector':
      return e.offsetExpr ? [e.offsetExpr] : [];
    case 'DurationExpr':
      return [e.lhs, e.rhs].filter((x): x is Expr => x !== undefined);
    default:
      return [];
  }
}

/**
 * Depth-first, parents before children. `visit` gets the node and its
 * ancestors (nearest last); returning false skips the node's children.
 */
export function inspect(e: Expr, visit: (node: Expr, path: readonly Expr[]) => boolean | void): void {
  const path: Expr[] = [];
  const go = (n: Expr) => {
    if (visit(n, path) === false) return;
    path.push(n);
    for (const c of childExprs(n)) go(c);
    path.pop();
  };
  go(e);
}

/** A deep copy of a tree (modifiers such as `@` can then be injected without touching the original). */
export function cloneExpr<T extends Expr>(e: T): T {
  return structuredClone(e);
}
