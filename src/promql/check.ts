// Static types and the type checks Prometheus runs after a successful parse
// (parse.go checkAST). The first error found in Prometheus's visiting order is
// thrown; vector matching is normalised the way checkAST does it.

import { documentedType, type BinaryExpr, type Expr, type PositionRange, type ValueType } from './ast.js';
import { getFunction } from './functions.js';
import { getAggregation } from './aggregations.js';
import { compileMatcherRegex } from './regex.js';

// Types are remembered per node: the checker asks for the type of every
// node, and without this a deeply nested expression costs O(depth^2).
const typeCache = new WeakMap<Expr, ValueType>();

/** The static type of an expression. */
export function exprType(e: Expr): ValueType {
  let t = typeCache.get(e);
  if (t === undefined) {
    t = computeType(e);
    typeCache.set(e, t);
  }
  return t;
}

function computeType(e: Expr): ValueType {
  switch (e.type) {
    case 'NumberLiteral':
    case 'DurationExpr':
      return 'scalar';
    case 'StringLiteral':
      return 'string';
    case 'VectorSelector':
    case 'AggregateExpr':
      return 'vector';
    case 'MatrixSelector':
    case 'SubqueryExpr':
      return 'matrix';
    case 'ParenExpr':
    case 'UnaryExpr':
      return exprType(e.expr);
    case 'Call':
      return getFunction(e.func)?.returnType ?? 'none';
    case 'BinaryExpr':
      return exprType(e.lhs) === 'scalar' && exprType(e.rhs) === 'scalar' ? 'scalar' : 'vector';
  }
}

const COMPARISON = new Set(['==', '!=', '>', '<', '>=', '<=']);
const SET_OPS = new Set(['and', 'or', 'unless']);

type Fail = (pos: PositionRange, detail: string) => never;

export class Checker {
  /** info()'s label-selector argument may match empty values ({data=~".*"}). */
  private readonly skipEmptyCheck = new Set<Expr>();
  constructor(
    private readonly query: string,
    private readonly fail: Fail,
  ) {}

  check(e: Expr): ValueType {
    const t = exprType(e);
    switch (e.type) {
      case 'AggregateExpr':
        this.expectType(e.expr, 'vector', 'aggregation expression');
        if (e.param) this.expectType(e.param, getAggregation(e.op)?.param ?? 'scalar', 'aggregation parameter');
        break;
      case 'BinaryExpr':
        this.checkBinary(e);
        break;
      case 'Call':
        this.checkCall(e);
        break;
      case 'ParenExpr':
        this.check(e.expr);
        break;
      case 'UnaryExpr': {
        const it = this.check(e.expr);
        if (it !== 'scalar' && it !== 'vector') {
          this.fail(
            e.pos,
            `unary expression only allowed on expressions of type scalar or instant vector, got ${JSON.stringify(documentedType(it))}`,
          );
        }
        break;
      }
      case 'SubqueryExpr': {
        const it = this.check(e.expr);
        if (it !== 'vector') this.fail(e.pos, `subquery is only allowed on instant vector, got ${it} instead`);
        break;
      }
      case 'MatrixSelector':
        this.check(e.vector);
        break;
      case 'VectorSelector':
        if (!this.skipEmptyCheck.has(e)) this.checkSelector(e);
        break;
      default:
        break;
    }
    return t;
  }

  private expectType(e: Expr, want: ValueType, context: string): void {
    const t = this.check(e);
    if (t !== want) this.fail(e.pos, `expected type ${documentedType(want)} in ${context}, got ${documentedType(t)}`);
  }

  private checkSelector(e: Extract<Expr, { type: 'VectorSelector' }>): void {
    if (e.name !== undefined) {
      for (const m of e.matchers.slice(0, -1)) {
        if (m.name === '__name__')
          this.fail(e.pos, `metric name must not be set twice: ${JSON.stringify(e.name)} or ${JSON.stringify(m.value)}`);
      }
      return;
    }
    const nonEmpty = e.matchers.some((m) => !matchesEmpty(m.op, m.value));
    if (!nonEmpty) this.fail(e.pos, 'vector selector must contain at least one non-empty matcher');
  }

