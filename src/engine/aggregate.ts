// Aggregation operators with Prometheus's float algorithms: Kahan-Neumaier
// sums, avg's switch to an incremental mean on overflow, Welford variance,
// and container/heap-exact topk/bottomk/limitk selection.

import type { AggregateExpr } from '../promql/ast.js';
import type { AggregationName } from '../promql/aggregations.js';
import type { Metric } from '../model/result.js';
import type { Grid, Val, VSeries } from './types.js';
import { annotate, floatsOnly, newVSeries } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { checkAbort, execError, holdSamples } from './state.js';
import { groupMetric, metricKey, setLabel } from './labels.js';
import { foldRangeCall } from './fold-range.js';
import { formatFloatF, formatG, kahanInc, ks } from './numeric.js';
import { quantile } from './quantile.js';
import { aggregateK, paramRange, type Grouped } from './select-k.js';
import { aggregateWithHistograms, hasHistograms } from './hist-aggregate.js';
import { streamHistogramAggregation } from './hist-stream.js';
import { histNotes } from './hist-notes.js';
import { unparen } from './vecfns.js';
import { aggregateSeriesMajor } from './aggregate-series.js';
import { goQuote } from '../promql/strings.js';
import type { Bucket, FloatHistogram } from '../histogram/histogram.js';

/**
 * Evaluates the parameter, then the input (Prometheus's order), and groups the
 * input in order of first appearance; `evaluated`: the input, already evaluated.
 */
function groupInput(ev: Evaluator, e: AggregateExpr, grid: Grid, evaluated?: VSeries[]): Grouped {
  const param = e.param ? ev.evalScalar(e.param, grid) : undefined;
  return groupSeries(e, evaluated ?? ev.evalVector(e.expr, grid), param);
}

function groupSeries(e: AggregateExpr, input: VSeries[], param?: Float64Array): Grouped {
  const grouping = new Set(e.grouping);
  const keyToGroup = new Map<string, number>();
  const groupOf = new Int32Array(input.length);
  const groupMetrics: Metric[] = [];
  for (let i = 0; i < input.length; i++) {
    const m = groupMetric(input[i].metric, e.without, grouping);
    const key = metricKey(m);
    let g = keyToGroup.get(key);
    if (g === undefined) {
      g = groupMetrics.length;
      keyToGroup.set(key, g);
      groupMetrics.push(m);
    }
    groupOf[i] = g;
  }
  return { input, groupOf, groupMetrics, param };
}

type AggregateImpl = (ev: Evaluator, e: AggregateExpr, grid: Grid) => VSeries[];

/**
 * sum/avg of a range function over native histograms go through
 * hist-stream.ts (its results aggregated as they are made); otherwise, or when
 * they held no histogram after all, the input grouped as usual.
 */
function streamedOrGrouped(ev: Evaluator, e: AggregateExpr, grid: Grid, fold = false): VSeries[] | Grouped {
  const grouping = new Set(e.grouping);
  const streamed = streamHistogramAggregation(ev, e, grid, (m) => groupMetric(m, e.without, grouping));
  if (streamed) return 'result' in streamed ? streamed.result : groupSeries(e, streamed.input);
  if (!fold) return groupInput(ev, e, grid);
  // Over a float range function (`sum by (job) (rate(x[5m]))`), its series are folded as they are computed.
  const folded = foldRangeCall(ev, e, grid);
  return folded.done ? folded.result : groupInput(ev, e, grid, folded.input);
}

const seriesMajor: AggregateImpl = (ev, e, grid) => {
  const grouped = streamedOrGrouped(ev, e, grid, true);
  if (Array.isArray(grouped)) return grouped;
  if (hasHistograms(grouped.input)) return aggregateWithHistograms(ev, e, grouped, grid);
  return aggregateSeriesMajor(ev, e.op, grouped, grid);
};
const stepMajor: AggregateImpl = (ev, e, grid) => {
  const grouped = streamedOrGrouped(ev, e, grid);
  if (Array.isArray(grouped)) return grouped;
  if (hasHistograms(grouped.input)) return aggregateWithHistograms(ev, e, grouped, grid);
  return aggregateStepMajor(ev, e.op, grouped, grid);
};
const selectK: AggregateImpl = (ev, e, grid) => {
  const grouped = groupInput(ev, e, grid);
  if ((e.op === 'topk' || e.op === 'bottomk') && hasHistograms(grouped.input)) {
    // topk/bottomk rank floats: histogram samples are left out, with Prometheus's note.
    annotate(ev.st, 'info', histNotes.ignoredInAggregation(e.op), e.pos);
    grouped.input = grouped.input.map(floatsOnly);
  }
  return aggregateK(ev, e, grouped, grid);
};

const quantileAggregate: AggregateImpl = (ev, e, grid) => {
  const grouped = groupInput(ev, e, grid);
  if (grouped.param) {
    const { min, max, nan } = paramRange(grouped.param);
    const pos = e.param!.pos;
    if (nan) annotate(ev.st, 'warning', 'quantile value should be between 0 and 1, got NaN', pos);
    if (max > 1) annotate(ev.st, 'warning', `quantile value should be between 0 and 1, got ${formatG(max)}`, pos);
    if (min < 0) annotate(ev.st, 'warning', `quantile value should be between 0 and 1, got ${formatG(min)}`, pos);
  }
  if (hasHistograms(grouped.input)) return aggregateWithHistograms(ev, e, grouped, grid);
  return aggregateStepMajor(ev, e.op, grouped, grid);
};

