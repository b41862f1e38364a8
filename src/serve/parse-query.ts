// /api/v1/parse_query: the syntax tree as JSON in the shape of Prometheus's
// translateAST (web/api/v1/translate_ast.go), which the Prometheus UI's tree
// view reads.

import type { AtModifier, Expr, LabelMatcher } from '../promql/ast.js';
import { getFunction } from '../promql/functions.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
function formatF(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const s = String(v);
  if (!/e/i.test(s)) return s;
  return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 340 });
}

function matchers(ms: LabelMatcher[]): Json {
  return ms.map((m) => ({ name: m.name, value: m.value, type: m.op }));
}

function timestamp(at?: AtModifier): Json {
  return at?.kind === 'time' ? at.timestampMs : null;
}

function startOrEnd(at?: AtModifier): Json {
  return at && at.kind !== 'time' ? at.kind : null;
}

function durationExpr(e: Expr | undefined): Json {
  if (!e) return null;
  if (e.type === 'DurationExpr') {
    return { type: 'durationExpr', op: e.op, lhs: durationExpr(e.lhs), rhs: durationExpr(e.rhs), wrapped: Boolean(e.wrapped) };
  }
  if (e.type === 'NumberLiteral') return { type: 'numberLiteral', val: formatF(e.value), duration: Boolean(e.duration) };
  return translateAst(e);
}

export function translateAst(e: Expr | undefined): Json {
  if (!e) return null;
  switch (e.type) {
    case 'AggregateExpr':
      return {
        type: 'aggregation',
        op: e.op,
        expr: translateAst(e.expr),
        param: translateAst(e.param),
        grouping: e.grouping,
        without: e.without,
      };
    case 'BinaryExpr': {
      const m = e.matching;
      const matching: Json = m
        ? {
            card: m.card,
            labels: m.matchingLabels,
            on: m.on,
            include: m.include,
            fillValues: { lhs: m.fillLeft ?? null, rhs: m.fillRight ?? null },
          }
        : null;
      return { type: 'binaryExpr', op: e.op, lhs: translateAst(e.lhs), rhs: translateAst(e.rhs), matching, bool: e.returnBool };
    }
    case 'Call': {
      const f = getFunction(e.func);
      return {
        type: 'call',
        func: { name: e.func, argTypes: f?.argTypes ?? [], variadic: f?.variadic ?? 0, returnType: f?.returnType ?? 'vector' },
        args: e.args.map(translateAst),
      };
    }
    case 'MatrixSelector': {
      const vs = e.vector;
      return {
        type: 'matrixSelector',
        name: vs.name ?? '',
        range: e.rangeMs,
        rangeExpr: durationExpr(e.rangeExpr),
        offset: vs.offsetMs,
        offsetExpr: durationExpr(vs.offsetExpr),
        matchers: matchers(vs.matchers),
        timestamp: timestamp(vs.at),
        startOrEnd: startOrEnd(vs.at),
        anchored: Boolean(e.anchored ?? vs.anchored),
        smoothed: Boolean(e.smoothed ?? vs.smoothed),
      };
    }
    case 'SubqueryExpr':
      return {
        type: 'subquery',
        expr: translateAst(e.expr),
        range: e.rangeMs,
        rangeExpr: durationExpr(e.rangeExpr),
        offset: e.offsetMs,
        offsetExpr: durationExpr(e.offsetExpr),
        step: e.stepMs,
        stepExpr: durationExpr(e.stepExpr),
        timestamp: timestamp(e.at),
        startOrEnd: startOrEnd(e.at),
      };
    case 'DurationExpr':
      return durationExpr(e);
    case 'NumberLiteral':
      return { type: 'numberLiteral', val: formatF(e.value) };
    case 'ParenExpr':
      return { type: 'parenExpr', expr: translateAst(e.expr) };
    case 'StringLiteral':
      return { type: 'stringLiteral', val: e.value };
    case 'UnaryExpr':
      return { type: 'unaryExpr', op: e.op, expr: translateAst(e.expr) };
    case 'VectorSelector':
      return {
        type: 'vectorSelector',
        name: e.name ?? '',
        offset: e.offsetMs,
        offsetExpr: durationExpr(e.offsetExpr),
        matchers: matchers(e.matchers),
        timestamp: timestamp(e.at),
        startOrEnd: startOrEnd(e.at),
        anchored: Boolean(e.anchored),
        smoothed: Boolean(e.smoothed),
      };
  }
}
