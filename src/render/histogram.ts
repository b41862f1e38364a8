// Native histograms in a few characters, for tables and sample lists: the
// count, the sum and a compact bucket summary (a sparkline of the bucket
// counts, how many buckets and the range they cover):
//
//   count 1234  sum 56.78  ▁▃█▅▂▁ 6 buckets, 0.005 to +Inf
//
// The sparkline has one character per bucket the API lists (only non-empty
// ones), merged group by group when there are more than SPARK_WIDTH; the full
// distribution is ./histogram-bars.ts.

import { histogramNumbers, type HistogramJSON } from '../model/histogram.js';
import { formatNumber } from './format.js';
import { t } from '../util/messages/index.js';

/** Widest sparkline in a table cell. */
export const SPARK_WIDTH = 16;

const SPARKS = '▁▂▃▄▅▆▇█';

/** Sums consecutive counts into at most `width` groups (the first groups one larger when it does not divide). */
export function mergeCounts(counts: number[], width: number): number[] {
  if (counts.length <= width) return counts;
  const out: number[] = [];
  const per = Math.ceil(counts.length / width);
  for (let i = 0; i < counts.length; i += per) out.push(counts.slice(i, i + per).reduce((a, b) => a + b, 0));
  return out;
}

/** One block character per count, the highest count a full block; '' for none. */
export function sparkline(counts: number[], width = SPARK_WIDTH): string {
  const merged = mergeCounts(counts, width);
  const max = Math.max(0, ...merged.filter(Number.isFinite));
  return merged
    .map((c) => {
      if (!Number.isFinite(c) || max <= 0) return SPARKS[0];
      return SPARKS[Math.min(SPARKS.length - 1, Math.max(0, Math.round((c / max) * (SPARKS.length - 1))))];
    })
    .join('');
}

/** `▁▃█▅▂▁ 6 buckets, 0.005 to +Inf`, or `no observations` when every bucket is empty. */
export function bucketSummary(h: HistogramJSON): string {
  const rows = h.buckets ?? [];
  if (rows.length === 0) return t('render.histogram.noObservations');
  const { buckets } = histogramNumbers(h);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const n = rows.length;
  const range = { n, from: first[1], to: last[2] };
  return `${sparkline(buckets.map((b) => b.count))} ${n === 1 ? t('render.histogram.bucketsOne', range) : t('render.histogram.bucketsMany', range)}`;
}

/** The count and sum as tables show numbers (significant digits, not the API's full text). */
export function countAndSum(h: HistogramJSON, digits = 5): { count: string; sum: string } {
  const { count, sum } = histogramNumbers(h);
  return { count: formatNumber(count, digits), sum: formatNumber(sum, digits) };
}

/** `count 1234  sum 56.78  ▁▃█▅▂▁ 6 buckets, 0.005 to +Inf`: one histogram on one line. */
export function histogramLine(h: HistogramJSON, digits = 5): string {
  const { count, sum } = countAndSum(h, digits);
  return `count ${count}  sum ${sum}  ${bucketSummary(h)}`;
}
