// A native histogram with float counts, as PromQL computes with it
// (Prometheus's model/histogram FloatHistogram). Buckets are kept as sorted
// lists of absolute bucket indexes with their counts, rather than as Go's
// spans plus bucket slices: the two describe the same layout (an explicit
// empty bucket stays an entry with count 0; a gap between spans is a jump
// in the indexes), and merging two layouts is then a merge of sorted lists.
// The arithmetic follows Prometheus's operation by operation (same order of
// float operations, same zero-bucket widening and schema reduction), because
// results must match it to the last bit where its tests compare exactly.

import {
  bucketBound,
  customBoundsMatch,
  exponentialBound,
  intersectCustomBounds,
  isCustomBucketsSchema,
  isExponentialSchema,
} from './bounds.js';
import {
  addBuckets,
  compactList,
  copyList,
  kahanAddBuckets,
  kahanReduceList,
  mapCustomBuckets,
  reduceList,
  sameBits,
  sameList,
} from './buckets.js';
import { kahanStep } from './kahan.js';

/** What the histogram says about counter resets (Prometheus's CounterResetHint). */
export type CounterResetHint = 'unknown' | 'reset' | 'not_reset' | 'gauge';

/** Buckets on one side of zero: ascending absolute indexes and their counts. */
export interface BucketList {
  idx: number[];
  cnt: number[];
}

/** One bucket with its bounds (which ends are inclusive as the API's boundary rule says). */
export interface Bucket {
  lower: number;
  upper: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  count: number;
  index: number;
}

/** Adding or subtracting an exponential and a custom-buckets histogram (ErrHistogramsIncompatibleSchema). */
export class IncompatibleSchemaError extends Error {
  constructor() {
    super('cannot apply this operation on histograms with a mix of exponential and custom bucket schemas');
  }
}

/** What Add/Sub report besides the result. */
export interface AddOutcome {
  /** One side said "reset", the other "not reset": the result's hint became unknown. */
  counterResetCollision: boolean;
  /** Custom bounds differed and were reduced to the ones both have. */
  nhcbBoundsReconciled: boolean;
}

/** The empty bucket list every new histogram starts with (frozen: lists are replaced, not grown). */
const NO_BUCKETS: BucketList = Object.freeze({
  idx: Object.freeze([]) as unknown as number[],
  cnt: Object.freeze([]) as unknown as number[],
});

export class FloatHistogram {
  hint: CounterResetHint = 'unknown';
  schema = 0;
  zeroThreshold = 0;
  zeroCount = 0;
  count = 0;
  sum = 0;
  /** Replaced, never grown: a new histogram's lists are one shared frozen empty list. */
  positive: BucketList = NO_BUCKETS;
  negative: BucketList = NO_BUCKETS;
  /** Upper bounds of the custom buckets (schema -53), without +Inf; shared, never modified. */
  customValues?: readonly number[];

  usesCustomBuckets(): boolean {
    return isCustomBucketsSchema(this.schema);
  }

  copy(): FloatHistogram {
    const c = new FloatHistogram();
    c.hint = this.hint;
    c.schema = this.schema;
    c.count = this.count;
    c.sum = this.sum;
    if (this.usesCustomBuckets()) c.customValues = this.customValues;
    else {
      c.zeroThreshold = this.zeroThreshold;
      c.zeroCount = this.zeroCount;
      c.negative = copyList(this.negative);
    }
    c.positive = copyList(this.positive);
    return c;
  }

  /** Scales every count and the sum; a negative factor makes it a gauge. Modifies this histogram. */
  mul(factor: number): this {
    this.zeroCount *= factor;
    this.count *= factor;
    this.sum *= factor;
    for (const cnt of [this.positive.cnt, this.negative.cnt]) for (let k = 0; k < cnt.length; k++) cnt[k] = cnt[k] * factor;
    if (factor < 0) this.hint = 'gauge';
    return this;
  }

