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
import { currentLang, t, type MessageKey } from '../util/messages/index.js';
import { formatRfc3339 } from '../util/time.js';

const code = (s: string) => `\`${s}\``;
const labelList = (ls: string[]) => ls.map(code).join(', ');

function unparen(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}

/** "named `x` with `job="api"`", "of any name with `job="api"`" */
function selection(vs: VectorSelector): string {
  const others = vs.matchers.filter((m) => !(m.name === '__name__' && m.op === '=' && m.value === vs.name));
  const matchers = others.map((m) => code(matcherText(m))).join(t('explain.sel.and'));
  if (vs.name !== undefined) {
    const name = code(vs.name);
    return others.length ? t('explain.sel.namedWith', { name, matchers }) : t('explain.sel.named', { name });
  }
  return others.length ? t('explain.sel.anyWith', { matchers }) : t('explain.sel.any');
}

function when(e: { offsetMs: number; offsetExpr?: Expr; at?: VectorSelector['at'] }): string {
  const vs = { ...e, offsetMs: rangeParts({ ...e, rangeMs: 0 }).offsetMs };
  const parts: string[] = [];
  if (vs.at?.kind === 'time') parts.push(t('explain.when.at', { time: formatRfc3339(vs.at.timestampMs / 1000) }));
  else if (vs.at) parts.push(vs.at.kind === 'start' ? t('explain.when.atStart') : t('explain.when.atEnd'));
  if (vs.offsetMs > 0) parts.push(t('explain.when.earlier', { d: formatDuration(vs.offsetMs) }));
  if (vs.offsetMs < 0) parts.push(t('explain.when.later', { d: formatDuration(-vs.offsetMs) }));
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function vectorSelector(vs: VectorSelector, lookbackMs: number): string {
  return t('explain.vectorSelector', { lookback: formatDuration(lookbackMs), selection: selection(vs), when: when(vs) });
}

function matrixSelector(ms: MatrixSelector): string {
  const range = formatDuration(rangeParts({ ...ms, offsetMs: 0 }).rangeMs);
  return t('explain.matrixSelector', { range, selection: selection(ms.vector), when: when(ms.vector) });
}

function subquery(sq: SubqueryExpr): string {
  const parts = rangeParts(sq);
  const step = parts.stepMs > 0 ? formatDuration(parts.stepMs) : t('explain.defaultStep');
  return t('explain.subquery', { step, range: formatDuration(parts.rangeMs), when: when(sq) });
}

/** What the range argument of a call covers: "over the last 5m". */
function windowOf(c: Call): string {
  const arg = c.args.map(unparen).find((a) => a.type === 'MatrixSelector' || a.type === 'SubqueryExpr');
  if (!arg) return '';
  const ms = arg.type === 'MatrixSelector' ? rangeParts({ ...arg, offsetMs: 0 }).rangeMs : rangeParts(arg as SubqueryExpr).rangeMs;
  return t('explain.window', { range: formatDuration(ms) });
}

const OVER_TIME: Record<string, MessageKey> = {
  avg_over_time: 'explain.over.avg',
  sum_over_time: 'explain.over.sum',
  min_over_time: 'explain.over.min',
  max_over_time: 'explain.over.max',
  count_over_time: 'explain.over.count',
  last_over_time: 'explain.over.last',
  first_over_time: 'explain.over.first',
  stddev_over_time: 'explain.over.stddev',
  stdvar_over_time: 'explain.over.stdvar',
  mad_over_time: 'explain.over.mad',
};

function scalarText(e: Expr | undefined): string {
  return e ? printExpr(unparen(e)) : '';
}

/** The functions whose sentence takes only the window (`%{w}`). */
const WINDOWED = [
  'rate',
  'increase',
  'irate',
  'delta',
  'idelta',
  'deriv',
  'changes',
  'resets',
  'absent_over_time',
  'present_over_time',
] as const;
/** The functions whose sentence takes nothing. */
const PLAIN_CALLS = ['absent', 'time', 'vector', 'scalar', 'sort', 'sort_desc', 'timestamp'] as const;

function call(c: Call): string {
  const w = windowOf(c);
  const f = c.func;
  const a = (i: number) => scalarText(c.args[i]);
  if ((WINDOWED as readonly string[]).includes(f)) return t(`explain.fn.${f as (typeof WINDOWED)[number]}`, { w });
  if ((PLAIN_CALLS as readonly string[]).includes(f)) return t(`explain.fn.${f as (typeof PLAIN_CALLS)[number]}`);
  switch (f) {
    case 'predict_linear':
      return t('explain.fn.predict_linear', { t: a(1), w });
    case 'quantile_over_time':
      return t('explain.fn.quantile_over_time', { q: a(0), w });
    case 'histogram_quantile':
      return t('explain.fn.histogram_quantile', { q: a(0) });
    case 'histogram_fraction':
      return t('explain.fn.histogram_fraction', { lo: a(0), hi: a(1) });
    case 'label_replace':
      return t('explain.fn.label_replace', { dst: a(1), repl: a(2), src: a(3), re: a(4) });
    case 'label_join':
      return t('explain.fn.label_join', { dst: a(1), srcs: c.args.slice(3).map(scalarText).join(', '), sep: a(2) });
    case 'clamp':
      return t('explain.fn.clamp', { min: a(1), max: a(2) });
    case 'clamp_min':
      return t('explain.fn.clamp_min', { min: a(1) });
    case 'clamp_max':
      return t('explain.fn.clamp_max', { max: a(1) });
    case 'round':
      return c.args[1] ? t('explain.fn.roundTo', { to: a(1) }) : t('explain.fn.round');
  }
  // The rest from the functions table: its one-line doc, and whether the metric name survives.
  const row = getFunction(f);
  const name = row?.keepsName ? t('explain.fn.keepsName') : row?.returnType === 'vector' ? t('explain.fn.dropsName') : '';
  const over = OVER_TIME[f];
  if (over) return t('explain.fn.overTime', { what: t(over as 'explain.over.avg'), w, name });
  return row ? t('explain.fn.doc', { f, doc: row.doc[currentLang()], name }) : t('explain.fn.call', { f });
}

function groupText(a: AggregateExpr): { per: string; scope: string; all?: boolean } {
  if (a.without) return { per: t('explain.agg.perOther'), scope: t('explain.agg.scopeWithout', { labels: labelList(a.grouping) }) };
  if (a.grouping.length === 0) return { per: t('explain.agg.perNone'), scope: t('explain.agg.scopeAll'), all: true };
  const per =
    a.grouping.length === 1
      ? t('explain.agg.perOne', { label: a.grouping[0] })
      : t('explain.agg.perMany', { labels: labelList(a.grouping) });
  return { per, scope: t('explain.agg.scopeBy', { labels: labelList(a.grouping) }) };
}

function aggregation(a: AggregateExpr): string {
  const g = groupText(a);
  const scope = g.scope;
  const tail = g.all ? t('explain.agg.tailAll', { per: g.per }) : t('explain.agg.tail', { per: g.per });
  const p = scalarText(a.param);
  const within = a.grouping.length || a.without ? t('explain.agg.withinGroup') : '';
  switch (a.op) {
    case 'topk':
    case 'bottomk':
    case 'limitk':
    case 'limit_ratio':
      return t(`explain.agg.${a.op}`, { p, within });
    case 'count_values':
      return t('explain.agg.count_values', { scope, p });
    case 'quantile':
      return t('explain.agg.quantile', { p, scope, tail });
    default:
      return t(`explain.agg.${a.op}`, { scope, tail });
  }
}

const ARITH = new Set(['+', '-', '*', '/', '%', '^', 'atan2']);
const COMPARE = new Set(['==', '!=', '>', '<', '>=', '<=']);

function matchingText(b: BinaryExpr): string {
  const m = b.matching;
  if (!m) return '';
  const how = m.on
    ? t('explain.match.on', { labels: labelList(m.matchingLabels) })
    : m.matchingLabels.length
      ? t('explain.match.ignoring', { labels: labelList(m.matchingLabels) })
      : t('explain.match.exact');
  const group = m.card === 'many-to-one' ? t('explain.match.groupLeft') : m.card === 'one-to-many' ? t('explain.match.groupRight') : '';
  return `${how}${group}`;
}

function binary(b: BinaryExpr): string {
  const lt = exprTypeOf(b.lhs);
  const rt = exprTypeOf(b.rhs);
  const other = (e: Expr) => printExpr(unparen(e));
  if (b.op === 'and' || b.op === 'or' || b.op === 'unless') return t(`explain.bin.${b.op}`, { matching: matchingText(b) });
  if (COMPARE.has(b.op)) {
    const rel = (x: string) => t(`explain.cmp.${b.op as '=='}`, { x });
    if (lt === 'scalar' && rt === 'scalar') return t('explain.bin.cmpScalars', { l: other(b.lhs), rel: rel(other(b.rhs)) });
    const against =
      rt === 'scalar' ? other(b.rhs) : lt === 'scalar' ? other(b.lhs) : t('explain.bin.rightWith', { matching: matchingText(b) });
    const side = lt === 'scalar' ? t('explain.bin.right') : t('explain.bin.left');
    return t(b.returnBool ? 'explain.bin.cmpBool' : 'explain.bin.cmpFilter', { side, rel: rel(against) });
  }
  const word = ARITH.has(b.op) ? t(`explain.op.${b.op as '+'}`) : b.op;
  if (lt === 'scalar' && rt === 'scalar') return t('explain.bin.scalars', { word });
  if (rt === 'scalar') return t('explain.bin.rightScalar', { word, r: other(b.rhs) });
  if (lt === 'scalar') return t('explain.bin.leftScalar', { word, l: other(b.lhs) });
  return t('explain.bin.vectors', { word, matching: matchingText(b) });
}

function exprTypeOf(e: Expr): string {
  const u = unparen(e);
  if (u.type === 'NumberLiteral') return 'scalar';
  if (u.type === 'Call') return getFunction(u.func)?.returnType ?? 'vector';
  if (u.type === 'BinaryExpr') return exprTypeOf(u.lhs) === 'scalar' && exprTypeOf(u.rhs) === 'scalar' ? 'scalar' : 'vector';
  if (u.type === 'UnaryExpr') return exprTypeOf(u.expr);
  return u.type === 'StringLiteral' ? 'string' : 'vector';
}

/** The sentence for a node, in this run's language. `lookbackMs` is the backend's lookback delta (5m unless configured). */
export function sentenceFor(e: Expr, lookbackMs = 300_000): string {
  // A window or group left out leaves a double or edge space in the template.
  return nodeSentence(e, lookbackMs).replace(/ {2,}/g, ' ').trim();
}

function nodeSentence(e: Expr, lookbackMs: number): string {
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
      return e.op === '-' ? t('explain.unary.neg') : t('explain.unary.pos');
    case 'NumberLiteral':
      return e.duration ? t('explain.durationSeconds', { d: printExpr(e) }) : t('explain.number', { n: printExpr(e) });
    case 'StringLiteral':
      return t('explain.string', { s: printExpr(e) });
    case 'ParenExpr':
      return nodeSentence(e.expr, lookbackMs);
    case 'DurationExpr':
      return t('explain.duration', { d: printExpr(e) });
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
      return t('explain.head.unary', { op: e.op });
    default:
      return printExpr(e);
  }
}
