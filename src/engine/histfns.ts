// histogram_quantile, histogram_quantiles and histogram_fraction over classic
// `le` buckets, as Prometheus's funcHistogramQuantile over float series.

import type { Call, Expr, PositionRange } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { Grid, Val, VSeries } from './types.js';
import { annotate, newVSeries } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { checkAbort } from './state.js';
import { dropReserved, metricKey, setLabel } from './labels.js';
import { bucketFraction, bucketQuantile, type Bucket } from './quantile.js';
import { formatG } from './numeric.js';
import { noteForcedMonotonicity } from './monotonicity.js';
import { stringArg } from './labelfns.js';
import { histogramFraction, histogramQuantile } from '../histogram/stats.js';
import { FloatHistogram } from '../histogram/histogram.js';
import { unparen } from './vecfns.js';

/** Go's strconv.ParseFloat for `le` values; undefined when it would fail. */
function parseLe(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (/^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && !s.includes('_')) return Number(s);
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) return Number(s.replace(/^([+-]?)0[xX]/, '$10x')) * 1;
  return undefined;
}

interface BucketGroup {
  metric: Metric;
  members: { series: VSeries; le: number }[];
  outs: VSeries[];
}

/** Go's labels.FormatOpenMetricsFloat: integral values get ".0". */
function formatOpenMetricsFloat(q: number): string {
  const str = formatG(q);
  if (Number.isFinite(q) && Number.isInteger(q) && !/[e.]/.test(str)) return `${str}.0`;
  return str;
}

/** The evaluated arguments of one histogram call, whichever of the three it is. */
interface HistogramCall {
  mode: 'quantile' | 'quantiles' | 'fraction';
  /** The quantile(s) at every step (for fraction: the lower bound). */
  qs: Float64Array[];
  qPos: PositionRange[];
  /** histogram_fraction's upper bound at every step. */
  upper?: Float64Array;
  /** histogram_quantiles' output label. */
  qLabel: string;
  vec: VSeries[];
  posV: PositionRange;
  posAnno: PositionRange;
}

/** Arguments in Prometheus's evaluation order: the scalars, then the buckets. */
function evalHistogramArgs(ev: Evaluator, e: Call, args: Expr[], grid: Grid): HistogramCall {
  const mode = e.func === 'histogram_fraction' ? 'fraction' : e.func === 'histogram_quantiles' ? 'quantiles' : 'quantile';
  let qs: Float64Array[];
  let qPos: PositionRange[];
  let upper: Float64Array | undefined;
  let vecIdx: number;
  let qLabel = '';
  if (mode === 'quantiles') {
    qLabel = stringArg(args[1]);
    qs = args.slice(2).map((a) => ev.evalScalar(a, grid));
    qPos = e.args.slice(2).map((a) => a.pos);
    vecIdx = 0;
  } else if (mode === 'quantile') {
    qs = [ev.evalScalar(args[0], grid)];
    qPos = [e.args[0].pos];
    vecIdx = 1;
  } else {
    qs = [ev.evalScalar(args[0], grid)];
    qPos = [e.args[0].pos];
    upper = ev.evalScalar(args[1], grid);
    vecIdx = 2;
  }
  // A sum of native histograms given to this function may come as numbers, read in place (VSeries.hd, hist-dense.ts).
  const arg = unparen(args[vecIdx]);
  const saved = ev.st.denseFor;
  ev.st.denseFor = arg.type === 'AggregateExpr' ? arg : undefined;
  let vec: VSeries[];
  try {
    vec = ev.evalVector(args[vecIdx], grid);
  } finally {
    ev.st.denseFor = saved;
  }
  const posV = e.args[vecIdx].pos;
  const posAnno = posV;
  return { mode, qs, qPos, upper, qLabel, vec, posV, posAnno };
}

/** Buckets grouped by their labels without `le`; series whose `le` does not parse are returned apart. */
function groupBuckets(vec: VSeries[], delayed: boolean): { groups: Map<string, BucketGroup>; bad: VSeries[] } {
  const groups = new Map<string, BucketGroup>();
  const bad: VSeries[] = [];
  for (const s of vec) {
    const le = parseLe(s.metric.le);
    if (le === undefined) {
      bad.push(s);
      continue;
    }
    const rest: Metric = {};
    for (const k in s.metric) if (k !== 'le') rest[k] = s.metric[k];
    const key = metricKey(rest);
    let g = groups.get(key);
    if (!g) {
      const m: Metric = {};
      for (const k in rest) if (k !== '__name__') m[k] = rest[k];
      groups.set(key, (g = { metric: delayed ? m : dropReserved(m), members: [], outs: [] }));
    }
    g.members.push({ series: s, le });
  }
  return { groups, bad };
}

/** Whether step i of the series holds a native histogram. */
function nativeAt(s: VSeries, i: number): boolean {
  return s.hd !== undefined ? s.p[i] === 1 : s.h !== undefined && s.h[i] !== undefined;
}

/** The warnings of step i: quantiles out of [0, 1], and buckets without a usable `le`. */
function warnStep(ev: Evaluator, h: HistogramCall, bad: VSeries[], i: number): void {
  const st = ev.st;
  if (h.mode !== 'fraction') {
    for (let k = 0; k < h.qs.length; k++) {
      const q = h.qs[k][i];
      if (q !== q || q < 0 || q > 1) annotate(st, 'warning', `quantile value should be between 0 and 1, got ${formatG(q)}`, h.qPos[k]);
    }
  }
  for (const s of bad) {
    if (!s.p[i] || nativeAt(s, i)) continue;
    const name = st.delayedNameRemoval && s.metric.__name__ ? ` for metric name "${s.metric.__name__}"` : '';
    annotate(st, 'warning', `bucket label "le" is missing or has a malformed value of "${s.metric.le ?? ''}"${name}`, h.posV);
  }
}

