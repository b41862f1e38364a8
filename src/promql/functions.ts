// The one table of PromQL functions, as Prometheus's promql/parser/functions.go.
//
// The parser type-checks calls against it, the REPL completes from it and shows
// the signatures, the renderer infers units and ordering from its columns, and
// the engine keys its implementations by the same names (IMPLEMENTATIONS in
// src/engine/functions.ts, typed by FunctionName so `tsc` fails when a row has
// no implementation or an implementation has no row).

import type { ValueType } from './ast.js';

/**
 * What the values of a call's result measure, relative to its argument, for
 * presentation (src/render/query-text.ts) and explanations.
 * - 'argument': the unit of the argument (the default: abs, min_over_time, sum...)
 * - 'none': a count, flag, calendar part or transcendental value; no unit
 * - 'per-second': the argument's unit per second (rate, irate, deriv)
 * - 'ratio': a fraction between 0 and 1
 * - 'timestamp': seconds since the epoch
 * - 'observations': the unit of the observations of the histogram argument (histogram_quantile)
 */
export type ResultUnit = 'argument' | 'none' | 'per-second' | 'ratio' | 'timestamp' | 'observations';

/** The facts of one function besides its signature; every column is read by more than one layer. */
interface FunctionFacts {
  /**
   * As Prometheus: 0 (the default) means exactly argTypes.length arguments.
   * Otherwise the last argument is optional and repeatable: at least
   * argTypes.length - 1 arguments, at most argTypes.length - 1 + variadic (no
   * limit when -1); extra arguments take the last argument's type.
   */
  variadic?: number;
  /** Behind Prometheus's `promql-experimental-functions` flag. */
  experimental?: boolean;
  /**
   * Reads a counter: resets within the window are compensated (the engine
   * precomputes them), and the engine notes metric names that do not look like
   * counters (no _total/_sum/_count/_bucket suffix), as Prometheus does.
   */
  readsCounter?: boolean;
  /** Keeps the metric name of its input (it acts like an offset), where other functions drop it. */
  keepsName?: boolean;
  /** Accepts the `anchored` range modifier (Prometheus 3 extended range selectors). */
  anchored?: boolean;
  /** Accepts the `smoothed` range modifier. */
  smoothed?: boolean;
  /** Unit of the result relative to the argument (see ResultUnit); 'argument' when absent. */
  unit?: ResultUnit;
  /** Returns its series in a meaningful order (sort...), which presentation must keep. */
  ordersResult?: boolean;
}

export interface FunctionSignature extends Omit<FunctionFacts, 'variadic'> {
  name: string;
  argTypes: ValueType[];
  /** See FunctionFacts.variadic. */
  variadic: number;
  returnType: ValueType;
  /** One line for completion, `.help` and docs. */
  doc: string;
}

const V: ValueType = 'vector';
const M: ValueType = 'matrix';
const S: ValueType = 'scalar';
const STR: ValueType = 'string';

function fn<const N extends string>(
  name: N,
  argTypes: ValueType[],
  returnType: ValueType,
  doc: string,
  facts: FunctionFacts = {},
): FunctionSignature & { name: N } {
  return { ...facts, name, argTypes, returnType, doc, variadic: facts.variadic ?? 0 };
}

