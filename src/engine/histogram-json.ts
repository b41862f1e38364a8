// A native histogram in the Prometheus HTTP API's shape (jsonutil.MarshalHistogram):
// count and sum as API floats, and one [boundary rule, lower, upper, count] row per
// populated bucket, from the lowest to the highest. The rule says which ends are
// inclusive: 0 (lower, upper], 1 [lower, upper), 2 (lower, upper), 3 [lower, upper].

import type { FloatHistogram } from '../histogram/histogram.js';
import type { BucketRow, HistogramJSON } from '../model/histogram.js';
import { formatSampleValue } from '../model/result.js';

export function histogramToJSON(h: FloatHistogram): HistogramJSON {
  const out: HistogramJSON = { count: formatSampleValue(h.count), sum: formatSampleValue(h.sum) };
  const rows: BucketRow[] = [];
  for (const b of h.allBuckets()) {
    if (b.count === 0) continue;
    const rule = b.lowerInclusive ? (b.upperInclusive ? 3 : 1) : b.upperInclusive ? 0 : 2;
    rows.push([rule, formatSampleValue(b.lower), formatSampleValue(b.upper), formatSampleValue(b.count)]);
  }
  if (rows.length > 0) out.buckets = rows;
  return out;
}
