// The texts of Prometheus's annotations about native histograms
// (util/annotations/annotations.go), in one place: the engine's modules
// raise them with annotate() at the position Prometheus names.

/** Go's %q of a metric name (names are printable; JSON's quoting is the same for them). */
const q = (s: string): string => JSON.stringify(s);

export type HistogramOperation = 'addition' | 'subtraction' | 'aggregation';

export const histNotes = {
  mixedFloatsHistograms: (name: string) => `encountered a mix of histograms and floats for metric name ${q(name)}`,
  mixedFloatsHistogramsAgg: () => 'encountered a mix of histograms and floats for aggregation',
  notCounter: (name: string) => `this native histogram metric is not a counter: ${q(name)}`,
  notGauge: (name: string) => `this native histogram metric is not a gauge: ${q(name)}`,
  mixedExponentialCustom: (name: string) =>
    `vector contains a mix of histograms with exponential and custom buckets schemas for metric name ${q(name)}`,
  ignoredInMixedRange: (name: string) => `ignored histograms in a range containing both floats and histograms for metric name ${q(name)}`,
  ignoredInAggregation: (agg: string) => `ignored histogram in ${agg} aggregation`,
  incompatibleTypesInBinOp: (lhs: string, op: string, rhs: string) =>
    `incompatible sample types encountered for binary operator ${q(op)}: ${lhs} ${op} ${rhs}`,
  incompatibleBucketLayoutInBinOp: (op: string) => `incompatible bucket layout encountered for binary operator ${op}`,
  counterResetCollision: (op: HistogramOperation) => `conflicting counter resets during histogram ${op}`,
  mismatchedCustomBuckets: (op: HistogramOperation) => `mismatched custom buckets were reconciled during ${op}`,
};
