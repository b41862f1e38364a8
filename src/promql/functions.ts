// The one table of PromQL functions, as Prometheus's promql/parser/functions.go.
//
// The parser type-checks calls against it, the REPL completes from it and shows
// the signatures, the engine keys its implementations by the same names
// (src/engine/functions), so a function cannot exist in one place only.

import type { ValueType } from './ast.js';

export interface FunctionSignature {
  name: string;
  argTypes: ValueType[];
  /**
   * As Prometheus: 0 means exactly argTypes.length arguments. Otherwise the last
   * argument is optional and repeatable: at least argTypes.length - 1 arguments,
   * at most argTypes.length - 1 + variadic (no limit when -1); extra arguments
   * take the last argument's type.
   */
  variadic: number;
  returnType: ValueType;
  /** Behind Prometheus's `promql-experimental-functions` flag. */
  experimental?: boolean;
  /** One line for completion and `.help`. */
  doc: string;
}

const V: ValueType = 'vector';
const M: ValueType = 'matrix';
const S: ValueType = 'scalar';
const STR: ValueType = 'string';

type Row = [name: string, args: ValueType[], ret: ValueType, doc: string, opts?: { variadic?: number; experimental?: boolean }];

const ROWS: Row[] = [
  ['abs', [V], V, 'absolute value of each sample'],
  ['absent', [V], V, '1-element vector if the argument has no series, else empty'],
  ['absent_over_time', [M], V, '1-element vector if the range has no samples, else empty'],
  ['acos', [V], V, 'arccosine'],
  ['acosh', [V], V, 'inverse hyperbolic cosine'],
  ['asin', [V], V, 'arcsine'],
  ['asinh', [V], V, 'inverse hyperbolic sine'],
  ['atan', [V], V, 'arctangent'],
  ['atanh', [V], V, 'inverse hyperbolic tangent'],
  ['avg_over_time', [M], V, 'average of all samples in the range'],
  ['ceil', [V], V, 'round up to the nearest integer'],
  ['changes', [M], V, 'number of times the value changed within the range'],
  ['clamp', [V, S, S], V, 'clamp values to [min, max]'],
  ['clamp_max', [V, S], V, 'clamp values to at most max'],
  ['clamp_min', [V, S], V, 'clamp values to at least min'],
  ['cos', [V], V, 'cosine'],
  ['cosh', [V], V, 'hyperbolic cosine'],
  ['count_over_time', [M], V, 'number of samples in the range'],
  ['days_in_month', [V], V, 'days in the month of each timestamp (UTC); default time()', { variadic: 1 }],
  ['day_of_month', [V], V, 'day of the month (1-31, UTC); default time()', { variadic: 1 }],
  ['day_of_week', [V], V, 'day of the week (0 = Sunday, UTC); default time()', { variadic: 1 }],
  ['day_of_year', [V], V, 'day of the year (1-366, UTC); default time()', { variadic: 1 }],
  ['deg', [V], V, 'radians to degrees'],
  ['delta', [M], V, 'difference between first and last value of a gauge over the range, extrapolated'],
  ['deriv', [M], V, 'per-second derivative of a gauge by linear regression'],
  ['double_exponential_smoothing', [M, S, S], V, 'smoothed value of a gauge (smoothing factor, trend factor)', { experimental: true }],
  ['end', [], S, 'end time of the range query (seconds)', { experimental: true }],
  ['exp', [V], V, 'e raised to each value'],
  ['first_over_time', [M], V, 'oldest sample in the range'],
  ['floor', [V], V, 'round down to the nearest integer'],
  ['histogram_avg', [V], V, 'average of observations in native histograms'],
  ['histogram_count', [V], V, 'count of observations in native histograms'],
  ['histogram_fraction', [S, S, V], V, 'fraction of observations between lower and upper bound'],
  ['histogram_quantile', [S, V], V, 'φ-quantile from histogram buckets (classic `le` buckets or native)'],
  ['histogram_quantiles', [V, STR, S, S], V, 'several quantiles at once, in a label', { variadic: 9, experimental: true }],
  ['histogram_stddev', [V], V, 'standard deviation of observations in native histograms'],
  ['histogram_stdvar', [V], V, 'variance of observations in native histograms'],
  ['histogram_sum', [V], V, 'sum of observations in native histograms'],
  ['hour', [V], V, 'hour of the day (0-23, UTC); default time()', { variadic: 1 }],
  ['idelta', [M], V, 'difference between the last two samples of a gauge'],
  ['increase', [M], V, 'increase of a counter over the range, extrapolated; handles resets'],
  ['info', [V, V], V, 'add labels from info metrics such as target_info', { variadic: 1, experimental: true }],
  ['irate', [M], V, 'per-second rate from the last two samples of a counter'],
  ['label_join', [V, STR, STR, STR], V, 'join the values of source labels into a destination label', { variadic: -1 }],
  ['label_replace', [V, STR, STR, STR, STR], V, 'set a label from a regex match on another label'],
  ['last_over_time', [M], V, 'most recent sample in the range'],
  ['ln', [V], V, 'natural logarithm'],
  ['log10', [V], V, 'decimal logarithm'],
  ['log2', [V], V, 'binary logarithm'],
  ['mad_over_time', [M], V, 'median absolute deviation of the samples in the range', { experimental: true }],
  ['max_of', [S, S], S, 'the larger of two scalars', { experimental: true }],
  ['max_over_time', [M], V, 'maximum sample in the range'],
  ['min_of', [S, S], S, 'the smaller of two scalars', { experimental: true }],
  ['min_over_time', [M], V, 'minimum sample in the range'],
  ['minute', [V], V, 'minute of the hour (0-59, UTC); default time()', { variadic: 1 }],
  ['month', [V], V, 'month of the year (1-12, UTC); default time()', { variadic: 1 }],
  ['pi', [], S, 'the number π'],
  ['predict_linear', [M, S], V, 'predicted value t seconds from now, by linear regression'],
  ['present_over_time', [M], V, '1 for every series with a sample in the range'],
  ['quantile_over_time', [S, M], V, 'φ-quantile of the samples in the range'],
  ['rad', [V], V, 'degrees to radians'],
  ['range', [], S, 'range of the range query (seconds)', { experimental: true }],
  ['rate', [M], V, 'per-second average rate of increase of a counter, extrapolated; handles resets'],
  ['resets', [M], V, 'number of counter resets within the range'],
  ['round', [V, S], V, 'round to the nearest integer, or multiple of to_nearest', { variadic: 1 }],
  ['scalar', [V], S, 'the single sample of a 1-element vector as a scalar, else NaN'],
  ['sgn', [V], V, 'sign: 1, -1 or 0'],
  ['sin', [V], V, 'sine'],
  ['sinh', [V], V, 'hyperbolic sine'],
  ['sort', [V], V, 'sort by value, ascending (instant queries only)'],
  ['sort_by_label', [V, STR], V, 'sort by label values, ascending', { variadic: -1, experimental: true }],
  ['sort_by_label_desc', [V, STR], V, 'sort by label values, descending', { variadic: -1, experimental: true }],
  ['sort_desc', [V], V, 'sort by value, descending (instant queries only)'],
  ['sqrt', [V], V, 'square root'],
  ['start', [], S, 'start time of the range query (seconds)', { experimental: true }],
  ['start_timestamp', [V], V, 'start timestamp (created time) of each sample, in seconds', { experimental: true }],
  ['stddev_over_time', [M], V, 'population standard deviation of the samples in the range'],
  ['stdvar_over_time', [M], V, 'population variance of the samples in the range'],
  ['step', [], S, 'step of the range query (seconds)', { experimental: true }],
  ['sum_over_time', [M], V, 'sum of the samples in the range'],
  ['tan', [V], V, 'tangent'],
  ['tanh', [V], V, 'hyperbolic tangent'],
  ['time', [], S, 'evaluation time in seconds since the epoch'],
  ['timestamp', [V], V, 'timestamp of each sample, in seconds'],
  ['ts_of_first_over_time', [M], V, 'timestamp of the oldest sample in the range', { experimental: true }],
  ['ts_of_last_over_time', [M], V, 'timestamp of the most recent sample in the range', { experimental: true }],
  ['ts_of_max_over_time', [M], V, 'timestamp of the maximum sample in the range', { experimental: true }],
  ['ts_of_min_over_time', [M], V, 'timestamp of the minimum sample in the range', { experimental: true }],
  ['vector', [S], V, 'the scalar as a 1-element vector without labels'],
  ['year', [V], V, 'year of each timestamp (UTC); default time()', { variadic: 1 }],
];

