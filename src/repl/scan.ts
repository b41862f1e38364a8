// A tiny, tolerant PromQL scanner for the REPL. It never throws: unfinished
// strings, stray characters and half-typed words all become tokens, so the
// REPL can reason about input the real parser would reject (yet).

import { AGGREGATIONS } from '../promql/aggregations.js';

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

const IDENT_START = /[A-Za-z_:]/;
const IDENT_PART = /[A-Za-z0-9_:]/;
const NUMBER_PART = /[A-Za-z0-9_.]/;
const TWO_CHAR_OPS = new Set(['==', '!=', '>=', '<=', '=~', '!~']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '%', '^', '=', '<', '>', '!']);
const PUNCT = new Set(['(', ')', '{', '}', '[', ']', ',', ':', '@']);

/** Tokens of `text`, skipping whitespace and `#` comments. */
export function scan(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let inBrackets = 0; // inside `[...]` a colon separates range and step
  while (i < text.length) {
    const c = text[i];
    if (c === ':' && inBrackets > 0) {
      toks.push({ kind: ':', text: c, start: i, end: i + 1 });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'" || c === '`') {
      i = scanString(text, i, toks);
    } else if (IDENT_START.test(c)) {
      const s = i;
      while (i < text.length && IDENT_PART.test(text[i])) i++;
      toks.push({ kind: 'ident', text: text.slice(s, i), start: s, end: i });
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const s = i;
      while (i < text.length && (NUMBER_PART.test(text[i]) || ((text[i] === '+' || text[i] === '-') && /[eE]/.test(text[i - 1]) && !/^0x/i.test(text.slice(s))))) i++;
      toks.push({ kind: 'number', text: text.slice(s, i), start: s, end: i });
    } else if (TWO_CHAR_OPS.has(text.slice(i, i + 2))) {
      toks.push({ kind: 'op', text: text.slice(i, i + 2), start: i, end: i + 2 });
      i += 2;
    } else if (ONE_CHAR_OPS.has(c)) {
      toks.push({ kind: 'op', text: c, start: i, end: i + 1 });
      i++;
    } else if (PUNCT.has(c)) {
      if (c === '[') inBrackets++;
      if (c === ']') inBrackets = Math.max(0, inBrackets - 1);
      toks.push({ kind: c as TokKind, text: c, start: i, end: i + 1 });
      i++;
    } else {
      toks.push({ kind: 'other', text: c, start: i, end: i + 1 });
      i++;
    }
  }
  return toks;
}

function scanString(text: string, start: number, toks: Tok[]): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && quote !== '`') {
      i += 2;
      continue;
    }
    if (c === quote) {
      toks.push({ kind: 'string', text: text.slice(start, i + 1), start, end: i + 1 });
      return i + 1;
    }
    i++;
  }
  toks.push({ kind: 'string', text: text.slice(start), start, end: text.length, unterminated: true });
  return text.length;
}


/** Word operators and modifiers that make an expression unfinished when they end it. */
const TRAILING_WORDS = new Set([
  'and', 'or', 'unless', 'atan2', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset',
]);

const MATCHING_WORDS = new Set(['on', 'ignoring', 'group_left', 'group_right']);

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