  /** Divides every count and the sum; division by zero removes all buckets. Modifies this histogram. */
  div(scalar: number): this {
    this.zeroCount /= scalar;
    this.count /= scalar;
    this.sum /= scalar;
    if (scalar === 0) {
      this.positive = { idx: [], cnt: [] };
      this.negative = { idx: [], cnt: [] };
      return this;
    }
    for (const cnt of [this.positive.cnt, this.negative.cnt]) for (let k = 0; k < cnt.length; k++) cnt[k] = cnt[k] / scalar;
    if (scalar < 0) this.hint = 'gauge';
    return this;
  }

  /** Adds `other` into this histogram (Prometheus's Add); throws IncompatibleSchemaError. */
  add(other: FloatHistogram): AddOutcome {
    return this.addOrSub(other, false);
  }

  /** Subtracts `other` from this histogram (Prometheus's Sub, hint rules as Add). */
  sub(other: FloatHistogram): AddOutcome {
    return this.addOrSub(other, true);
  }

  private addOrSub(other: FloatHistogram, negate: boolean): AddOutcome {
    if (this.usesCustomBuckets() !== other.usesCustomBuckets()) throw new IncompatibleSchemaError();
    const counterResetCollision = this.adjustCounterReset(other);
    if (!this.usesCustomBuckets()) {
      const z = this.reconcileZeroBuckets(other, undefined);
      this.zeroCount = negate ? this.zeroCount - z.count : this.zeroCount + z.count;
    }
    this.count = negate ? this.count - other.count : this.count + other.count;
    this.sum = negate ? this.sum - other.sum : this.sum + other.sum;
    if (this.usesCustomBuckets()) {
      if (customBoundsMatch(this.customValues, other.customValues)) {
        this.positive = addBuckets(this.schema, this.zeroThreshold, negate, this.positive, other.positive);
        return { counterResetCollision, nhcbBoundsReconciled: false };
      }
      const bounds = intersectCustomBounds(this.customValues ?? [], other.customValues ?? []);
      this.positive = mapCustomBuckets(negate, this, other, bounds, undefined).list;
      this.customValues = bounds;
      return { counterResetCollision, nhcbBoundsReconciled: true };
    }
    let oPos = other.positive;
    let oNeg = other.negative;
    if (other.schema < this.schema) {
      this.positive = reduceList(this.positive, this.schema, other.schema);
      this.negative = reduceList(this.negative, this.schema, other.schema);
      this.schema = other.schema;
    } else if (other.schema > this.schema) {
      oPos = reduceList(oPos, other.schema, this.schema);
      oNeg = reduceList(oNeg, other.schema, this.schema);
    }
    this.positive = addBuckets(this.schema, this.zeroThreshold, negate, this.positive, oPos);
    this.negative = addBuckets(this.schema, this.zeroThreshold, negate, this.negative, oNeg);
    return { counterResetCollision, nhcbBoundsReconciled: false };
  }

