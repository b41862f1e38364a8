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