/**
 * How the engine evaluates each aggregation: one record keyed by the
 * aggregations table (src/promql/aggregations.ts), so `tsc` fails when one is
 * missing. The cheap ones run series-major (sequential memory access).
 */
const AGGREGATORS: { readonly [K in AggregationName]: AggregateImpl } = {
  sum: seriesMajor,
  avg: stepMajor,
  count: seriesMajor,
  min: seriesMajor,
  max: seriesMajor,
  group: seriesMajor,
  stddev: stepMajor,
  stdvar: stepMajor,
  topk: selectK,
  bottomk: selectK,
  count_values: (ev, e, grid) => countValues(ev, e, grid),
  quantile: quantileAggregate,
  limitk: selectK,
  limit_ratio: selectK,
};

export function evalAggregate(ev: Evaluator, e: AggregateExpr, grid: Grid): Val {
  return { kind: 'vector', series: AGGREGATORS[e.op](ev, e, grid) };
}

/** Per-group running state of a step-major aggregation at one step. */
class StepAccumulators {
  readonly seen: Uint8Array;
  readonly value: Float64Array;
  readonly mean: Float64Array;
  readonly comp: Float64Array;
  readonly count: Float64Array;
  readonly incremental: Uint8Array;
  readonly dropName: Uint8Array;
  readonly heaps: number[][];

  constructor(
    readonly op: string,
    groups: number,
  ) {
    this.seen = new Uint8Array(groups);
    this.value = new Float64Array(groups);
    this.mean = new Float64Array(groups);
    this.comp = new Float64Array(groups);
    this.count = new Float64Array(groups);
    this.incremental = new Uint8Array(groups);
    this.dropName = new Uint8Array(groups);
    this.heaps = op === 'quantile' ? Array.from({ length: groups }, () => []) : [];
  }

  /** The first sample of group g at this step. */
  start(g: number, f: number): void {
    const { op } = this;
    this.seen[g] = 1;
    this.value[g] = f;
    this.mean[g] = f;
    this.comp[g] = 0;
    this.count[g] = 1;
    this.incremental[g] = 0;
    if (op === 'stddev' || op === 'stdvar') this.value[g] = f !== f || f === Infinity || f === -Infinity ? NaN : 0;
    else if (op === 'group') this.value[g] = 1;
    else if (op === 'quantile') this.heaps[g] = [f];
  }

  /** Every further sample of group g at this step, with Prometheus's float algorithms. */
  add(g: number, f: number): void {
    const { value, comp, count, mean } = this;
    switch (this.op) {
      case 'avg':
        this.addAvg(g, f);
        break;
      case 'count':
        count[g]++;
        break;
      case 'stddev':
      case 'stdvar': {
        const n = ++count[g];
        const delta = f - mean[g];
        mean[g] += delta / n;
        value[g] += delta * (f - mean[g]);
        break;
      }
      case 'quantile':
        this.heaps[g].push(f);
        break;
      case 'sum':
        kahanInc(f, value[g], comp[g]);
        value[g] = ks.sum;
        comp[g] = ks.c;
        break;
      case 'max':
        if (value[g] < f || value[g] !== value[g]) value[g] = f;
        break;
      case 'min':
        if (value[g] > f || value[g] !== value[g]) value[g] = f;
        break;
      case 'group':
        break;
      default:
        throw execError(`unknown aggregation ${this.op}`);
    }
  }

  /** avg: a Kahan sum, switching to an incremental mean when the sum overflows. */
  private addAvg(g: number, f: number): void {
    const { value, comp, count, mean } = this;
    const n = ++count[g];
    if (!this.incremental[g]) {
      kahanInc(f, value[g], comp[g]);
      if (ks.sum !== Infinity && ks.sum !== -Infinity) {
        value[g] = ks.sum;
        comp[g] = ks.c;
        return;
      }
      this.incremental[g] = 1;
      mean[g] = value[g] / (n - 1);
      comp[g] /= n - 1;
    }
    const q = (n - 1) / n;
    kahanInc(f / n, q * mean[g], q * comp[g]);
    mean[g] = ks.sum;
    comp[g] = ks.c;
  }

  /** Group g's result at this step; `param` is quantile's φ. */
  result(g: number, param: number): number {
    const { value, comp, count, mean } = this;
    switch (this.op) {
      case 'avg':
        return this.incremental[g] ? mean[g] + comp[g] : value[g] / count[g] + comp[g] / count[g];
      case 'count':
        return count[g];
      case 'stdvar':
        return value[g] / count[g];
      case 'stddev':
        return Math.sqrt(value[g] / count[g]);
      case 'quantile':
        return quantile(param, this.heaps[g]);
      case 'sum':
        return value[g] + comp[g];
      default:
        return value[g];
    }
  }
}

