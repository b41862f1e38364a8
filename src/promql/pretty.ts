// Prometheus's prettifier (promql/parser/prettier.go): an expression longer
// than 100 bytes is split over lines, two spaces of indent per level, the way
// /api/v1/format_query answers. Shorter expressions print as printExpr does.

import type { Expr } from './ast.js';
import { joinLabels, printExpr } from './printer.js';

const MAX_LINE = 100;

const indent = (level: number): string => '  '.repeat(level);
const needsSplit = (e: Expr): boolean => Buffer.byteLength(printExpr(e), 'utf8') > MAX_LINE;

/** `sum by (job) ` — the aggregation without its arguments (Go's ShortString). */
function aggShort(e: Extract<Expr, { type: 'AggregateExpr' }>): string {
  if (e.without) return `${e.op} without (${joinLabels(e.grouping)}) `;
  if (e.grouping.length > 0) return `${e.op} by (${joinLabels(e.grouping)}) `;
  return e.op;
}

export function prettyExpr(e: Expr, level = 0): string {
  switch (e.type) {
    case 'AggregateExpr': {
      if (!needsSplit(e)) return indent(level) + printExpr(e);
      let s = `${indent(level)}${aggShort(e)}(\n`;
      if (e.param) s += `${prettyExpr(e.param, level + 1)},\n`;
      return `${s}${prettyExpr(e.expr, level + 1)}\n${indent(level)})`;
    }
    case 'BinaryExpr': {
      if (!needsSplit(e)) return indent(level) + printExpr(e);
      const full = printExpr(e);
      const head = `${printExpr(e.lhs)} ${e.op}${e.returnBool ? ' bool' : ''}`;
      const matching = full.slice(head.length, full.length - printExpr(e.rhs).length - 1);
      return `${prettyExpr(e.lhs, level + 1)}\n${indent(level)}${e.op}${e.returnBool ? ' bool' : ''}${matching}\n${prettyExpr(e.rhs, level + 1)}`;
    }
    case 'Call':
      if (!needsSplit(e)) return indent(level) + printExpr(e);
      return `${indent(level)}${e.func}(\n${e.args.map((a) => prettyExpr(a, level + 1)).join(',\n')}\n${indent(level)})`;
    case 'ParenExpr':
      if (!needsSplit(e)) return indent(level) + printExpr(e);
      return `${indent(level)}(\n${prettyExpr(e.expr, level + 1)}\n${indent(level)})`;
    case 'SubqueryExpr': {
      if (!needsSplit(e)) return printExpr(e);
      return prettyExpr(e.expr, level) + printExpr(e).slice(printExpr(e.expr).length);
    }
    case 'UnaryExpr':
      return `${indent(level)}${e.op}${prettyExpr(e.expr, level).trim()}`;
    case 'DurationExpr':
      return printExpr(e);
    default:
      return indent(level) + printExpr(e);
  }
}
