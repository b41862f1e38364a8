// Where Prometheus 2.42 (the live server the fuzz harness can run: Debian's
// package) and Prometheus 3 (what promlearn follows) answer differently. A
// disagreement one of these explains is counted under its id; any other is
// "unexplained" and fails the fuzz test. Each entry says where Prometheus 3
// (or the change log entry of the fix) shows the 3.x behaviour, and each
// checks the disagreement is of that shape only, not merely that the query
// uses the feature.
//
// Differences avoided by construction rather than tolerated:
// - left-open range and lookback windows in 3.0 ((t-r, t] against 2.42's
//   [t-r, t]; promql/engine.go, matrixIterSlice "mint is exclusive"):
//   samples sit at x.5 s, query and @ times at x.25 s, subquery steps at
//   whole seconds (sample.ts, generator.ts);
// - `[300]` ranges in seconds (3.0) and functions 2.42 lacks (limitk,
//   limit_ratio, sort_by_label, mad_over_time, double_exponential_smoothing,
//   info, ...): the generator does not write them;
// - `.` matching a newline in 3.0 regexes (model/labels/regexp.go wraps in
//   (?s:...)): no label value has a newline;
// - topk/bottomk ties, decided by input order: the fuzz store holds series
//   in label order, the order the backfilled blocks return.

import type { Metric, QueryResult } from '../../src/model/result.js';
import { diffResults } from '../backends/compare.js';

export interface Outcome {
  result?: QueryResult;
  error?: string;
}

export interface KnownDifference {
  id: string;
  what: string;
  /** Where Prometheus 3 shows it. */
  evidence: string;
  applies(query: string, local: Outcome, remote: Outcome): boolean;
}

function mapMetrics(r: QueryResult, f: (m: Metric) => Metric): QueryResult {
  const d = r.data;
  if (d.resultType === 'vector') return { ...r, data: { ...d, result: d.result.map((s) => ({ ...s, metric: f(s.metric) })) } };
  if (d.resultType === 'matrix') return { ...r, data: { ...d, result: d.result.map((s) => ({ ...s, metric: f(s.metric) })) } };
  return r;
}

const withoutName = (m: Metric): Metric => {
  const { __name__: _, ...rest } = m;
  return rest;
};

/** Both answered, and they agree once the metric name is taken off every series. */
function agreeWithoutNames(local: Outcome, remote: Outcome): boolean {
  if (!local.result || !remote.result) return false;
  return diffResults(mapMetrics(local.result, withoutName), mapMetrics(remote.result, withoutName)).length === 0;
}

/** Both answered with the same series (label sets), whatever the values. */
function sameSeries(local: Outcome, remote: Outcome): boolean {
  if (!local.result || !remote.result) return false;
  return diffResults(local.result, remote.result, 1000).every((d) => !/^only (local|prometheus):/.test(d));
}

/** A range result where Prometheus has fewer points than promlearn for some series. */
function fewerPoints(local: Outcome, remote: Outcome): boolean {
  const l = local.result?.data;
  const r = remote.result?.data;
  if (l?.resultType !== 'matrix' || r?.resultType !== 'matrix') return false;
  const counts = new Map(l.result.map((s) => [JSON.stringify(Object.entries(s.metric).sort()), s.values.length]));
  return r.result.some((s) => s.values.length < (counts.get(JSON.stringify(Object.entries(s.metric).sort())) ?? 0));
}

/** Per timestamp, the sorted values of every series: what topk/bottomk keep, whichever series carry them. */
function valuesByTime(r: QueryResult): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (t: number, v: string) => {
    const xs = out.get(t) ?? [];
    xs.push(Number(v));
    out.set(t, xs);
  };
  const d = r.data;
  // topk/bottomk keep floats only: histogram samples have no place here.
  if (d.resultType === 'vector') for (const s of d.result) if (s.value) add(s.value[0], s.value[1]);
  if (d.resultType === 'matrix') for (const s of d.result) for (const [t, v] of s.values) add(t, v);
  for (const xs of out.values()) xs.sort((a, b) => a - b);
  return out;
}

