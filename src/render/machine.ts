// Output for scripts: JSON is exactly the Prometheus API's `data` object
// ({"resultType": ..., "result": ...}), so `jq .result` works on promlearn's
// output as `jq .data.result` does on the API's. CSV is one row per sample,
// labels as columns, RFC 4180 quoting, raw values and unix-second timestamps.
// Native histograms keep the API's shape in JSON (`histogram`, `histograms`);
// in CSV a result with histograms gains three columns, `count`, `sum` and
// `buckets` (the API's non-empty buckets as `interval:count` joined by `;`,
// e.g. `(0.1,0.25]:4;(0.25,0.5]:2`), and `value` is empty on histogram rows.

import { bucketInterval, type HistogramJSON } from '../model/histogram.js';
import { apiResult, type Metric, type QueryData, type RangeSeries } from '../model/result.js';
import { compareBytes } from './text.js';

export function renderJson(data: QueryData): string {
  return JSON.stringify({ resultType: data.resultType, result: apiResult(data) }) + '\n';
}

/** RFC 4180: quote when the field holds a comma, quote, CR or LF; double inner quotes. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',') + '\n';
}

/** One CSV row's sample: a float or a histogram at a time. */
type Point = { t: number; value?: string; histogram?: HistogramJSON };

function seriesPoints(s: RangeSeries): Point[] {
  const points: Point[] = s.values.map(([t, value]) => ({ t, value }));
  for (const [t, histogram] of s.histograms ?? []) points.push({ t, histogram });
  // A series with both (a float turned histogram) lists its samples in time order.
  return s.histograms?.length && s.values.length ? points.sort((a, b) => a.t - b.t) : points;
}

export function renderCsv(data: QueryData): string {
  if (data.resultType === 'scalar' || data.resultType === 'string') {
    return csvLine(['timestamp', 'value']) + csvLine([String(data.result[0]), data.result[1]]);
  }
  const rows: Array<{ metric: Metric; points: Point[] }> =
    data.resultType === 'vector'
      ? data.result.map((s) => ({
          metric: s.metric,
          points: [{ t: (s.value ?? s.histogram!)[0], value: s.value?.[1], histogram: s.histogram?.[1] }],
        }))
      : data.result.map((s) => ({ metric: s.metric, points: seriesPoints(s) }));
  const histograms = rows.some((r) => r.points.some((p) => p.histogram));
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.metric)))].sort((a, b) =>
    a === '__name__' ? -1 : b === '__name__' ? 1 : compareBytes(a, b),
  );
  // A label called like one of our columns must not be confused with it.
  const ours = new Set(histograms ? ['timestamp', 'value', ...HISTOGRAM_COLUMNS] : ['timestamp', 'value']);
  const header = names.map((n) => (ours.has(n) ? `label_${n}` : n));
  let out = csvLine([...header, ...ours]);
  for (const r of rows) {
    const labels = names.map((n) => r.metric[n] ?? '');
    for (const p of r.points) {
      const h = p.histogram;
      const extra = !histograms
        ? []
        : h
          ? [h.count, h.sum, (h.buckets ?? []).map((b) => `${bucketInterval(b)}:${b[3]}`).join(';')]
          : ['', '', ''];
      out += csvLine([...labels, String(p.t), p.value ?? '', ...extra]);
    }
  }
  return out;
}

const HISTOGRAM_COLUMNS = ['count', 'sum', 'buckets'];