export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map(
  ROWS.map(([name, argTypes, returnType, doc, opts]) => [
    name,
    { name, argTypes, returnType, doc, variadic: opts?.variadic ?? 0, experimental: opts?.experimental },
  ]),
);

export function getFunction(name: string): FunctionSignature | undefined {
  return FUNCTIONS.get(name);
}

/** Human signature for completion and messages: `rate(v range-vector) instant-vector`. */
export function formatSignature(f: FunctionSignature): string {
  const names: Record<string, string> = { vector: 'instant-vector', matrix: 'range-vector', scalar: 'scalar', string: 'string', none: 'none' };
  const args = f.argTypes.map((t) => names[t]);
  if (f.variadic === -1 && args.length > 0) args[args.length - 1] = `${args[args.length - 1]}...`;
  else if (f.variadic === 1 && args.length > 0) args[args.length - 1] = `[${args[args.length - 1]}]`;
  else if (f.variadic > 1 && args.length > 0) args[args.length - 1] = `[${args[args.length - 1]}...]`;
  return `${f.name}(${args.join(', ')}) ${names[f.returnType]}`;
}

export const AGGREGATIONS = [
  'sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'count_values', 'quantile', 'limitk', 'limit_ratio',
] as const;

/** Aggregations that take a parameter before the vector. */
export const PARAMETRIC_AGGREGATIONS: ReadonlySet<string> = new Set(['topk', 'bottomk', 'count_values', 'quantile', 'limitk', 'limit_ratio']);

export const KEYWORDS = [
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless', 'atan2',
] as const;
