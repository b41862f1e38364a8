// sum, count, min, max and group straight over a range function, e.g.
// `sum by (job) (rate(x[5m]))`: each series' function values are folded into
// its group as soon as they are computed, in one reused column, instead of
// first building every series of the function's result (100,000 series of
// columns that only live until the aggregation reads them). The result is the
// same, bit for bit: series arrive in the same order, groups are made in the
// same order, and the samples are counted as held just as when evaluated
// node by node (Prometheus's peak samples and limit see no difference).

import type { AggregateExpr } from '../promql/ast.js';
import type { Grid, VSeries } from './types.js';
import type { Evaluator } from './eval.js';
import { foldable, prepareRangeCall, rangeFunctionOf, runRangeCall } from './calls.js';
import { foldsSeries, SeriesFolder } from './aggregate-series.js';
import { groupMetric, metricKey } from './labels.js';
import { checkAbort, holdSamples, settleSamples } from './state.js';

/** Folded (`done`), or not: then `input` is the range function's result when it has been evaluated already. */
type Folded = { done: true; result: VSeries[] } | { done: false; input?: VSeries[] };

export function foldRangeCall(ev: Evaluator, e: AggregateExpr, grid: Grid): Folded {
  const call = e.expr;
  const st = ev.st;
  // Explain's tracer wants the call's own value; parenthesised calls are nodes of their own.
  if (e.param || !foldsSeries(e.op) || call.type !== 'Call' || st.observer) return { done: false };
  const range = rangeFunctionOf(call);
  if (!range) return { done: false };
  // What Evaluator.eval does around a node, for the call.
  const parent = st.node;
  const before = st.currentSamples;
  st.node = call;
  checkAbort(st, true);
  const prepared = prepareRangeCall(ev, call, range.args, range.rangeIdx, range.fn, grid);
  if (!foldable(prepared)) {
    const input = runRangeCall(prepared, grid);
    settleSamples(st, before, { kind: 'vector', series: input });
    st.node = parent;
    return { done: false, input };
  }
  const folder = new SeriesFolder(e.op, grid.n);
  const grouping = new Set(e.grouping);
  const groups = new Map<string, number>();
  let held = 0;
  runRangeCall(prepared, grid, (o, count) => {
    const m = groupMetric(o.metric, e.without, grouping);
    const key = metricKey(m);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = folder.addGroup(m)));
    folder.add(o, g);
    held += count;
  });
  st.currentSamples = before;
  holdSamples(st, held);
  st.node = parent;
  return { done: true, result: folder.result() };
}