  /**
   * Kahan-compensated add (Prometheus's KahanAdd): `c` holds the compensation
   * terms in this histogram's layout (created when absent); returns the
   * updated compensation histogram, which the caller keeps.
   */
  kahanAdd(other: FloatHistogram, c: FloatHistogram | undefined): { c: FloatHistogram } & AddOutcome {
    if (this.usesCustomBuckets() !== other.usesCustomBuckets()) throw new IncompatibleSchemaError();
    const counterResetCollision = this.adjustCounterReset(other);
    c ??= this.newCompensation();
    if (!this.usesCustomBuckets()) {
      const z = this.reconcileZeroBuckets(other, c);
      kahanStep(z.count, this.zeroCount, c.zeroCount);
      kahanStep(z.cCount, kahanStep.sum, kahanStep.c);
      this.zeroCount = kahanStep.sum;
      c.zeroCount = kahanStep.c;
    }
    kahanStep(other.count, this.count, c.count);
    this.count = kahanStep.sum;
    c.count = kahanStep.c;
    kahanStep(other.sum, this.sum, c.sum);
    this.sum = kahanStep.sum;
    c.sum = kahanStep.c;
    if (this.usesCustomBuckets()) {
      let nhcbBoundsReconciled = false;
      if (customBoundsMatch(this.customValues, other.customValues)) {
        [this.positive, c.positive] = kahanAddBuckets(this.schema, 0, this.positive, c.positive, other.positive, undefined);
      } else {
        nhcbBoundsReconciled = true;
        const bounds = intersectCustomBounds(this.customValues ?? [], other.customValues ?? []);
        const m = mapCustomBuckets(false, this, other, bounds, c.positive.cnt);
        this.positive = m.list;
        c.positive = { idx: m.list.idx.slice(), cnt: m.comp };
        this.customValues = bounds;
        c.customValues = bounds;
      }
      return { c, counterResetCollision, nhcbBoundsReconciled };
    }
    let oPos = other.positive;
    let oNeg = other.negative;
    let oPosC: number[] | undefined;
    let oNegC: number[] | undefined;
    if (other.schema < this.schema) {
      [this.positive, c.positive] = kahanReduceList(this.positive, c.positive, this.schema, other.schema);
      [this.negative, c.negative] = kahanReduceList(this.negative, c.negative, this.schema, other.schema);
      this.schema = other.schema;
    } else if (other.schema > this.schema) {
      if (oPos.idx.length > 0) {
        const [l, lc] = kahanReduceList(oPos, { idx: oPos.idx, cnt: oPos.cnt.map(() => 0) }, other.schema, this.schema);
        oPos = l;
        oPosC = lc.cnt;
      }
      if (oNeg.idx.length > 0) {
        const [l, lc] = kahanReduceList(oNeg, { idx: oNeg.idx, cnt: oNeg.cnt.map(() => 0) }, other.schema, this.schema);
        oNeg = l;
        oNegC = lc.cnt;
      }
    }
    [this.positive, c.positive] = kahanAddBuckets(this.schema, this.zeroThreshold, this.positive, c.positive, oPos, oPosC);
    [this.negative, c.negative] = kahanAddBuckets(this.schema, this.zeroThreshold, this.negative, c.negative, oNeg, oNegC);
    c.schema = this.schema;
    c.zeroThreshold = this.zeroThreshold;
    return { c, counterResetCollision, nhcbBoundsReconciled: false };
  }

  /** A histogram of zeros in this one's layout, for Kahan compensation. */
  newCompensation(): FloatHistogram {
    const c = new FloatHistogram();
    c.hint = this.hint;
    c.schema = this.schema;
    c.zeroThreshold = this.zeroThreshold;
    c.customValues = this.customValues;
    c.positive = { idx: this.positive.idx.slice(), cnt: this.positive.cnt.map(() => 0) };
    if (!this.usesCustomBuckets()) c.negative = { idx: this.negative.idx.slice(), cnt: this.negative.cnt.map(() => 0) };
    return c;
  }

  /** Removes every empty bucket (Prometheus's Compact(0)); with `c`, keeps its compensation terms aligned. */
  compact(c?: FloatHistogram): this {
    this.positive = compactList(this.positive, c?.positive);
    this.negative = compactList(this.negative, c?.negative);
    if (c) {
      c.positive = { idx: this.positive.idx.slice(), cnt: c.positive.cnt };
      c.negative = { idx: this.negative.idx.slice(), cnt: c.negative.cnt };
    }
    return this;
  }

  /** Lowers the resolution to `target` (< schema, exponential only), merging buckets. */
  reduceResolution(target: number): this {
    if (this.usesCustomBuckets() || target >= this.schema) return this;
    this.positive = reduceList(this.positive, this.schema, target);
    this.negative = reduceList(this.negative, this.schema, target);
    this.schema = target;
    return this;
  }