/** Both sides kept the same values at every timestamp (only the series carrying tied values differ). */
function sameValuesPerStep(local: Outcome, remote: Outcome): boolean {
  if (!local.result || !remote.result) return false;
  const a = valuesByTime(local.result);
  const b = valuesByTime(remote.result);
  if (a.size !== b.size) return false;
  for (const [t, xs] of a) {
    const ys = b.get(t);
    if (!ys || ys.length !== xs.length) return false;
    if (xs.some((x, i) => Math.abs(x - ys[i]) > 1e-9 * Math.max(1, Math.abs(x)))) return false;
  }
  return true;
}

/** A range result whose every series agrees at its first timestamp (where 2.42's @ scope was still right). */
function firstPointsAgree(local: Outcome, remote: Outcome): boolean {
  const l = local.result?.data;
  const r = remote.result?.data;
  if (l?.resultType !== 'matrix' || r?.resultType !== 'matrix') return false;
  const first = new Map(l.result.map((s) => [JSON.stringify(Object.entries(s.metric).sort()), s.values[0]]));
  return r.result.every((s) => {
    const f = first.get(JSON.stringify(Object.entries(s.metric).sort()));
    return (
      f !== undefined &&
      f[0] === s.values[0][0] &&
      Math.abs(Number(f[1]) - Number(s.values[0][1])) <= 1e-9 * Math.max(1, Math.abs(Number(f[1])))
    );
  });
}

/** Prometheus's answer is part of promlearn's: every series and point it has, promlearn has with the same value. */
function remoteWithinLocal(local: Outcome, remote: Outcome): boolean {
  if (!local.result || !remote.result) return false;
  return diffResults(local.result, remote.result, 1000).every((d) => /^only local:/.test(d) || / vs \d+ points/.test(d));
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    id: 'atan2-drops-name',
    what: 'atan2 between a vector and a scalar drops the metric name in 3.x; 2.42 kept it',
    evidence: 'promql/engine.go changesMetricSchema lists parser.ATAN2 (used by VectorscalarBinop)',
    applies: (q, l, r) => q.includes('atan2') && agreeWithoutNames(l, r),
  },
  {
    id: 'at-modifier-range-scope',
    what: 'a range selector or subquery with @ inside a function in a range query: 2.42 evaluated it at one step only',
    evidence: 'CHANGELOG 2.51.0: "[BUGFIX] PromQL: Fix wrongly scoped range vectors with @ modifier #13559"',
    applies: (q, l, r) =>
      /\]\s*@/.test(q) && ((sameSeries(l, r) && (fewerPoints(l, r) || firstPointsAgree(l, r))) || remoteWithinLocal(l, r)),
  },
  {
    id: 'filter-cardinality',
    what: 'a comparison (filter) between vectors checks one-to-one matching before filtering since 3.9; 2.42 only checked the samples the filter kept',
    evidence:
      'promql/engine.go VectorBinop doBinOp (matchedSigsPresent before `if !keep && !returnBool`); commit 4cad87cae8 "PromQL: Fix insufficient cardinality checking for filter ops" (3.9.0)',
    applies: (q, l, r) =>
      /(==|!=|>=|<=|[^=!<>]>[^=]|[^<]<[^=])(?! bool)/.test(q) &&
      /^multiple matches for labels/.test(l.error ?? '') &&
      r.result !== undefined,
  },
  {
    id: 'topk-ties',
    what: 'topk/bottomk keep the same values but other series among equal ones: ties go by input order, and 3.x sums with Kahan compensation, which makes or breaks near-ties',
    evidence: 'promql/engine.go aggregationK (a series replaces the heap top only when strictly better); promql/functions.go kahanSumInc',
    applies: (q, l, r) => /\b(topk|bottomk)\b/.test(q) && sameValuesPerStep(l, r),
  },
  {
    id: 'rate-extrapolation',
    what: 'rate/increase/delta extrapolate at most half a sample interval past the first or last sample since 2.51 (and 3.x)',
    evidence: 'promql/functions.go extrapolatedRate ("at most half the average sample interval"); CHANGELOG 2.51.0 #13725',
    applies: (q, l, r) => /\b(rate|increase|delta)\(/.test(q) && sameSeries(l, r),
  },
];

/** The id of the first known difference that explains the disagreement, if any. */
export function classify(query: string, local: Outcome, remote: Outcome): string | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.applies(query, local, remote))?.id;
}
