// How the engine evaluates each PromQL function: ONE record keyed by the names
// of the functions table (src/promql/functions.ts). Its type makes `tsc` fail
// when a row of the table has no implementation here, or an entry here has no
// row there (test/engine/functions-table.test.ts checks the same at run time,
// as Prometheus's TestFunctionList does).

import { goDaysInMonth, type GoDate } from '../util/gotime.js';
import type { FunctionName } from '../promql/functions.js';
import type { InstantFn } from './vecfns.js';
import type { RangeFn } from './rangefns.js';
import * as vec from './vecfns.js';
import * as rng from './rangefns.js';
import { labelJoin, labelReplace } from './labelfns.js';
import { evalSort } from './sortfns.js';
import { classicHistogram } from './histfns.js';
import { evalInfo } from './info.js';
import { maxOverTime, minOverTime } from './sliding-extreme.js';
import { deriv, predictLinear } from './regression.js';
import { histogramVariance } from '../histogram/stats.js';

type FunctionImpl =
  /** Takes a range vector: rng.RangeFn runs once per step over each series' window (src/engine/calls.ts). */
  | { readonly range: RangeFn }
  /** Takes instant vectors and scalars: evaluated over all steps at once. */
  | { readonly instant: InstantFn };

const range = (fn: RangeFn): FunctionImpl => ({ range: fn });
const instant = (fn: InstantFn): FunctionImpl => ({ instant: fn });
const math = (f: (x: number) => number): FunctionImpl => instant(vec.mathFn(f));
const date = (f: (d: GoDate) => number): FunctionImpl => instant(vec.dateFn(f));
const scalar = (f: (st: { queryStart: number; queryEnd: number; queryStep: number }) => number): FunctionImpl =>
  instant(vec.scalarFn((ev) => f(ev.st)));

export const IMPLEMENTATIONS: { readonly [K in FunctionName]: FunctionImpl } = {
  abs: math(Math.abs),
  absent: instant(vec.absent),
  absent_over_time: range(() => 1),
  acos: math(Math.acos),
  acosh: math(Math.acosh),
  asin: math(Math.asin),
  asinh: math(Math.asinh),
  atan: math(Math.atan),
  atanh: math(Math.atanh),
  avg_over_time: range(rng.avgOverTime),
  ceil: math(Math.ceil),
  changes: range(rng.changes),
  clamp: instant(vec.clampFn('clamp')),
  clamp_max: instant(vec.clampFn('clamp_max')),
  clamp_min: instant(vec.clampFn('clamp_min')),
  cos: math(Math.cos),
  cosh: math(Math.cosh),
  count_over_time: range((c) => c.hi - c.lo),
  days_in_month: date(goDaysInMonth),
  day_of_month: date((d) => d.day),
  day_of_week: date((d) => d.weekday),
  day_of_year: date((d) => d.yearDay),
  deg: math((v) => (v * 180) / Math.PI),
  delta: range((c) => rng.extrapolatedRate(c, rng.DELTA)),
  deriv: range(deriv),
  double_exponential_smoothing: range(rng.doubleExponentialSmoothing),
  end: scalar((st) => st.queryEnd / 1000),
  exp: math(Math.exp),
  first_over_time: range((c) => c.v[c.lo]),
  floor: math(Math.floor),
  histogram_avg: instant(vec.histogramStat((h) => h.sum / h.count)),
  histogram_count: instant(vec.histogramStat((h) => h.count)),
  histogram_fraction: instant(classicHistogram),
  histogram_quantile: instant(classicHistogram),
  histogram_quantiles: instant(classicHistogram),
  histogram_stddev: instant(vec.histogramStat((h) => Math.sqrt(histogramVariance(h)))),
  histogram_stdvar: instant(vec.histogramStat(histogramVariance)),
  histogram_sum: instant(vec.histogramStat((h) => h.sum)),
  hour: date((d) => d.hour),
  idelta: range((c) => rng.instantValue(c, 'idelta')),
  increase: range((c) => rng.extrapolatedRate(c, rng.INCREASE)),
  info: instant((ev, e, _args, grid) => ({ kind: 'vector', series: evalInfo(ev, e, grid) })),
  irate: range((c) => rng.instantValue(c, 'irate')),
  label_join: instant(labelJoin),
  label_replace: instant(labelReplace),
  last_over_time: range((c) => c.v[c.hi - 1]),
  ln: math(Math.log),
  log10: math(Math.log10),
  log2: math(Math.log2),
  mad_over_time: range(rng.madOverTime),
  max_of: instant(vec.twoScalars((a, b) => Math.max(a, b))),
  max_over_time: range(maxOverTime),
  min_of: instant(vec.twoScalars((a, b) => Math.min(a, b))),
  min_over_time: range(minOverTime),
  minute: date((d) => d.minute),
  month: date((d) => d.month),
  pi: scalar(() => Math.PI),
  predict_linear: range(predictLinear),
  present_over_time: range(() => 1),
  quantile_over_time: range(rng.quantileOverTime),
  rad: math((v) => (v * Math.PI) / 180),
  range: scalar((st) => (st.queryEnd - st.queryStart) / 1000),
  rate: range((c) => rng.extrapolatedRate(c, rng.RATE)),
  resets: range(rng.resets),
  round: instant(vec.round),
  scalar: instant(vec.scalarOfVector),
  sgn: math((v) => (v < 0 ? -1 : v > 0 ? 1 : v)),
  sin: math(Math.sin),
  sinh: math(Math.sinh),
  sort: instant(evalSort),
  sort_by_label: instant(evalSort),
  sort_by_label_desc: instant(evalSort),
  sort_desc: instant(evalSort),
  sqrt: math(Math.sqrt),
  start: scalar((st) => st.queryStart / 1000),
  start_timestamp: instant(vec.startTimestamp),
  stddev_over_time: range((c) => Math.sqrt(rng.variance(c))),
  stdvar_over_time: range(rng.variance),
  step: scalar((st) => st.queryStep / 1000),
  sum_over_time: range(rng.sumOverTime),
  tan: math(Math.tan),
  tanh: math(Math.tanh),
  time: instant(vec.time),
  timestamp: instant(vec.timestamp),
  ts_of_first_over_time: range((c) => c.t[c.lo] / 1000),
  ts_of_last_over_time: range((c) => c.t[c.hi - 1] / 1000),
  ts_of_max_over_time: range(rng.bestTimestamp((cur, m) => cur >= m || m !== m)),
  ts_of_min_over_time: range(rng.bestTimestamp((cur, m) => cur <= m || m !== m)),
  vector: instant(vec.vectorOfScalar),
  year: date((d) => d.year),
};
