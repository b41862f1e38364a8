// `--samples`: which calls get a walk-through, which series (`--series
// '{...}'`, else the first), and the data each needs — all taken from the
// results the tree's evaluation already has (the range argument's raw samples,
// the buckets of histogram_quantile's input), so no extra query is run.

import { UsageError } from '../errors.js';
import { formatSampleValue, parseSampleValue, type Metric, type QueryResult } from '../model/result.js';
import type { Call, LabelMatcher, MatrixSelector, SubqueryExpr } from '../promql/ast.js';
import { parse } from '../promql/index.js';
import { compareMetrics } from '../model/labels.js';
import { formatSeries } from '../render/text.js';
import { clock } from '../render/samples.js';
import { matcherTest } from '../storage/store.js';
import { t } from '../util/messages/index.js';
import { rangeParts, type PlannedNode } from './evaluate.js';
import { walkHistogramQuantile } from './histogram-walk.js';
import type { NodeOutcome, Walkthrough } from './model.js';
import { WALKABLE_RANGE_FUNCTIONS, walkRange, type WalkResult } from './rate-walk.js';

/** Parses `--series '{job="api"}'` into matchers; a usage error when it is not a selector. */
export function parseSeriesFilter(text: string): LabelMatcher[] {
  let e;
  try {
    e = parse(text);
  } catch (err) {
    throw new UsageError(t('walk.seriesNotSelector', { message: (err as Error).message }));
  }
  if (e.type !== 'VectorSelector') throw new UsageError(t('walk.seriesNotSelectorGot', { text: JSON.stringify(text) }));
  return e.matchers;
}

function matches(m: Metric, filter: LabelMatcher[] | undefined): boolean {
  return !filter || filter.every((f) => matcherTest(f)(m));
}

function withoutName(m: Metric): Metric {
  const { __name__: _, ...rest } = m;
  return rest;
}

const sameLabels = (a: Metric, b: Metric) => compareMetrics(withoutName(a), withoutName(b)) === 0;

function noSuchSeries(filterText: string, candidates: Metric[], query: string, histograms = false): UsageError {
  const shown = candidates.slice(0, 8).map((m) => `  ${formatSeries(m)}`);
  const more = candidates.length > 8 ? [`  ${t('explain.more', { n: candidates.length - 8 })}`] : [];
  const head = t(histograms ? 'walk.noSuchHistogram' : 'walk.noSuchSeries', { filter: filterText, n: candidates.length, query });
  return new UsageError(`${head}\n${[...shown, ...more].join('\n')}`, t('walk.noSuchSeriesHint'));
}

/** The walk-through's last line: whether the query returned the number the arithmetic ends in. */
export function verdictLines(queryValue: string, computed: number): { same: string; differs: string } {
  return {
    same: `  ${t('walk.same', { value: queryValue })}`,
    differs: `  ${t('walk.differs', { value: queryValue, computed: formatSampleValue(computed) })}`,
  };
}

/** The line saying the query returned nothing for the series walked through. */
export const noValueLine = (): string => `  ${t('walk.noValue')}`;

function unparenArg(c: Call, i: number) {
  let a = c.args[i]!;
  while (a.type === 'ParenExpr') a = a.expr;
  return a;
}

/** The walk-throughs for every walkable call of the tree. */
export function buildWalkthroughs(root: PlannedNode, outcomes: Map<number, NodeOutcome>, seriesFilter?: string): Walkthrough[] {
  const filter = seriesFilter !== undefined ? parseSeriesFilter(seriesFilter) : undefined;
  const out: Walkthrough[] = [];
  const visit = (n: PlannedNode) => {
    const e = n.expr;
    if (e.type === 'Call' && WALKABLE_RANGE_FUNCTIONS.has(e.func)) {
      const w = rangeWalkthrough(n, e, outcomes, filter, seriesFilter);
      if (w) out.push(w);
    }
    if (e.type === 'Call' && e.func === 'histogram_quantile') {
      const w = histogramWalkthrough(n, outcomes, filter, seriesFilter);
      if (w) out.push(w);
    }
    n.children.forEach(visit);
  };
  visit(root);
  return out;
}

function vectorResult(r: QueryResult | undefined) {
  return r?.data.resultType === 'vector' ? r.data.result : undefined;
}

