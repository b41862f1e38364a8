// Query results in the Prometheus HTTP API's data model, exactly as
// /api/v1/query and /api/v1/query_range return them: timestamps in seconds
// (floats), sample values as strings ("NaN", "+Inf", "1e-07").
// Both backends return these shapes; renderers read only these.

import type { HistogramPair } from './histogram.js';

export type Metric = Record<string, string>;

/** [unix seconds, value as string] */
export type SamplePair = [number, string];

/**
 * One series of an instant vector. The API sends either `value` (a float)
 * or `histogram` (a native histogram), never both.
 */
export interface InstantSample {
  metric: Metric;
  value?: SamplePair;
  histogram?: HistogramPair;
}

/**
 * One series of a range result: float points in `values`, native-histogram
 * points in `histograms`. The API leaves out an empty one; here `values` is
 * always there (maybe empty) and apiResult() leaves it out again.
 */
export interface RangeSeries {
  metric: Metric;
  values: SamplePair[];
  histograms?: HistogramPair[];
}

export type QueryData =
  | { resultType: 'vector'; result: InstantSample[] }
  | { resultType: 'matrix'; result: RangeSeries[] }
  | { resultType: 'scalar'; result: SamplePair }
  | { resultType: 'string'; result: SamplePair };

/**
 * `result` exactly as the API writes it (web/api/v1 json_codec.go): keys in
 * its order, `value` or `histogram` per sample, and a series' `values` or
 * `histograms` only when non-empty, whatever order a backend built them in.
 */
export function apiResult(data: QueryData): unknown {
  switch (data.resultType) {
    case 'vector':
      return data.result.map((s) => (s.histogram ? { metric: s.metric, histogram: s.histogram } : { metric: s.metric, value: s.value }));
    case 'matrix':
      return data.result.map((s) => ({
        metric: s.metric,
        ...(s.values.length > 0 || !s.histograms?.length ? { values: s.values } : {}),
        ...(s.histograms?.length ? { histograms: s.histograms } : {}),
      }));
    default:
      return data.result;
  }
}

/** The subset of Prometheus's `stats=all` that promlearn shows. */
export interface QueryStats {
  timings: {
    evalTotalTime: number;
    resultSortTime?: number;
    queryPreparationTime?: number;
    innerEvalTime?: number;
    execQueueTime?: number;
    execTotalTime?: number;
  };
  samples: {
    totalQueryableSamples: number;
    peakSamples: number;
  };
}

export interface QueryResult {
  data: QueryData;
  /** Annotations as the API renders them: "PromQL warning: ... (1:6)". */
  warnings?: string[];
  infos?: string[];
  stats?: QueryStats;
}

export interface MetricMetadata {
  type: string; // counter | gauge | histogram | summary | unknown | ...
  help: string;
  unit: string;
}

/**
 * Format a float the way Prometheus's API does (util/jsonutil/marshal.go,
 * MarshalFloat): Go's strconv 'f' with shortest digits, and 'e' only below
 * 1e-6 or from 1e21. -0 stays "-0".
 */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const abs = Math.abs(v);
  if (abs < 1e-6 || abs >= 1e21) {
    const [m, e] = v.toExponential().split('e');
    const exp = Number(e);
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${m}e${sign}${digits}`;
  }
  // JavaScript writes plain decimals for exactly this range, with the same shortest digits.
  return String(v);
}

export function parseSampleValue(s: string): number {
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (s === 'NaN') return NaN;
  return Number(s);
}

/** Prometheus's API refuses range queries of more points per series than this (web/api/v1: "exceeded maximum resolution of 11,000 points"). */
export const MAX_RANGE_POINTS = 11000;
