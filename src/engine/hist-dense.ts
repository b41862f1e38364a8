// `sum` of `rate`/`increase` over NHCB series read in place from classic
// columns (src/storage/histogram-cumulative.ts), such as
// `sum by (route) (rate(http_request_duration_seconds[5m]))`, with no
// histogram object per series and step: each series' rate at each step goes
// from the cumulative columns (hist-dense-window.ts) straight into its
// group's bucket accumulators (Float64Arrays, as wide as the buckets), series
// by series over blocks of steps, so each series' columns are read in order.
// Each group's sum at each step is kept as numbers (DenseHistograms): made
// into histograms for the aggregation's result, or read in place by
// histogram_quantile & co when they asked for it (QueryState.denseFor).
//
// The results are bit for bit those of the general path (hist-rangefns.ts's
// histRate, then StepAggregation's sum, as hist-stream.ts runs them): the
// same float operations in the same order, but for signs of zero in buckets
// that Compact(0) drops (see GroupSums). The group's sum is Prometheus's
// Kahan sum of its inputs in input series order, bucket by bucket, a bucket
// an input lacks skipped as the bucket-list merge skips it. Inputs this does
// not take (other columns, floats among the samples, other bounds, start
// timestamps, anchored or smoothed ranges) leave the query to hist-stream.ts;
// none of the inputs it takes can raise an annotation, so it raises none.
// test/engine/hist-dense.test.ts compares the two paths.

import type { Metric } from '../model/result.js';
import { FloatHistogram } from '../histogram/histogram.js';
import { CUSTOM_BUCKETS_SCHEMA, customBoundsMatch } from '../histogram/bounds.js';
import { CumulativeHistograms } from '../storage/histogram-cumulative.js';
import type { Grid, RSeries, VSeries } from './types.js';
import { newVSeries, setHist } from './types.js';
import { checkAbort } from './state.js';
import { dropReserved, metricKey } from './labels.js';
import { distinctWithoutName, type RangeCall } from './calls.js';
import { WindowRates, denseSeries, type DenseSeries } from './hist-dense-window.js';

/** The series as inputs of the dense sum, or undefined when one of them does not fit (see the top of this file). */
function denseInputs(call: RangeCall): { inputs: DenseSeries[]; bounds: readonly number[] } | undefined {
  const { e, src, args, rangeIdx } = call;
  if ((e.func !== 'rate' && e.func !== 'increase') || src.anchored || src.smoothed || src.series.length === 0) return undefined;
  if (!call.ev.st.delayedNameRemoval && !distinctWithoutName(args[rangeIdx], src.series)) return undefined;
  let bounds: readonly number[] | undefined;
  const inputs: DenseSeries[] = [];
  for (const s of src.series) {
    const col = histogramsOnly(s);
    const parts = col?.parts();
    if (!col || !parts || (bounds && !customBoundsMatch(bounds, parts.bounds))) return undefined;
    bounds ??= parts.bounds;
    inputs.push(denseSeries(col, s.t, s.length, parts));
  }
  return { inputs, bounds: bounds! };
}

/** The column of a series whose every sample is an NHCB read in place, without start timestamps. */
function histogramsOnly(s: RSeries): CumulativeHistograms | undefined {
  if (!(s.h instanceof CumulativeHistograms) || s.st || !s.h.allHistograms(s.length)) return undefined;
  return s.h;
}

/**
 * Running Kahan sums of each group at each step of a block of steps: counts,
 * sums and K buckets a slot (slot = group * block size + step in the block).
 * Every sum starts at -0, compensations at 0: -0 + x is x for every x, so a
 * slot's first input is taken as it is (as the general path takes it), and a
 * bucket no input had is -0 (dropped with the empty ones). A bucket an input
 * lacks gets nothing, as the bucket-list merge gives it nothing.
 */
