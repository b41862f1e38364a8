// Completion context: what kind of word belongs at the cursor, judged from the
// text before it alone. Pure and tolerant of unfinished input (it reads the
// lexer's tolerant mode through ./scan.ts, never the parser), so it is
// table-testable.

import { FUNCTIONS } from '../promql/functions.js';
import { AGGREGATIONS } from '../promql/aggregations.js';
import { keywordsWhere } from '../promql/keywords.js';
import { scan, type Tok } from './scan.js';

export type CompletionContext =
  /** Start of an expression: functions, aggregations, metric names (plus `keywords`). */
  | { kind: 'expr'; prefix: string; keywords: string[] }
  /** After a complete operand: binary operators and modifiers. */
  | { kind: 'operator'; prefix: string; keywords: string[] }
  /** Inside `{...}` or a `by (...)`-style clause. `selector` narrows the lookup (e.g. `up{job="a"}`). */
  | { kind: 'labelName'; prefix: string; selector?: string; exclude: string[] }
  /** After `label=` / `label=~`: quoted values; `prefix` includes the opening quote if typed. */
  | { kind: 'labelValue'; prefix: string; label: string; selector?: string; quote: string }
  | { kind: 'duration'; prefix: string }
  | { kind: 'none'; prefix: string };

const GROUP_WORDS = keywordsWhere((k) => k.labelList);
const WORD_OPS = keywordsWhere((k) => k.token === 'OP');
const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);
const MATCH_OPS = new Set(['=', '!=', '=~', '!~']);
const NOT_METRIC = new Set([...GROUP_WORDS, ...WORD_OPS, 'bool', 'offset', 'inf', 'nan', 'start', 'end']);

interface Frame {
  open: '(' | '{' | '[';
  /** For `(`: what opened it. */
  role?: 'group' | 'call' | 'paren';
  /** The word before `(`: the function, aggregation or grouping keyword. */
  word?: string;
  /** For `{`: the metric before it and the complete matchers typed so far. */
  metric?: string;
  matchers: string[];
  /** Label names already used in this `{}` or `by (...)`. */
  names: string[];
}

/** Whether an identifier token at index i (outside braces) names a metric. */
function isMetricAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.kind !== 'ident' || NOT_METRIC.has(t.text.toLowerCase())) return false;
  const next = toks[i + 1];
  if (next?.kind === '(') return false;
  // `sum by (x) (...)`: the aggregation's name, not a metric.
  return !AGGREGATIONS.has(t.text);
}

function selectorOf(f: Frame): string | undefined {
  if (f.matchers.length === 0) return f.metric;
  return `${f.metric ?? ''}{${f.matchers.join(',')}}`;
}

interface Walk {
  stack: Frame[];
  lastMetric?: string;
  /** The frame closed by the last `)` seen, if the last token was `)`. */
  closed?: Frame;
}

function walk(toks: Tok[]): Walk {
  const w: Walk = { stack: [] };
  toks.forEach((t, i) => {
    const top = w.stack[w.stack.length - 1];
    const prev = toks[i - 1];
    w.closed = undefined;
    if (t.kind === '(') {
      const word = prev?.kind === 'ident' ? prev.text : undefined;
      const role = word && GROUP_WORDS.has(word) ? 'group' : word ? 'call' : 'paren';
      w.stack.push({ open: '(', role, word, matchers: [], names: [] });
    } else if (t.kind === '{') {
      const metric = prev?.kind === 'ident' && !NOT_METRIC.has(prev.text) ? prev.text : undefined;
      w.stack.push({ open: '{', metric, matchers: [], names: [] });
    } else if (t.kind === '[') {
      w.stack.push({ open: '[', matchers: [], names: [] });
    } else if (t.kind === ')' || t.kind === '}' || t.kind === ']') {
      const f = w.stack.pop();
      if (t.kind === ')') w.closed = f;
      if (f?.open === '{' && f.metric) w.lastMetric = f.metric;
    } else if (top?.open === '{') {
      noteMatcher(toks, i, top);
    } else if (top?.role === 'group' && t.kind === 'ident') {
      top.names.push(t.text);
    } else if (isMetricAt(toks, i) && top?.open !== '[') {
      w.lastMetric = t.text;
    }
  });
  return w;
}

/** Inside braces: remember complete `name op "value"` matchers (to narrow value lookups). */
function noteMatcher(toks: Tok[], i: number, f: Frame): void {
  const t = toks[i];
  if (t.kind === 'ident') f.names.push(t.text);
  if (t.kind === 'string' && !t.unterminated) {
    const op = toks[i - 1];
    const name = toks[i - 2];
    if (op?.kind === 'op' && MATCH_OPS.has(op.text) && name?.kind === 'ident') {
      f.matchers.push(`${name.text}${op.text}${t.text}`);
    } else if (toks[i - 1]?.kind === '{' || toks[i - 1]?.kind === ',') {
      // A lone quoted metric name: {"my.metric"}
      f.matchers.push(t.text);
    }
  }
}

