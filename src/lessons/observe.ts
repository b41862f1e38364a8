// Running a query the way the judge looks at it: over a plan of evaluation
// times, through the Backend interface only, flattened into series of
// (time -> value) points so two queries' results can be compared point by point.

import type { Backend } from '../backends/backend.js';
import { PromlearnError, QueryError } from '../errors.js';
import type { HistogramJSON, HistogramPair } from '../model/histogram.js';
import type { Metric, QueryResult, SamplePair } from '../model/result.js';
import { parseSampleValue } from '../model/result.js';
import { labelsKey } from '../storage/store.js';

/** Where to evaluate: one range query at a fixed step, or instant queries at given times (unix s). */
export type Plan = { kind: 'range'; start: number; end: number; step: number } | { kind: 'instant'; times: number[] };

export type ResultKind = 'vector' | 'matrix' | 'scalar' | 'string';

/** A point's value: a float, or a native histogram (compared count, sum and bucket by bucket). */
export type PointValue = number | HistogramJSON;

export interface ObservedSeries {
  metric: Metric;
  /** point key -> value. Key: eval time (range plan), or `evalTime/sampleTime` for range vectors. */
  points: Map<string, PointValue>;
}

export interface Observation {
  kind: ResultKind;
  series: Map<string, ObservedSeries>;
  /** String results compare by text. */
  strings: string[];
  /** The engine's warnings and infos (e.g. a missing `le`, a quantile outside 0-1), each once. */
  notes: string[];
}

export type Outcome = { ok: true; obs: Observation } | { ok: false; error: PromlearnError };

/** The largest number of evaluation steps a judged range query uses. */
const MAX_STEPS = 120;

/** A plan over [start, end] with a step that is a whole minute and keeps the steps <= MAX_STEPS. */
export function rangePlan(start: number, end: number): Plan {
  const step = Math.max(60, Math.ceil((end - start) / MAX_STEPS / 60) * 60);
  return { kind: 'range', start, end, step };
}

/** Evaluates `query` over the plan. Query errors become an outcome; other errors propagate (they are bugs or outages). */
export async function observe(backend: Backend, query: string, plan: Plan): Promise<Outcome> {
  try {
    return { ok: true, obs: await observeOrThrow(backend, query, plan) };
  } catch (e) {
    if (e instanceof QueryError && (e.errorType === 'bad_data' || e.errorType === 'execution')) return { ok: false, error: e };
    throw e;
  }
}

async function observeOrThrow(backend: Backend, query: string, plan: Plan): Promise<Observation> {
  const times = plan.kind === 'instant' ? plan.times : [plan.end];
  // An instant query first: it tells the result type, and range vectors cannot be range-queried.
  const first = await backend.instantQuery(query, times[0]);
  const kind = first.data.resultType;
  const obs: Observation = { kind, series: new Map(), strings: [], notes: [] };
  if (plan.kind === 'range' && (kind === 'vector' || kind === 'scalar')) {
    addResult(obs, await backend.rangeQuery(query, plan.start, plan.end, plan.step), undefined);
    return obs;
  }
  // Range vectors and strings are compared at a few instants across the plan.
  const instants = plan.kind === 'instant' ? plan.times : spread(plan.start, plan.end, 3);
  addResult(obs, first, times[0]);
  for (const t of instants) if (t !== times[0]) addResult(obs, await backend.instantQuery(query, t), t);
  return obs;
}

function spread(start: number, end: number, n: number): number[] {
  const out = [end];
  for (let i = 1; i < n; i++) out.push(Math.round(end - ((end - start) * i) / n));
  return out;
}

function addResult(obs: Observation, r: QueryResult, evalTime: number | undefined): void {
  for (const n of [...(r.warnings ?? []), ...(r.infos ?? [])]) if (!obs.notes.includes(n)) obs.notes.push(n);
  const d = r.data;
  switch (d.resultType) {
    case 'vector':
      for (const s of d.result) addPoints(obs, s.metric, s.value ? [s.value] : [], '', s.histogram ? [s.histogram] : []);
      break;
    case 'matrix': {
      // A range vector from an instant query: its samples belong to that evaluation.
      const prefix = evalTime === undefined ? '' : `${evalTime}/`;
      for (const s of d.result) addPoints(obs, s.metric, s.values, prefix, s.histograms);
      break;
    }
    case 'scalar':
      addPoints(obs, {}, [d.result], '');
      break;
    case 'string':
      obs.strings.push(d.result[1]);
      break;
  }
}

/** Instant vector and scalar samples carry their evaluation time, so the time alone keys them. */
function addPoints(obs: Observation, metric: Metric, pairs: SamplePair[], keyPrefix: string, histograms: HistogramPair[] = []): void {
  const key = labelsKey(metric);
  let s = obs.series.get(key);
  if (!s) obs.series.set(key, (s = { metric, points: new Map() }));
  for (const [t, v] of pairs) s.points.set(`${keyPrefix}${t}`, parseSampleValue(v));
  for (const [t, h] of histograms) s.points.set(`${keyPrefix}${t}`, h);
}

/** The eval time (unix s) a point key refers to, for messages. */
export function pointTime(key: string): number {
  return Number(key.split('/')[0]);
}
