// From evaluated nodes to the explanation tree: result summaries, the
// annotations each node raises itself, errors, and the diagnoses.

import { PromlearnError, QueryError } from '../errors.js';
import type { QueryResult } from '../model/result.js';
import { exprType } from '../promql/index.js';
import { queryOrdersResult } from '../render/query-text.js';
import { histogramsAsCounts } from '../render/histogram-series.js';
import { compareForDisplay } from '../render/vector.js';
import { commonLabels } from '../render/vector.js';
import { diagnoseAggregation } from './aggregate.js';
import { diagnoseBinary } from './binary.js';
import type { PlannedNode } from './evaluate.js';
import { PREVIEW_SERIES, type ExplainNode, type NodeError, type NodeOutcome, type ResultSummary } from './model.js';
import { headFor, sentenceFor } from './sentences.js';

/** "PromQL warning: text (1:6)" -> "text" */
export function annotationText(a: string): string {
  return a.replace(/^PromQL (warning|info): /, '').replace(/ \(\d+:\d+\)$/, '');
}

export function summarize(r: QueryResult, query: string): ResultSummary {
  const d = r.data;
  if (d.resultType === 'scalar' || d.resultType === 'string') {
    return { resultType: d.resultType, seriesCount: 0, varyingLabels: [], commonLabels: {}, value: d.result[1], series: [] };
  }
  const metrics = d.result.map((s) => s.metric);
  const common = commonLabels(metrics);
  const varying = [...new Set(metrics.flatMap((m) => Object.keys(m)))].filter((k) => !(k in common)).sort();
  if (d.resultType === 'vector') {
    const ordered = queryOrdersResult(query) ? d.result : [...d.result].sort((a, b) => compareForDisplay(a.metric, b.metric));
    return {
      resultType: 'vector',
      seriesCount: d.result.length,
      varyingLabels: varying,
      commonLabels: common,
      series: ordered
        .slice(0, PREVIEW_SERIES)
        .map((s) => (s.histogram ? { metric: s.metric, histogram: s.histogram[1] } : { metric: s.metric, value: s.value?.[1] })),
    };
  }
  const ordered = [...d.result].sort((a, b) => compareForDisplay(a.metric, b.metric));
  return {
    resultType: 'matrix',
    seriesCount: d.result.length,
    sampleCount: d.result.reduce((n, s) => n + s.values.length + (s.histograms?.length ?? 0), 0),
    varyingLabels: varying,
    commonLabels: common,
    series: ordered.slice(0, PREVIEW_SERIES).map((s) => {
      // Histogram samples are previewed by their counts (as charts draw them).
      const { values } = histogramsAsCounts([s])[0]!;
      return {
        metric: s.metric,
        ...(s.histograms?.length ? { histograms: true } : {}),
        samples: values.length,
        first: values[0],
        last: values[values.length - 1],
      };
    }),
  };
}

function errorOf(e: unknown): NodeError {
  if (e instanceof PromlearnError) return { message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
  return { message: e instanceof Error ? e.message : String(e) };
}

export interface BuildContext {
  outcomes: Map<number, NodeOutcome>;
  lookbackMs?: number;
}

/** Builds the tree bottom-up so each node knows its children's annotations and errors. */
export function buildTree(p: PlannedNode, ctx: BuildContext): ExplainNode {
  const children = p.children.map((c) => buildTree(c, ctx));
  const outcome = ctx.outcomes.get(p.id) ?? {};
  const node: ExplainNode = {
    id: p.id,
    kind: p.expr.type,
    head: headFor(p.expr),
    ...(p.role ? { role: p.role } : {}),
    type: exprType(p.expr),
    sentence: sentenceFor(p.expr, ctx.lookbackMs),
    evaluation: p.evaluation,
    warnings: [],
    infos: [],
    children,
  };
  if (outcome.result) {
    node.result = summarize(outcome.result, p.evaluation.query);
    if (!p.parent) node.data = outcome.result.data;
    const below = new Set(children.flatMap((c) => collectAnnotations(c)));
    node.warnings = unique((outcome.result.warnings ?? []).map(annotationText)).filter((w) => !below.has(w));
    node.infos = unique((outcome.result.infos ?? []).map(annotationText)).filter((w) => !below.has(w));
  } else if (outcome.error !== undefined) {
    const err = errorOf(outcome.error);
    const childErr = children.find((c) => c.error && c.error.message === err.message);
    node.error = childErr ? { ...err, inherited: true } : err;
  }
  addDiagnoses(node, p, ctx);
  return node;
}

function collectAnnotations(n: ExplainNode): string[] {
  return [...n.warnings, ...n.infos, ...n.children.flatMap(collectAnnotations)];
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function addDiagnoses(node: ExplainNode, p: PlannedNode, ctx: BuildContext): void {
  const e = p.expr;
  const res = (n: PlannedNode | undefined) => (n ? ctx.outcomes.get(n.id)?.result : undefined);
  if (e.type === 'BinaryExpr') {
    const [l, r] = p.children;
    const own = ctx.outcomes.get(p.id);
    const ownError = own?.error instanceof QueryError && !node.error?.inherited ? own.error.message : undefined;
    if (res(l) && res(r)) node.binary = diagnoseBinary(e, res(l), res(r), own?.result, ownError);
  }
  if (e.type === 'AggregateExpr') {
    const input = p.children[p.children.length - 1];
    const d = diagnoseAggregation(e, res(input));
    if (d) node.aggregation = d;
  }
}