/** The aggregations that need per-step state across a group's inputs (avg, stddev, stdvar, quantile), step by step. */
function aggregateStepMajor(ev: Evaluator, op: string, grouped: Grouped, grid: Grid): VSeries[] {
  const { input, groupOf, groupMetrics, param } = grouped;
  const G = groupMetrics.length;
  const outs = groupMetrics.map((m) => newVSeries(m, grid.n));
  const acc = new StepAccumulators(op, G);
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    acc.seen.fill(0);
    for (let si = 0; si < input.length; si++) {
      const s = input[si];
      if (!s.p[i]) continue;
      const g = groupOf[si];
      if (s.dropName) acc.dropName[g] = 1;
      if (!acc.seen[g]) acc.start(g, s.v[i]);
      else acc.add(g, s.v[i]);
    }
    for (let g = 0; g < G; g++) {
      if (!acc.seen[g]) continue;
      outs[g].v[i] = acc.result(g, param ? param[i] : NaN);
      outs[g].p[i] = 1;
    }
  }
  const result: VSeries[] = [];
  for (let g = 0; g < G; g++) {
    if (!outs[g].p.includes(1)) continue;
    outs[g].dropName = acc.dropName[g] === 1;
    result.push(outs[g]);
  }
  return result;
}

/** Go's FloatHistogram.String(): count_values' label for a histogram sample. */
function histogramString(h: FloatHistogram): string {
  const bucket = (b: Bucket): string =>
    `${b.lowerInclusive ? '[' : '('}${formatG(b.lower)},${formatG(b.upper)}${b.upperInclusive ? ']' : ')'}:${formatG(b.count)}`;
  const parts = [`{count:${formatG(h.count)}, sum:${formatG(h.sum)}`];
  const neg: string[] = [];
  for (let i = 0; i < h.negative.idx.length; i++)
    if (h.negative.cnt[i] !== 0) neg.push(bucket(h.bucketAt(false, h.negative.idx[i], h.negative.cnt[i])));
  parts.push(...neg.reverse());
  if (h.zeroCount !== 0) parts.push(bucket(h.zeroBucket()));
  for (let i = 0; i < h.positive.idx.length; i++)
    if (h.positive.cnt[i] !== 0) parts.push(bucket(h.bucketAt(true, h.positive.idx[i], h.positive.cnt[i])));
  return `${parts.join(', ')}}`;
}

/**
 * count_values: each input series' labels with the value label set, grouped.
 * The output labels depend on the series only through its class (its labels
 * grouped with a placeholder value), so each class keeps its outputs by value
 * string, and value strings are cached per number.
 */
function countValues(ev: Evaluator, e: AggregateExpr, grid: Grid): VSeries[] {
  const grouping = new Set(e.grouping);
  const param = e.param ? unparen(e.param) : undefined;
  const labelName = param && param.type === 'StringLiteral' ? param.value : '';
  // Invalid UTF-8 bytes come out of the lexer as lone surrogates (promql/strings.ts).
  if (labelName === '' || /(?<![\ud800-\udbff])[\udc80-\udcff]/.test(labelName))
    throw execError(`invalid label name ${goQuote(labelName)}`);
  if (!e.without) grouping.add(labelName);
  const input = ev.evalVector(e.expr, grid);
  const classes = new Map<string, Map<string, VSeries>>();
  // Whether the value label survives the grouping (`without` can remove it): else one output per class.
  let valueKept = true;
  const classOf = input.map((s) => {
    const m = groupMetric(setLabel(s.metric, labelName, PLACEHOLDER), e.without, grouping);
    valueKept = m[labelName] === PLACEHOLDER;
    const key = metricKey(m);
    let c = classes.get(key);
    if (!c) classes.set(key, (c = new Map()));
    return c;
  });
  const outs: VSeries[] = [];
  const strings = new Map<number, string>();
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    for (let si = 0; si < input.length; si++) {
      const s = input[si];
      if (!s.p[i]) continue;
      const h = s.h?.[i];
      const value = h ? histogramString(h) : floatString(s.v[i], strings);
      const byValue = valueKept ? value : '';
      let o = classOf[si].get(byValue);
      if (!o) {
        // Each output series is stored over every step: that is what it holds.
        holdSamples(ev.st, grid.n);
        o = newVSeries(groupMetric(setLabel(s.metric, labelName, value), e.without, grouping), grid.n);
        classOf[si].set(byValue, o);
        outs.push(o);
      }
      if (!o.p[i]) {
        o.p[i] = 1;
        o.v[i] = 0;
      }
      o.v[i]++;
    }
  }
  return mergeSameLabels(outs);
}

/** A value no formatted number can be: stands for the value label while classing series. */
const PLACEHOLDER = '\u0000';

/** count_values' label for a float (Go's 'f' formatting), cached: a query's values repeat. -0 is apart ("-0"). */
function floatString(x: number, cache: Map<number, string>): string {
  if (x === 0) return formatFloatF(x);
  let str = cache.get(x);
  if (str === undefined) {
    str = formatFloatF(x);
    if (cache.size < 100_000) cache.set(x, str);
  }
  return str;
}
