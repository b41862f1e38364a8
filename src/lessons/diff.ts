// Comparing two observations (expected vs actual) and saying what differs in
// a learner's terms: the shape, the labels, the number of series, then the
// values — with a name for common factors (60×: per second vs per minute).
// Pure: no I/O, so the messages are tested table-driven over fake results.

import type { Metric } from '../model/result.js';
import { bucketInterval, histogramNumbers, sameHistogram, type HistogramJSON } from '../model/histogram.js';
import type { Observation, ObservedSeries, PointValue, ResultKind } from './observe.js';
import { pointTime } from './observe.js';
import { formatTimeUtc } from '../util/time.js';
import { labelsKey } from '../storage/store.js';

/** Values are equal when both NaN, or within this relative (or tiny absolute) tolerance. */
export const REL_TOLERANCE = 1e-6;
const ABS_TOLERANCE = 1e-9;

export function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  // ±Inf equals only itself: |Inf - x| <= tolerance * Inf would make it equal to anything.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= ABS_TOLERANCE + REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** `name{a="b", c="d"}` as PromQL writes a series. */
export function formatMetric(m: Metric): string {
  const labels = Object.keys(m)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${JSON.stringify(m[k])}`);
  return `${m.__name__ ?? ''}{${labels.join(', ')}}`;
}

const KIND_WORDS: Record<ResultKind, string> = { vector: 'an instant vector', matrix: 'a range vector', scalar: 'a scalar', string: 'a string' };

function kindMessage(expected: ResultKind, actual: ResultKind): string {
  const base = `Your query returns ${KIND_WORDS[actual]}; the task wants ${KIND_WORDS[expected]}.`;
  if (actual === 'matrix' && expected === 'vector') return `${base} A [5m]-style range selects raw samples; turn them into one value per series with a function such as rate() or max_over_time(), or drop the range.`;
  if (actual === 'vector' && expected === 'matrix') return `${base} Add a range such as [5m] to the selector.`;
  if (actual === 'scalar' && expected === 'vector') return `${base} Keep the labels: avoid scalar(), and aggregate with sum by (...) instead.`;
  if (actual === 'vector' && expected === 'scalar') return `${base} Wrap it in scalar() or use a plain number.`;
  return base;
}

/** What the comparison knows beyond the results, to word its messages. */
export interface DiffContext {
  /** The learner's query text (to tailor advice, e.g. inside histogram_quantile). */
  actualQuery?: string;
  /** Unix s before which the longest window of either query is still filling up: differences there are reported last. */
  warmupEnd?: number;
}

/** What differs between the expected and actual results; empty when they agree. */
export function diffObservations(expected: Observation, actual: Observation, ctx: DiffContext = {}): string[] {
  if (expected.kind !== actual.kind) return [kindMessage(expected.kind, actual.kind)];
  if (expected.kind === 'string') {
    return expected.strings.join('\n') === actual.strings.join('\n') ? [] : [`Your string is "${actual.strings[0]}", expected "${expected.strings[0]}".`];
  }
  const exp = nonEmpty(expected);
  const act = nonEmpty(actual);
  if (act.length === 0 && exp.length > 0) {
    return ['Your query returns no data at the times checked. Check the metric name and every label matcher.'];
  }
  if (exp.length === 0 && act.length > 0) return [`Your query returns ${plural(act.length, 'series', 'series')}, but the expected answer is empty.`];
  const labelMessages = diffLabelNames(exp, act, ctx);
  if (labelMessages.length > 0) return [...countMessage(exp, act), ...labelMessages];
  const seriesMessages = diffSeriesSets(expected, actual, exp, act);
  if (seriesMessages.length > 0) return seriesMessages;
  return diffValues(expected, actual, ctx);
}

function nonEmpty(obs: Observation): ObservedSeries[] {
  return [...obs.series.values()].filter((s) => s.points.size > 0);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function labelNames(series: ObservedSeries[]): Set<string> {
  const out = new Set<string>();
  for (const s of series) for (const k of Object.keys(s.metric)) out.add(k);
  return out;
}

function diffLabelNames(exp: ObservedSeries[], act: ObservedSeries[], ctx: DiffContext): string[] {
  const e = labelNames(exp);
  const a = labelNames(act);
  const extra = [...a].filter((k) => !e.has(k)).sort();
  const missing = [...e].filter((k) => !a.has(k)).sort();
  const out: string[] = [];
  if (extra.includes('__name__')) {
    out.push('Your result still carries the metric name: the expected values are computed (by a function, operator or aggregation), which drops it.');
  }
  const extraLabels = extra.filter((k) => k !== '__name__');
  if (extraLabels.length > 0) {
    const keep = [...e].filter((k) => k !== '__name__').sort();
    const them = `label${extraLabels.length > 1 ? 's' : ''}`;
    if (/\bhistogram_quantile\s*\(/.test(ctx.actualQuery ?? '') && !e.has('le')) {
      // sum(...) around histogram_quantile would drop `le` before it is used: aggregate the buckets inside, keeping le.
      out.push(
        `Your result keeps the ${codeList(extraLabels)} ${them} — aggregate the buckets inside histogram_quantile and keep \`le\`: histogram_quantile(φ, sum by (${['le', ...keep].join(', ')}) (rate(..._bucket[5m]))).`,
      );
    } else {
      const how = keep.length > 0 ? `sum by (${keep.join(', ')})` : 'sum(...)';
      out.push(`Your result keeps the ${codeList(extraLabels)} ${them} — aggregate ${extraLabels.length > 1 ? 'them' : 'it'} away (e.g. ${how}).`);
    }
  }
  if (missing.includes('__name__')) out.push('The expected result keeps the metric name: select the series themselves rather than computing from them.');
  const missingLabels = missing.filter((k) => k !== '__name__');
  if (missingLabels.length > 0) {
    out.push(`Your result has lost the ${codeList(missingLabels)} label${missingLabels.length > 1 ? 's' : ''} — keep ${missingLabels.length > 1 ? 'them' : 'it'} with by (${missingLabels.join(', ')}) or without (...).`);
    // sum(rate(x[5m])) for "the rate of every series": by (all five labels) is not the fix.
    if (a.size === 0 && missingLabels.length > 2) out.push('If the task wants every series as it is, drop the aggregation.');
  }
  return out;
}

