// What the judge reads from a query's text (never to decide right or wrong):
// its canonical form, to recognise a listed wrong answer however it is spaced,
// and its longest window, to tell a window's warm-up from a real difference.

import { parse, printExpr, type Expr } from '../promql/index.js';

/** The query as `promlearn fmt` prints it; whitespace-free text when it does not parse. */
export function canonicalQuery(q: string): string {
  try {
    return printExpr(parse(q));
  } catch {
    return q.replace(/\s+/g, '');
  }
}

/** Seconds of data the query looks back at its deepest: ranges, subquery ranges and offsets added along a path; 0 if it does not parse. */
export function longestWindowSeconds(q: string): number {
  try {
    return lookbackMs(parse(q)) / 1000;
  } catch {
    return 0;
  }
}

function lookbackMs(e: Expr): number {
  switch (e.type) {
    case 'MatrixSelector':
      return e.rangeMs + Math.max(0, e.vector.offsetMs);
    case 'VectorSelector':
      return Math.max(0, e.offsetMs);
    case 'SubqueryExpr':
      return e.rangeMs + Math.max(0, e.offsetMs) + lookbackMs(e.expr);
    case 'ParenExpr':
    case 'UnaryExpr':
      return lookbackMs(e.expr);
    case 'BinaryExpr':
      return Math.max(lookbackMs(e.lhs), lookbackMs(e.rhs));
    case 'Call':
      return Math.max(0, ...e.args.map(lookbackMs));
    case 'AggregateExpr':
      return Math.max(lookbackMs(e.expr), e.param ? lookbackMs(e.param) : 0);
    default:
      return 0;
  }
}
