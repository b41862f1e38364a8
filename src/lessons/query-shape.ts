// What the judge reads from a query's text (never to decide right or wrong):
// its canonical form, to recognise a listed wrong answer however it is spaced,
// and its longest window, to tell a window's warm-up from a real difference.

import { t, type MessageKey } from '../util/messages/index.js';
import { childExprs, formatDuration, parse, printExpr, type Expr } from '../promql/index.js';

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

interface Shape {
  functions: Set<string>;
  /** Range and subquery windows, as written (`5m`). */
  windows: Set<string>;
}

function shapeOf(q: string): Shape | undefined {
  let e: Expr;
  try {
    e = parse(q);
  } catch {
    return undefined;
  }
  const shape: Shape = { functions: new Set(), windows: new Set() };
  const visit = (n: Expr): void => {
    if (n.type === 'Call') shape.functions.add(n.func);
    if (n.type === 'MatrixSelector' || n.type === 'SubqueryExpr') shape.windows.add(formatDuration(n.rangeMs));
    for (const c of childExprs(n)) visit(c);
  };
  visit(e);
  return shape;
}

/** Function swaps people make, and what to say when the learner's query has the first where the answer has the second. */
const SWAPS: [mistake: string, intended: string, say: MessageKey][] = [
  ['irate', 'rate', 'shape.irateForRate'],
  ['rate', 'irate', 'shape.rateForIrate'],
  ['delta', 'increase', 'shape.deltaForIncrease'],
  ['increase', 'rate', 'shape.increaseForRate'],
  ['rate', 'increase', 'shape.rateForIncrease'],
  ['avg_over_time', 'max_over_time', 'shape.avgForMax'],
];

/**
 * What the two queries' text suggests about a difference in values (a
 * function swapped, another window): said after the values differ, never
 * used to decide.
 */
export function shapeHints(expected: string, actual: string): string[] {
  const [e, a] = [shapeOf(expected), shapeOf(actual)];
  if (!e || !a) return [];
  const out: string[] = [];
  for (const [mistake, intended, say] of SWAPS) {
    if (a.functions.has(mistake) && !e.functions.has(mistake) && e.functions.has(intended) && !a.functions.has(intended)) out.push(t(say as 'shape.avgForMax'));
  }
  const onlyActual = [...a.windows].filter((w) => !e.windows.has(w));
  const onlyExpected = [...e.windows].filter((w) => !a.windows.has(w));
  if (onlyActual.length > 0 && onlyExpected.length > 0) {
    out.push(t(onlyActual.length > 1 ? 'shape.windows' : 'shape.window', { windows: onlyActual.join('], [') }));
  }
  return out;
}