function codeList(names: string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

function countMessage(exp: ObservedSeries[], act: ObservedSeries[]): string[] {
  return exp.length === act.length ? [] : [`You have ${plural(act.length, 'series', 'series')}, expected ${exp.length}.`];
}

function diffSeriesSets(expected: Observation, actual: Observation, exp: ObservedSeries[], act: ObservedSeries[]): string[] {
  const missing = [...expected.series.entries()].filter(([k, s]) => s.points.size > 0 && !(actual.series.get(k)?.points.size ?? 0));
  const extra = [...actual.series.entries()].filter(([k, s]) => s.points.size > 0 && !(expected.series.get(k)?.points.size ?? 0));
  if (missing.length === 0 && extra.length === 0) return [];
  const out = countMessage(exp, act);
  const show = (list: [string, ObservedSeries][]) =>
    list.slice(0, 3).map(([, s]) => formatMetric(s.metric)).join(', ') + (list.length > 3 ? `, and ${list.length - 3} more` : '');
  if (missing.length > 0) {
    const by = separatingLabel(act, missing.map(([, s]) => s), 'your query has');
    out.push(`Missing: ${by ?? show(missing)}. Check your label matchers.`);
  }
  if (extra.length > 0) {
    const by = separatingLabel(exp, extra.map(([, s]) => s), 'the task wants');
    out.push(`Not expected: ${by ?? show(extra)}. Narrow your label matchers.`);
  }
  return out;
}

/**
 * A label that sets `other` apart from `kept`, in words: every series of
 * `other` has a value of it that `kept` never has (job="api" when the task
 * wants only job="frontend"). Undefined when no single label does.
 */
function separatingLabel(kept: ObservedSeries[], other: ObservedSeries[], keptWho: string): string | undefined {
  // The label with the fewest distinct values says it shortest (job rather than instance).
  const distinct = (name: string) => new Set(other.map((s) => s.metric[name])).size;
  for (const name of [...labelNames(other)].sort().sort((a, b) => distinct(a) - distinct(b))) {
    const keptValues = new Set(kept.map((s) => s.metric[name]));
    if (!other.every((s) => s.metric[name] !== undefined && !keptValues.has(s.metric[name]))) continue;
    const pairs = (vs: string[]) => vs.map((v) => `${name}=${JSON.stringify(v)}`);
    const values = [...new Set(other.map((s) => s.metric[name]!))].sort();
    const shown = pairs(values.slice(0, 4)).join(', ') + (values.length > 4 ? `, and ${values.length - 4} more values` : '');
    const keep = [...keptValues].filter((v): v is string => v !== undefined).sort();
    const only = keep.length > 0 && keep.length <= 3 ? `; ${keptWho} only ${pairs(keep).join(' or ')}` : '';
    return `${plural(other.length, 'series', 'series')} with ${shown}${only}`;
  }
  return undefined;
}

interface Mismatch {
  series: ObservedSeries;
  key: string;
  actual: PointValue;
  expected: PointValue;
}

/** Two points are equal when both floats are close, or both histograms have close counts, sums and buckets. */
export function samePoint(a: PointValue, b: PointValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' && typeof b === 'number' && close(a, b);
  return sameHistogram(a, b, close);
}

interface PointStats {
  /** The earliest differing point after the warm-up (else the earliest of all). */
  mismatch?: Mismatch;
  ratios: number[];
  mismatches: number;
  missingPoint?: { series: ObservedSeries; key: string };
  extraPoint?: { series: ObservedSeries; key: string };
}

/** Whether `m` is a better first difference to show than `best`: after the warm-up first, then earlier. */
function better(m: Mismatch, best: Mismatch | undefined, warmupEnd: number): boolean {
  if (!best) return true;
  const [t, b] = [pointTime(m.key), pointTime(best.key)];
  const [tw, bw] = [t >= warmupEnd, b >= warmupEnd];
  return tw !== bw ? tw : t < b;
}

function collectPoints(expected: Observation, actual: Observation, warmupEnd: number): PointStats {
  const st: PointStats = { ratios: [], mismatches: 0 };
  for (const [key, e] of expected.series) {
    const a = actual.series.get(key);
    if (!a) continue;
    for (const [pk, ev] of e.points) {
      const av = a.points.get(pk);
      if (av === undefined) {
        st.missingPoint ??= { series: e, key: pk };
      } else if (!samePoint(ev, av)) {
        st.mismatches++;
        const m = { series: e, key: pk, actual: av, expected: ev };
        if (better(m, st.mismatch, warmupEnd)) st.mismatch = m;
        const [x, y] = [level(ev), level(av)];
        if (x !== 0 && Number.isFinite(x) && Number.isFinite(y)) st.ratios.push(y / x);
      } else if (level(ev) !== 0 && Number.isFinite(level(ev))) {
        st.ratios.push(1);
      }
    }
    for (const pk of a.points.keys()) if (!e.points.has(pk)) st.extraPoint ??= { series: a, key: pk };
  }
  return st;
}

function diffValues(expected: Observation, actual: Observation, ctx: DiffContext): string[] {
  const st = collectPoints(expected, actual, ctx.warmupEnd ?? -Infinity);
  const out: string[] = [];
  if (st.mismatch) {
    const factor = constantFactor(st.ratios);
    const m = st.mismatch;
    out.push(
      factor !== undefined
        ? factorMessage(factor)
        : `Your values differ: at ${formatTimeUtc(pointTime(m.key))}, ${formatMetric(m.series.metric)} ${pointDifference(m.actual, m.expected)}.`,
    );
  }
  if (st.missingPoint) {
    out.push(`Your query has no value for ${formatMetric(st.missingPoint.series.metric)} at ${formatTimeUtc(pointTime(st.missingPoint.key))}, where the expected answer has one.`);
  }
  if (st.extraPoint) {
    out.push(`Your query has a value for ${formatMetric(st.extraPoint.series.metric)} at ${formatTimeUtc(pointTime(st.extraPoint.key))}, where the expected answer has none.`);
  }
  return out;
}

/** `is 3, expected 4`; for two histograms, the first part that differs (count, sum, then a bucket). */
function pointDifference(actual: PointValue, expected: PointValue): string {
  if (typeof actual === 'number' || typeof expected === 'number') return `is ${fmt(actual)}, expected ${fmt(expected)}`;
  const [a, e] = [histogramNumbers(actual), histogramNumbers(expected)];
  if (!close(a.count, e.count)) return `is a histogram of count ${fmt(a.count)}, expected count ${fmt(e.count)}`;
  if (!close(a.sum, e.sum)) return `is a histogram of sum ${fmt(a.sum)}, expected sum ${fmt(e.sum)}`;
  const rows = (h: HistogramJSON) => new Map((h.buckets ?? []).map((b) => [bucketInterval(b), Number(b[3])]));
  const [ra, re] = [rows(actual), rows(expected)];
  for (const k of new Set([...re.keys(), ...ra.keys()])) {
    const [x, y] = [ra.get(k) ?? 0, re.get(k) ?? 0];
    if (!close(x, y)) return `has ${fmt(x)} in bucket ${k}, expected ${fmt(y)}`;
  }
  return `is ${fmt(actual)}, expected ${fmt(expected)}`;
}

/** What a factor compares: a float itself, a histogram's count (rate vs increase scales count, sum and buckets alike). */
function level(v: PointValue): number {
  return typeof v === 'number' ? v : histogramNumbers(v).count;
}

function fmt(v: PointValue): string {
  if (typeof v !== 'number') {
    const { count, sum } = histogramNumbers(v);
    return `a native histogram (count ${fmt(count)}, sum ${fmt(sum)}, ${v.buckets?.length ?? 0} non-empty buckets)`;
  }
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
}

/**
 * The factor between the learner's values and the expected ones, when there
 * is one: every ratio equal (within 0.1%), or, for the well-known factors
 * (60×, 100×, ...), most ratios near it — `increase(x[1m])` is only roughly
 * 60 × `rate(x[5m])`, yet the mistake is the same.
 */
function constantFactor(ratios: number[]): number | undefined {
  if (ratios.length === 0) return undefined;
  const k = ratios[0];
  if (k !== 0 && Math.abs(k - 1) >= 1e-3 && ratios.every((r) => Math.abs(r - k) <= 1e-3 * Math.abs(k))) return k;
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  for (const [f] of KNOWN_FACTORS) {
    const near = ratios.filter((r) => Math.abs(r / f - 1) < 0.25).length;
    if (Math.abs(median / f - 1) < 0.15 && near >= 0.8 * ratios.length) return f;
  }
  return undefined;
}

const KNOWN_FACTORS: [number, string][] = [
  [60, 'Your values are 60× the expected ones: the answer is per second (rate() is per second; increase() over [1m] is per minute).'],
  [1 / 60, 'Your values are 1/60 of the expected ones: the answer is per minute, while rate() is per second (multiply by 60, or use increase(...[1m])).'],
  [300, 'Your values are 300× the expected ones: increase() over [5m] is rate() × 300 seconds; the answer is per second.'],
  [1 / 300, 'Your values are 1/300 of the expected ones: the answer is the increase over 5 minutes, rate() is per second.'],
  [3600, 'Your values are 3600× the expected ones: the answer is per second, not per hour.'],
  [100, 'Your values are 100× the expected ones: the answer is a ratio between 0 and 1, not a percentage.'],
  [0.01, 'Your values are 1/100 of the expected ones: the answer is a percentage (multiply the ratio by 100).'],
  [-1, 'Your values have the opposite sign: swap the two sides of the subtraction.'],
];

function factorMessage(k: number): string {
  for (const [f, text] of KNOWN_FACTORS) if (Math.abs(k - f) <= 1e-3 * Math.abs(f)) return text;
  const shown = k >= 1 ? `${fmt(k)}×` : `1/${fmt(1 / k)} of`;
  const nearWhole = k >= 2 && Math.abs(k - Math.round(k)) < 1e-3;
  const why = nearWhole ? ' (is something counted or summed once per instance or per series?)' : '';
  return `Your values are consistently ${shown} the expected ones${why}.`;
}

/** No series with a point (a string result is never empty). */
export function isEmpty(obs: Observation): boolean {
  return obs.kind !== 'string' && nonEmpty(obs).length === 0;
}

/**
 * The actual observation without the labels it has beyond the expected ones,
 * when each such label has one value on every series (job="api" kept by
 * sum by (job) over one job) and dropping them merges no series. Undefined
 * when there is nothing to drop or it cannot be dropped.
 */
export function dropConstantLabels(expected: Observation, actual: Observation): { obs: Observation; dropped: string[] } | undefined {
  const exp = nonEmpty(expected);
  const act = nonEmpty(actual);
  if (exp.length === 0 || act.length === 0) return undefined;
  const e = labelNames(exp);
  const extra = [...labelNames(act)].filter((k) => !e.has(k) && k !== '__name__').sort();
  if (extra.length === 0) return undefined;
  for (const k of extra) {
    const values = new Set(act.map((s) => s.metric[k] as string | undefined));
    if (values.size !== 1 || values.has(undefined)) return undefined;
  }
  const series = new Map<string, ObservedSeries>();
  for (const s of act) {
    const metric = { ...s.metric };
    for (const k of extra) delete metric[k];
    const key = labelsKey(metric);
    if (series.has(key)) return undefined;
    series.set(key, { metric, points: s.points });
  }
  return { obs: { ...actual, series }, dropped: extra.map((k) => `${k}=${JSON.stringify(act[0].metric[k])}`) };
}
