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
// same float operations in the same order. The group's sum is Prometheus's
// Kahan sum of its inputs in input series order, bucket by bucket, with an
// absent bucket skipped as the bucket-list merge skips it (and `present`
// telling an absent bucket from one that summed to 0). Inputs this does not
// take (other columns, floats among the samples, other bounds or hints, start
// timestamps, anchored or smoothed ranges) leave the query to hist-stream.ts;
// none of the inputs it takes can raise an annotation, so it raises none.

import type { Metric } from '../model/result.js';
import { FloatHistogram } from '../histogram/histogram.js';
import { CUSTOM_BUCKETS_SCHEMA, customBoundsMatch } from '../histogram/bounds.js';
import { CumulativeHistograms, type CumulativeParts } from '../storage/histogram-cumulative.js';
import type { Grid, RSeries, VSeries } from './types.js';
import { newVSeries, setHist } from './types.js';
import { advance } from './numeric.js';
import { checkAbort } from './state.js';
import { dropReserved, metricKey } from './labels.js';
import { distinctWithoutName, type RangeCall } from './calls.js';
import type { RangeSource } from './eval.js';
import { DenseWindow, counterHints } from './hist-dense-window.js';

/** One input series: its columns and its window's cursors. */
interface Input {
  col: CumulativeHistograms;
  win: DenseWindow;
  t: Float64Array;
  len: number;
  group: number;
  lo: number;
  hi: number;
  outputs: number;
}

/** The series as inputs of the dense sum, or undefined when one of them does not fit (see the top of this file). */
function denseInputs(call: RangeCall): { inputs: Input[]; bounds: readonly number[] } | undefined {
  const { e, src, args, rangeIdx } = call;
  if ((e.func !== 'rate' && e.func !== 'increase') || src.anchored || src.smoothed || src.series.length === 0) return undefined;
  if (!call.ev.st.delayedNameRemoval && !distinctWithoutName(args[rangeIdx], src.series)) return undefined;
  let bounds: readonly number[] | undefined;
  const inputs: Input[] = [];
  for (const s of src.series) {
    const parts = histogramsOnly(s);
    if (!parts || (bounds && !customBoundsMatch(bounds, parts.bounds))) return undefined;
    bounds ??= parts.bounds;
    inputs.push({ col: s.h as CumulativeHistograms, win: new DenseWindow(parts), t: s.t, len: s.length, group: 0, lo: 0, hi: 0, outputs: 0 });
  }
  return { inputs, bounds: bounds! };
}

/** The columns of a series whose every sample is an NHCB read in place, without start timestamps. */
function histogramsOnly(s: RSeries): CumulativeParts | undefined {
  if (!(s.h instanceof CumulativeHistograms) || s.st || s.h.length < s.length) return undefined;
  const parts = s.h.parts();
  const hints = parts.hints;
  return counterHints(hints, s.length) ? parts : undefined;
}

/**
 * Running Kahan sums of each group at each step of a block of steps: counts,
 * sums and K buckets a slot (slot = group * block size + step in the block).
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
  /** Whether the bucket is in the sum's layout (some input had it). */
  readonly present: Uint8Array;

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
    this.present = new Uint8Array(slots * K);
  }

  /** A window's rate (its increase times `factor`) into a slot: the group's next input. */
  add(slot: number, w: DenseWindow, factor: number): void {
    this.addTotals(slot, w.count * factor, w.sum * factor);
    const x = w.x;
    const K = this.K;
    for (let k = 0, j = slot * K; k < K; k++, j++) if (x[k] !== 0) this.addBucket(j, x[k] * factor);
  }

  /** A slot's count and sum: the first input's, then Kahan steps (FloatHistogram.kahanAdd). */
  addTotals(g: number, count: number, sum: number): void {
    if (this.n[g]++ === 0) {
      this.count[g] = count;
      this.countC[g] = 0;
      this.sum[g] = sum;
      this.sumC[g] = 0;
      this.present.fill(0, g * this.K, (g + 1) * this.K);
      return;
    }
    this.countC[g] = kahanC(count, this.count[g], this.countC[g]);
    this.count[g] += count;
    this.sumC[g] = kahanC(sum, this.sum[g], this.sumC[g]);
    this.sum[g] += sum;
  }

  /** Bucket j (j = slot * K + bucket) gets v: kahanAddBuckets' two steps when present, else it joins the layout. */
  addBucket(j: number, v: number): void {
    if (this.present[j] === 0) {
      this.present[j] = 1;
      this.acc[j] = v;
      this.comp[j] = 0;
      return;
    }
    const a = this.acc[j];
    const t = a + v;
    const c = kahanC(v, a, this.comp[j]);
    // The second step adds the other side's compensation, 0 here: it changes nothing but signs of zero and NaNs.
    this.comp[j] = kahanC(0, t, c);
    this.acc[j] = t + 0;
  }

  /**
   * Slot g's sum as Prometheus's sum gives it (compensation added with two
   * inputs or more; Compact(0): empty buckets dropped), into step i of `out`.
   */
  result(g: number, out: DenseHistograms, i: number): void {
    const K = this.K;
    const several = this.n[g] > 1;
    out.count[i] = several ? this.count[g] + this.countC[g] : this.count[g];
    out.sum[i] = several ? this.sum[g] + this.sumC[g] : this.sum[g];
    const b = out.buckets;
    for (let k = 0, j = g * K, o = i * K; k < K; k++, j++, o++) {
      // 0: not in the layout, or dropped by the compaction.
      b[o] = this.present[j] === 0 ? 0 : several ? this.acc[j] + this.comp[j] : this.acc[j];
    }
  }
}

