// Aggregation diagnosis: the groups, how many input series fell into each,
// and which input labels do not survive — from the input's result, with
// Prometheus's grouping (by: only the listed labels; without: every label but
// the listed ones and the metric name).

import type { InstantSample, Metric, QueryResult } from '../model/result.js';
import type { AggregateExpr } from '../promql/ast.js';
import type { AggregationDiagnosis } from './model.js';
import { t } from '../util/messages/index.js';
import { compareForDisplay } from '../render/vector.js';

const SHOWN_GROUPS = 10;
/** Aggregations whose output series keep every input label (they select, not combine). */
const SELECTING = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

export function groupLabels(m: Metric, a: AggregateExpr): Metric {
  const out: Metric = {};
  if (!a.without) {
    for (const l of a.grouping) if (m[l] !== undefined && m[l] !== '') out[l] = m[l];
    return out;
  }
  const dropped = new Set(a.grouping);
  for (const [k, v] of Object.entries(m)) if (k !== '__name__' && !dropped.has(k)) out[k] = v;
  return out;
}

function groupingWords(a: AggregateExpr): string {
  if (a.without) return `without (${a.grouping.join(', ')})`;
  if (a.grouping.length > 0) return `by (${a.grouping.join(', ')})`;
  return t('explain.agg.allIntoOne');
}

export function diagnoseAggregation(a: AggregateExpr, input: QueryResult | undefined): AggregationDiagnosis | undefined {
  if (input?.data.resultType !== 'vector') return undefined;
  const samples: InstantSample[] = input.data.result;
  const groups = new Map<string, { labels: Metric; inputs: number }>();
  const inputLabels = new Set<string>();
  for (const s of samples) {
    for (const k of Object.keys(s.metric)) inputLabels.add(k);
    const labels = groupLabels(s.metric, a);
    const k = JSON.stringify(Object.entries(labels).sort(([x], [y]) => (x < y ? -1 : 1)));
    const g = groups.get(k);
    if (g) g.inputs++;
    else groups.set(k, { labels, inputs: 1 });
  }
  const kept = new Set<string>();
  for (const g of groups.values()) for (const k of Object.keys(g.labels)) kept.add(k);
  if (a.op === 'count_values' && a.param?.type === 'StringLiteral') kept.add(a.param.value);
  const droppedLabels = SELECTING.has(a.op)
    ? []
    : [...inputLabels].filter((l) => !kept.has(l)).sort((x, y) => (x === '__name__' ? -1 : y === '__name__' ? 1 : x < y ? -1 : 1));
  const list = [...groups.values()].sort((x, y) => compareForDisplay(x.labels, y.labels));
  return {
    inputCount: samples.length,
    groupCount: list.length,
    grouping: groupingWords(a),
    groups: list.slice(0, SHOWN_GROUPS),
    droppedLabels,
  };
}
