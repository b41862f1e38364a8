// Static result type of an expression (Prometheus's Expr.Type()).

import type { Expr, ValueType } from '../promql/ast.js';
import { getFunction } from '../promql/functions.js';

export function staticType(e: Expr): ValueType {
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
      return staticType(e.expr);
    case 'Call':
      return getFunction(e.func)?.returnType ?? 'vector';
    case 'BinaryExpr':
      return staticType(e.lhs) === 'scalar' && staticType(e.rhs) === 'scalar' ? 'scalar' : 'vector';
  }
}