  /** Prometheus's adjustCounterReset for Add/Sub; true on a reset/not-reset collision. */
  adjustCounterReset(other: { hint: CounterResetHint }): boolean {
    const a = this.hint;
    const b = other.hint;
    if (a === b || a === 'gauge') return false;
    if (b === 'gauge') {
      this.hint = 'gauge';
      return false;
    }
    if (a === 'unknown') return false;
    this.hint = 'unknown';
    return b !== 'unknown';
  }

  /**
   * The zero count this histogram would have with a zero threshold at least
   * `larger`; the threshold moves up to a bucket boundary when it falls inside
   * a populated bucket. `cCount` is the Kahan compensation of the sum.
   */
  zeroCountForLargerThreshold(larger: number, c: FloatHistogram | undefined): { count: number; threshold: number; cCount: number } {
    if (larger === this.zeroThreshold) return { count: this.zeroCount, threshold: larger, cCount: c ? c.zeroCount : 0 };
    outer: for (;;) {
      let zc = this.zeroCount;
      let cz = c ? c.zeroCount : 0;
      const p = this.positive;
      for (let i = 0; i < p.idx.length; i++) {
        const lower = bucketBound(p.idx[i] - 1, this.schema, this.customValues);
        if (lower >= larger) break;
        kahanStep(p.cnt[i], zc, cz);
        if (c) kahanStep(c.positive.cnt[i], kahanStep.sum, kahanStep.c);
        zc = kahanStep.sum;
        cz = kahanStep.c;
        const upper = bucketBound(p.idx[i], this.schema, this.customValues);
        if (upper > larger) {
          if (p.cnt[i] !== 0) larger = upper;
          break;
        }
      }
      const n = this.negative;
      for (let i = 0; i < n.idx.length; i++) {
        const upper = -bucketBound(n.idx[i] - 1, this.schema, undefined);
        if (upper <= -larger) break;
        kahanStep(n.cnt[i], zc, cz);
        if (c) kahanStep(c.negative.cnt[i], kahanStep.sum, kahanStep.c);
        zc = kahanStep.sum;
        cz = kahanStep.c;
        const lower = -bucketBound(n.idx[i], this.schema, undefined);
        if (lower < -larger) {
          if (n.cnt[i] !== 0) {
            larger = -lower;
            continue outer;
          }
          break;
        }
      }
      return { count: zc, threshold: larger, cCount: cz };
    }
  }

  /** Empties the buckets inside the (already widened) zero bucket, then compacts. */
  private trimBucketsInZeroBucket(c: FloatHistogram | undefined): void {
    const p = this.positive;
    for (let i = 0; i < p.idx.length; i++) {
      if (bucketBound(p.idx[i] - 1, this.schema, this.customValues) >= this.zeroThreshold) break;
      p.cnt[i] = 0;
      if (c) c.positive.cnt[i] = 0;
    }
    const n = this.negative;
    for (let i = 0; i < n.idx.length; i++) {
      if (-bucketBound(n.idx[i] - 1, this.schema, undefined) <= -this.zeroThreshold) break;
      n.cnt[i] = 0;
      if (c) c.negative.cnt[i] = 0;
    }
    this.compact(c);
  }

  /** Widens this zero bucket or `other`'s (virtually) until both have the same threshold; returns other's zero count then. */
  private reconcileZeroBuckets(other: FloatHistogram, c: FloatHistogram | undefined): { count: number; cCount: number } {
    let count = other.zeroCount;
    let threshold = other.zeroThreshold;
    let cCount = 0;
    while (threshold !== this.zeroThreshold) {
      if (this.zeroThreshold > threshold) {
        const r = other.zeroCountForLargerThreshold(this.zeroThreshold, undefined);
        count = r.count;
        threshold = r.threshold;
        cCount = r.cCount;
      }
      if (threshold > this.zeroThreshold) {
        const r = this.zeroCountForLargerThreshold(threshold, c);
        this.zeroCount = r.count;
        this.zeroThreshold = r.threshold;
        if (c) c.zeroCount = r.cCount;
        this.trimBucketsInZeroBucket(c);
      }
    }
    return { count, cCount };
  }

