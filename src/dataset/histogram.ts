// Classic histograms and summaries with realistic, self-consistent data:
// observations are log-normal latencies; bucket counts are cumulative and
// integer (le buckets <= next bucket, +Inf == _count, and no bucket's own
// count ever drops between restarts) and _sum adds each new
// observation at a value inside its bucket.

import type { Metric } from '../model/result.js';
import { lognormalCdf, type Rng, Z } from './random.js';
import { cumulate, formatLe, type Emitter, type Target } from './target.js';

/** prom-client's default http buckets. */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** prom-client's GC duration buckets. */
export const GC_BUCKETS = [0.001, 0.01, 0.1, 1, 2, 5];

/** Log-normal latency at scrape i: median seconds and log-space sigma. */
export type Latency = (i: number) => { median: number; sigma: number };

/** Mean of a log-normal latency. */
function meanOf(median: number, sigma: number): number {
  return median * Math.exp((sigma * sigma) / 2);
}

/**
 * Writes `<name>_bucket{le}`, `<name>_sum`, `<name>_count` for one label set.
 * `incs` are new observations per scrape (integers), `initialCount` the count
 * already observed by the first process before the first scrape.
 */
export function emitHistogram(
  em: Emitter,
  name: string,
  labels: Metric,
  les: number[],
  incs: Float64Array,
  initialCount: number,
  latency: Latency,
): void {
  const t: Target = em.target;
  const all = [...les, Infinity];
  const buckets = all.map(() => new Float64Array(t.n));
  const sum = new Float64Array(t.n);
  // Expected cumulative counts per bucket (floats); the series add up each
  // bucket's rounded share, so they stay monotonic in time and across
  // buckets, and _count is the +Inf bucket. _sum grows by the distribution's
  // mean per observation, so it never decreases.
  const expected = new Float64Array(all.length);
  const cdf = new Float64Array(all.length);
  let acc = 0;
  let mean = 0;
  let lastMedian = NaN;
  let lastSigma = NaN;
  const observe = (count: number, i: number): void => {
    const { median, sigma } = latency(i);
    // Latency changes rarely: recompute the bucket probabilities only then.
    if (median !== lastMedian || sigma !== lastSigma) {
      for (let b = 0; b < all.length; b++) cdf[b] = lognormalCdf(all[b], median, sigma);
      mean = meanOf(median, sigma);
      lastMedian = median;
      lastSigma = sigma;
    }
    for (let b = 0; b < all.length; b++) expected[b] += count * cdf[b];
    acc += count * mean;
  };
  observe(initialCount, 0);
  for (let i = 0; i < t.n; i++) {
    if (t.restarted[i]) {
      expected.fill(0);
      acc = 0;
    }
    observe(incs[i], i);
    // Each bucket's own count is rounded, then added up: rounding the cumulative
    // counts instead could take one observation from a bucket to its neighbour,
    // which a native histogram (this one converted to NHCB) reads as a counter reset.
    let cum = 0;
    for (let b = 0; b < all.length; b++) {
      cum += Math.round(expected[b] - (b > 0 ? expected[b - 1] : 0));
      buckets[b][i] = cum;
    }
    sum[i] = roundTo(acc, 6);
  }
  for (let b = 0; b < all.length; b++) em.emit(`${name}_bucket`, { ...labels, le: formatLe(all[b]) }, buckets[b]);
  em.emit(`${name}_sum`, labels, sum);
  em.emit(`${name}_count`, labels, buckets[all.length - 1]);
}

/**
 * Writes a prom-client summary (quantiles 0.5/0.9/0.99 over a sliding
 * window, plus _sum and _count) for one label set.
 */
export function emitSummary(
  em: Emitter,
  name: string,
  labels: Metric,
  incs: Float64Array,
  initialCount: number,
  latency: Latency,
  rng: Rng,
): void {
  const t = em.target;
  const count = cumulate(t, incs, initialCount);
  const sumIncs = new Float64Array(t.n);
  const q = { 0.5: new Float64Array(t.n), 0.9: new Float64Array(t.n), 0.99: new Float64Array(t.n) };
  const first = latency(0);
  const initialSum = initialCount * meanOf(first.median, first.sigma);
  for (let i = 0; i < t.n; i++) {
    const { median, sigma } = latency(i);
    sumIncs[i] = incs[i] * meanOf(median, sigma) * (1 + 0.05 * rng.gauss());
    // The window holds few observations, so quantiles wobble from scrape to scrape.
    const wobble = Math.exp(0.08 * rng.gauss());
    for (const p of [0.5, 0.9, 0.99] as const) q[p][i] = roundTo(median * Math.exp(Z[p] * sigma) * wobble, 6);
  }
  const sum = cumulate(t, sumIncs, initialSum).map((v) => roundTo(v, 6));
  for (const p of [0.5, 0.9, 0.99] as const) em.emit(name, { ...labels, quantile: String(p) }, q[p]);
  em.emit(`${name}_sum`, labels, sum);
  em.emit(`${name}_count`, labels, count);
}

/** v rounded to `decimals` places (dividing keeps the shortest decimal form: 0.1, not 0.1000000001). */
export function roundTo(v: number, decimals: number): number {
  const k = POW10[decimals];
  return Math.round(v * k) / k;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
