// The trim operators `h </ x` (keep observations below x) and `h >/ x` (keep
// those above x), Prometheus's FloatHistogram.TrimBuckets: buckets wholly on
// the other side are emptied, the bucket holding x keeps the interpolated
// part (linear for custom buckets and the zero bucket, logarithmic for
// exponential ones), and count and sum are recomputed from bucket midpoints
// when anything was trimmed.

import type { Bucket, FloatHistogram } from './histogram.js';
import { fractionBelow } from './stats.js';

function midpoint(lower: number, upper: number, positive: boolean, linear: boolean): number {
  const infL = lower === Infinity || lower === -Infinity;
  const infU = upper === Infinity || upper === -Infinity;
  if (infL) {
    if (infU) return 0;
    return upper > 0 ? upper / 2 : upper;
  }
  if (infU) return lower;
  if (linear) return (lower + upper) / 2;
  const g = Math.sqrt(Math.abs(lower * upper));
  return positive ? g : -g;
}

const zeroIfInf = (x: number): number => (x === Infinity || x === -Infinity ? 0 : x);

/** A bucket with an infinite bound: [kept count, midpoint of what is kept]. */
function infinityBucket(upperTrim: boolean, b: Bucket, rhs: number): [number, number] {
  if (b.lower === -Infinity) {
    if (upperTrim) {
      if (rhs >= b.upper) return [b.count, 0];
      if (rhs > 0 && b.upper > 0 && b.upper !== Infinity) return [(b.count * rhs) / b.upper, rhs / 2];
      if (b.upper <= 0) return [b.count, rhs];
      return [0, zeroIfInf(b.upper)];
    }
    if (rhs <= b.lower) return [b.count, 0];
    if (rhs >= 0 && b.upper > rhs && b.upper !== Infinity) return [b.count * (1 - rhs / b.upper), (rhs + b.upper) / 2];
    return [0, zeroIfInf(b.upper)];
  }
  if (upperTrim) return [0, zeroIfInf(b.lower)];
  if (rhs >= b.lower) return [b.count, rhs];
  return [0, zeroIfInf(b.lower)];
}

function bucketTrim(b: Bucket, rhs: number, upperTrim: boolean, positive: boolean, custom: boolean): [number, number] {
  if (b.lower === -Infinity || b.upper === Infinity) return infinityBucket(upperTrim, b, rhs);
  let under: number;
  if (rhs <= b.lower) under = 0;
  else if (rhs >= b.upper) under = b.count;
  else under = b.count * fractionBelow(b, rhs, custom);
  if (upperTrim) return [under, midpoint(b.lower, rhs, positive, custom)];
  return [b.count - under, midpoint(rhs, b.upper, positive, custom)];
}

function zeroBucketTrim(h: FloatHistogram, rhs: number, hasNeg: boolean, hasPos: boolean, upperTrim: boolean): [number, number] {
  const z = h.zeroBucket();
  let lower = z.lower;
  let upper = z.upper;
  if (hasNeg && !hasPos) upper = 0;
  if (hasPos && !hasNeg) lower = 0;
  if (upperTrim) {
    if (rhs <= lower) return [0, 0];
    if (rhs >= upper) return [z.count, (lower + upper) / 2];
    return [(z.count * (rhs - lower)) / (upper - lower), (lower + rhs) / 2];
  }
  if (rhs <= lower) return [z.count, (lower + upper) / 2];
  if (rhs >= upper) return [0, 0];
  return [(z.count * (upper - rhs)) / (upper - lower), (rhs + upper) / 2];
}

/** Trims `h` in place and returns it. */
export function trimBuckets(h: FloatHistogram, rhs: number, upperTrim: boolean): FloatHistogram {
  const custom = h.usesCustomBuckets();
  let count = 0;
  let sum = 0;
  let trimmed = false;
  const seen = { pos: false, neg: false };
  for (const positive of [true, false]) {
    const list = positive ? h.positive : h.negative;
    for (let i = 0; i < list.idx.length; i++) {
      const b = h.bucketAt(positive, list.idx[i], list.cnt[i]);
      if (b.count === 0) continue;
      if (positive) seen.pos = true;
      else seen.neg = true;
      const whole = upperTrim ? b.upper <= rhs : b.lower >= rhs;
      const partial = upperTrim ? b.lower < rhs : b.upper > rhs;
      if (whole) {
        count += b.count;
        sum += midpoint(b.lower, b.upper, positive, custom) * b.count;
      } else if (partial) {
        const [keep, mid] = bucketTrim(b, rhs, upperTrim, positive, custom);
        count += keep;
        sum += mid * keep;
        if (list.cnt[i] !== keep) {
          list.cnt[i] = keep;
          trimmed = true;
        }
      } else {
        list.cnt[i] = 0;
        trimmed = true;
      }
    }
  }
  if (h.zeroCount > 0) {
    const [keep, mid] = zeroBucketTrim(h, rhs, seen.neg, seen.pos, upperTrim);
    if (h.zeroCount !== keep) {
      h.zeroCount = keep;
      trimmed = true;
    }
    sum += mid * keep;
    count += keep;
  }
  if (trimmed) {
    h.count = count;
    h.sum = sum;
    h.compact();
  }
  return h;
}
