// Prometheus's canonical printer (promql/parser/printer.go String()):
//   sum by (job) (rate(http_requests_total{code="500"}[5m] offset 1h))
// It adds no parentheses of its own: ParenExpr nodes carry them, so printing
// and re-parsing gives the same tree.

import type { AtModifier, DurationExpr, Expr, LabelMatcher, VectorMatching, VectorSelector } from './ast.js';
import { goQuote } from './strings.js';
import { exprType } from './check.js';

/** Go's model.Duration String(): 1h30m, 5m, 2d, 1w, 500ms, 0s. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let r = '';
  let rest = ms;
  const unit = (u: string, mult: number, exact: boolean) => {
    if (exact && rest % mult !== 0) return;
    const v = Math.floor(rest / mult);
    if (v > 0) {
      r += `${v}${u}`;
      rest -= v * mult;
    }
  };
  unit('y', 365 * 86400000, true);
  unit('w', 7 * 86400000, true);
  unit('d', 86400000, false);
  unit('h', 3600000, false);
  unit('m', 60000, false);
  unit('s', 1000, false);
  unit('ms', 1, false);
  return r;
}

/** Go's fmt %v / strconv 'g' shortest formatting of a float64: 1e+06, 0.5, +Inf, NaN. */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, expStr] = v.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  // Plain notation with the shortest digits.
  return String(v);
}

/**
 * Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an
 * exponent (1e21 is "1000000000000000000000"), -0 kept. Number literals
 * print this way, and count_values labels its values so.
 */
