// Quantiles: the φ-quantile of plain values (quantile aggregation,
// quantile_over_time) and of classic `le` buckets (histogram_quantile,
// histogram_fraction), as Prometheus's promql/quantile.go.

/** Sorts NaN first, then ascending (Go's vectorByValueHeap order). Sorts `values` in place. */
export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || q !== q) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  values.sort((a, b) => (a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : a - b));
  const n = values.length;
  const rank = q * (n - 1);
  const lowerIndex = Math.max(0, Math.floor(rank));
  const upperIndex = Math.min(n - 1, lowerIndex + 1);
  const weight = rank - Math.floor(rank);
  return values[lowerIndex] * (1 - weight) + values[upperIndex] * weight;
}

/**
 * quantile() over the sliding windows of one series (quantile_over_time):
 * the window's values are kept sorted, and moving to the next window removes
 * the values that left and inserts those that came (a few per step), instead
 * of sorting every window. NaNs, which Go's sort puts first, are counted
 * apart. `serial` names the series: a new one starts from scratch.
 */
export class SlidingQuantile {
  private sorted = new Float64Array(64);
  private size = 0;
  private nans = 0;
  private serial: number | undefined = -1;
  private lo = 0;
  private hi = 0;

  quantile(q: number, v: Float64Array, lo: number, hi: number, serial: number | undefined): number {
    if (serial === undefined || serial !== this.serial || lo < this.lo || hi < this.hi || lo > this.hi) this.reset(serial, lo);
    for (let i = this.lo; i < lo; i++) this.remove(v[i]);
    for (let i = this.hi; i < hi; i++) this.insert(v[i]);
    this.lo = lo;
    this.hi = hi;
    const n = this.size + this.nans;
    if (n === 0 || q !== q) return NaN;
    if (q < 0) return -Infinity;
    if (q > 1) return Infinity;
    const rank = q * (n - 1);
    const lowerIndex = Math.max(0, Math.floor(rank));
    const upperIndex = Math.min(n - 1, lowerIndex + 1);
    const weight = rank - Math.floor(rank);
    return this.at(lowerIndex) * (1 - weight) + this.at(upperIndex) * weight;
  }

  private at(i: number): number {
    return i < this.nans ? NaN : this.sorted[i - this.nans];
  }

  private reset(serial: number | undefined, lo: number): void {
    this.serial = serial;
    this.size = 0;
    this.nans = 0;
    this.lo = lo;
    this.hi = lo;
  }

  /** First index whose value is >= x (or > x when `after`). */
  private bound(x: number, after: boolean): number {
    let a = 0;
    let b = this.size;
    const s = this.sorted;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (s[m] < x || (after && s[m] === x)) a = m + 1;
      else b = m;
    }
    return a;
  }

  private insert(x: number): void {
    if (x !== x) {
      this.nans++;
      return;
    }
    if (this.size === this.sorted.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.sorted);
      this.sorted = grown;
    }
    const i = this.bound(x, true);
    this.sorted.copyWithin(i + 1, i, this.size);
    this.sorted[i] = x;
    this.size++;
  }

  private remove(x: number): void {
    if (x !== x) {
      this.nans--;
      return;
    }
    // Among equal values prefer the same zero sign (-0 and 0 compare equal).
    let i = this.bound(x, false);
    for (let k = i; k < this.size && this.sorted[k] === x; k++) {
      if (Object.is(this.sorted[k], x)) {
        i = k;
        break;
      }
    }
    this.sorted.copyWithin(i, i + 1, this.size);
    this.size--;
  }
}

export interface Bucket {
  upperBound: number;
  count: number;
}

interface BucketQuantileResult {
  value: number;
  /** Some bucket count was lower than the one before it and was raised (the info annotation). */
  forcedMonotonic: boolean;
  /** Of the raised buckets: the lowest and highest upper bound, and the largest decrease. */
  minBucket: number;
  maxBucket: number;
  maxDiff: number;
}

function sortBuckets(b: Bucket[]): void {
  b.sort((x, y) => (x.upperBound < y.upperBound ? -1 : x.upperBound > y.upperBound ? 1 : 0));
}

function coalesce(buckets: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  let last = { ...buckets[0] };
  for (let i = 1; i < buckets.length; i++) {
    const b = buckets[i];
    if (b.upperBound === last.upperBound) last.count += b.count;
    else {
      out.push(last);
      last = { ...b };
    }
  }
  out.push(last);
  return out;
}

const MIN_NORMAL = 2.2250738585072014e-308;

/** Prometheus's util/almost.Equal: a relative tolerance, symmetric in a and b. */
export function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (a !== a && b !== b) return true;
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < epsilon * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