class GroupSums {
  /** Inputs added to the slot. */
  readonly n: Int32Array;
  readonly count: Float64Array;
  readonly countC: Float64Array;
  readonly sum: Float64Array;
  readonly sumC: Float64Array;
  readonly acc: Float64Array;
  readonly comp: Float64Array;

  constructor(
    slots: number,
    readonly K: number,
  ) {
    this.n = new Int32Array(slots);
    this.count = new Float64Array(slots);
    this.countC = new Float64Array(slots);
    this.sum = new Float64Array(slots);
    this.sumC = new Float64Array(slots);
    this.acc = new Float64Array(slots * K);
    this.comp = new Float64Array(slots * K);
  }

  /** Every slot without input, for the next block. */
  clear(): void {
    this.n.fill(0);
    this.count.fill(-0);
    this.countC.fill(0);
    this.sum.fill(-0);
    this.sumC.fill(0);
    this.acc.fill(-0);
    this.comp.fill(0);
  }

  /**
   * Each rate of series s (its increase times its factor) into its slot,
   * base + its step: the slot's next input, as FloatHistogram.kahanAdd adds
   * it. Count and sum first, one Kahan step each.
   */
  add(r: WindowRates, s: DenseSeries, base: number): void {
    // Loops of their own: each is compiled once, not again inside a caller.
    this.addTotals(r, base);
    for (let k = 0; k < this.K; k++) this.addBucket(r, s.cum[k], k > 0 ? s.cum[k - 1] : undefined, k, base);
  }

  private addTotals(r: WindowRates, base: number): void {
    const { n, count, countC, sum, sumC } = this;
    const { step, factor } = r;
    for (let j = 0; j < r.m; j++) {
      const slot = base + step[j];
      const f = factor[j];
      const c = r.count[j] * f;
      const x = r.sum[j] * f;
      n[slot]++;
      countC[slot] = kahanC(c, count[slot], countC[slot]);
      count[slot] += c;
      sumC[slot] = kahanC(x, sum[slot], sumC[slot]);
      sum[slot] += x;
    }
  }

  /**
   * Bucket k of each rate into its slot (kahanAddBuckets): a Kahan step. (A
   * second step adds the other side's compensation, 0: it could only change
   * a zero's sign, and zeros are dropped.) A plain rate's bucket is read here
   * from the cumulative columns `col` and `below` (the bucket under it).
   */
  private addBucket(r: WindowRates, col: Float64Array, below: Float64Array | undefined, k: number, base: number): void {
    const K = this.K;
    const { acc, comp } = this;
    const { rl, rf, plain, x, factor, step } = r;
    for (let j = 0; j < r.m; j++) {
      let d: number;
      if (plain[j] === 0) d = x[j * K + k];
      else {
        // The column's difference(): last minus first as Sub computes it.
        const l = rl[j];
        const f = rf[j];
        d = below ? col[l] - below[l] + (col[f] - below[f]) * -1 : col[l] - 0 + (col[f] - 0) * -1;
      }
      // 0: a bucket the rate does not have (Compact(0)).
      if (d === 0) continue;
      const v = d * factor[j];
      const b = (base + step[j]) * K + k;
      const a = acc[b];
      const t = a + v;
      acc[b] = t;
      comp[b] = kahanC(v, a, comp[b]);
    }
  }

  /**
   * Slot's sum as Prometheus's sum gives it (compensation added with two
   * inputs or more; Compact(0): empty buckets dropped), into step i of `out`.
   */
  result(slot: number, out: DenseHistograms, i: number): void {
    const K = this.K;
    const several = this.n[slot] > 1;
    out.count[i] = several ? this.count[slot] + this.countC[slot] : this.count[slot];
    out.sum[i] = several ? this.sum[slot] + this.sumC[slot] : this.sum[slot];
    const b = out.buckets;
    for (let k = 0, j = slot * K, o = i * K; k < K; k++, j++, o++) b[o] = several ? this.acc[j] + this.comp[j] : this.acc[j];
  }
}

