// Whether a histogram shows a counter reset against the one before it
// (Prometheus's FloatHistogram.DetectReset): the hint decides when it says
// reset or not_reset; otherwise counts going down, a finer schema, a smaller
// zero bucket or any bucket losing observations mean a reset.

import { bucketBound, customBoundsMatch } from './bounds.js';
import type { BucketList, FloatHistogram } from './histogram.js';

export function detectReset(h: FloatHistogram, prev: FloatHistogram): boolean {
  if (h.hint === 'reset') return true;
  if (h.hint === 'not_reset') return false;
  if (h.count < prev.count) return true;
  if (h.usesCustomBuckets()) {
    if (!prev.usesCustomBuckets()) return true;
    if (!customBoundsMatch(h.customValues, prev.customValues)) return mismatchedBoundsReset(h, prev);
  }
  if (h.schema > prev.schema) return true;
  if (h.zeroThreshold < prev.zeroThreshold) return true;
  const z = prev.zeroCountForLargerThreshold(h.zeroThreshold, undefined);
  if (z.threshold !== h.zeroThreshold) return true;
  if (h.zeroCount < z.count) return true;
  if (sideDecreased(h.sideIn(true, h.schema, h.zeroThreshold), prev.sideIn(true, h.schema, h.zeroThreshold))) return true;
  return sideDecreased(h.sideIn(false, h.schema, h.zeroThreshold), prev.sideIn(false, h.schema, h.zeroThreshold));
}

/** A populated bucket of `prev` that is missing in or fuller than `cur`. */
export function sideDecreased(cur: BucketList, prev: BucketList): boolean {
  let ci = 0;
  for (let pi = 0; pi < prev.idx.length; pi++) {
    while (ci < cur.idx.length && cur.idx[ci] < prev.idx[pi]) ci++;
    if (ci >= cur.idx.length || cur.idx[ci] > prev.idx[pi]) {
      if (prev.cnt[pi] !== 0) return true;
    } else if (cur.cnt[ci] < prev.cnt[pi]) return true;
  }
  return false;
}

/** Custom buckets with different bounds: compare the cumulative counts at the bounds both have. */
function mismatchedBoundsReset(h: FloatHistogram, prev: FloatHistogram): boolean {
  const cb = h.customValues ?? [];
  const pb = prev.customValues ?? [];
  const cur = { list: h.positive, at: 0, cv: cb };
  const old = { list: prev.positive, at: 0, cv: pb };
  const rollup = (it: typeof cur, bound: number): number => {
    let sum = 0;
    while (it.at < it.list.idx.length && bucketBound(it.list.idx[it.at], -53, it.cv) <= bound) sum += it.list.cnt[it.at++];
    return sum;
  };
  let i = 0;
  let j = 0;
  while (i <= cb.length && j <= pb.length) {
    const a = i < cb.length ? cb[i] : Infinity;
    const b = j < pb.length ? pb[j] : Infinity;
    if (a === b) {
      if (rollup(cur, a) < rollup(old, a)) return true;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return false;
}