const ROWS = [
  fn('abs', [V], V, 'absolute value of each sample'),
  fn('absent', [V], V, '1-element vector if the argument has no series, else empty', { unit: 'none' }),
  fn('absent_over_time', [M], V, '1-element vector if the range has no samples, else empty', { unit: 'none' }),
  fn('acos', [V], V, 'arccosine', { unit: 'none' }),
  fn('acosh', [V], V, 'inverse hyperbolic cosine', { unit: 'none' }),
  fn('asin', [V], V, 'arcsine', { unit: 'none' }),
  fn('asinh', [V], V, 'inverse hyperbolic sine', { unit: 'none' }),
  fn('atan', [V], V, 'arctangent', { unit: 'none' }),
  fn('atanh', [V], V, 'inverse hyperbolic tangent', { unit: 'none' }),
  fn('avg_over_time', [M], V, 'average of all samples in the range'),
  fn('ceil', [V], V, 'round up to the nearest integer'),
  fn('changes', [M], V, 'number of times the value changed within the range', { unit: 'none', anchored: true }),
  fn('clamp', [V, S, S], V, 'clamp values to [min, max]'),
  fn('clamp_max', [V, S], V, 'clamp values to at most max'),
  fn('clamp_min', [V, S], V, 'clamp values to at least min'),
  fn('cos', [V], V, 'cosine', { unit: 'none' }),
  fn('cosh', [V], V, 'hyperbolic cosine', { unit: 'none' }),
  fn('count_over_time', [M], V, 'number of samples in the range', { unit: 'none' }),
  fn('days_in_month', [V], V, 'days in the month of each timestamp (UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('day_of_month', [V], V, 'day of the month (1-31, UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('day_of_week', [V], V, 'day of the week (0 = Sunday, UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('day_of_year', [V], V, 'day of the year (1-366, UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('deg', [V], V, 'radians to degrees', { unit: 'none' }),
  fn('delta', [M], V, 'difference between first and last value of a gauge over the range, extrapolated', {
    anchored: true,
    smoothed: true,
  }),
  fn('deriv', [M], V, 'per-second derivative of a gauge by linear regression', { unit: 'per-second' }),
  fn('double_exponential_smoothing', [M, S, S], V, 'smoothed value of a gauge (smoothing factor, trend factor)', { experimental: true }),
  fn('end', [], S, 'end time of the range query (seconds)', { experimental: true }),
  fn('exp', [V], V, 'e raised to each value', { unit: 'none' }),
  fn('first_over_time', [M], V, 'oldest sample in the range', { keepsName: true }),
  fn('floor', [V], V, 'round down to the nearest integer'),
  fn('histogram_avg', [V], V, 'average of observations in native histograms', { unit: 'observations' }),
  fn('histogram_count', [V], V, 'count of observations in native histograms', { unit: 'none' }),
  fn('histogram_fraction', [S, S, V], V, 'fraction of observations between lower and upper bound', { unit: 'ratio' }),
  fn('histogram_quantile', [S, V], V, 'φ-quantile from histogram buckets (classic `le` buckets or native)', { unit: 'observations' }),
  fn('histogram_quantiles', [V, STR, S, S], V, 'several quantiles at once, in a label', { variadic: 9, experimental: true }),
  fn('histogram_stddev', [V], V, 'standard deviation of observations in native histograms'),
  fn('histogram_stdvar', [V], V, 'variance of observations in native histograms', { unit: 'none' }),
  fn('histogram_sum', [V], V, 'sum of observations in native histograms'),
  fn('hour', [V], V, 'hour of the day (0-23, UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('idelta', [M], V, 'difference between the last two samples of a gauge'),
  fn('increase', [M], V, 'increase of a counter over the range, extrapolated; handles resets', {
    readsCounter: true,
    anchored: true,
    smoothed: true,
  }),
  fn('info', [V, V], V, 'add labels from info metrics such as target_info', { variadic: 1, experimental: true }),
  fn('irate', [M], V, 'per-second rate from the last two samples of a counter', { unit: 'per-second' }),
  fn('label_join', [V, STR, STR, STR], V, 'join the values of source labels into a destination label', { variadic: -1 }),
  fn('label_replace', [V, STR, STR, STR, STR], V, 'set a label from a regex match on another label'),
  fn('last_over_time', [M], V, 'most recent sample in the range', { keepsName: true }),
  fn('ln', [V], V, 'natural logarithm', { unit: 'none' }),
  fn('log10', [V], V, 'decimal logarithm', { unit: 'none' }),
  fn('log2', [V], V, 'binary logarithm', { unit: 'none' }),
  fn('mad_over_time', [M], V, 'median absolute deviation of the samples in the range', { experimental: true }),
  fn('max_of', [S, S], S, 'the larger of two scalars', { experimental: true }),
  fn('max_over_time', [M], V, 'maximum sample in the range'),
  fn('min_of', [S, S], S, 'the smaller of two scalars', { experimental: true }),
  fn('min_over_time', [M], V, 'minimum sample in the range'),
  fn('minute', [V], V, 'minute of the hour (0-59, UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('month', [V], V, 'month of the year (1-12, UTC); default time()', { variadic: 1, unit: 'none' }),
  fn('pi', [], S, 'the number π', { unit: 'none' }),
  fn('predict_linear', [M, S], V, 'predicted value t seconds from now, by linear regression'),
  fn('present_over_time', [M], V, '1 for every series with a sample in the range', { unit: 'none' }),
  fn('quantile_over_time', [S, M], V, 'φ-quantile of the samples in the range'),
  fn('rad', [V], V, 'degrees to radians', { unit: 'none' }),
  fn('range', [], S, 'range of the range query (seconds)', { experimental: true }),
  fn('rate', [M], V, 'per-second average rate of increase of a counter, extrapolated; handles resets', {
    unit: 'per-second',
    readsCounter: true,
    anchored: true,
    smoothed: true,
  }),
  fn('resets', [M], V, 'number of counter resets within the range', { unit: 'none', anchored: true }),
  fn('round', [V, S], V, 'round to the nearest integer, or multiple of to_nearest', { variadic: 1 }),
  fn('scalar', [V], S, 'the single sample of a 1-element vector as a scalar, else NaN'),
  fn('sgn', [V], V, 'sign: 1, -1 or 0', { unit: 'none' }),
  fn('sin', [V], V, 'sine', { unit: 'none' }),
  fn('sinh', [V], V, 'hyperbolic sine', { unit: 'none' }),
  fn('sort', [V], V, 'sort by value, ascending (instant queries only)', { ordersResult: true }),
  fn('sort_by_label', [V, STR], V, 'sort by label values, ascending', { variadic: -1, experimental: true, ordersResult: true }),
  fn('sort_by_label_desc', [V, STR], V, 'sort by label values, descending', { variadic: -1, experimental: true, ordersResult: true }),
  fn('sort_desc', [V], V, 'sort by value, descending (instant queries only)', { ordersResult: true }),
  fn('sqrt', [V], V, 'square root', { unit: 'none' }),
  fn('start', [], S, 'start time of the range query (seconds)', { experimental: true }),
  fn('start_timestamp', [V], V, 'start timestamp (created time) of each sample, in seconds', { experimental: true }),
  fn('stddev_over_time', [M], V, 'population standard deviation of the samples in the range'),
  fn('stdvar_over_time', [M], V, 'population variance of the samples in the range', { unit: 'none' }),
  fn('step', [], S, 'step of the range query (seconds)', { experimental: true }),
  fn('sum_over_time', [M], V, 'sum of the samples in the range'),
  fn('tan', [V], V, 'tangent', { unit: 'none' }),
  fn('tanh', [V], V, 'hyperbolic tangent', { unit: 'none' }),
  fn('time', [], S, 'evaluation time in seconds since the epoch', { unit: 'timestamp' }),
  fn('timestamp', [V], V, 'timestamp of each sample, in seconds', { unit: 'timestamp' }),
  fn('ts_of_first_over_time', [M], V, 'timestamp of the oldest sample in the range', { experimental: true }),
  fn('ts_of_last_over_time', [M], V, 'timestamp of the most recent sample in the range', { experimental: true }),
  fn('ts_of_max_over_time', [M], V, 'timestamp of the maximum sample in the range', { experimental: true }),
  fn('ts_of_min_over_time', [M], V, 'timestamp of the minimum sample in the range', { experimental: true }),
  fn('vector', [S], V, 'the scalar as a 1-element vector without labels', { unit: 'none' }),
  fn('year', [V], V, 'year of each timestamp (UTC); default time()', { variadic: 1, unit: 'none' }),
];

/** The name of a PromQL function: a row of the table. */
export type FunctionName = (typeof ROWS)[number]['name'];

export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map(ROWS.map((f) => [f.name, f]));

export function getFunction(name: string): FunctionSignature | undefined {
  return FUNCTIONS.get(name);
}

/** Names of the functions with a fact, in table (alphabetical) order: `functionsWhere((f) => f.anchored)`. */
export function functionsWhere(test: (f: FunctionSignature) => boolean | undefined): FunctionName[] {
  return ROWS.filter((f) => test(f)).map((f) => f.name);
}

/** Human signature for completion and messages: `rate(v range-vector) instant-vector`. */
export function formatSignature(f: FunctionSignature): string {
  const names: Record<string, string> = {
    vector: 'instant-vector',
    matrix: 'range-vector',
    scalar: 'scalar',
    string: 'string',
    none: 'none',
  };
  const args = f.argTypes.map((t) => names[t]);
  if (f.variadic === -1 && args.length > 0) args[args.length - 1] = `${args[args.length - 1]}...`;
  else if (f.variadic === 1 && args.length > 0) args[args.length - 1] = `[${args[args.length - 1]}]`;
  else if (f.variadic > 1 && args.length > 0) args[args.length - 1] = `[${args[args.length - 1]}...]`;
  return `${f.name}(${args.join(', ')}) ${names[f.returnType]}`;
}