/** The compensation after one Kahan step (Prometheus's kahansum.Inc, as histogram/kahan.ts); the sum is sum + inc. */
function kahanC(inc: number, sum: number, c: number): number {
  const t = sum + inc;
  if (t === Infinity || t === -Infinity) return 0;
  // The larger of the two first; chosen, not branched on (no path for the compiler to wait for).
  const big = Math.abs(sum) >= Math.abs(inc);
  const first = big ? sum : inc;
  const second = big ? inc : sum;
  return c + (first - t + second);
}

/**
 * One group's sums at every step as numbers: count, sum and K bucket counts a
 * step (0 for a bucket the histogram does not have). `read` makes step i's
 * histogram; `quantile` is histogram_quantile of it without making it.
 */
export class DenseHistograms {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly buckets: Float64Array;

  constructor(
    n: number,
    readonly bounds: readonly number[],
  ) {
    this.count = new Float64Array(n);
    this.sum = new Float64Array(n);
    this.buckets = new Float64Array(n * (bounds.length + 1));
  }

  /** Step i's histogram: a new one, or written over `into` (the caller's alone: its bucket lists are reused). */
  read(i: number, into = new FloatHistogram()): FloatHistogram {
    const K = this.bounds.length + 1;
    into.hint = 'gauge';
    into.schema = CUSTOM_BUCKETS_SCHEMA;
    into.customValues = this.bounds;
    into.zeroThreshold = 0;
    into.zeroCount = 0;
    into.count = this.count[i];
    into.sum = this.sum[i];
    const list = Object.isFrozen(into.positive) ? { idx: [], cnt: [] } : into.positive;
    list.idx.length = 0;
    list.cnt.length = 0;
    for (let k = 0, o = i * K; k < K; k++, o++) {
      const v = this.buckets[o];
      if (v === 0) continue;
      list.idx.push(k);
      list.cnt.push(v);
    }
    into.positive = list;
    return into;
  }

  /**
   * histogramQuantile(q, read(i)) (histogram/stats.ts) for these custom
   * buckets, the same operations without the histogram; undefined when the
   * sum is NaN (NaN observations: the caller reads the histogram for the note).
   */
  quantile(q: number, i: number): number | undefined {
    if (q < 0) return -Infinity;
    if (q > 1) return Infinity;
    const total = this.count[i];
    if (total === 0 || Number.isNaN(q)) return NaN;
    if (Number.isNaN(this.sum[i])) return undefined;
    const K = this.bounds.length + 1;
    const b = this.buckets;
    const o = i * K;
    const forward = q < 0.5;
    let rank = forward ? q * total : (1 - q) * total;
    let count = 0;
    // The bucket where the rank is reached (else the last one read), -1 without buckets.
    let at = -1;
    for (let j = 0; j < K; j++) {
      const k = forward ? j : K - 1 - j;
      const c = b[o + k];
      if (c === 0) continue;
      at = k;
      count += c;
      if (count >= rank) break;
    }
    let lower = 0;
    let upper = 0;
    let bucketCount = 0;
    if (at >= 0) {
      upper = at === K - 1 ? Infinity : this.bounds[at];
      lower = at === 0 ? -Infinity : this.bounds[at - 1];
      bucketCount = b[o + at];
    }
    if (lower === -Infinity) {
      if (upper <= 0) return upper;
      lower = 0;
    } else if (upper === Infinity) return lower;
    if (count > total) count = total;
    if (count < rank) return upper;
    if (forward) rank -= count - bucketCount;
    else rank = count - rank;
    return lower + (upper - lower) * (rank / bucketCount);
  }
}