/** The completion context for the text before the cursor. */
export function completionContext(textBeforeCursor: string): CompletionContext {
  const toks = scan(textBeforeCursor);
  let last: Tok | undefined = toks[toks.length - 1];
  // A word touching the cursor is the prefix being completed.
  let prefix = '';
  if (last && last.end === textBeforeCursor.length && (last.kind === 'ident' || last.kind === 'number' || last.unterminated)) {
    prefix = last.text;
    toks.pop();
  } else {
    last = undefined;
  }
  const w = walk(toks);
  const top = w.stack[w.stack.length - 1];
  const prev = toks[toks.length - 1];

  if (last?.unterminated) return stringContext(toks, top, prefix);
  if (top?.open === '{') return braceContext(toks, top, prefix);
  if (top?.open === '[') {
    return prev?.kind === '[' || prev?.kind === ':' ? { kind: 'duration', prefix } : { kind: 'none', prefix };
  }
  if (top?.role === 'group') {
    if (prev?.kind === '(' || prev?.kind === ',') {
      return { kind: 'labelName', prefix, selector: w.lastMetric, exclude: top.names };
    }
    return { kind: 'none', prefix };
  }
  return exprContext(prev, w, prefix);
}

function stringContext(toks: Tok[], top: Frame | undefined, prefix: string): CompletionContext {
  const op = toks[toks.length - 1];
  const name = toks[toks.length - 2];
  if (top?.open === '{' && op?.kind === 'op' && MATCH_OPS.has(op.text) && name?.kind === 'ident') {
    return { kind: 'labelValue', prefix, label: name.text, selector: selectorOf(top), quote: prefix[0] };
  }
  return { kind: 'none', prefix };
}

function braceContext(toks: Tok[], top: Frame, prefix: string): CompletionContext {
  const prev = toks[toks.length - 1];
  if (prev?.kind === '{' || prev?.kind === ',') {
    return { kind: 'labelName', prefix, selector: selectorOf(top), exclude: top.names };
  }
  const name = toks[toks.length - 2];
  if (prev?.kind === 'op' && MATCH_OPS.has(prev.text) && name?.kind === 'ident') {
    return { kind: 'labelValue', prefix, label: name.text, selector: selectorOf(top), quote: '"' };
  }
  return { kind: 'none', prefix };
}

function exprContext(prev: Tok | undefined, w: Walk, prefix: string): CompletionContext {
  if (!prev || prev.kind === '(' || prev.kind === ',') return { kind: 'expr', prefix, keywords: [] };
  if (prev.kind === 'op') {
    const keywords = ['on', 'ignoring'];
    if (COMPARISONS.has(prev.text)) keywords.unshift('bool');
    return { kind: 'expr', prefix, keywords };
  }
  if (prev.kind === 'ident') {
    const word = prev.text;
    if (word === 'offset') return { kind: 'duration', prefix };
    if (word === 'by' || word === 'without' || word === 'on' || word === 'ignoring') return { kind: 'none', prefix };
    if (AGGREGATIONS.has(word)) return { kind: 'operator', prefix, keywords: ['by', 'without'] };
    if (WORD_OPS.has(word)) return { kind: 'expr', prefix, keywords: ['on', 'ignoring'] };
    if (word === 'bool') return { kind: 'expr', prefix, keywords: ['on', 'ignoring'] };
    if (word === 'group_left' || word === 'group_right') return { kind: 'expr', prefix, keywords: [] };
    if (FUNCTIONS.has(word)) return { kind: 'none', prefix };
  }
  if (prev.kind === ')' && w.closed?.role === 'group') {
    const word = w.closed.word;
    if (word === 'on' || word === 'ignoring') return { kind: 'expr', prefix, keywords: ['group_left', 'group_right'] };
    return { kind: 'none', prefix }; // `sum by (job)` wants `(` next
  }
  if (prev.kind === '@' || prev.kind === ':' || prev.kind === 'other') return { kind: 'none', prefix };
  // After an operand: binary word operators and modifiers.
  const keywords = ['and', 'or', 'unless', 'atan2'];
  const aggClosed = prev.kind === ')' && w.closed?.role === 'call' && AGGREGATIONS.has(w.closed.word ?? '');
  if (aggClosed) keywords.push('by', 'without');
  if (prev.kind === '}' || prev.kind === ']' || prev.kind === 'ident') keywords.push('offset');
  return { kind: 'operator', prefix, keywords };
}