type Monotonicity = Omit<BucketQuantileResult, 'value'>;

/**
 * Prometheus 3's ensureMonotonicAndIgnoreSmallDeltas (promql/quantile.go):
 * a count within a relative 1e-12 of the previous one is set to it (float
 * noise, either direction); a lower count is raised to the previous one and
 * reported. Neither moves `prev`, so later buckets compare with the last
 * count that was kept.
 */
function ensureMonotonicAndIgnoreSmallDeltas(buckets: Bucket[], tolerance: number): Monotonicity {
  const m: Monotonicity = { forcedMonotonic: false, minBucket: Infinity, maxBucket: -Infinity, maxDiff: 0 };
  let prev = buckets[0].count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i].count;
    if (curr === prev) continue;
    if (almostEqual(prev, curr, tolerance)) {
      buckets[i].count = prev;
      continue;
    }
    if (curr < prev) {
      buckets[i].count = prev;
      m.forcedMonotonic = true;
      m.minBucket = Math.min(m.minBucket, buckets[i].upperBound);
      m.maxBucket = Math.max(m.maxBucket, buckets[i].upperBound);
      m.maxDiff = Math.max(m.maxDiff, prev - curr);
      continue;
    }
    prev = curr;
  }
  return m;
}

export function bucketQuantile(q: number, input: Bucket[]): BucketQuantileResult {
  const none: Monotonicity = { forcedMonotonic: false, minBucket: 0, maxBucket: 0, maxDiff: 0 };
  if (q !== q) return { value: NaN, ...none };
  if (q < 0) return { value: -Infinity, ...none };
  if (q > 1) return { value: Infinity, ...none };
  sortBuckets(input);
  if (input[input.length - 1].upperBound !== Infinity) return { value: NaN, ...none };
  const buckets = coalesce(input);
  const m = ensureMonotonicAndIgnoreSmallDeltas(buckets, 1e-12);
  if (buckets.length < 2) return { value: NaN, ...m };
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return { value: NaN, ...m };
  let rank = q * observations;
  // Go's sort.Search over all but the last bucket.
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!(buckets[mid].count >= rank)) lo = mid + 1;
    else hi = mid;
  }
  const b = lo;
  if (b === buckets.length - 1) return { value: buckets[buckets.length - 2].upperBound, ...m };
  if (b === 0 && buckets[0].upperBound <= 0) return { value: buckets[0].upperBound, ...m };
  let bucketStart = 0;
  const bucketEnd = buckets[b].upperBound;
  let count = buckets[b].count;
  if (b > 0) {
    bucketStart = buckets[b - 1].upperBound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return { value: bucketStart + (bucketEnd - bucketStart) * (rank / count), ...m };
}

/** Fraction of observations in [lower, upper] from classic buckets (histogram_fraction). */
export function bucketFraction(lower: number, upper: number, input: Bucket[]): number {
  sortBuckets(input);
  if (input[input.length - 1].upperBound !== Infinity) return NaN;
  const buckets = coalesce(input);
  const count = buckets[buckets.length - 1].count;
  if (count === 0 || lower !== lower || upper !== upper) return NaN;
  if (lower >= upper) return 0;
  let rank = 0;
  let lowerRank = 0;
  let upperRank = 0;
  let lowerSet = false;
  let upperSet = false;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    let lowerBound = i > 0 ? buckets[i - 1].upperBound : -Infinity;
    if (i === 0 && b.upperBound > 0) lowerBound = 0;
    const upperBound = b.upperBound;
    const interp = (x: number): number => rank + ((b.count - rank) * (x - lowerBound)) / (upperBound - lowerBound);
    if (!lowerSet && lowerBound >= lower) {
      lowerRank = rank;
      lowerSet = true;
    }
    if (!upperSet && lowerBound >= upper) {
      upperRank = rank;
      upperSet = true;
    }
    if (lowerSet && upperSet) break;
    if (!lowerSet && lowerBound < lower && upperBound > lower) {
      // No interpolation in a bucket of infinite width: it contributes nothing.
      lowerRank = lowerBound === -Infinity ? b.count : interp(lower);
      lowerSet = true;
    }
    if (!upperSet && lowerBound < upper && upperBound > upper) {
      upperRank = lowerBound === -Infinity ? rank : interp(upper);
      upperSet = true;
    }
    if (lowerSet && upperSet) break;
    rank = b.count;
  }
  if (!lowerSet || lowerRank > count) lowerRank = count;
  if (!upperSet || upperRank > count) upperRank = count;
  return (upperRank - lowerRank) / count;
}
