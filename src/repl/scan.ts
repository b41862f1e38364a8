// The REPL's view of PromQL tokens, from the real lexer's tolerant mode: it
// never throws, and unfinished strings, stray characters and half-typed words
// all become tokens, so the REPL can reason about input the parser would
// reject (yet).

import { AGGREGATIONS } from '../promql/aggregations.js';
import { keywordsWhere } from '../promql/keywords.js';
import { lexTolerant, type Token } from '../promql/lexer.js';

export type TokKind =
  | 'ident'
  | 'number' // numbers and durations: 5, 1.5e3, 0x1f, 5m, 1h30m
  | 'string'
  | 'op'
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ':'
  | '@'
  | 'other';

export interface Tok {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  /** A string whose closing quote has not been typed yet. */
  unterminated?: boolean;
}

/** The REPL's kind of each lexer token type (COMMENT and EOF are dropped). */
function kindOf(t: Token): TokKind | undefined {
  switch (t.type) {
    case 'IDENTIFIER':
    case 'METRIC_IDENTIFIER':
    case 'AGGR':
    case 'KEYWORD':
      return 'ident';
    case 'NUMBER':
      // inf and nan are words to the REPL.
      return /^[A-Za-z]/.test(t.val) ? 'ident' : 'number';
    case 'DURATION':
      return 'number';
    case 'STRING':
      return 'string';
    case 'OP':
      if (t.kw) return 'ident'; // and, or, unless, atan2
      return t.val === '@' ? '@' : 'op';
    case 'EQL':
    case 'EQL_REGEX':
    case 'NEQ_REGEX':
      return 'op';
    case 'LEFT_PAREN':
      return '(';
    case 'RIGHT_PAREN':
      return ')';
    case 'LEFT_BRACE':
      return '{';
    case 'RIGHT_BRACE':
      return '}';
    case 'LEFT_BRACKET':
      return '[';
    case 'RIGHT_BRACKET':
      return ']';
    case 'COMMA':
      return ',';
    case 'COLON':
      return ':';
    case 'ERROR':
      return 'other';
    default:
      return undefined;
  }
}

/** Tokens of `text` from the PromQL lexer's tolerant mode, skipping whitespace and `#` comments. */
export function scan(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const t of lexTolerant(text)) {
    const kind = kindOf(t);
    if (kind === undefined) continue;
    const tok: Tok = { kind, text: text.slice(t.start, t.end), start: t.start, end: t.end };
    if (t.unterminated) tok.unterminated = true;
    toks.push(tok);
  }
  return toks;
}

/** Word operators and modifiers that make an expression unfinished when they end it. */
const TRAILING_WORDS = keywordsWhere((k) => k.wantsMore);

const MATCHING_WORDS = keywordsWhere((k) => k.vectorMatching);

/** Whether the `(` at index i opens `on (...)`-like or `sum by (...)` labels, which an operand must follow. */
function wantsOperandAfter(toks: Tok[], i: number): boolean {
  const word = toks[i - 1];
  if (word?.kind !== 'ident') return false;
  if (MATCHING_WORDS.has(word.text)) return true;
  return (word.text === 'by' || word.text === 'without') && toks[i - 2]?.kind === 'ident' && AGGREGATIONS.has(toks[i - 2].text);
}

/**
 * Whether the input so far is unfinished and the REPL should read another
 * line: an open bracket, paren, brace or quote, or a trailing binary operator.
 */
export function needsMoreInput(text: string): boolean {
  const toks = scan(text);
  if (toks.length === 0) return false;
  const last = toks[toks.length - 1];
  if (last.unterminated) return true;
  // The words before each open bracket; `on (job)` and the like still want an operand.
  const openers: number[] = [];
  let closedGroup = false;
  toks.forEach((t, i) => {
    if (t.kind === '(' || t.kind === '{' || t.kind === '[') openers.push(i);
    else if (t.kind === ')' || t.kind === '}' || t.kind === ']') closedGroup = wantsOperandAfter(toks, openers.pop() ?? -1);
  });
  // More closers than openers is an error for the parser to report, not a reason to wait.
  if (openers.length > 0) return true;
  if (last.kind === ')' && closedGroup) return true;
  if (last.kind === 'op' || last.kind === '@') return true;
  return last.kind === 'ident' && TRAILING_WORDS.has(last.text) && toks.length > 1;
}
