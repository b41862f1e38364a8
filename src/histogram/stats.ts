// Statistics read from one histogram: quantile, fraction between two values,
// variance (Prometheus's promql/quantile.go HistogramQuantile and
// HistogramFraction, and functions.go histogramVariance). NaN observations
// leave the sum NaN and are counted in `count` but in no bucket; the result
// then says so through `nanInfo`.

import type { Bucket, FloatHistogram } from './histogram.js';
import { kahanStep } from './kahan.js';

/** A statistic and, when NaN observations changed it, which note Prometheus adds. */
export interface StatResult {
  value: number;
  nanInfo?: 'quantile-nan-result' | 'quantile-nan-skew' | 'fraction-nans';
}

/**
 * The share of bucket b's observations below v: linear in the value, or (exponential
 * buckets) in its logarithm, as Prometheus interpolates (quantile, fraction, trim).
 */
export function fractionBelow(b: Bucket, v: number, linear: boolean): number {
  if (linear) return (v - b.lower) / (b.upper - b.lower);
  const logLower = Math.log2(Math.abs(b.lower));
  const logUpper = Math.log2(Math.abs(b.upper));
  const logV = Math.log2(Math.abs(v));
  if (v > 0) return (logV - logLower) / (logUpper - logLower);
  return 1 - (logV - logUpper) / (logLower - logUpper);
}

export function histogramQuantile(q: number, h: FloatHistogram): StatResult {
  if (q < 0) return { value: -Infinity };
  if (q > 1) return { value: Infinity };
  if (h.count === 0 || Number.isNaN(q)) return { value: NaN };
  const forward = Number.isNaN(h.sum) || q < 0.5;
  // Custom buckets are the positive ones alone: read in place, one Bucket made for the one found.
  const custom = h.usesCustomBuckets();
  const buckets = custom ? undefined : forward ? h.allBuckets() : h.allBucketsReverse();
  const pos = h.positive;
  const nb = buckets ? buckets.length : pos.cnt.length;
  const countAt = (k: number): number => (buckets ? buckets[k].count : pos.cnt[forward ? k : nb - 1 - k]);
  let rank = forward ? q * h.count : (1 - q) * h.count;
  let count = 0;
  let k = 0;
  for (; k < nb; k++) {
    const c = countAt(k);
    if (c === 0) continue;
    count += c;
    if (count >= rank) break;
  }
  if (k >= nb) k = nb - 1;
  let b: Bucket = { lower: 0, upper: 0, lowerInclusive: false, upperInclusive: false, count: 0, index: 0 };
  if (k >= 0 && buckets) b = { ...buckets[k] };
  else if (k >= 0) {
    const at = forward ? k : nb - 1 - k;
    b = h.bucketAt(true, pos.idx[at], pos.cnt[at]);
  }
  if (!h.usesCustomBuckets() && b.lower < 0 && b.upper > 0) {
    if (h.negative.idx.length === 0 && h.positive.idx.length > 0) b.lower = 0;
    else if (h.positive.idx.length === 0 && h.negative.idx.length > 0) b.upper = 0;
  } else if (h.usesCustomBuckets()) {
    if (b.lower === -Infinity) {
      if (b.upper <= 0) return { value: b.upper };
      b.lower = 0;
    } else if (b.upper === Infinity) return { value: b.lower };
  }
  if (count > h.count) count = h.count;
  if (count < rank) {
    if (Number.isNaN(h.sum)) return { value: NaN, nanInfo: 'quantile-nan-result' };
    return { value: b.upper };
  }
  if (forward) rank -= count - b.count;
  else rank = count - rank;
  let nanInfo: StatResult['nanInfo'];
  if (Number.isNaN(h.sum)) {
    for (let r = k + 1; r < nb; r++) count += countAt(r);
    if (count < h.count) nanInfo = 'quantile-nan-skew';
  }
  const fraction = rank / b.count;
  if (h.usesCustomBuckets() || (b.lower <= 0 && b.upper >= 0)) return { value: b.lower + (b.upper - b.lower) * fraction, nanInfo };
  const logLower = Math.log2(Math.abs(b.lower));
  const logUpper = Math.log2(Math.abs(b.upper));
  if (b.lower > 0) return { value: 2 ** (logLower + (logUpper - logLower) * fraction), nanInfo };
  return { value: -(2 ** (logUpper + (logLower - logUpper) * (1 - fraction))), nanInfo };
}

export function histogramFraction(lower: number, upper: number, h: FloatHistogram): StatResult {
  if (h.count === 0 || Number.isNaN(lower) || Number.isNaN(upper)) return { value: NaN };
  if (lower >= upper) return { value: 0 };
  const buckets = h.allBuckets();
  let count = 0;
  let rank = 0;
  let lowerRank = 0;
  let upperRank = 0;
  let lowerSet = false;
  let upperSet = false;
  let k = 0;
  for (; k < buckets.length; k++) {
    const b = { ...buckets[k] };
    count += b.count;
    let zeroBucket = false;
    const linear = (v: number) => (b.lower === -Infinity ? b.count : rank + b.count * fractionBelow(b, v, true));
    const expo = (v: number) => rank + b.count * fractionBelow(b, v, false);
    if (b.lower <= 0 && b.upper >= 0) {
      zeroBucket = true;
      if (h.negative.idx.length === 0 && h.positive.idx.length > 0) b.lower = 0;
      else if (h.positive.idx.length === 0 && h.negative.idx.length > 0) b.upper = 0;
    }
    if (!lowerSet && b.lower >= lower) {
      lowerRank = rank;
      lowerSet = true;
    }
    if (!upperSet && b.lower >= upper) {
      upperRank = rank;
      upperSet = true;
    }
    if (lowerSet && upperSet) break;
    const lin = h.usesCustomBuckets() || zeroBucket;
    if (!lowerSet && b.lower < lower && b.upper > lower) {
      lowerRank = lin ? linear(lower) : expo(lower);
      lowerSet = true;
    }
    if (!upperSet && b.lower < upper && b.upper > upper) {
      upperRank = lin ? linear(upper) : expo(upper);
      upperSet = true;
    }
    if (lowerSet && upperSet) break;
    rank += b.count;
  }
  let nanInfo: StatResult['nanInfo'];
  if (Number.isNaN(h.sum)) {
    for (let r = k + 1; r < buckets.length; r++) count += buckets[r].count;
    if (count < h.count) nanInfo = 'fraction-nans';
  } else count = h.count;
  if (!lowerSet || lowerRank > count) lowerRank = count;
  if (!upperSet || upperRank > count) upperRank = count;
  return { value: (upperRank - lowerRank) / h.count, nanInfo };
}

/** The variance of the observations, each bucket's taken at its (geometric or arithmetic) middle. */
export function histogramVariance(h: FloatHistogram): number {
  const mean = h.sum / h.count;
  let variance = 0;
  let c = 0;
  for (const b of h.allBuckets()) {
    if (b.count === 0) continue;
    let val: number;
    if (h.usesCustomBuckets()) val = (b.upper + b.lower) / 2;
    else if (b.lower <= 0 && b.upper >= 0) val = 0;
    else {
      val = Math.sqrt(b.upper * b.lower);
      if (b.upper < 0) val = -val;
    }
    const delta = val - mean;
    kahanStep(b.count * delta * delta, variance, c);
    variance = kahanStep.sum;
    c = kahanStep.c;
  }
  return (variance + c) / h.count;
}
