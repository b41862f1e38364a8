// Output for scripts: JSON is exactly the Prometheus API's `data` object
// ({"resultType": ..., "result": ...}), so `jq .result` works on promlearn's
// output as `jq .data.result` does on the API's. CSV is one row per sample,
// labels as columns, RFC 4180 quoting, raw values and unix-second timestamps.

import type { Metric, QueryData, SamplePair } from '../model/result.js';
import { compareBytes } from './text.js';

export function renderJson(data: QueryData): string {
  // Rebuild in the API's key order, whatever order the backend built them in.
  const result = (() => {
    switch (data.resultType) {
      case 'vector':
        return data.result.map((s) => ({ metric: s.metric, value: s.value }));
      case 'matrix':
        return data.result.map((s) => ({ metric: s.metric, values: s.values }));
      default:
        return data.result;
    }
  })();
  return JSON.stringify({ resultType: data.resultType, result }) + '\n';
}

/** RFC 4180: quote when the field holds a comma, quote, CR or LF; double inner quotes. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',') + '\n';
}

export function renderCsv(data: QueryData): string {
  if (data.resultType === 'scalar' || data.resultType === 'string') {
    return csvLine(['timestamp', 'value']) + csvLine(pair(data.result));
  }
  const rows: Array<{ metric: Metric; values: SamplePair[] }> =
    data.resultType === 'vector'
      ? data.result.map((s) => ({ metric: s.metric, values: [s.value] }))
      : data.result.map((s) => ({ metric: s.metric, values: s.values }));
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.metric)))].sort((a, b) =>
    a === '__name__' ? -1 : b === '__name__' ? 1 : compareBytes(a, b),
  );
  // A label called "timestamp" or "value" must not be confused with ours.
  const header = names.map((n) => (n === 'timestamp' || n === 'value' ? `label_${n}` : n));
  let out = csvLine([...header, 'timestamp', 'value']);
  for (const r of rows) {
    const labels = names.map((n) => r.metric[n] ?? '');
    for (const p of r.values) out += csvLine([...labels, ...pair(p)]);
  }
  return out;
}

function pair(p: SamplePair): string[] {
  return [String(p[0]), p[1]];
}
