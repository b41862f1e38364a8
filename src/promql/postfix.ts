// Postfix modifiers of a parsed operand, as Prometheus's grammar attaches
// them: `[range]`, `[range:step]` (subquery), `offset`, `@`, `anchored` and
// `smoothed`. The parser (./parser.ts) calls parsePostfix after each primary.

import type { AtModifier, Expr, MatrixSelector, NumberLiteral, DurationExpr, SubqueryExpr, VectorSelector } from './ast.js';
import type { Token } from './lexer.js';
import type { Parser } from './parser.js';
import { DurationParser } from './durations.js';
import { rangeMsOf } from './syntax.js';

export function parsePostfix(p: Parser, e: Expr): Expr {
  for (;;) {
    const t = p.cur();
    if (t.type === 'LEFT_BRACKET') e = parseRangeOrSubquery(p, e);
    else if (p.isWord(t, 'offset')) e = parseOffset(p, e);
    else if (p.isOp(t, '@')) e = parseAt(p, e);
    else if (p.isWord(t, 'anchored') || p.isWord(t, 'smoothed')) e = parseExtended(p, e, t);
    else return e;
  }
}

function parseRangeOrSubquery(p: Parser, e: Expr): Expr {
  const open = p.next();
  const durs = new DurationParser(p);
  if (!durs.startsDuration(p.cur())) p.unexpected('subquery or range selector', 'number, duration, step(), or range()');
  const range = durs.positive(durs.parse());
  const t = p.cur();
  if (t.type === 'RIGHT_BRACKET') {
    const close = p.next();
    let err = '';
    if (e.type !== 'VectorSelector') err = 'ranges only allowed for vector selectors';
    else if (e.offsetMs !== 0 || e.offsetExpr) err = 'no offset modifiers allowed before range';
    else if (e.at) err = 'no @ modifiers allowed before range';
    if (err) p.fail({ start: open.start, end: close.end }, err);
    const ms: MatrixSelector = {
      type: 'MatrixSelector',
      vector: e as VectorSelector,
      rangeMs: rangeMsOf(range),
      pos: { start: e.pos.start, end: close.end },
    };
    if (range.type === 'DurationExpr') ms.rangeExpr = range;
    return ms;
  }
  if (t.type !== 'COLON') p.unexpected('subquery or range', '":" or "]"');
  p.next();
  let step: NumberLiteral | DurationExpr | undefined;
  if (p.cur().type !== 'RIGHT_BRACKET') {
    if (!durs.startsDuration(p.cur())) p.unexpected('subquery selector', 'number, duration, step(), range(), or "]"');
    step = durs.positive(durs.parse());
    if (p.cur().type !== 'RIGHT_BRACKET') p.unexpected('subquery selector', '"]"');
  }
  const close = p.next();
  const sq: SubqueryExpr = {
    type: 'SubqueryExpr',
    expr: e,
    rangeMs: rangeMsOf(range),
    stepMs: step ? rangeMsOf(step) : 0,
    offsetMs: 0,
    pos: { start: e.pos.start, end: close.end },
  };
  if (range.type === 'DurationExpr') sq.rangeExpr = range;
  if (step?.type === 'DurationExpr') sq.stepExpr = step;
  return sq;
}

function parseOffset(p: Parser, e: Expr): Expr {
  p.next();
  const durs = new DurationParser(p);
  const d = durs.parseOffset();
  const target = modifierTarget(
    p,
    e,
    'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
  );
  if (target.offsetMs !== 0 || target.offsetExpr) p.fail(e.pos, 'offset may not be set multiple times');
  if (d.type === 'NumberLiteral') target.offsetMs = Math.round(d.value * 1000);
  else target.offsetExpr = d;
  return extendEnd(p, e);
}

function parseAt(p: Parser, e: Expr): Expr {
  p.next();
  const t = p.cur();
  let at: AtModifier;
  if ((p.isWord(t, 'start') || p.isWord(t, 'end')) && p.peek(1).type === 'LEFT_PAREN') {
    p.next();
    p.next();
    p.expect('RIGHT_PAREN', '@', 'timestamp');
    at = { kind: t.kw as 'start' | 'end' };
  } else {
    const ts = p.parseSignedNumber('@', 'timestamp');
    if (!Number.isFinite(ts) || ts >= 2 ** 63 || ts <= -(2 ** 63)) {
      const shown = Number.isNaN(ts) ? 'NaN' : ts === Infinity ? '+Inf' : ts === -Infinity ? '-Inf' : goFixed6(ts);
      p.fail(e.pos, `timestamp out of bounds for @ modifier: ${shown}`);
    }
    at = { kind: 'time', timestampMs: Math.round(ts * 1000) };
  }
  const target = modifierTarget(p, e, '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery');
  if (target.at) p.fail(e.pos, '@ <timestamp> may not be set multiple times');
  target.at = at;
  return extendEnd(p, e);
}

function parseExtended(p: Parser, e: Expr, t: Token): Expr {
  p.next();
  const kw = t.kw as 'anchored' | 'smoothed';
  if (!p.opts.extendedRangeSelectors) p.fail(t, `${kw} modifier is experimental and not enabled`);
  if (e.type !== 'VectorSelector' && e.type !== 'MatrixSelector') {
    p.fail(e.pos, `${kw} modifier must be preceded by an instant vector selector or range vector selector`);
  }
  const other = kw === 'anchored' ? 'smoothed' : 'anchored';
  if (e[other]) p.fail(e.pos, 'anchored and smoothed modifiers cannot be used together');
  e[kw] = true;
  return e;
}

/** The node that holds offset/@ for e: the selector, the matrix's inner selector, or the subquery. */
function modifierTarget(p: Parser, e: Expr, err: string): VectorSelector | SubqueryExpr {
  if (e.type === 'VectorSelector' || e.type === 'SubqueryExpr') return e;
  if (e.type === 'MatrixSelector') return e.vector;
  p.fail(e.pos, err);
}

function extendEnd(p: Parser, e: Expr): Expr {
  e.pos = { start: e.pos.start, end: Math.max(e.pos.end, p.lastClosing) };
  return e;
}

/** Go's %f: six decimals, never exponent notation. */
function goFixed6(v: number): string {
  if (Math.abs(v) < 1e21) return v.toFixed(6);
  return BigInt(Math.trunc(v)).toString() + '.000000';
}