function finish(n: PlannedNode, func: string, series: Metric, walk: WalkResult, own: QueryResult | undefined): Walkthrough {
  const sample = vectorResult(own)?.find((s) => sameLabels(s.metric, series));
  const queryValue = sample?.value?.[1];
  const agrees =
    walk.value === undefined ? queryValue === undefined : queryValue !== undefined && formatSampleValue(walk.value) === queryValue;
  const lines = [...walk.lines];
  if (queryValue !== undefined) {
    const verdict = verdictLines(queryValue, walk.value ?? NaN);
    lines.push(agrees ? verdict.same : verdict.differs);
  } else if (walk.value !== undefined) {
    lines.push(noValueLine());
  }
  return { nodeId: n.id, func, series, lines, computed: walk.value ?? NaN, ...(queryValue !== undefined ? { queryValue } : {}), agrees };
}

function rangeWalkthrough(
  n: PlannedNode,
  e: Call,
  outcomes: Map<number, NodeOutcome>,
  filter: LabelMatcher[] | undefined,
  filterText?: string,
): Walkthrough | undefined {
  const argNode = n.children[0];
  const arg = unparenArg(e, 0);
  if (!argNode || (arg.type !== 'MatrixSelector' && arg.type !== 'SubqueryExpr')) return undefined;
  const r = outcomes.get(argNode.id)?.result;
  if (r?.data.resultType !== 'matrix') return undefined;
  const all = [...r.data.result].sort((a, b) => compareMetrics(a.metric, b.metric));
  if (all.length === 0) {
    const win = windowOf(arg, n.evaluation.time);
    const empty = { start: clock(win.startMs / 1000), end: clock(win.endMs / 1000), query: argNode.evaluation.query, f: e.func };
    const lines = [`${e.func}()`, `  ${t('walk.emptyWindow', empty)}`];
    return finish(n, e.func, {}, { lines }, outcomes.get(n.id)?.result);
  }
  const chosen = all.find((s) => matches(s.metric, filter));
  if (!chosen)
    throw noSuchSeries(
      filterText!,
      all.map((s) => s.metric),
      argNode.evaluation.query,
    );
  const win = windowOf(arg, n.evaluation.time);
  const walk = walkRange(e.func, { ...win, samples: chosen.values });
  walk.lines.unshift(t('walk.rangeHead', { f: e.func, series: formatSeries(chosen.metric) }));
  return finish(n, e.func, chosen.metric, walk, outcomes.get(n.id)?.result);
}

/** The window (ms) a range argument covers when its call is evaluated at `time` (seconds). */
function windowOf(arg: MatrixSelector | SubqueryExpr, time: number): { startMs: number; endMs: number; rangeMs: number } {
  const vs = arg.type === 'MatrixSelector' ? arg.vector : arg;
  const { offsetMs } = rangeParts(vs.type === 'SubqueryExpr' ? vs : { ...vs, rangeMs: 0 });
  const { rangeMs } = rangeParts(arg.type === 'MatrixSelector' ? { ...arg, offsetMs: 0 } : arg);
  const atMs = vs.at?.kind === 'time' ? vs.at.timestampMs : Math.round(time * 1000);
  const endMs = atMs - offsetMs;
  return { startMs: endMs - rangeMs, endMs, rangeMs };
}

function histogramWalkthrough(
  n: PlannedNode,
  outcomes: Map<number, NodeOutcome>,
  filter: LabelMatcher[] | undefined,
  filterText?: string,
): Walkthrough | undefined {
  const [qNode, vNode] = n.children;
  if (!qNode || !vNode) return undefined;
  const qRes = outcomes.get(qNode.id)?.result;
  const q = qRes?.data.resultType === 'scalar' ? parseSampleValue(qRes.data.result[1]) : NaN;
  const input = vectorResult(outcomes.get(vNode.id)?.result);
  if (!input || input.length === 0) return undefined;
  const groups = new Map<string, { metric: Metric; buckets: Array<{ le: string; count: number }> }>();
  for (const s of input) {
    // Classic buckets only: a native histogram's buckets are inside its sample, with no `le`.
    if (s.metric.le === undefined || !s.value) continue;
    const { le, ...rest } = s.metric;
    const k = JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { metric: rest, buckets: [] }));
    g.buckets.push({ le, count: parseSampleValue(s.value[1]) });
  }
  const list = [...groups.values()].sort((a, b) => compareMetrics(a.metric, b.metric));
  if (list.length === 0) return undefined;
  const chosen = list.find((g) => matches(g.metric, filter));
  if (!chosen)
    throw noSuchSeries(
      filterText!,
      list.map((g) => g.metric),
      vNode.evaluation.query,
      true,
    );
  const walk = walkHistogramQuantile(q, chosen.buckets);
  walk.lines.unshift(t('walk.histogramHead', { q: formatSampleValue(q), series: formatSeries(withoutName(chosen.metric)) }));
  return finish(n, 'histogram_quantile', chosen.metric, walk, outcomes.get(n.id)?.result);
}