  /** Bucket-for-bucket equality of layout and bit-identical counts (Prometheus's Equals). */
  equals(o: FloatHistogram): boolean {
    if (this.schema !== o.schema || !sameBits(this.count, o.count) || !sameBits(this.sum, o.sum)) return false;
    if (this.usesCustomBuckets() && !customBoundsMatch(this.customValues, o.customValues)) return false;
    if (this.zeroThreshold !== o.zeroThreshold || !sameBits(this.zeroCount, o.zeroCount)) return false;
    return sameList(this.negative, o.negative) && sameList(this.positive, o.positive);
  }

  /** Whether any count, the sum or a custom bound is infinite. */
  hasOverflow(): boolean {
    const inf = (x: number) => x === Infinity || x === -Infinity;
    if (inf(this.zeroCount) || inf(this.count) || inf(this.sum)) return true;
    return this.positive.cnt.some(inf) || this.negative.cnt.some(inf) || (this.customValues ?? []).some(inf);
  }

  /** One bucket with its bounds; positive buckets are (lower, upper], negative [lower, upper) (custom: first one [-Inf, b]). */
  bucketAt(positive: boolean, index: number, count: number, schema = this.schema): Bucket {
    const cv = this.customValues;
    let lower: number;
    let upper: number;
    if (positive) {
      upper = bucketBound(index, schema, cv);
      lower = bucketBound(index - 1, schema, cv);
    } else {
      lower = -bucketBound(index, schema, cv);
      upper = -bucketBound(index - 1, schema, cv);
    }
    if (isCustomBucketsSchema(schema)) return { lower, upper, lowerInclusive: index === 0, upperInclusive: true, count, index };
    return { lower, upper, lowerInclusive: lower < 0, upperInclusive: upper > 0, count, index };
  }

  /** The zero bucket [-threshold, threshold]. */
  zeroBucket(): Bucket {
    const z = this.zeroThreshold;
    return { lower: -z, upper: z, lowerInclusive: true, upperInclusive: true, count: this.zeroCount, index: 0 };
  }

  /**
   * Buckets of one side in ascending index order, merged into `targetSchema`
   * (<= schema), skipping leading buckets whose upper bound is <= absStart
   * (exponential schemas): Prometheus's floatBucketIterator.
   */
  sideIn(positive: boolean, targetSchema: number, absStart: number): BucketList {
    const side = positive ? this.positive : this.negative;
    const list = targetSchema === this.schema ? side : reduceList(side, this.schema, targetSchema);
    if (absStart === 0 || !isExponentialSchema(targetSchema)) return list;
    let k = 0;
    while (k < list.idx.length && exponentialBound(list.idx[k], targetSchema) <= absStart) k++;
    return k === 0 ? list : { idx: list.idx.slice(k), cnt: list.cnt.slice(k) };
  }

  /** All buckets from the lowest to the highest: negative, zero (when populated), positive (AllBucketIterator). */
  allBuckets(): Bucket[] {
    const out: Bucket[] = [];
    const z = this.zeroThreshold;
    const n = this.negative;
    for (let i = n.idx.length - 1; i >= 0; i--) out.push(clampToZero(this.bucketAt(false, n.idx[i], n.cnt[i]), z));
    if (this.zeroCount > 0) out.push(this.zeroBucket());
    const p = this.positive;
    for (let i = 0; i < p.idx.length; i++) out.push(clampToZero(this.bucketAt(true, p.idx[i], p.cnt[i]), z));
    return out;
  }

  /** All buckets from the highest to the lowest (AllReverseBucketIterator). */
  allBucketsReverse(): Bucket[] {
    return this.allBuckets().reverse();
  }
}

/** Buckets overlapping the zero bucket end at its threshold. */
function clampToZero(b: Bucket, z: number): Bucket {
  if (b.upper < 0 && b.upper > -z) b.upper = -z;
  else if (b.lower > 0 && b.lower < z) b.lower = z;
  return b;
}