export function formatGoFloatF(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  const s = String(v);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const neg = s.startsWith('-');
  const [intPart, frac = ''] = s.slice(neg ? 1 : 0, e).split('.');
  const digits = intPart + frac;
  const point = intPart.length + Number(s.slice(e + 1));
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

const LEGACY_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function labelName(n: string): string {
  return LEGACY_LABEL.test(n) ? n : goQuote(n);
}

/** Label names as the printer writes them in by/on/group lists (quoted when not legacy names). */
export function joinLabels(ls: string[]): string {
  return ls.map(labelName).join(', ');
}

function matcherString(m: LabelMatcher): string {
  return `${labelName(m.name)}${m.op}${goQuote(m.value)}`;
}

function atString(at: AtModifier | undefined): string {
  if (!at) return '';
  if (at.kind === 'start') return ' @ start()';
  if (at.kind === 'end') return ' @ end()';
  return ` @ ${(at.timestampMs / 1000).toFixed(3)}`;
}

function offsetString(ms: number, expr: Expr | undefined): string {
  if (expr) return ` offset ${printExpr(expr)}`;
  if (ms > 0) return ` offset ${formatDuration(ms)}`;
  if (ms < 0) return ` offset -${formatDuration(-ms)}`;
  return '';
}

function extendedString(e: { anchored?: boolean; smoothed?: boolean }): string {
  return (e.anchored ? ' anchored' : '') + (e.smoothed ? ' smoothed' : '');
}

/**
 * The selector alone, without @/offset, as Go's VectorSelector.String(): the
 * name, then every matcher but the one the name stands for, sorted as Go
 * sorts strings (by UTF-8 bytes) and joined by "," alone. A quoted UTF-8
 * name ({"my.metric"}) is a __name__ matcher like any other.
 */
function selectorString(vs: VectorSelector): string {
  const name = vs.name ?? '';
  const parts: string[] = [];
  for (const m of vs.matchers) {
    if (m.name === '__name__' && m.op === '=' && m.value === name && name !== '') continue;
    parts.push(matcherString(m));
  }
  parts.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
  return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
}

function matchingString(m: VectorMatching | undefined): string {
  if (!m) return '';
  let s = '';
  const grouped = m.card === 'many-to-one' || m.card === 'one-to-many';
  if (m.matchingLabels.length > 0 || m.on || grouped) {
    s = ` ${m.on ? 'on' : 'ignoring'} (${joinLabels(m.matchingLabels)})`;
    if (grouped) s += ` group_${m.card === 'many-to-one' ? 'left' : 'right'} (${joinLabels(m.include)})`;
  }
  if (m.fillLeft !== undefined && m.fillRight !== undefined && Object.is(m.fillLeft, m.fillRight))
    s += ` fill (${formatGoFloat(m.fillLeft)})`;
  else {
    if (m.fillLeft !== undefined) s += ` fill_left (${formatGoFloat(m.fillLeft)})`;
    if (m.fillRight !== undefined) s += ` fill_right (${formatGoFloat(m.fillRight)})`;
  }
  return s;
}

function durationExprString(e: DurationExpr): string {
  let s: string;
  switch (e.op) {
    case 'step':
    case 'range':
      s = `${e.op}()`;
      break;
    case 'min':
    case 'max':
      s = `${e.op}_of(${printExpr(e.lhs!)}, ${printExpr(e.rhs!)})`;
      break;
    default:
      // Unary: `-x`; a unary plus is only the mark of a parenthesised literal, `(5)`.
      if (e.lhs) s = `${printExpr(e.lhs)} ${e.op} ${printExpr(e.rhs!)}`;
      else s = e.op === '+' ? printExpr(e.rhs!) : `${e.op}${printExpr(e.rhs!)}`;
  }
  return e.wrapped ? `(${s})` : s;
}

function rangeString(ms: number, expr: Expr | undefined): string {
  return expr ? printExpr(expr) : formatDuration(ms);
}

/** The canonical text of an expression. */
export function printExpr(e: Expr): string {
  switch (e.type) {
    case 'NumberLiteral':
      if (e.duration) return e.value < 0 ? `-${formatDuration(Math.round(-e.value * 1000))}` : formatDuration(Math.round(e.value * 1000));
      return formatGoFloatF(e.value);
    case 'StringLiteral':
      return goQuote(e.value);
    case 'VectorSelector':
      return selectorString(e) + extendedString(e) + atString(e.at) + offsetString(e.offsetMs, e.offsetExpr);
    case 'MatrixSelector': {
      const v = e.vector;
      return `${selectorString(v)}[${rangeString(e.rangeMs, e.rangeExpr)}]${extendedString(e)}${atString(v.at)}${offsetString(v.offsetMs, v.offsetExpr)}`;
    }
    case 'SubqueryExpr': {
      const step = e.stepExpr || e.stepMs ? rangeString(e.stepMs, e.stepExpr) : '';
      return `${printExpr(e.expr)}[${rangeString(e.rangeMs, e.rangeExpr)}:${step}]${atString(e.at)}${offsetString(e.offsetMs, e.offsetExpr)}`;
    }
    case 'ParenExpr':
      return `(${printExpr(e.expr)})`;
    case 'UnaryExpr':
      return `${e.op}${printExpr(e.expr)}`;
    case 'Call':
      return `${e.func}(${e.args.map(printExpr).join(', ')})`;
    case 'AggregateExpr': {
      let s: string = e.op;
      if (e.without) s += ` without (${joinLabels(e.grouping)}) `;
      else if (e.grouping.length > 0) s += ` by (${joinLabels(e.grouping)}) `;
      s += '(';
      if (e.param) s += `${printExpr(e.param)}, `;
      return `${s}${printExpr(e.expr)})`;
    }
    case 'BinaryExpr':
      return `${printExpr(e.lhs)} ${e.op}${e.returnBool ? ' bool' : ''}${matchingString(e.matching)} ${printExpr(e.rhs)}`;
    case 'DurationExpr':
      return durationExprString(e);
  }
}

/** An indented tree of the nodes with their static types, for `promlearn fmt --tree`. */
export function formatTree(e: Expr): string {
  const lines: string[] = [];
  const visit = (n: Expr, depth: number, label = '') => {
    const pad = '  '.repeat(depth) + label;
    lines.push(`${pad}${n.type}${describeNode(n)}  :: ${exprType(n)}`);
    for (const [name, child] of children(n)) visit(child, depth + 1, name ? `${name}: ` : '');
  };
  visit(e, 0);
  return lines.join('\n');
}

function describeNode(n: Expr): string {
  switch (n.type) {
    case 'NumberLiteral':
      return ` ${printExpr(n)}`;
    case 'StringLiteral':
      return ` ${goQuote(n.value)}`;
    case 'VectorSelector':
    case 'MatrixSelector':
      return ` ${printExpr(n)}`;
    case 'SubqueryExpr':
      return ` [${rangeString(n.rangeMs, n.rangeExpr)}:${n.stepExpr || n.stepMs ? rangeString(n.stepMs, n.stepExpr) : ''}]${atString(n.at)}${offsetString(n.offsetMs, n.offsetExpr)}`;
    case 'Call':
      return ` ${n.func}()`;
    case 'AggregateExpr':
      return ` ${n.op}${n.without ? ` without (${joinLabels(n.grouping)})` : n.grouping.length ? ` by (${joinLabels(n.grouping)})` : ''}`;
    case 'BinaryExpr':
      return ` ${n.op}${n.returnBool ? ' bool' : ''}${matchingString(n.matching)}`;
    case 'UnaryExpr':
      return ` ${n.op}`;
    case 'DurationExpr':
      return ` ${printExpr(n)}`;
    default:
      return '';
  }
}

/** Direct children of a node, with a role name where useful. */
function children(n: Expr): Array<[string, Expr]> {
  switch (n.type) {
    case 'ParenExpr':
    case 'UnaryExpr':
      return [['', n.expr]];
    case 'SubqueryExpr':
      return [['', n.expr]];
    case 'MatrixSelector':
      return [];
    case 'Call':
      return n.args.map((a) => ['', a] as [string, Expr]);
    case 'AggregateExpr':
      return n.param
        ? [
            ['param', n.param],
            ['', n.expr],
          ]
        : [['', n.expr]];
    case 'BinaryExpr':
      return [
        ['', n.lhs],
        ['', n.rhs],
      ];
    default:
      return [];
  }
}
