// The one table of PromQL aggregation operators (sum, topk, ...), as the
// functions table is for functions: the lexer recognises their names, the
// parser reads their parameter, the REPL completes them, the renderer infers
// units and ordering from them, and the engine keys its implementations by
// AggregationName (src/engine/aggregate.ts), so `tsc` fails when one is missing.

import type { Doc, ResultUnit } from './functions.js';

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
  /** One line for completion, `.help` and docs, in each language. */
  doc: Doc;
}

function agg<const N extends string>(
  name: N,
  doc: Doc,
  facts: Omit<AggregationSignature, 'name' | 'doc'> = {},
): AggregationSignature & { name: N } {
  return { ...facts, name, doc };
}

const ROWS = [
  agg('sum', { en: 'sum of the values in each group', ko: '각 그룹 값의 합' }),
  agg('avg', { en: 'average of the values in each group', ko: '각 그룹 값의 평균' }),
  agg('count', { en: 'number of series in each group', ko: '각 그룹의 시계열 수' }, { unit: 'none' }),
  agg('min', { en: 'smallest value in each group', ko: '각 그룹의 최솟값' }),
  agg('max', { en: 'largest value in each group', ko: '각 그룹의 최댓값' }),
  agg('group', { en: '1 for each group', ko: '그룹마다 1' }, { unit: 'none' }),
  agg('stddev', { en: 'population standard deviation of each group', ko: '각 그룹의 모표준편차' }),
  agg('stdvar', { en: 'population variance of each group', ko: '각 그룹의 모분산' }, { unit: 'none' }),
  agg(
    'topk',
    { en: 'the k series with the largest values in each group', ko: '각 그룹에서 값이 가장 큰 시계열 k개' },
    { param: 'scalar', ordersResult: true },
  ),
  agg(
    'bottomk',
    { en: 'the k series with the smallest values in each group', ko: '각 그룹에서 값이 가장 작은 시계열 k개' },
    { param: 'scalar', ordersResult: true },
  ),
  agg(
    'count_values',
    { en: 'number of series per distinct value, the value in a label', ko: '서로 다른 값마다 그 값을 가진 시계열 수(값은 레이블에)' },
    { param: 'string', unit: 'none' },
  ),
  agg('quantile', { en: 'φ-quantile of the values in each group', ko: '각 그룹 값의 φ 분위수' }, { param: 'scalar' }),
  agg(
    'limitk',
    { en: 'any k series of each group', ko: '각 그룹에서 아무 시계열 k개' },
    { param: 'scalar', ordersResult: true, experimental: true },
  ),
  agg(
    'limit_ratio',
    { en: 'a deterministic sample of a ratio of the series of each group', ko: '각 그룹 시계열 중 일정 비율을 결정적으로 고른 표본' },
    {
      param: 'scalar',
      ordersResult: true,
      experimental: true,
    },
  ),
];

/** The name of an aggregation operator: a row of the table. */
export type AggregationName = (typeof ROWS)[number]['name'];

export const AGGREGATIONS: ReadonlyMap<string, AggregationSignature> = new Map(ROWS.map((a) => [a.name, a]));

/** The aggregation names, in table order. */
export const AGGREGATION_NAMES: readonly AggregationName[] = ROWS.map((a) => a.name);

export function getAggregation(name: string): AggregationSignature | undefined {
  return AGGREGATIONS.get(name);
}
