// Bucket-list operations behind the histogram arithmetic: merging two
// layouts (addBuckets), lowering the resolution (reduceResolution), removing
// empty buckets (Compact(0)) and mapping custom buckets onto shared bounds,
// each with the Kahan-compensated variant Prometheus uses for sums.

import { exponentialBound, isCustomBucketsSchema, isExponentialSchema, targetIndex } from './bounds.js';
import type { BucketList, CounterResetHint, FloatHistogram } from './histogram.js';
import { kahanStep } from './kahan.js';

/** Removes empty buckets (with compensation terms: those where both are 0); the list itself when none is empty. */
export function compactList(l: BucketList, c?: BucketList): BucketList {
  let kept = 0;
  for (let i = 0; i < l.idx.length; i++) if (l.cnt[i] !== 0 || (c ? c.cnt[i] : 0) !== 0) kept++;
  if (kept === l.idx.length) return l;
  const idx = new Array<number>(kept);
  const cnt = new Array<number>(kept);
  const comp = c ? new Array<number>(kept) : undefined;
  let k = 0;
  for (let i = 0; i < l.idx.length; i++) {
    const ci = c ? c.cnt[i] : 0;
    if (l.cnt[i] === 0 && ci === 0) continue;
    idx[k] = l.idx[i];
    cnt[k] = l.cnt[i];
    if (comp) comp[k] = ci;
    k++;
  }
  if (c) c.cnt = comp!;
  return { idx, cnt };
}

/** Merges buckets into a coarser schema, summing in index order (reduceResolution). */
export function reduceList(l: BucketList, from: number, to: number): BucketList {
  const idx: number[] = [];
  const cnt: number[] = [];
  for (let i = 0; i < l.idx.length; i++) {
    const t = targetIndex(l.idx[i], from, to);
    if (idx.length > 0 && idx[idx.length - 1] === t) cnt[cnt.length - 1] += l.cnt[i];
    else {
      idx.push(t);
      cnt.push(l.cnt[i]);
    }
  }
  return { idx, cnt };
}

export function kahanReduceList(l: BucketList, c: BucketList, from: number, to: number): [BucketList, BucketList] {
  const idx: number[] = [];
  const cnt: number[] = [];
  const comp: number[] = [];
  for (let i = 0; i < l.idx.length; i++) {
    const t = targetIndex(l.idx[i], from, to);
    const k = idx.length - 1;
    if (k >= 0 && idx[k] === t) {
      kahanStep(l.cnt[i], cnt[k], comp[k]);
      kahanStep(c.cnt[i], kahanStep.sum, kahanStep.c);
      cnt[k] = kahanStep.sum;
      comp[k] = kahanStep.c;
    } else {
      idx.push(t);
      cnt.push(l.cnt[i]);
      comp.push(c.cnt[i]);
    }
  }
  return [
    { idx, cnt },
    { idx: idx.slice(), cnt: comp },
  ];
}

/** Whether every index of b from j on is also in a (both ascending). */
function withinLayout(a: readonly number[], b: readonly number[], j: number): boolean {
  if (a === b && j === 0) return true;
  if (b.length - j > a.length) return false;
  let i = 0;
  for (; j < b.length; j++) {
    while (i < a.length && a[i] < b[j]) i++;
    if (i >= a.length || a[i] !== b[j]) return false;
  }
  return true;
}

/** Index of the first leading bucket of `b` above the zero threshold (addBuckets skips the others). */
function firstAboveThreshold(schema: number, threshold: number, b: BucketList): number {
  let k = 0;
  if (isExponentialSchema(schema)) while (k < b.idx.length && exponentialBound(b.idx[k], schema) <= threshold) k++;
  return k;
}

/** Adds (or subtracts) b's buckets into a's layout, inserting missing ones (Prometheus's addBuckets). */
export function addBuckets(schema: number, threshold: number, negate: boolean, a: BucketList, b: BucketList): BucketList {
  let j = firstAboveThreshold(schema, threshold, b);
  if (withinLayout(a.idx, b.idx, j)) {
    // Every bucket of b is one of a's: the same sums, in place (a belongs to the histogram being changed).
    let i = 0;
    for (; j < b.idx.length; j++) {
      while (a.idx[i] !== b.idx[j]) i++;
      a.cnt[i] = a.cnt[i] + (negate ? b.cnt[j] * -1 : b.cnt[j]);
    }
    return a;
  }
  const idx: number[] = [];
  const cnt: number[] = [];
  let i = 0;
  while (i < a.idx.length || j < b.idx.length) {
    if (j >= b.idx.length || (i < a.idx.length && a.idx[i] < b.idx[j])) {
      idx.push(a.idx[i]);
      cnt.push(a.cnt[i++]);
    } else {
      const bv = negate ? b.cnt[j] * -1 : b.cnt[j];
      if (i < a.idx.length && a.idx[i] === b.idx[j]) {
        idx.push(a.idx[i]);
        cnt.push(a.cnt[i++] + bv);
      } else {
        idx.push(b.idx[j]);
        cnt.push(bv);
      }
      j++;
    }
  }
  return { idx, cnt };
}

