// The server's answers checked against the Prometheus API's shapes before
// anything reads them: a proxy, a half-compatible server or a broken one may
// send anything, and the user must learn which server sent what, not see an
// internal error from deep inside a renderer.

import { QueryError } from '../../errors.js';
import type { HistogramPair } from '../../model/histogram.js';
import type { InstantSample, Metric, MetricMetadata, QueryData, QueryStats, RangeSeries, SamplePair } from '../../model/result.js';

/** A shape problem: where in the answer, and what was there. */
class ShapeProblem {
  constructor(
    readonly where: string,
    readonly what: string,
  ) {}
}

/** How a JSON value looks, for messages: `null`, `a string`, `an array of 3`... */
export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 39) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'number' ? 'the number' : typeof v} ${String(v)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `where`: the path of the value in the answer (`data.result[3].metric`). */
function metric(v: unknown, where: string): Metric {
  if (!isObject(v)) throw new ShapeProblem(where, `${describeJson(v)} where a label set (an object) belongs`);
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw new ShapeProblem(`${where}.${k}`, `${describeJson(x)} where a label value (a string) belongs`);
  }
  return v as Metric;
}

function pair(v: unknown, where: string): SamplePair {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || !Number.isFinite(v[0]) || typeof v[1] !== 'string') {
    throw new ShapeProblem(where, `${describeJson(v)} where a sample [unix seconds, "value"] belongs`);
  }
  return v as SamplePair;
}

function item(v: unknown, where: string): Record<string, unknown> {
  if (!isObject(v)) throw new ShapeProblem(where, `${describeJson(v)} where a series (an object) belongs`);
  if (!('metric' in v)) throw new ShapeProblem(where, 'a series without "metric"');
  metric(v.metric, `${where}.metric`);
  return v;
}

/** The API's float text: a string Go's ParseFloat reads ("1.5", "+Inf", "NaN", "1e-07"). */
function floatText(v: unknown): boolean {
  return typeof v === 'string' && (v === '+Inf' || v === '-Inf' || v === 'NaN' || (v.trim() !== '' && !Number.isNaN(Number(v))));
}

/** One bucket [boundary rule 0-3, "lower", "upper", "count"] (jsonutil.MarshalHistogram). */
function bucketRow(v: unknown, where: string): void {
  if (!Array.isArray(v) || v.length !== 4 || ![0, 1, 2, 3].includes(v[0] as number) || !v.slice(1).every(floatText)) {
    throw new ShapeProblem(where, `${describeJson(v)} where a bucket [boundary rule 0-3, "lower", "upper", "count"] belongs`);
  }
}

/** A native histogram {count, sum, buckets?} as web/api/v1 renders it. */
function histogramObject(v: unknown, where: string): void {
  if (!isObject(v)) throw new ShapeProblem(where, `${describeJson(v)} where a native histogram (an object) belongs`);
  for (const k of ['count', 'sum'] as const) {
    if (!floatText(v[k]))
      throw new ShapeProblem(`${where}.${k}`, `${describeJson(v[k])} where the histogram's ${k} (a number as a string) belongs`);
  }
  if (v.buckets === undefined) return;
  if (!Array.isArray(v.buckets)) throw new ShapeProblem(`${where}.buckets`, `${describeJson(v.buckets)} where a list of buckets belongs`);
  for (let i = 0; i < v.buckets.length; i++) bucketRow(v.buckets[i], `${where}.buckets[${i}]`);
}

function histogramPair(v: unknown, where: string): HistogramPair {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || !Number.isFinite(v[0])) {
    throw new ShapeProblem(where, `${describeJson(v)} where a histogram sample [unix seconds, {count, sum, buckets}] belongs`);
  }
  histogramObject(v[1], `${where}[1]`);
  return v as HistogramPair;
}

/** Each sample has `value` (a float) or `histogram` (a native histogram), never both. */
function vector(result: unknown): InstantSample[] {
  if (!Array.isArray(result)) throw new ShapeProblem('data.result', `${describeJson(result)} where a vector (an array) belongs`);
  for (let i = 0; i < result.length; i++) {
    const where = `data.result[${i}]`;
    const it = item(result[i], where);
    if ('value' in it && 'histogram' in it) throw new ShapeProblem(where, 'a sample with both "value" and "histogram"');
    if ('histogram' in it) histogramPair(it.histogram, `${where}.histogram`);
    else pair(it.value, `${where}.value`);
  }
  return result as InstantSample[];
}

function list(v: unknown, where: string, what: string): unknown[] {
  if (!Array.isArray(v)) throw new ShapeProblem(where, `${describeJson(v)} where a list of ${what} belongs`);
  return v;
}

/**
 * Each series has `values` (float samples), `histograms` (native-histogram
 * samples) or both; the API leaves out an empty one. promlearn's model always
 * has `values` (maybe empty), so it is added here when absent.
 */