/** Each group's sums at steps [b0, b1) into its result series (made on its first step with a sum). */
function collect(
  sums: GroupSums,
  b0: number,
  b1: number,
  B: number,
  out: (g: number) => VSeries,
  dense: (g: number) => DenseHistograms,
): void {
  const G = sums.n.length / B;
  for (let g = 0; g < G; g++) {
    for (let i = b0; i < b1; i++) {
      const slot = g * B + (i - b0);
      if (sums.n[slot] === 0) continue;
      out(g).p[i] = 1;
      sums.result(slot, dense(g), i);
    }
  }
}

/** Bucket accumulators of a block of steps (all groups): 2^18 values, 2 MiB a Float64Array. */
const BLOCK_VALUES = 1 << 18;

/** Groups of the inputs (their group field set), in order of first appearance, and each group's labels. */
function groupInputs(call: RangeCall, inputs: DenseSeries[], groupMetric: (m: Metric) => Metric): Metric[] {
  const delayed = call.ev.st.delayedNameRemoval;
  const keys = new Map<string, number>();
  const metrics: Metric[] = [];
  for (let k = 0; k < inputs.length; k++) {
    const series = call.src.series[k];
    const m = groupMetric(delayed ? series.metric : dropReserved(series.metric));
    const key = metricKey(m);
    let g = keys.get(key);
    if (g === undefined) keys.set(key, (g = metrics.push(m) - 1));
    inputs[k].group = g;
  }
  return metrics;
}

/**
 * The dense sum of `call` (a prepared rate/increase call) by `groupMetric`;
 * undefined when its series do not fit (hist-stream.ts then streams it).
 * `held`: the function's results, as the general path counts them.
 * `asNumbers`: the results' histograms stay numbers (VSeries.hd).
 */
export function denseHistogramSum(
  call: RangeCall,
  grid: Grid,
  groupMetric: (m: Metric) => Metric,
  asNumbers: boolean,
): { result: VSeries[]; held: number } | undefined {
  const fit = denseInputs(call);
  if (!fit) return undefined;
  const { inputs, bounds } = fit;
  const { ev, src } = call;
  const st = ev.st;
  const metrics = groupInputs(call, inputs, groupMetric);
  const G = metrics.length;
  const K = bounds.length + 1;
  const n = grid.n;
  // Series by series over a block of steps: each series' columns are read in order (not one row of each at a time).
  const B = Math.max(1, Math.min(n, Math.floor(BLOCK_VALUES / (G * K))));
  const sums = new GroupSums(G * B, K);
  const rates = new WindowRates(B, K);
  const isRate = call.e.func === 'rate';
  const outs: (VSeries | undefined)[] = new Array(G);
  const dense: (DenseHistograms | undefined)[] = new Array(G);
  let samples = 0;
  try {
    for (let b0 = 0; b0 < n; b0 += B) {
      const b1 = Math.min(n, b0 + B);
      sums.clear();
      rates.block(b0, b1, grid, src);
      for (const s of inputs) {
        checkAbort(st);
        samples += rates.compute(s, isRate);
        s.outputs += rates.m;
        sums.add(rates, s, s.group * B);
      }
      collect(
        sums,
        b0,
        b1,
        B,
        (g) => (outs[g] ??= newVSeries(metrics[g], n, true)),
        (g) => (dense[g] ??= new DenseHistograms(n, bounds)),
      );
    }
  } finally {
    st.totalSamples += samples;
  }
  // Histogram objects only when the consumer is not one that reads the numbers.
  for (let g = 0; g < G; g++) {
    const o = outs[g];
    if (!o) continue;
    if (asNumbers) o.hd = dense[g];
    else for (let i = 0; i < n; i++) if (o.p[i]) setHist(o, i, dense[g]!.read(i));
  }
  // Groups in the order of their first series with a result, as series-major aggregation meets them.
  const order: number[] = [];
  const seen = new Uint8Array(outs.length);
  let held = 0;
  for (const s of inputs) {
    held += s.outputs;
    if (s.outputs > 0 && !seen[s.group]) {
      seen[s.group] = 1;
      order.push(s.group);
    }
  }
  return { result: order.map((g) => outs[g]!), held };
}
