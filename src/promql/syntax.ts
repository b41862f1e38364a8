// Parser options and the small pieces of syntax the parser shares: token
// descriptions for messages, label-name validity, match operators.

import type { DurationExpr, MatchOp, NumberLiteral } from './ast.js';
import type { Token } from './lexer.js';

export interface ParseOptions {
  /** Prometheus's `promql-experimental-functions` (also limitk / limit_ratio). Default off. */
  experimentalFunctions?: boolean;
  /** Duration arithmetic in ranges and offsets (`[2m*15]`, `offset (1m+1s)`). Default on, as Prometheus 3. */
  durationExpressions?: boolean;
  /** `anchored` / `smoothed` (`promql-extended-range-selectors`). Default off. */
  extendedRangeSelectors?: boolean;
  /** `fill(...)`, `fill_left(...)`, `fill_right(...)` (`promql-binop-fill-modifiers`). Default off. */
  binopFillModifiers?: boolean;
}

export type ResolvedOptions = Required<ParseOptions>;

export function resolveOptions(o: ParseOptions = {}): ResolvedOptions {
  return {
    experimentalFunctions: o.experimentalFunctions ?? false,
    durationExpressions: o.durationExpressions ?? true,
    extendedRangeSelectors: o.extendedRangeSelectors ?? false,
    binopFillModifiers: o.binopFillModifiers ?? false,
  };
}

/** Go's Item.desc(), as `unexpected ...` messages describe a token. */
export function describe(t: Token): string {
  switch (t.type) {
    case 'EOF':
      return 'end of input';
    case 'IDENTIFIER':
      return `identifier ${JSON.stringify(t.val)}`;
    case 'METRIC_IDENTIFIER':
      return `metric identifier ${JSON.stringify(t.val)}`;
    case 'NUMBER':
      return `number ${goQuoteShort(t.val)}`;
    case 'DURATION':
      return `duration ${goQuoteShort(t.val)}`;
    case 'STRING':
      return `string ${goQuoteShort(t.val)}`;
    case 'AGGR':
      return `<aggr:${t.val}>`;
    case 'KEYWORD':
      return `<${t.val}>`;
    case 'OP':
      return `<op:${t.val}>`;
    case 'EQL':
    case 'EQL_REGEX':
    case 'NEQ_REGEX':
      // Go lists them as operators: `<op:=~>`; `=` is punctuation.
      return t.type === 'EQL' ? '"="' : `<op:${t.val}>`;
    case 'COMMENT':
      return `comment ${goQuoteShort(t.val)}`;
    default:
      return JSON.stringify(t.val);
  }
}

/** Go's `%.10q...` for long token texts, `%q` otherwise. */
function goQuoteShort(s: string): string {
  if ([...s].length > 10) return JSON.stringify([...s].slice(0, 10).join('')) + '...';
  return JSON.stringify(s);
}

export function matchOp(t: Token): MatchOp | undefined {
  if (t.type === 'EQL') return '=';
  if (t.type === 'EQL_REGEX') return '=~';
  if (t.type === 'NEQ_REGEX') return '!~';
  if (t.type === 'OP' && t.val === '!=') return '!=';
  return undefined;
}

export function rangeMsOf(e: NumberLiteral | DurationExpr): number {
  return e.type === 'NumberLiteral' ? Math.round(e.value * 1000) : 0;
}

/**
 * Prometheus 3 accepts any non-empty valid UTF-8 label name. Invalid bytes
 * reach a JS string as U+FFFD (unquoted "\xff") or as lone surrogates.
 */
export function isValidLabelName(s: string): boolean {
  return s.length > 0 && !s.includes('\uFFFD') && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
}