function matrix(result: unknown): RangeSeries[] {
  if (!Array.isArray(result)) throw new ShapeProblem('data.result', `${describeJson(result)} where a matrix (an array) belongs`);
  for (let i = 0; i < result.length; i++) {
    const where = `data.result[${i}]`;
    const it = item(result[i], where);
    if ('histograms' in it) {
      const hs = list(it.histograms, `${where}.histograms`, 'histogram samples');
      for (let j = 0; j < hs.length; j++) histogramPair(hs[j], `${where}.histograms[${j}]`);
      if (!('values' in it)) it.values = [];
    }
    const values = list(it.values, `${where}.values`, 'samples');
    for (let j = 0; j < values.length; j++) pair(values[j], `${where}.values[${j}]`);
  }
  return result as RangeSeries[];
}

const RESULT_TYPES = new Set(['vector', 'matrix', 'scalar', 'string']);

/** `data` of /api/v1/query and /api/v1/query_range. */
function queryData(data: unknown): QueryData {
  if (!isObject(data)) throw new ShapeProblem('data', `${describeJson(data)} where the result (an object) belongs`);
  const type = data.resultType;
  if (typeof type !== 'string' || !RESULT_TYPES.has(type))
    throw new ShapeProblem('data.resultType', `${describeJson(type)}, not vector, matrix, scalar or string`);
  const result = data.result;
  switch (type) {
    case 'vector':
      return { resultType: 'vector', result: vector(result) };
    case 'matrix':
      return { resultType: 'matrix', result: matrix(result) };
    default:
      return { resultType: type as 'scalar' | 'string', result: pair(result, 'data.result') };
  }
}

function stats(v: unknown): QueryStats | undefined {
  if (!isObject(v) || !isObject(v.timings) || !isObject(v.samples)) return undefined;
  const t = v.timings.evalTotalTime;
  const s = v.samples;
  if (typeof t !== 'number' || typeof s.totalQueryableSamples !== 'number' || typeof s.peakSamples !== 'number') return undefined;
  return v as unknown as QueryStats;
}

/** Annotations must be strings; anything else is dropped rather than shown as [object Object]. */
function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string');
  return out.length ? out : undefined;
}

/** A list of names (label names, label values); `null` is Prometheus's empty list. */
function nameList(v: unknown): string[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw new ShapeProblem('data', `${describeJson(v)} where a list of strings belongs`);
  for (let i = 0; i < v.length; i++)
    if (typeof v[i] !== 'string') throw new ShapeProblem(`data[${i}]`, `${describeJson(v[i])} where a string belongs`);
  return v as string[];
}

function seriesList(v: unknown): Metric[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw new ShapeProblem('data', `${describeJson(v)} where a list of series belongs`);
  for (let i = 0; i < v.length; i++) metric(v[i], `data[${i}]`);
  return v as Metric[];
}

function metadataMap(v: unknown): Record<string, MetricMetadata[]> {
  if (v === null) return {};
  if (!isObject(v)) throw new ShapeProblem('data', `${describeJson(v)} where metadata (an object) belongs`);
  const out: Record<string, MetricMetadata[]> = {};
  for (const [name, list] of Object.entries(v)) {
    if (!Array.isArray(list)) throw new ShapeProblem(`data.${name}`, `${describeJson(list)} where a list of metadata belongs`);
    out[name] = list.map((m, i) => {
      if (!isObject(m)) throw new ShapeProblem(`data.${name}[${i}]`, `${describeJson(m)} where metadata (an object) belongs`);
      const str = (x: unknown) => (typeof x === 'string' ? x : '');
      return { type: str(m.type) || 'unknown', help: str(m.help), unit: str(m.unit) };
    });
  }
  return out;
}

/** Which server, which endpoint, what it sent: the error for an answer of the wrong shape. */
export function badShape(server: string, endpoint: string, where: string, what: string): QueryError {
  return new QueryError(`${server} answered ${endpoint} with ${what} at ${where}, which is not Prometheus's API format`, {
    errorType: 'bad_response',
    hint: 'is --server a Prometheus-compatible API? It should be the base URL, e.g. http://localhost:9090 (promlearn adds /api/v1/...)',
  });
}

/** The checkers, by what the answer should be. */
const CHECKS = {
  query: queryData,
  names: nameList,
  series: seriesList,
  metadata: metadataMap,
} as const;

type Checked = { [K in keyof typeof CHECKS]: ReturnType<(typeof CHECKS)[K]> };

/** Checks `data` of an answer from `endpoint` of `server` (already redacted) against its shape. */
export function checkShape<K extends keyof typeof CHECKS>(kind: K, data: unknown, server: string, endpoint: string): Checked[K] {
  try {
    return CHECKS[kind](data) as Checked[K];
  } catch (e) {
    if (e instanceof ShapeProblem) throw badShape(server, endpoint, e.where, e.what);
    throw e;
  }
}

export { stats as checkStats, strings as checkStrings };
