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

export interface Bucket {
  upperBound: number;
  count: number;
}

interface BucketQuantileResult {
  value: number;
  forcedMonotonic: boolean;
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

function correctPrecisionErrors(buckets: Bucket[], tolerance: number): void {
  let prev = buckets[0].count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i].count;
    const delta = Math.abs(curr - prev);
    if (delta === 0) continue;
    if (delta / curr <= tolerance) buckets[i].count = prev;
    else prev = curr;
  }
}

function ensureMonotonic(buckets: Bucket[]): boolean {
  let forced = false;
  let max = buckets[0].count;
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count > max) max = buckets[i].count;
    else if (buckets[i].count < max) {
      buckets[i].count = max;
      forced = true;
    }
  }
  return forced;
}

export function bucketQuantile(q: number, input: Bucket[]): BucketQuantileResult {
  if (q !== q) return { value: NaN, forcedMonotonic: false };
  if (q < 0) return { value: -Infinity, forcedMonotonic: false };
  if (q > 1) return { value: Infinity, forcedMonotonic: false };
  sortBuckets(input);
  if (input[input.length - 1].upperBound !== Infinity) return { value: NaN, forcedMonotonic: false };
  const buckets = coalesce(input);
  correctPrecisionErrors(buckets, 1e-12);
  const forced = ensureMonotonic(buckets);
  if (buckets.length < 2) return { value: NaN, forcedMonotonic: false };
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return { value: NaN, forcedMonotonic: false };
  let rank = q * observations;
  let b = 0;
  {
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (!(buckets[mid].count >= rank)) lo = mid + 1;
      else hi = mid;
    }
    b = lo;
  }
  if (b === buckets.length - 1) return { value: buckets[buckets.length - 2].upperBound, forcedMonotonic: forced };
  if (b === 0 && buckets[0].upperBound <= 0) return { value: buckets[0].upperBound, forcedMonotonic: forced };
  let bucketStart = 0;
  const bucketEnd = buckets[b].upperBound;
  let count = buckets[b].count;
  if (b > 0) {
    bucketStart = buckets[b - 1].upperBound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return { value: bucketStart + (bucketEnd - bucketStart) * (rank / count), forcedMonotonic: forced };
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
