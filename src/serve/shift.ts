// `serve --shift-to-now`: a fixed dataset served as if it had just been
// scraped, so Grafana's "Last 6 hours", promtool and `--server` clients that
// query at "now" see data. Every time a client sends is moved back by the
// shift, every timestamp in a result forward by it. Values are not touched:
// time() and timestamp() still return dataset times.

import type { Backend, BackendInfo, QueryOptions, SeriesQuery } from '../backends/backend.js';
import type { HistogramPair } from '../model/histogram.js';
import type { QueryData, QueryResult, SamplePair } from '../model/result.js';

function shiftData(d: QueryData, by: number): QueryData {
  switch (d.resultType) {
    case 'vector':
      return {
        ...d,
        result: d.result.map((s) =>
          s.histogram
            ? { ...s, histogram: [s.histogram[0] + by, s.histogram[1]] as HistogramPair }
            : { ...s, value: [s.value![0] + by, s.value![1]] as SamplePair },
        ),
      };
    case 'matrix':
      return {
        ...d,
        result: d.result.map((s) => ({
          ...s,
          values: s.values.map(([t, v]) => [t + by, v] as SamplePair),
          ...(s.histograms ? { histograms: s.histograms.map(([t, h]) => [t + by, h] as HistogramPair) } : {}),
        })),
      };
    case 'scalar':
    case 'string':
      return { ...d, result: [d.result[0] + by, d.result[1]] } as QueryData;
  }
}

function shiftQuery(q: SeriesQuery | undefined, by: number): SeriesQuery | undefined {
  if (!q) return q;
  return { ...q, start: q.start === undefined ? undefined : q.start - by, end: q.end === undefined ? undefined : q.end - by };
}

/** The backend with its data moved `bySec` seconds later. */
export function shiftBackend(b: Backend, bySec: number): Backend {
  const round = (t: number) => Math.round(t * 1000) / 1000;
  const result = (r: QueryResult): QueryResult => ({ ...r, data: shiftData(r.data, bySec) });
  return {
    async info(signal?: AbortSignal): Promise<BackendInfo> {
      const i = await b.info(signal);
      return i.dataRange ? { ...i, dataRange: { start: i.dataRange.start + bySec, end: i.dataRange.end + bySec } } : i;
    },
    instantQuery: async (q: string, time: number, o?: QueryOptions) => result(await b.instantQuery(q, round(time - bySec), o)),
    rangeQuery: async (q: string, start: number, end: number, step: number, o?: QueryOptions) =>
      result(await b.rangeQuery(q, round(start - bySec), round(end - bySec), step, o)),
    series: (q) => b.series(shiftQuery(q, bySec)!),
    labelNames: (q) => b.labelNames(shiftQuery(q, bySec)),
    labelValues: (name, q) => b.labelValues(name, shiftQuery(q, bySec)),
    metadata: (m, s) => b.metadata(m, s),
    close: b.close ? () => b.close!() : undefined,
  };
}
