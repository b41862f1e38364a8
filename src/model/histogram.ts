// A native histogram as the Prometheus HTTP API renders it (web/api/v1,
// jsonutil.MarshalHistogram): count and sum as strings, and one row per
// non-empty bucket, [boundary rule, lower, upper, count]. The boundary rule
// says which ends are inclusive: 0 = (lower, upper], 1 = [lower, upper),
// 2 = (lower, upper), 3 = [lower, upper]. Exponential buckets are
// (lower, upper] (rule 0) except the zero bucket, which is [-z, z] (rule 3).

export type BucketRow = [boundaryRule: number, lower: string, upper: string, count: string];

export interface HistogramJSON {
  count: string;
  sum: string;
  /** Absent when every bucket is empty, as in the API. */
  buckets?: BucketRow[];
}

/** [unix seconds, histogram], the `histogram` of an instant sample and an entry of `histograms`. */
export type HistogramPair = [number, HistogramJSON];

/** One bucket with numbers instead of the API's strings. */
export interface Bucket {
  boundaryRule: number;
  lower: number;
  upper: number;
  count: number;
}

/** Number from the API's float text ("+Inf", "NaN", "1e-07"); kept here so model/ needs nothing else. */
function num(s: string): number {
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (s === 'NaN') return NaN;
  return Number(s);
}

/** The histogram's count, sum and non-empty buckets as numbers (lowest bucket first, as the API lists them). */
export function histogramNumbers(h: HistogramJSON): { count: number; sum: number; buckets: Bucket[] } {
  return {
    count: num(h.count),
    sum: num(h.sum),
    buckets: (h.buckets ?? []).map(([boundaryRule, lower, upper, count]) => ({
      boundaryRule,
      lower: num(lower),
      upper: num(upper),
      count: num(count),
    })),
  };
}

/** Whether the boundary rule makes the lower / upper end inclusive (see BucketRow). */
export function lowerInclusive(rule: number): boolean {
  return rule === 1 || rule === 3;
}
export function upperInclusive(rule: number): boolean {
  return rule === 0 || rule === 3;
}

/** A bucket's interval in mathematical notation, from the API's strings: `(0.1,0.25]`, `[-0.001,0.001]`. */
export function bucketInterval(row: BucketRow): string {
  const [rule, lower, upper] = row;
  return `${lowerInclusive(rule) ? '[' : '('}${lower},${upper}${upperInclusive(rule) ? ']' : ')'}`;
}

/**
 * Whether two histograms are the same within `close` (a float comparison):
 * count, sum and every non-empty bucket (same bounds, close counts). Bounds
 * compare exactly: they come from the schema, not from arithmetic.
 */
export function sameHistogram(a: HistogramJSON, b: HistogramJSON, close: (x: number, y: number) => boolean): boolean {
  const [x, y] = [histogramNumbers(a), histogramNumbers(b)];
  if (!close(x.count, y.count) || !close(x.sum, y.sum)) return false;
  if (x.buckets.length !== y.buckets.length) return false;
  return x.buckets.every((p, i) => {
    const q = y.buckets[i]!;
    return p.boundaryRule === q.boundaryRule && p.lower === q.lower && p.upper === q.upper && close(p.count, q.count);
  });
}