  private checkCall(e: Extract<Expr, { type: 'Call' }>): void {
    const fn = getFunction(e.func)!;
    const nargs = fn.argTypes.length;
    if (fn.variadic === 0) {
      if (nargs !== e.args.length)
        this.fail(e.pos, `expected ${nargs} argument(s) in call to ${JSON.stringify(fn.name)}, got ${e.args.length}`);
    } else {
      const na = nargs - 1;
      if (na > e.args.length)
        this.fail(e.pos, `expected at least ${na} argument(s) in call to ${JSON.stringify(fn.name)}, got ${e.args.length}`);
      else if (fn.variadic > 0 && na + fn.variadic < e.args.length) {
        this.fail(e.pos, `expected at most ${na + fn.variadic} argument(s) in call to ${JSON.stringify(fn.name)}, got ${e.args.length}`);
      }
    }
    if (fn.name === 'info' && e.args.length > 1) {
      if (e.args[1].type !== 'VectorSelector') {
        this.fail(e.args[1].pos, `expected label selectors as the second argument to "info" function, got ${e.args[1].type}`);
      }
      this.skipEmptyCheck.add(e.args[1]);
    }
    for (let i = 0; i < e.args.length; i++) {
      let k = i;
      if (k >= nargs) {
        if (fn.variadic === 0) break;
        k = nargs - 1;
      }
      this.expectType(e.args[i], fn.argTypes[k], `call to function ${JSON.stringify(fn.name)}`);
    }
  }

  /** The operator and its modifiers, without surrounding spaces (Prometheus's opRange). */
  private opRange(e: BinaryExpr): PositionRange {
    const bytes = Buffer.from(this.query, 'utf8');
    const sp = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
    let start = e.lhs.pos.end;
    while (start < bytes.length && sp(bytes[start])) start++;
    let end = e.rhs.pos.start - 1;
    while (end > start && sp(bytes[end])) end--;
    return { start, end };
  }

  private checkBinary(e: BinaryExpr): void {
    const lt = this.check(e.lhs);
    const rt = this.check(e.rhs);
    const m = e.matching;
    if (e.returnBool && !COMPARISON.has(e.op)) this.fail(this.opRange(e), 'bool modifier can only be used on comparison operators');
    if (COMPARISON.has(e.op) && !e.returnBool && lt === 'scalar' && rt === 'scalar') {
      this.fail(this.opRange(e), 'comparisons between scalars must use BOOL modifier');
    }
    if (m && SET_OPS.has(e.op) && m.card === 'one-to-one') m.card = 'many-to-many';
    if (m?.on) {
      for (const l of m.matchingLabels) {
        if (m.include.includes(l)) this.fail(this.opRange(e), `label ${JSON.stringify(l)} must not occur in ON and GROUP clause at once`);
      }
    }
    if (lt !== 'scalar' && lt !== 'vector') this.fail(e.lhs.pos, 'binary expression must contain only scalar and instant vector types');
    if (rt !== 'scalar' && rt !== 'vector') this.fail(e.rhs.pos, 'binary expression must contain only scalar and instant vector types');
    if ((lt !== 'vector' || rt !== 'vector') && m) {
      if (m.matchingLabels.length > 0) this.fail(e.pos, 'vector matching only allowed between instant vectors');
      delete e.matching;
    } else if (m && SET_OPS.has(e.op)) {
      if (m.card === 'one-to-many' || m.card === 'many-to-one')
        this.fail(e.pos, `no grouping allowed for ${JSON.stringify(e.op)} operation`);
      if (m.card !== 'many-to-many') this.fail(e.pos, 'set operations must always be many-to-many');
    }
    if ((lt === 'scalar' || rt === 'scalar') && SET_OPS.has(e.op)) {
      this.fail(e.pos, `set operator ${JSON.stringify(e.op)} not allowed in binary scalar expression`);
    }
  }
}

function matchesEmpty(op: string, value: string): boolean {
  switch (op) {
    case '=':
      return value === '';
    case '!=':
      return value !== '';
    case '=~':
      return compileMatcherRegex(value).test('');
    default:
      return !compileMatcherRegex(value).test('');
  }
}
