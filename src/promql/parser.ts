// The PromQL parser: recursive descent with precedence climbing, following
// Prometheus's promql/parser/generated_parser.y (grammar and the messages of
// its error rules) and parse.go (the checks done while building nodes).
// Type checks run afterwards in check.ts, as Prometheus's checkAST, and only
// when the syntax is fine.

import type { AggregateExpr, AggregateOp, BinaryOp, Expr, PositionRange, VectorMatching } from './ast.js';
import { lex, type Token } from './lexer.js';
import { describe, isValidLabelName, resolveOptions, type ParseOptions, type ResolvedOptions } from './syntax.js';
import { ParseError } from './errors.js';
import { parseDurationMs, parseGoNumber, unquote } from './strings.js';
import { getFunction } from './functions.js';
import { getAggregation } from './aggregations.js';
import { keywordsWhere } from './keywords.js';
import { hintFor } from './hints.js';
import { parsePostfix } from './postfix.js';
import { parseSelector } from './selectors.js';

const PREC: Record<string, number> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<=': 3,
  '<': 3,
  '>=': 3,
  '>': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '</': 5,
  '>/': 5,
  '^': 6,
};
const POW_PREC = 6;

/** Words that may be a metric name although the lexer reads them as keywords (metric_identifier). */
const METRIC_KEYWORDS = keywordsWhere((k) => k.metricName);

export type { ParseOptions } from './syntax.js';
export { resolveOptions } from './syntax.js';

const FILL_WORDS = new Set(['fill', 'fill_left', 'fill_right']);

export class Parser {
  private readonly toks: Token[];
  private i = 0;
  /** End of the last `)`, `]`, `}`, number or duration consumed (Prometheus's lastClosing). */
  lastClosing = 0;
  /** Innermost constructs whose grammar rules catch errors ("in aggregation"). */
  private readonly contexts: string[] = [];
  readonly opts: ResolvedOptions;

  constructor(
    readonly query: string,
    opts?: ParseOptions,
  ) {
    this.toks = lex(query).filter((t) => t.type !== 'COMMENT');
    this.opts = resolveOptions(opts);
  }

  // ---- token helpers ----

  peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }

  next(): Token {
    const t = this.toks[this.i];
    if (t.type === 'ERROR') this.fail(t, t.val);
    if (this.i < this.toks.length - 1) this.i++;
    if (
      t.type === 'RIGHT_PAREN' ||
      t.type === 'RIGHT_BRACKET' ||
      t.type === 'RIGHT_BRACE' ||
      t.type === 'NUMBER' ||
      t.type === 'DURATION'
    ) {
      this.lastClosing = t.end;
    }
    return t;
  }

  /** The current token, reporting it if it is a lexical error. */
  cur(): Token {
    const t = this.peek();
    if (t.type === 'ERROR') this.fail(t, t.val);
    return t;
  }

  isWord(t: Token, kw: string): boolean {
    return (t.type === 'KEYWORD' || t.type === 'AGGR' || t.type === 'OP') && t.kw === kw;
  }

  isOp(t: Token, op: string): boolean {
    return t.type === 'OP' && (t.kw ?? t.val) === op;
  }

  fail(pos: PositionRange, detail: string): never {
    throw new ParseError(this.query, { start: pos.start, end: pos.end }, detail, hintFor(detail, this.query, pos, this));
  }

  /** Prometheus's unexpected(context, expected), worded from the current token. */
  unexpected(context = '', expected = ''): never {
    const t = this.cur();
    if (context === '' && this.contexts.length > 0) context = this.contexts[this.contexts.length - 1];
    let msg = `unexpected ${describe(t)}`;
    if (context) msg += ` in ${context}`;
    if (expected) msg += `, expected ${expected}`;
    this.fail(t, msg);
  }

  expect(type: Token['type'], context = '', expected = ''): Token {
    if (this.cur().type !== type) this.unexpected(context, expected);
    return this.next();
  }

  // ---- expressions ----

  parseTop(): Expr {
    if (this.cur().type === 'EOF') this.fail({ start: 0, end: 0 }, 'no expression found in input');
    const e = this.parseExpr(0);
    if (this.cur().type !== 'EOF') this.unexpected();
    return e;
  }

  parseExpr(minPrec: number): Expr {
    let lhs = this.parseUnary();
    for (;;) {
      const t = this.cur();
      if (t.type !== 'OP') break;
      const op = t.kw ?? t.val;
      const prec = PREC[op];
      if (prec === undefined || prec < minPrec) break;
      this.next();
      const mods = this.parseBinModifiers();
      const rhs = this.parseExpr(op === '^' ? prec : prec + 1);
      lhs = {
        type: 'BinaryExpr',
        op: op as BinaryOp,
        lhs,
        rhs,
        returnBool: mods.returnBool,
        matching: mods.matching,
        pos: { start: lhs.pos.start, end: rhs.pos.end },
      };
    }
    return lhs;
  }

  private parseUnary(): Expr {
    const t = this.cur();
    if (this.isOp(t, '+') || this.isOp(t, '-')) {
      this.next();
      // The unary rule has MUL's precedence: only `^` binds tighter.
      const operand = this.parseExpr(POW_PREC);
      if (operand.type === 'NumberLiteral') {
        return { ...operand, value: t.val === '-' ? -operand.value : operand.value, pos: { start: t.start, end: operand.pos.end } };
      }
      return { type: 'UnaryExpr', op: t.val as '+' | '-', expr: operand, pos: { start: t.start, end: operand.pos.end } };
    }
    return parsePostfix(this, this.parsePrimary());
  }

  private parseBinModifiers(): { returnBool: boolean; matching: Required<Pick<BinModifiers, 'card'>> & BinModifiers } {
    const m: BinModifiers = { card: 'one-to-one', matchingLabels: [], on: false, include: [] };
    let returnBool = false;
    if (this.isWord(this.cur(), 'bool')) {
      this.next();
      returnBool = true;
    }
    const t = this.cur();
    if (this.isWord(t, 'on') || this.isWord(t, 'ignoring')) {
      this.next();
      m.on = t.kw === 'on';
      m.explicit = true;
      m.matchingLabels = this.parseGroupingLabels();
      const g = this.cur();
      if (this.isWord(g, 'group_left') || this.isWord(g, 'group_right')) {
        this.next();
        m.card = g.kw === 'group_left' ? 'many-to-one' : 'one-to-many';
        if (this.cur().type === 'LEFT_PAREN') m.include = this.parseGroupingLabels();
      }
    }
    this.parseFillModifiers(m);
    return { returnBool, matching: m };
  }

  private parseFillModifiers(m: BinModifiers): void {
    for (;;) {
      const t = this.cur();
      if (t.type !== 'IDENTIFIER' || !FILL_WORDS.has(t.val) || this.peek(1).type !== 'LEFT_PAREN') return;
      if (!this.opts.binopFillModifiers) this.fail(t, `binop fill modifiers are experimental and not enabled`);
      this.next();
      this.next();
      const v = this.parseSignedNumber('fill modifier', 'number');
      this.expect('RIGHT_PAREN', 'fill modifier', '")"');
      if (t.val !== 'fill_right') {
        if (m.fillLeft !== undefined) this.fail(t, 'fill modifier may not be set multiple times');
        m.fillLeft = v;
      }
      if (t.val !== 'fill_left') {
        if (m.fillRight !== undefined) this.fail(t, 'fill modifier may not be set multiple times');
        m.fillRight = v;
      }
    }
  }

  /** `+`/`-` then a number or duration, in seconds (`@` timestamps, fill values). */
  parseSignedNumber(context: string, expected: string): number {
    let sign = 1;
    const t = this.cur();
    if (this.isOp(t, '+') || this.isOp(t, '-')) {
      this.next();
      if (t.val === '-') sign = -1;
    }
    const n = this.cur();
    if (n.type !== 'NUMBER' && n.type !== 'DURATION') this.unexpected(context, expected);
    return sign * this.numberValue(this.next());
  }

  numberValue(t: Token): number {
    if (t.type === 'DURATION') return this.durationMs(t) / 1000;
    const v = parseGoNumber(t.val);
    if (v === undefined) this.fail(t, `error parsing number: strconv.ParseFloat: parsing ${JSON.stringify(t.val)}: invalid syntax`);
    return v;
  }

  durationMs(t: Token): number {
    try {
      return parseDurationMs(t.val);
    } catch (e) {
      this.fail(t, (e as Error).message);
    }
  }

  /** `(label, ...)` after by / without / on / ignoring / group_x. */
  parseGroupingLabels(): string[] {
    this.expect('LEFT_PAREN', 'grouping opts', '"("');
    const labels: string[] = [];
    if (this.cur().type === 'RIGHT_PAREN') {
      this.next();
      return labels;
    }
    for (;;) {
      const t = this.cur();
      let name: string;
      if (t.type === 'STRING') name = unquote(t.val);
      else if (
        t.type === 'IDENTIFIER' ||
        t.type === 'METRIC_IDENTIFIER' ||
        t.type === 'AGGR' ||
        t.type === 'KEYWORD' ||
        (t.type === 'OP' && t.kw)
      )
        name = t.val;
      else this.unexpected('grouping opts', 'label');
      if (!isValidLabelName(name)) this.fail(t, `invalid label name for grouping: ${JSON.stringify(name)}`);
      this.next();
      labels.push(name);
      const sep = this.cur();
      if (sep.type === 'COMMA') {
        this.next();
        if (this.cur().type === 'RIGHT_PAREN') {
          this.next();
          return labels;
        }
        continue;
      }
      if (sep.type === 'RIGHT_PAREN') {
        this.next();
        return labels;
      }
      this.unexpected('grouping opts', '"," or ")"');
    }
  }

  private parsePrimary(): Expr {
    const t = this.cur();
    switch (t.type) {
      case 'NUMBER':
        this.next();
        return { type: 'NumberLiteral', value: this.numberValue(t), pos: { start: t.start, end: t.end } };
      case 'DURATION':
        this.next();
        return {
          type: 'NumberLiteral',
          value: this.durationMs(t) / 1000,
          duration: true,
          text: t.val,
          pos: { start: t.start, end: t.end },
        };
      case 'STRING':
        this.next();
        return { type: 'StringLiteral', value: unquote(t.val), pos: { start: t.start, end: t.end } };
      case 'LEFT_PAREN': {
        this.next();
        const inner = this.parseExpr(0);
        const close = this.expect('RIGHT_PAREN');
        return { type: 'ParenExpr', expr: inner, pos: { start: t.start, end: close.end } };
      }
      case 'LEFT_BRACE':
        return parseSelector(this, undefined);
      case 'IDENTIFIER':
        if (this.peek(1).type === 'LEFT_PAREN') return this.parseCall();
        return parseSelector(this, this.next());
      case 'METRIC_IDENTIFIER':
        return parseSelector(this, this.next());
      case 'AGGR': {
        const n = this.peek(1);
        if (n.type === 'LEFT_PAREN' || this.isWord(n, 'by') || this.isWord(n, 'without')) return this.parseAggregation();
        return parseSelector(this, this.next());
      }
      case 'KEYWORD':
        if (['start', 'end', 'step', 'range'].includes(t.kw!) && this.peek(1).type === 'LEFT_PAREN') return this.parseCall();
        if (METRIC_KEYWORDS.has(t.kw!)) return parseSelector(this, this.next());
        return this.unexpected();
      case 'OP':
        if (t.kw && METRIC_KEYWORDS.has(t.kw)) return parseSelector(this, this.next());
        return this.unexpected();
      default:
        return this.unexpected();
    }
  }

  private parseCall(): Expr {
    const name = this.next();
    this.next(); // (
    const args = this.parseArgs();
    this.next(); // )
    const fname = name.type === 'KEYWORD' ? name.kw! : name.val;
    const fn = getFunction(fname);
    if (!fn) this.fail(name, `unknown function with name ${JSON.stringify(name.val)}`);
    if (fn.experimental && !this.opts.experimentalFunctions) this.fail(name, `function ${JSON.stringify(fname)} is not enabled`);
    return { type: 'Call', func: fname, args, pos: { start: name.start, end: this.lastClosing } };
  }

  /** Comma-separated arguments up to (not including) the closing parenthesis. */
  private parseArgs(): Expr[] {
    const args: Expr[] = [];
    if (this.cur().type === 'RIGHT_PAREN') return args;
    for (;;) {
      args.push(this.parseExpr(0));
      const sep = this.cur();
      if (sep.type === 'COMMA') {
        this.next();
        if (this.cur().type === 'RIGHT_PAREN') this.fail(sep, 'trailing commas not allowed in function call args');
        continue;
      }
      if (sep.type === 'RIGHT_PAREN') return args;
      this.unexpected();
    }
  }

  private parseAggregation(): Expr {
    const opTok = this.next();
    const op = opTok.kw as AggregateOp;
    this.contexts.push('aggregation');
    let grouping: string[] | undefined;
    let without = false;
    const parseModifier = () => {
      without = this.cur().kw === 'without';
      this.next();
      grouping = this.parseGroupingLabels();
    };
    if (this.isWord(this.cur(), 'by') || this.isWord(this.cur(), 'without')) parseModifier();
    if (this.cur().type !== 'LEFT_PAREN') this.unexpected('aggregation');
    this.next();
    const args = this.parseArgs();
    this.next();
    if (grouping === undefined && (this.isWord(this.cur(), 'by') || this.isWord(this.cur(), 'without'))) parseModifier();
    this.contexts.pop();
    const pos = { start: opTok.start, end: this.lastClosing };
    if (args.length === 0) this.fail(pos, 'no arguments for aggregate expression provided');
    let desired = 1;
    let param: Expr | undefined;
    const aggregation = getAggregation(op)!;
    if (aggregation.param) {
      if (aggregation.experimental && !this.opts.experimentalFunctions) {
        this.fail(pos, `${op}() is experimental and must be enabled with --enable-feature=promql-experimental-functions`);
      }
      desired = 2;
      param = args[0];
    }
    if (args.length !== desired) {
      this.fail(pos, `wrong number of arguments for aggregate expression provided, expected ${desired}, got ${args.length}`);
    }
    const agg: AggregateExpr = { type: 'AggregateExpr', op, expr: args[desired - 1], grouping: grouping ?? [], without, pos };
    if (param) agg.param = param;
    if (grouping !== undefined) agg.explicitGrouping = true;
    return agg;
  }
}

type BinModifiers = VectorMatching;
