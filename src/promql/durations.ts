// Duration expressions (Prometheus 3): the ranges and steps in `[...]` and the
// argument of `offset`, e.g. `[2m*15]`, `[step()+1ms]`, `offset (1m+30s)`,
// `offset min_of(step(), 1s)`. A plain literal stays a NumberLiteral (seconds);
// anything else becomes a DurationExpr for the engine to evaluate.

import type { DurationExpr, NumberLiteral } from './ast.js';
import type { Token } from './lexer.js';
import type { Parser } from './parser.js';

const PREC: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '%': 2, '^': 3 };
const MIN_MAX: Record<string, 'min' | 'max'> = { min_of: 'min', max_of: 'max' };

type Dur = NumberLiteral | DurationExpr;

export class DurationParser {
  constructor(private readonly p: Parser) {}

  startsDuration(t: Token): boolean {
    return (
      t.type === 'NUMBER' ||
      t.type === 'DURATION' ||
      t.type === 'LEFT_PAREN' ||
      (t.type === 'OP' && (t.val === '+' || t.val === '-')) ||
      (t.type === 'KEYWORD' && (t.kw === 'step' || t.kw === 'range')) ||
      (t.type === 'IDENTIFIER' && t.val in MIN_MAX)
    );
  }

  /** A range or step must be a positive literal (or an expression, checked at run time). */
  positive(e: Dur): Dur {
    if (e.type === 'NumberLiteral' && !(e.value > 0)) this.p.fail(e.pos, 'duration must be greater than 0');
    return e;
  }

  parse(minPrec = 0): Dur {
    let lhs = this.unary();
    for (;;) {
      const t = this.p.cur();
      const prec = t.type === 'OP' ? PREC[t.val] : undefined;
      if (prec === undefined || prec < minPrec) return lhs;
      this.p.next();
      this.experimental(t);
      const rhs = this.parse(t.val === '^' ? prec : prec + 1);
      if ((t.val === '/' || t.val === '%') && rhs.type === 'NumberLiteral' && rhs.value === 0) {
        this.p.fail(t, t.val === '/' ? 'division by zero' : 'modulo by zero');
      }
      lhs = { type: 'DurationExpr', op: t.val as DurationExpr['op'], lhs, rhs, pos: { start: lhs.pos.start, end: rhs.pos.end } };
    }
  }

  private unary(): Dur {
    const t = this.p.cur();
    if (t.type === 'OP' && (t.val === '+' || t.val === '-')) {
      this.p.next();
      return this.negate(t, this.parse(PREC['^']));
    }
    return this.primary('subquery or range selector', 'number, duration, step(), or range()');
  }

  private negate(op: Token, e: Dur): Dur {
    if (e.type === 'NumberLiteral') {
      return { ...e, value: op.val === '-' ? -e.value : e.value, pos: { start: op.start, end: e.pos.end } };
    }
    if (op.val === '+') return e;
    return { type: 'DurationExpr', op: '-', rhs: e, pos: { start: op.start, end: e.pos.end } };
  }

  private primary(context: string, expected: string): Dur {
    const t = this.p.cur();
    if (t.type === 'NUMBER' || t.type === 'DURATION') {
      this.p.next();
      const lit: NumberLiteral = { type: 'NumberLiteral', value: this.p.numberValue(t), pos: { start: t.start, end: t.end } };
      if (t.type === 'DURATION') {
        lit.duration = true;
        lit.text = t.val;
      }
      return lit;
    }
    if (t.type === 'KEYWORD' && (t.kw === 'step' || t.kw === 'range')) {
      this.experimental(t);
      this.p.next();
      this.p.expect('LEFT_PAREN', context, expected);
      const close = this.p.expect('RIGHT_PAREN', context, expected);
      return { type: 'DurationExpr', op: t.kw, pos: { start: t.start, end: close.end } };
    }
    if (t.type === 'IDENTIFIER' && t.val in MIN_MAX) {
      this.experimental(t);
      this.p.next();
      this.p.expect('LEFT_PAREN', context, expected);
      const lhs = this.parse();
      this.p.expect('COMMA', context, '","');
      const rhs = this.parse();
      const close = this.p.expect('RIGHT_PAREN', context, '")"');
      return { type: 'DurationExpr', op: MIN_MAX[t.val], lhs, rhs, pos: { start: t.start, end: close.end } };
    }
    if (t.type === 'LEFT_PAREN') {
      this.p.next();
      const inner = this.parse();
      const close = this.p.expect('RIGHT_PAREN', context, '")"');
      this.experimental(t);
      if (inner.type === 'DurationExpr') return { ...inner, wrapped: true, pos: { start: t.start, end: close.end } };
      // A parenthesised literal stays an expression, a unary plus marked wrapped, so
      // printing gives `offset (5)` back (Prometheus's wrapParenDurationExpr).
      return { type: 'DurationExpr', op: '+', rhs: inner, wrapped: true, pos: { start: t.start, end: close.end } };
    }
    return this.p.unexpected(context, expected);
  }

  /** `offset <x>`: a signed literal, step(), range(), min_of/max_of(...) or a parenthesised expression. */
  parseOffset(): Dur {
    const t = this.p.cur();
    const expected = 'number, duration, step(), or range()';
    if (t.type === 'OP' && (t.val === '+' || t.val === '-')) {
      this.p.next();
      return this.negate(t, this.primary('offset', expected));
    }
    if (!this.startsDuration(t)) this.p.unexpected('offset', expected);
    return this.primary('offset', expected);
  }

  private experimental(t: Token): void {
    if (!this.p.opts.durationExpressions) this.p.fail(t, 'experimental duration expression is not enabled');
  }
}
