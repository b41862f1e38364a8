// What Prometheus's annotations mean, in the learner's language. The
// annotation's text is Prometheus's (util/annotations/annotations.go, raised by
// the embedded engine with the same words, returned by a server in `warnings`
// and `infos`) and stays as it is; this says what it means beside it, as
// render/error.ts does for errors. Shared by both backends, like hints.ts.

import { t, type MessageKey } from '../util/messages/index.js';

/** Annotation text (with or without the "PromQL info: " prefix and position) → what it means. */
const RULES: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/metric might not be a counter, name does not end in/, 'annotation.notCounterName'],
  [/quantile value should be between 0 and 1/, 'annotation.quantileRange'],
  [/ratio value should be between -1 and 1/, 'annotation.ratioRange'],
  [/bucket label "le" is missing or has a malformed value/, 'annotation.badLe'],
  [/vector contains a mix of classic and native histograms/, 'annotation.mixedClassicNative'],
  [/input to histogram_(quantile|fraction) has NaN observations/, 'annotation.nanObservations'],
  [/input to histogram_quantile needed to be fixed for monotonicity/, 'annotation.monotonicity'],
  [/sample has start time that overlaps with previous sample/, 'annotation.startTimeOverlap'],
  [/sort is ineffective for range queries/, 'annotation.sortRange'],
  [/encountered a mix of histograms and floats/, 'annotation.mixedFloatsHistograms'],
  [/ignored histograms? in (a range containing both floats and histograms|\w+ aggregation)/, 'annotation.ignoredHistograms'],
  [/this native histogram metric is not a counter/, 'annotation.notCounterHistogram'],
  [/this native histogram metric is not a gauge/, 'annotation.notGaugeHistogram'],
  [/a mix of histograms with exponential and custom buckets schemas/, 'annotation.mixedSchemas'],
  [/incompatible sample types encountered for binary operator/, 'annotation.incompatibleTypes'],
  [/incompatible bucket layout encountered for binary operator/, 'annotation.incompatibleLayout'],
  [/conflicting counter resets during histogram/, 'annotation.resetCollision'],
  [/mismatched custom buckets were reconciled/, 'annotation.customBucketsReconciled'],
];

/** What the annotation means for the query, in this run's language; undefined for a text we do not know. */
export function annotationHint(text: string): string | undefined {
  const rule = RULES.find(([re]) => re.test(text));
  return rule ? t(rule[1] as 'annotation.badLe') : undefined;
}