/** The value of quantile k of one group at step i; undefined when the group has no bucket there. */
function groupValue(ev: Evaluator, h: HistogramCall, g: BucketGroup, k: number, i: number, grid: Grid): number | undefined {
  const buckets: Bucket[] = [];
  for (const m of g.members) if (m.series.p[i] && !nativeAt(m.series, i)) buckets.push({ upperBound: m.le, count: m.series.v[i] });
  if (buckets.length === 0) return undefined;
  if (h.mode === 'fraction') return bucketFraction(h.qs[0][i], h.upper![i], buckets);
  const r = bucketQuantile(h.qs[k][i], buckets);
  if (r.forcedMonotonic) {
    const name = ev.st.delayedNameRemoval ? (g.metric.__name__ ?? '') : '';
    noteForcedMonotonicity(ev.st, name, h.posAnno, grid.start + i * grid.step, r);
  }
  return r.value;
}

/**
 * A native histogram and classic buckets with the same labels at one step:
 * Prometheus warns and computes neither. Returns the native series and the
 * classic groups to leave out at step i.
 */
function nativeConflicts(ev: Evaluator, h: HistogramCall, natives: VSeries[], groups: Map<string, BucketGroup>, i: number): Set<unknown> {
  const out = new Set<unknown>();
  for (const s of natives) {
    if (!nativeAt(s, i)) continue;
    const g = groups.get(metricKey(s.metric));
    if (!g || !g.members.some((m) => m.series.p[i] && !nativeAt(m.series, i))) continue;
    const name = ev.st.delayedNameRemoval && s.metric.__name__ ? ` for metric name ${JSON.stringify(s.metric.__name__)}` : '';
    annotate(ev.st, 'warning', `vector contains a mix of classic and native histograms${name}`, h.posAnno);
    out.add(s);
    out.add(g);
  }
  return out;
}

const NAN_INFO = {
  'quantile-nan-result': 'input to histogram_quantile has NaN observations, result is NaN',
  'quantile-nan-skew': 'input to histogram_quantile has NaN observations, result is skewed higher',
  'fraction-nans': 'input to histogram_fraction has NaN observations, which are excluded from all fractions',
} as const;

/** The histogram a dense series' step is read into (used at once, never kept). */
const scratch = new FloatHistogram();

/** Quantile k (or the fraction) of the native histogram at step i. */
function nativeValue(ev: Evaluator, h: HistogramCall, s: VSeries, k: number, i: number): number {
  if (s.hd && h.mode !== 'fraction') {
    // A dense sum's step, read in place (undefined: NaN observations, read as a histogram for the note).
    const value = s.hd.quantile(h.qs[k][i], i);
    if (value !== undefined) return value;
  }
  const hist = s.hd ? s.hd.read(i, scratch) : s.h![i]!;
  const r = h.mode === 'fraction' ? histogramFraction(h.qs[0][i], h.upper![i], hist) : histogramQuantile(h.qs[k][i], hist);
  if (r.nanInfo) {
    const name = ev.st.delayedNameRemoval ? (s.metric.__name__ ?? '') : '';
    annotate(ev.st, 'info', NAN_INFO[r.nanInfo] + (name ? ` for metric name ${JSON.stringify(name)}` : ''), h.posAnno);
  }
  return r.value;
}

/** histogram_quantile(s) / histogram_fraction over native histograms and classic `le` buckets. */
export function classicHistogram(ev: Evaluator, e: Call, args: Expr[], grid: Grid): Val {
  const h = evalHistogramArgs(ev, e, args, grid);
  const { groups, bad } = groupBuckets(h.vec, ev.st.delayedNameRemoval);
  const out: VSeries[] = [];
  const natives = h.vec.filter((s) => s.h !== undefined || s.hd !== undefined);
  const nativeOuts = natives.map(() => [] as VSeries[]);
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    warnStep(ev, h, bad, i);
    const conflicts = nativeConflicts(ev, h, natives, groups, i);
    for (let k = 0; k < h.qs.length; k++) {
      natives.forEach((s, n) => {
        if (!nativeAt(s, i) || conflicts.has(s)) return;
        const value = nativeValue(ev, h, s, k, i);
        let o = nativeOuts[n][k];
        if (!o) {
          const m = ev.st.delayedNameRemoval ? s.metric : dropReserved(s.metric);
          const metric = h.mode === 'quantiles' ? setLabel(m, h.qLabel, formatOpenMetricsFloat(h.qs[k][i])) : m;
          o = nativeOuts[n][k] = newVSeries(metric, grid.n, true);
          out.push(o);
        }
        o.v[i] = value;
        o.p[i] = 1;
      });
      for (const g of groups.values()) {
        if (conflicts.has(g)) continue;
        const value = groupValue(ev, h, g, k, i, grid);
        if (value === undefined) continue;
        let o = g.outs[k];
        if (!o) {
          const metric = h.mode === 'quantiles' ? setLabel(g.metric, h.qLabel, formatOpenMetricsFloat(h.qs[k][i])) : g.metric;
          o = g.outs[k] = newVSeries(metric, grid.n, true);
          out.push(o);
        }
        o.v[i] = value;
        o.p[i] = 1;
      }
    }
  }
  return { kind: 'vector', series: mergeSameLabels(out) };
}
