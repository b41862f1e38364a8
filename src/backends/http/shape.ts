// The server's answers checked against the Prometheus API's shapes before
// anything reads them: a proxy, a half-compatible server or a broken one may
// send anything, and the user must learn which server sent what, not see an
// internal error from deep inside a renderer.

import { QueryError } from '../../errors.js';
import { t } from '../../util/messages/index.js';
import type { HistogramPair } from '../../model/histogram.js';
import type { InstantSample, Metric, MetricMetadata, QueryData, QueryStats, RangeSeries, SamplePair } from '../../model/result.js';

/** A shape problem: where in the answer, and what was there. */
class ShapeProblem {
  constructor(
    readonly where: string,
    readonly what: string,
  ) {}
}

/** "the string "x" where a sample [unix seconds, "value"] belongs", in the learner's language. */
function misplaced(where: string, v: unknown, expected: string): ShapeProblem {
  return new ShapeProblem(where, t('response.foundWhere', { found: describeJson(v), expected }));
}

/** How a JSON value looks, for messages: `null`, `a string`, `an array of 3`... */
export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return t('response.json.nothing');
  if (Array.isArray(v)) return t('response.json.array', { n: v.length });
  if (typeof v === 'string') return t('response.json.string', { text: JSON.stringify(v.length > 40 ? v.slice(0, 39) + '…' : v) });
  if (typeof v === 'object') return t('response.json.object');
  if (typeof v === 'number') return t('response.json.number', { value: String(v) });
  return t('response.json.other', { type: typeof v, value: String(v) });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `where`: the path of the value in the answer (`data.result[3].metric`). */
function metric(v: unknown, where: string): Metric {
  if (!isObject(v)) throw misplaced(where, v, t('response.want.labelSet'));
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw misplaced(`${where}.${k}`, x, t('response.want.labelValue'));
  }
  return v as Metric;
}

function pair(v: unknown, where: string): SamplePair {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || !Number.isFinite(v[0]) || typeof v[1] !== 'string') {
    throw misplaced(where, v, t('response.want.sample'));
  }
  return v as SamplePair;
}

function item(v: unknown, where: string): Record<string, unknown> {
  if (!isObject(v)) throw misplaced(where, v, t('response.want.series'));
  if (!('metric' in v)) throw new ShapeProblem(where, t('response.seriesWithoutMetric'));
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
    throw misplaced(where, v, t('response.want.bucket'));
  }
}

/** A native histogram {count, sum, buckets?} as web/api/v1 renders it. */
function histogramObject(v: unknown, where: string): void {
  if (!isObject(v)) throw misplaced(where, v, t('response.want.histogram'));
  for (const k of ['count', 'sum'] as const) {
    if (!floatText(v[k])) throw misplaced(`${where}.${k}`, v[k], t('response.want.histogramField', { field: k }));
  }
  if (v.buckets === undefined) return;
  if (!Array.isArray(v.buckets)) throw misplaced(`${where}.buckets`, v.buckets, t('response.want.buckets'));
  for (let i = 0; i < v.buckets.length; i++) bucketRow(v.buckets[i], `${where}.buckets[${i}]`);
}

function histogramPair(v: unknown, where: string): HistogramPair {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || !Number.isFinite(v[0])) {
    throw misplaced(where, v, t('response.want.histogramSample'));
  }
  histogramObject(v[1], `${where}[1]`);
  return v as HistogramPair;
}

/** Each sample has `value` (a float) or `histogram` (a native histogram), never both. */
function vector(result: unknown): InstantSample[] {
  if (!Array.isArray(result)) throw misplaced('data.result', result, t('response.want.vector'));
  for (let i = 0; i < result.length; i++) {
    const where = `data.result[${i}]`;
    const it = item(result[i], where);
    if ('value' in it && 'histogram' in it) throw new ShapeProblem(where, t('response.valueAndHistogram'));
    if ('histogram' in it) histogramPair(it.histogram, `${where}.histogram`);
    else pair(it.value, `${where}.value`);
  }
  return result as InstantSample[];
}

function list(v: unknown, where: string, what: string): unknown[] {
  if (!Array.isArray(v)) throw misplaced(where, v, what);
  return v;
}

/**
 * Each series has `values` (float samples), `histograms` (native-histogram
 * samples) or both; the API leaves out an empty one. promlearn's model always
 * has `values` (maybe empty), so it is added here when absent.
 */
function matrix(result: unknown): RangeSeries[] {
  if (!Array.isArray(result)) throw misplaced('data.result', result, t('response.want.matrix'));
  for (let i = 0; i < result.length; i++) {
    const where = `data.result[${i}]`;
    const it = item(result[i], where);
    if ('histograms' in it) {
      const hs = list(it.histograms, `${where}.histograms`, t('response.want.histogramSamples'));
      for (let j = 0; j < hs.length; j++) histogramPair(hs[j], `${where}.histograms[${j}]`);
      if (!('values' in it)) it.values = [];
    }
    const values = list(it.values, `${where}.values`, t('response.want.samples'));
    for (let j = 0; j < values.length; j++) pair(values[j], `${where}.values[${j}]`);
  }
  return result as RangeSeries[];
}

const RESULT_TYPES = new Set(['vector', 'matrix', 'scalar', 'string']);

/** `data` of /api/v1/query and /api/v1/query_range. */
function queryData(data: unknown): QueryData {
  if (!isObject(data)) throw misplaced('data', data, t('response.want.result'));
  const type = data.resultType;
  if (typeof type !== 'string' || !RESULT_TYPES.has(type))
    throw new ShapeProblem('data.resultType', t('response.badResultType', { found: describeJson(type) }));
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
  if (!Array.isArray(v)) throw misplaced('data', v, t('response.want.strings'));
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') throw misplaced(`data[${i}]`, v[i], t('response.want.string'));
  return v as string[];
}

function seriesList(v: unknown): Metric[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw misplaced('data', v, t('response.want.seriesList'));
  for (let i = 0; i < v.length; i++) metric(v[i], `data[${i}]`);
  return v as Metric[];
}

function metadataMap(v: unknown): Record<string, MetricMetadata[]> {
  if (v === null) return {};
  if (!isObject(v)) throw misplaced('data', v, t('response.want.metadata'));
  const out: Record<string, MetricMetadata[]> = {};
  for (const [name, list] of Object.entries(v)) {
    if (!Array.isArray(list)) throw misplaced(`data.${name}`, list, t('response.want.metadataList'));
    out[name] = list.map((m, i) => {
      if (!isObject(m)) throw misplaced(`data.${name}[${i}]`, m, t('response.want.metadata'));
      const str = (x: unknown) => (typeof x === 'string' ? x : '');
      return { type: str(m.type) || 'unknown', help: str(m.help), unit: str(m.unit) };
    });
  }
  return out;
}

/** Which server (its base URL), which endpoint, what it sent: the error for an answer of the wrong shape. */
function badShape(server: string, endpoint: string, where: string, what: string): QueryError {
  return new QueryError(t('response.badShape', { server, endpoint, what, where }), {
    errorType: 'bad_response',
    hint: t('response.badShapeHint'),
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

/** Checks `data` of an answer from `endpoint` of `server` (its base URL, already redacted) against its shape. */
export function checkShape<K extends keyof typeof CHECKS>(kind: K, data: unknown, server: string, endpoint: string): Checked[K] {
  try {
    return CHECKS[kind](data) as Checked[K];
  } catch (e) {
    if (e instanceof ShapeProblem) throw badShape(server, endpoint, e.where, e.what);
    throw e;
  }
}

export { stats as checkStats, strings as checkStrings };
