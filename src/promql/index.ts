// The PromQL front end: parse, type, print, walk.
//
//   parse('sum by (job) (rate(http_requests_total[5m]))') -> Expr
//   printExpr(expr) -> canonical text, as Prometheus prints it
//   exprType(expr)  -> 'scalar' | 'vector' | 'matrix' | 'string'

import type { Expr } from './ast.js';
import { Parser, type ParseOptions } from './parser.js';
import { Checker } from './check.js';
import { lex } from './lexer.js';
import { tooDeepAt, tooDeepMessage } from './depth.js';
import { ParseError } from './errors.js';
import { t } from '../util/messages/index.js';

export type { ParseOptions } from './parser.js';
export { resolveOptions } from './parser.js';
export { ParseError } from './errors.js';
export { MAX_NESTING, DEEP_STACK_MB } from './depth.js';
export { exprType } from './check.js';
export { printExpr, formatTree, formatDuration, formatGoFloat } from './printer.js';
export { inspect, childExprs, cloneExpr } from './walk.js';
export { lex, type Token } from './lexer.js';
export * from './ast.js';

/** All experimental syntax on, as Prometheus's own test engine runs. */
export const ALL_FEATURES: Required<ParseOptions> = {
  experimentalFunctions: true,
  durationExpressions: true,
  extendedRangeSelectors: true,
  binopFillModifiers: true,
};

/**
 * Parses a PromQL expression and type-checks it, as Prometheus's ParseExpr.
 * Throws ParseError (a QueryError, errorType 'bad_data') with Prometheus's message.
 */
export function parse(query: string, opts?: ParseOptions): Expr {
  const deep = tooDeepAt(lex(query));
  if (deep) {
    throw new ParseError(query, { start: deep.start, end: deep.end }, tooDeepMessage(), t('engine.splitDeep'));
  }
  const p = new Parser(query, opts);
  const expr = p.parseTop();
  new Checker(query, (pos, detail) => p.fail(pos, detail)).check(expr);
  return expr;
}