/**
 * One group's sums at every step as numbers: count, sum and K bucket counts a
 * step (0 for a bucket the histogram does not have). `read` makes step i's
 * histogram; histogram_quantile reads each into one reused object.
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
}

/** The compensation after one Kahan step (Prometheus's kahansum.Inc, as histogram/kahan.ts); the sum is sum + inc. */
function kahanC(inc: number, sum: number, c: number): number {
  const t = sum + inc;
  if (t === Infinity || t === -Infinity) return 0;
  if (Math.abs(sum) >= Math.abs(inc)) return c + (sum - t + inc);
  return c + (inc - t + sum);
}

/** Bucket accumulators of a block of steps (all groups): 2^18 values, 2 MiB a Float64Array. */
const BLOCK_VALUES = 1 << 18;

/** Input s's rates at steps [b0, b1) into their groups' slots; returns the samples read. */
function sumBlock(s: Input, sums: GroupSums, b0: number, b1: number, B: number, grid: Grid, src: RangeSource, isRate: boolean): number {
  const { t, len, col, win } = s;
  let lo = s.lo;
  let hi = s.hi;
  let samples = 0;
  for (let i = b0; i < b1; i++) {
    const ref = (src.atMs ?? grid.start + i * grid.step) - src.offsetMs;
    const rangeStart = ref - src.rangeMs;
    hi = advance(t, hi, len, ref);
    lo = advance(t, lo, hi, rangeStart);
    samples += hi - lo;
    // One sample: no rate.
    if (hi - lo < 2) continue;
    s.outputs++;
    win.increase(lo, hi, col.plainRun(lo + 1, hi));
    sums.add(s.group * B + (i - b0), win, win.factor(t, lo, hi, rangeStart, ref, src.rangeMs, isRate));
  }
  s.lo = lo;
  s.hi = hi;
  return samples;
}

/**
 * The dense sum of `call` (a prepared rate/increase call) by `groupMetric`;
 * undefined when its series do not fit (hist-stream.ts then streams it).
 * `held`: the function's results, as the general path counts them.
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
  const delayed = st.delayedNameRemoval;
  const keys = new Map<string, number>();
  const metrics: Metric[] = [];
  for (let k = 0; k < inputs.length; k++) {
    const m = groupMetric(delayed ? src.series[k].metric : dropReserved(src.series[k].metric));
    const key = metricKey(m);
    let g = keys.get(key);
    if (g === undefined) keys.set(key, (g = metrics.push(m) - 1));
    inputs[k].group = g;
  }
  const G = metrics.length;
  const K = bounds.length + 1;
  // Series by series over a block of steps: each series' columns are read in order (not one row of each at a time).
  const B = Math.max(1, Math.min(grid.n, Math.floor(BLOCK_VALUES / (G * K))));
  const sums = new GroupSums(G * B, K);
  const isRate = call.e.func === 'rate';
  const outs: (VSeries | undefined)[] = new Array(G);
  const dense: (DenseHistograms | undefined)[] = new Array(G);
  const n = grid.n;
  let samples = 0;
  try {
    for (let b0 = 0; b0 < n; b0 += B) {
      const b1 = Math.min(n, b0 + B);
      sums.n.fill(0);
      for (const s of inputs) {
        checkAbort(st);
        samples += sumBlock(s, sums, b0, b1, B, grid, src, isRate);
      }
      for (let g = 0; g < G; g++) {
        for (let i = b0; i < b1; i++) {
          const slot = g * B + (i - b0);
          if (sums.n[slot] === 0) continue;
          const o = (outs[g] ??= newVSeries(metrics[g], n, true));
          sums.result(slot, (dense[g] ??= new DenseHistograms(n, bounds)), i);
          o.p[i] = 1;
        }
      }
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
  let held = 0;
  for (const s of inputs) {
    held += s.outputs;
    if (s.outputs > 0 && !order.includes(s.group)) order.push(s.group);
  }
  return { result: order.map((g) => outs[g]!), held };
}
