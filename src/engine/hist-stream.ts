// `sum` and `avg` of a range function over native histograms, such as
// `sum by (route) (rate(h[5m]))`, without keeping the function's results:
// each series' results go into the groups' running sums as the function
// makes them, and are garbage right after. Kept all at once (as the general
// path does, step by step over every input series) they are tens of
// thousands of histogram objects that the garbage collector copies and
// promotes: most of such a query's time.
//
// The results are the same: each group's sum at each step takes the same
// inputs in the same order (input series order) through the same
// StepAggregation (hist-aggregate.ts). Sample accounting is the same too: the
// function's results count as held until the aggregation is done.

import type { AggregateExpr, Call, Expr } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import type { Evaluator } from './eval.js';
import type { Grid, VSeries } from './types.js';
import { newVSeries, setHist } from './types.js';
import { checkAbort, holdSamples } from './state.js';
import { metricKey } from './labels.js';
import { unparen } from './vecfns.js';
import { selectIds } from './selectors.js';
import { prepareRangeFunctionCall, runRangeCall } from './calls.js';
import { denseHistogramSum } from './hist-dense.js';
import { StepAggregation, type GroupState } from './hist-aggregate.js';

/** Range functions whose result over histograms is a histogram (the ones worth streaming). */
const STREAMED = new Set([
  'rate',
  'increase',
  'delta',
  'irate',
  'idelta',
  'sum_over_time',
  'avg_over_time',
  'last_over_time',
  'first_over_time',
]);

/** What streamHistogramAggregation did: the aggregation's result, or the evaluated input when it held no histogram. */
export type StreamOutcome = { result: VSeries[] } | { input: VSeries[] } | undefined;

/** The call to stream, when the aggregation is a sum/avg of such a function over a selector of series with histograms. */
function streamable(ev: Evaluator, e: AggregateExpr): Call | undefined {
  if ((e.op !== 'sum' && e.op !== 'avg') || ev.st.observer) return undefined;
  const call = unparen(e.expr);
  if (call.type !== 'Call' || !STREAMED.has(call.func)) return undefined;
  const range = call.args.map(unparen).find((a): a is Extract<Expr, { type: 'MatrixSelector' }> => a.type === 'MatrixSelector');
  if (!range) return undefined;
  const ids = selectIds(ev.store, range.vector.matchers, ev.st);
  return ids.some((id) => ev.store.samples(id).h !== undefined) ? call : undefined;
}

/**
 * Streams `sum`/`avg` of a histogram range function (see the top of this
 * file). Undefined when it does not apply; `{ input }` when the function's
 * results held no histogram after all (the float aggregation takes them).
 */
export function streamHistogramAggregation(ev: Evaluator, e: AggregateExpr, grid: Grid, groupMetric: (m: Metric) => Metric): StreamOutcome {
  const call = streamable(ev, e);
  if (!call) return undefined;
  const st = ev.st;
  const parent = st.node;
  const before = st.currentSamples;
  st.node = call;
  const prepared = prepareRangeFunctionCall(ev, call, grid);
  // sum of rate/increase over NHCB series read in place: no histogram a series and step (hist-dense.ts).
  const dense = e.op === 'sum' ? denseHistogramSum(prepared, grid, groupMetric, st.denseFor === e) : undefined;
  if (dense) {
    st.currentSamples = before;
    holdSamples(st, dense.held);
    st.node = parent;
    return { result: dense.result };
  }
  let agg: SeriesMajorSums | undefined;
  const buffered: VSeries[] = [];
  let held = 0;
  runRangeCall(prepared, grid, undefined, (o, count) => {
    held += count;
    if (agg) return agg.add(o);
    buffered.push(o);
    if (!o.h) return;
    // The first series with a histogram: the aggregation is a histogram one, fed from here on.
    agg = new SeriesMajorSums(ev, e, grid, groupMetric);
    for (const s of buffered) agg.add(s);
    buffered.length = 0;
  });
  // As Evaluator.eval settles a node: its results count as held.
  st.currentSamples = before;
  holdSamples(st, held);
  st.node = parent;
  return agg ? { result: agg.results() } : { input: buffered };
}

/** sum/avg states per group and step, fed series by series. */
class SeriesMajorSums {
  private readonly n: number;
  private readonly agg: StepAggregation;
  private readonly keyToGroup = new Map<string, number>();
  private readonly groupMetrics: Metric[] = [];
  /** State of group g at step i: states[g * n + i]. */
  private readonly states: (GroupState | undefined)[] = [];

  constructor(
    private readonly ev: Evaluator,
    e: AggregateExpr,
    grid: Grid,
    private readonly groupMetric: (m: Metric) => Metric,
  ) {
    this.n = grid.n;
    this.agg = new StepAggregation(e.op, ev.st, e);
  }

  private groupOf(metric: Metric): number {
    const m = this.groupMetric(metric);
    const key = metricKey(m);
    let g = this.keyToGroup.get(key);
    if (g === undefined) {
      g = this.groupMetrics.length;
      this.keyToGroup.set(key, g);
      this.groupMetrics.push(m);
      this.states.length += this.n;
    }
    return g;
  }

  add(s: VSeries): void {
    checkAbort(this.ev.st);
    const base = this.groupOf(s.metric) * this.n;
    const name = s.metric.__name__ ?? '';
    for (let i = 0; i < this.n; i++) {
      if (!s.p[i]) continue;
      const h: FloatHistogram | undefined = s.h?.[i];
      const f = h ? 0 : s.v[i];
      const g = this.states[base + i];
      if (!g || !g.seen) {
        // A range function's results are new histograms, one per step, that nothing else holds.
        this.states[base + i] = this.agg.first(f, h, s.dropName, true);
        continue;
      }
      if (g.incompatible) continue;
      if (s.dropName) g.dropName = true;
      this.agg.add(g, f, h, name);
    }
  }

  results(): VSeries[] {
    const out: VSeries[] = [];
    for (let gi = 0; gi < this.groupMetrics.length; gi++) {
      checkAbort(this.ev.st);
      const o = newVSeries(this.groupMetrics[gi], this.n);
      let any = false;
      let dropName = false;
      for (let i = 0; i < this.n; i++) {
        const g = this.states[gi * this.n + i];
        if (!g || !g.seen) continue;
        const r = this.agg.result(g, NaN);
        if (r === undefined) continue;
        if (typeof r === 'number') {
          o.v[i] = r;
          o.p[i] = 1;
        } else setHist(o, i, r);
        any = true;
        if (g.dropName) dropName = true;
      }
      if (!any) continue;
      o.dropName = dropName;
      out.push(o);
    }
    return out;
  }
}
