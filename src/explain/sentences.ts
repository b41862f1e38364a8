// One plain sentence per node, with this query's arguments:
//   sum by (job) (...)      -> "adds up the input series that share the same `job`, one output series per job"
//   rate(x[5m])             -> "the per-second average increase of each counter over the last 5m, corrected for restarts"
// The wording is explain's own; what a function is (its table row) comes from
// src/promql/functions.ts.

import type { AggregateExpr, BinaryExpr, Call, Expr, MatrixSelector, SubqueryExpr, VectorSelector } from '../promql/ast.js';
import { formatDuration, printExpr } from '../promql/index.js';
import { getFunction } from '../promql/functions.js';
import { matcherText } from './selectors.js';
import { rangeParts } from './evaluate.js';
import { formatRfc3339 } from '../util/time.js';

const code = (s: string) => `\`${s}\``;
const labelList = (ls: string[]) => ls.map(code).join(', ');

function unparen(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}

/** "named `x` with `job="api"`", "with `job="api"`" */
function selection(vs: VectorSelector): string {
  const others = vs.matchers.filter((m) => !(m.name === '__name__' && m.op === '=' && m.value === vs.name));
  const name = vs.name !== undefined ? `named ${code(vs.name)}` : 'of any name';
  return others.length ? `${name} with ${others.map((m) => code(matcherText(m))).join(' and ')}` : name;
}