export function kahanAddBuckets(
  schema: number,
  threshold: number,
  a: BucketList,
  ac: BucketList,
  b: BucketList,
  bc: number[] | undefined,
): [BucketList, BucketList] {
  let j = firstAboveThreshold(schema, threshold, b);
  if (withinLayout(a.idx, b.idx, j)) {
    // Every bucket of b is one of a's (a sum of like histograms): the same steps, in place.
    let i = 0;
    for (; j < b.idx.length; j++) {
      while (a.idx[i] !== b.idx[j]) i++;
      kahanStep(b.cnt[j], a.cnt[i], ac.cnt[i]);
      kahanStep(bc ? bc[j] : 0, kahanStep.sum, kahanStep.c);
      a.cnt[i] = kahanStep.sum;
      ac.cnt[i] = kahanStep.c;
    }
    return [a, ac];
  }
  const idx: number[] = [];
  const cnt: number[] = [];
  const comp: number[] = [];
  let i = 0;
  while (i < a.idx.length || j < b.idx.length) {
    if (j >= b.idx.length || (i < a.idx.length && a.idx[i] < b.idx[j])) {
      idx.push(a.idx[i]);
      cnt.push(a.cnt[i]);
      comp.push(ac.cnt[i++]);
    } else {
      const bcv = bc ? bc[j] : 0;
      if (i < a.idx.length && a.idx[i] === b.idx[j]) {
        kahanStep(b.cnt[j], a.cnt[i], ac.cnt[i]);
        kahanStep(bcv, kahanStep.sum, kahanStep.c);
        idx.push(a.idx[i++]);
        cnt.push(kahanStep.sum);
        comp.push(kahanStep.c);
      } else {
        idx.push(b.idx[j]);
        cnt.push(b.cnt[j]);
        comp.push(bcv);
      }
      j++;
    }
  }
  return [
    { idx, cnt },
    { idx: idx.slice(), cnt: comp },
  ];
}

/**
 * Custom buckets with different bounds, both mapped onto the bounds they
 * share (a bucket goes to the first shared bound >= its own), then summed;
 * empty results dropped (addCustomBucketsWithMismatches).
 */
export function mapCustomBuckets(
  negate: boolean,
  a: FloatHistogram,
  b: FloatHistogram,
  bounds: number[],
  aComp: number[] | undefined,
): { list: BucketList; comp: number[] } {
  const target = new Array<number>(bounds.length + 1).fill(0);
  const tcomp = new Array<number>(bounds.length + 1).fill(0);
  const map = (h: FloatHistogram, neg: boolean, comp: number[] | undefined) => {
    const cv = h.customValues ?? [];
    let k = 0;
    for (let i = 0; i < h.positive.idx.length; i++) {
      const src = h.positive.idx[i];
      let t = target.length - 1;
      if (src < cv.length) {
        while (k < bounds.length) {
          if (bounds[k] >= cv[src]) {
            t = k;
            break;
          }
          k++;
        }
      }
      kahanStep(neg ? -h.positive.cnt[i] : h.positive.cnt[i], target[t], tcomp[t]);
      target[t] = kahanStep.sum;
      tcomp[t] = kahanStep.c;
      if (comp) {
        kahanStep(comp[i], target[t], tcomp[t]);
        target[t] = kahanStep.sum;
        tcomp[t] = kahanStep.c;
      }
    }
  };
  map(a, false, aComp);
  map(b, negate, undefined);
  const idx: number[] = [];
  const cnt: number[] = [];
  const comp: number[] = [];
  for (let i = 0; i < target.length; i++) {
    if (target[i] === 0 && tcomp[i] === 0) continue;
    idx.push(i);
    cnt.push(target[i]);
    comp.push(tcomp[i]);
  }
  return { list: { idx, cnt }, comp };
}

/** cnt[k] += src[from + k] (or -=) in place, as addBuckets computes it: a + (b * -1) for a subtraction. */
/**
 * Add/Sub of a histogram with exactly h's layout (schema, zero threshold,
 * custom bounds, bucket indexes; no bucket inside the zero bucket), given by
 * its numbers: `counts[posFrom..]` for the positive buckets, `counts[negFrom..]`
 * for the negative ones. The same float operations as h.add()/h.sub() on that
 * histogram, without building it (the histogram columns of src/storage/ call this).
 */
export function addLayoutMatched(
  h: FloatHistogram,
  hint: CounterResetHint,
  zeroCount: number,
  count: number,
  sum: number,
  counts: ArrayLike<number>,
  posFrom: number,
  negFrom: number,
  negate: boolean,
): void {
  h.adjustCounterReset({ hint });
  if (!isCustomBucketsSchema(h.schema)) h.zeroCount = negate ? h.zeroCount - zeroCount : h.zeroCount + zeroCount;
  h.count = negate ? h.count - count : h.count + count;
  h.sum = negate ? h.sum - sum : h.sum + sum;
  addCountsInPlace(h.positive.cnt, counts, posFrom, negate);
  addCountsInPlace(h.negative.cnt, counts, negFrom, negate);
}

function addCountsInPlace(cnt: number[], src: ArrayLike<number>, from: number, negate: boolean): void {
  if (negate) for (let k = 0; k < cnt.length; k++) cnt[k] = cnt[k] + src[from + k] * -1;
  else for (let k = 0; k < cnt.length; k++) cnt[k] = cnt[k] + src[from + k];
}

export function copyList(l: BucketList): BucketList {
  return { idx: l.idx.slice(), cnt: l.cnt.slice() };
}

export function sameBits(a: number, b: number): boolean {
  return Object.is(a, b) || (a !== a && b !== b);
}

export function sameList(a: BucketList, b: BucketList): boolean {
  if (a.idx.length !== b.idx.length) return false;
  for (let i = 0; i < a.idx.length; i++) if (a.idx[i] !== b.idx[i] || !sameBits(a.cnt[i], b.cnt[i])) return false;
  return true;
}
