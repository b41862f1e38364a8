// The one table of PromQL aggregation operators (sum, topk, ...), as the
// functions table is for functions: the lexer recognises their names, the
// parser reads their parameter, the REPL completes them, the renderer infers
// units and ordering from them, and the engine keys its implementations by
// AggregationName (src/engine/aggregate.ts), so `tsc` fails when one is missing.

import type { ResultUnit } from './functions.js';

interface AggregationSignature {
  name: string;
  /** The parameter before the vector (`topk(5, x)`, `count_values("v", x)`); absent when there is none. */
  param?: 'scalar' | 'string';
  /** Unit of the result relative to the input (see ResultUnit); 'argument' when absent. */
  unit?: ResultUnit;
  /** Returns its series in a meaningful order (topk...), which presentation must keep. */
  ordersResult?: boolean;
  /** Behind Prometheus's `promql-experimental-functions` flag. */
  experimental?: boolean;
  /** One line for completion, `.help` and docs. */
  doc: string;
}

function agg<const N extends string>(
  name: N,
  doc: string,
  facts: Omit<AggregationSignature, 'name' | 'doc'> = {},
): AggregationSignature & { name: N } {
  return { ...facts, name, doc };
}

const ROWS = [
  agg('sum', 'sum of the values in each group'),
  agg('avg', 'average of the values in each group'),
  agg('count', 'number of series in each group', { unit: 'none' }),
  agg('min', 'smallest value in each group'),
  agg('max', 'largest value in each group'),
  agg('group', '1 for each group', { unit: 'none' }),
  agg('stddev', 'population standard deviation of each group'),
  agg('stdvar', 'population variance of each group', { unit: 'none' }),
  agg('topk', 'the k series with the largest values in each group', { param: 'scalar', ordersResult: true }),
  agg('bottomk', 'the k series with the smallest values in each group', { param: 'scalar', ordersResult: true }),
  agg('count_values', 'number of series per distinct value, the value in a label', { param: 'string', unit: 'none' }),
  agg('quantile', 'φ-quantile of the values in each group', { param: 'scalar' }),
  agg('limitk', 'any k series of each group', { param: 'scalar', ordersResult: true, experimental: true }),
  agg('limit_ratio', 'a deterministic sample of a ratio of the series of each group', {
    param: 'scalar',
    ordersResult: true,
    experimental: true,
  }),
];

/** The name of an aggregation operator: a row of the table. */
export type AggregationName = (typeof ROWS)[number]['name'];

export const AGGREGATIONS: ReadonlyMap<string, AggregationSignature> = new Map(ROWS.map((a) => [a.name, a]));

/** The aggregation names, in table order. */
export const AGGREGATION_NAMES: readonly AggregationName[] = ROWS.map((a) => a.name);

export function getAggregation(name: string): AggregationSignature | undefined {
  return AGGREGATIONS.get(name);
}