function when(e: { offsetMs: number; offsetExpr?: Expr; at?: VectorSelector['at'] }): string {
  const vs = { ...e, offsetMs: rangeParts({ ...e, rangeMs: 0 }).offsetMs };
  const parts: string[] = [];
  if (vs.at?.kind === 'time') parts.push(`at ${formatRfc3339(vs.at.timestampMs / 1000)}`);
  else if (vs.at) parts.push(`at the query's ${vs.at.kind} time`);
  if (vs.offsetMs > 0) parts.push(`as it was ${formatDuration(vs.offsetMs)} earlier`);
  if (vs.offsetMs < 0) parts.push(`as it will be ${formatDuration(-vs.offsetMs)} later`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function vectorSelector(vs: VectorSelector, lookbackMs: number): string {
  return `the latest sample (at most ${formatDuration(lookbackMs)} old) of every series ${selection(vs)}${when(vs)}`;
}

function matrixSelector(ms: MatrixSelector): string {
  return `every raw sample of the last ${formatDuration(rangeParts({ ...ms, offsetMs: 0 }).rangeMs)} of each series ${selection(ms.vector)}${when(ms.vector)}`;
}

function subquery(sq: SubqueryExpr): string {
  const parts = rangeParts(sq);
  const step = parts.stepMs > 0 ? formatDuration(parts.stepMs) : 'the default step (1m)';
  return `evaluates the inner expression every ${step} over the last ${formatDuration(parts.rangeMs)}${when(sq)}, giving a range vector of its results`;
}

/** What the range argument of a call covers: "over the last 5m". */
function windowOf(c: Call): string {
  const arg = c.args.map(unparen).find((a) => a.type === 'MatrixSelector' || a.type === 'SubqueryExpr');
  if (!arg) return '';
  const ms = arg.type === 'MatrixSelector' ? rangeParts({ ...arg, offsetMs: 0 }).rangeMs : rangeParts(arg as SubqueryExpr).rangeMs;
  return `over the last ${formatDuration(ms)}`;
}

const OVER_TIME: Record<string, string> = {
  avg_over_time: 'the average',
  sum_over_time: 'the sum',
  min_over_time: 'the smallest value',
  max_over_time: 'the largest value',
  count_over_time: 'the number',
  last_over_time: 'the most recent value',
  first_over_time: 'the oldest value',
  stddev_over_time: 'the population standard deviation',
  stdvar_over_time: 'the population variance',
  present_over_time: '1 when there is any',
  mad_over_time: 'the median absolute deviation',
};

function scalarText(e: Expr | undefined): string {
  return e ? printExpr(unparen(e)) : '';
}

function call(c: Call): string {
  const w = windowOf(c);
  const f = c.func;
  switch (f) {
    case 'rate':
      return `the per-second average increase of each counter ${w}, corrected for restarts and extrapolated to the window's edges`;
    case 'increase':
      return `how much each counter grew ${w}, corrected for restarts and extrapolated to the window's edges`;
    case 'irate':
      return `the per-second increase of each counter between its last two samples ${w}`;
    case 'delta':
      return `how much each gauge changed ${w} (last minus first sample, extrapolated to the window's edges)`;
    case 'idelta':
      return `the difference between the last two samples of each gauge ${w}`;
    case 'deriv':
      return `the per-second slope of each gauge ${w}, by least-squares linear regression`;
    case 'predict_linear':
      return `the value each gauge will have ${scalarText(c.args[1])} seconds after the evaluation time, extrapolating the linear trend ${w}`;
    case 'changes':
      return `how many times each series' value changed ${w}`;
    case 'resets':
      return `how many times each counter went down (restarted) ${w}`;
    case 'quantile_over_time':
      return `the ${scalarText(c.args[0])}-quantile of each series' samples ${w}`;
    case 'absent_over_time':
      return `1 (with the selector's equality labels) when no series has a sample ${w}; nothing otherwise`;
    case 'histogram_quantile':
      return `the ${scalarText(c.args[0])}-quantile of the observations in each histogram, interpolated linearly inside the bucket it falls in (the buckets of one histogram share every label but \`le\`)`;
    case 'histogram_fraction':
      return `the fraction of observations between ${scalarText(c.args[0])} and ${scalarText(c.args[1])} in each histogram`;
    case 'absent':
      return `1 (with the selector's equality labels) when the argument has no series; nothing otherwise`;
    case 'label_replace': {
      const [, dst, repl, src, re] = c.args.map((a) => scalarText(a));
      return `sets label ${dst} to ${repl} where label ${src} matches the regex ${re} (the whole value); other series pass unchanged`;
    }
    case 'label_join':
      return `sets label ${scalarText(c.args[1])} to the values of ${c.args.slice(3).map(scalarText).join(', ')} joined with ${scalarText(c.args[2])}`;
    case 'time':
      return 'the evaluation time, in seconds since 1970';
    case 'vector':
      return 'turns the scalar into a one-series vector without labels';
    case 'scalar':
      return "the value of the argument's only series as a scalar (NaN unless there is exactly one series)";
    case 'clamp':
      return `each value limited to the range ${scalarText(c.args[1])} .. ${scalarText(c.args[2])}`;
    case 'clamp_min':
      return `each value, raised to at least ${scalarText(c.args[1])}`;
    case 'clamp_max':
      return `each value, lowered to at most ${scalarText(c.args[1])}`;
    case 'round':
      return c.args[1]
        ? `each value rounded to the nearest multiple of ${scalarText(c.args[1])}`
        : 'each value rounded to the nearest integer';
    case 'sort':
      return 'the series sorted by value, smallest first';
    case 'sort_desc':
      return 'the series sorted by value, largest first';
    case 'timestamp':
      return "the timestamp of each series' sample, in seconds";
  }
  // The rest from the functions table: its one-line doc, and whether the metric name survives.
  const row = getFunction(f);
  const name = row?.keepsName ? '; the metric name is kept' : row?.returnType === 'vector' ? '; the metric name is dropped' : '';
  if (OVER_TIME[f]) return `${OVER_TIME[f]} of each series' samples ${w}${name}`;
  return row ? `${f}: ${row.doc}${name}` : `calls ${f}`;
}

function groupText(a: AggregateExpr): { per: string; scope: string; joiner?: string } {
  if (a.without) {
    return {
      per: `one output series per combination of the other labels`,
      scope: `the input series that are equal apart from ${labelList(a.grouping)} (and the metric name)`,
    };
  }
  if (a.grouping.length === 0) return { per: 'into one series without labels', scope: 'all input series', joiner: ' ' };
  const per =
    a.grouping.length === 1 ? `one output series per ${a.grouping[0]}` : `one output series per combination of ${labelList(a.grouping)}`;
  return { per, scope: `the input series that share the same ${labelList(a.grouping)}` };
}

function aggregation(a: AggregateExpr): string {
  const g = groupText(a);
  const scope = g.scope;
  const tail = (g.joiner ?? ', ') + g.per;
  const p = scalarText(a.param);
  const within = a.grouping.length || a.without ? ' within each group' : '';
  switch (a.op) {
    case 'sum':
      return `adds up ${scope}${tail}`;
    case 'avg':
      return `averages ${scope}${tail}`;
    case 'count':
      return `counts ${scope}${tail}`;
    case 'min':
      return `the smallest value among ${scope}${tail}`;
    case 'max':
      return `the largest value among ${scope}${tail}`;
    case 'group':
      return `1 for each group of ${scope}${tail}`;
    case 'stddev':
      return `the population standard deviation of ${scope}${tail}`;
    case 'stdvar':
      return `the population variance of ${scope}${tail}`;
    case 'quantile':
      return `the ${p}-quantile of the values of ${scope}${tail}`;
    case 'topk':
      return `keeps the ${p} series with the largest values${within}, with all their labels`;
    case 'bottomk':
      return `keeps the ${p} series with the smallest values${within}, with all their labels`;
    case 'limitk':
      return `keeps ${p} series${within} (chosen by a hash of their labels), with all their labels`;
    case 'limit_ratio':
      return `keeps about a ${p} fraction of the series${within} (chosen by a hash of their labels)`;
    case 'count_values':
      return `counts how many series of ${scope} have each value, putting the value in label ${p}`;
  }
}

const ARITH: Record<string, string> = {
  '+': 'plus',
  '-': 'minus',
  '*': 'times',
  '/': 'divided by',
  '%': 'modulo',
  '^': 'to the power of',
  atan2: 'atan2 with',
};

const COMPARE: Record<string, string> = {
  '==': 'equal to',
  '!=': 'not equal to',
  '>': 'greater than',
  '<': 'less than',
  '>=': 'at least',
  '<=': 'at most',
};

function matchingText(b: BinaryExpr): string {
  const m = b.matching;
  if (!m) return '';
  const how = m.on
    ? `the same ${labelList(m.matchingLabels)}`
    : m.matchingLabels.length
      ? `the same labels apart from ${labelList(m.matchingLabels)}`
      : 'exactly the same labels (apart from the metric name)';
  const group =
    m.card === 'many-to-one'
      ? '; many left series may share one right series (group_left)'
      : m.card === 'one-to-many'
        ? '; many right series may share one left series (group_right)'
        : '';
  return `${how}${group}`;
}

function binary(b: BinaryExpr): string {
  const lt = exprTypeOf(b.lhs);
  const rt = exprTypeOf(b.rhs);
  const other = (e: Expr) => printExpr(unparen(e));
  if (b.op === 'and') return `keeps the left series that have a right series with ${matchingText(b)}`;
  if (b.op === 'or') return `all left series, plus the right series with no left series of ${matchingText(b)}`;
  if (b.op === 'unless') return `keeps the left series that have no right series with ${matchingText(b)}`;
  if (COMPARE[b.op]) {
    const rel = COMPARE[b.op];
    if (lt === 'scalar' && rt === 'scalar') return `1 if ${other(b.lhs)} is ${rel} ${other(b.rhs)}, else 0`;
    const against = rt === 'scalar' ? other(b.rhs) : lt === 'scalar' ? other(b.lhs) : `the right series with ${matchingText(b)}`;
    const side = lt === 'scalar' ? 'right' : 'left';
    if (b.returnBool) return `1 for each ${side} series whose value is ${rel} ${against}, 0 for the others (bool keeps every series)`;
    return `keeps only the ${side} series whose value is ${rel} ${against}; the others are dropped`;
  }
  const word = ARITH[b.op] ?? b.op;
  if (lt === 'scalar' && rt === 'scalar') return `the left scalar ${word} the right one`;
  if (rt === 'scalar') return `each left value ${word} ${other(b.rhs)}; the metric name is dropped`;
  if (lt === 'scalar') return `${other(b.lhs)} ${word} each right value; the metric name is dropped`;
  return `each left value ${word} the value of the right series with ${matchingText(b)}; the metric name is dropped`;
}

function exprTypeOf(e: Expr): string {
  const u = unparen(e);
  if (u.type === 'NumberLiteral') return 'scalar';
  if (u.type === 'Call') return getFunction(u.func)?.returnType ?? 'vector';
  if (u.type === 'BinaryExpr') return exprTypeOf(u.lhs) === 'scalar' && exprTypeOf(u.rhs) === 'scalar' ? 'scalar' : 'vector';
  if (u.type === 'UnaryExpr') return exprTypeOf(u.expr);
  return u.type === 'StringLiteral' ? 'string' : 'vector';
}

/** The sentence for a node. `lookbackMs` is the backend's lookback delta (5m unless configured). */
export function sentenceFor(e: Expr, lookbackMs = 300_000): string {
  switch (e.type) {
    case 'VectorSelector':
      return vectorSelector(e, lookbackMs);
    case 'MatrixSelector':
      return matrixSelector(e);
    case 'SubqueryExpr':
      return subquery(e);
    case 'Call':
      return call(e);
    case 'AggregateExpr':
      return aggregation(e);
    case 'BinaryExpr':
      return binary(e);
    case 'UnaryExpr':
      return e.op === '-' ? 'negates every value' : 'every value unchanged';
    case 'NumberLiteral':
      return e.duration ? `the duration ${printExpr(e)}, as seconds` : `the number ${printExpr(e)}`;
    case 'StringLiteral':
      return `the string ${printExpr(e)}`;
    case 'ParenExpr':
      return sentenceFor(e.expr, lookbackMs);
    case 'DurationExpr':
      return `the duration ${printExpr(e)}`;
  }
}

/** Short head for the tree: the node without its children. */
export function headFor(e: Expr): string {
  switch (e.type) {
    case 'Call':
      return `${e.func}()`;
    case 'AggregateExpr': {
      const g = e.without ? ` without (${e.grouping.join(', ')})` : e.grouping.length ? ` by (${e.grouping.join(', ')})` : '';
      return `${e.op}${g}`;
    }
    case 'BinaryExpr': {
      const m = e.matching;
      let s: string = e.op + (e.returnBool ? ' bool' : '');
      if (m?.explicit || m?.matchingLabels.length) s += ` ${m.on ? 'on' : 'ignoring'} (${m.matchingLabels.join(', ')})`;
      if (m?.card === 'many-to-one') s += ` group_left (${m.include.join(', ')})`;
      if (m?.card === 'one-to-many') s += ` group_right (${m.include.join(', ')})`;
      return s;
    }
    case 'SubqueryExpr': {
      const full = printExpr(e);
      return full.slice(printExpr(e.expr).length);
    }
    case 'UnaryExpr':
      return `${e.op} (unary)`;
    default:
      return printExpr(e);
  }
}
