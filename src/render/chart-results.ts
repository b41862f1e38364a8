// `promlearn range 'a' 'b'`: several expressions over one grid, rendered
// together. One expression renders exactly as renderResult does (so its JSON
// stays the API's `data` object). Several:
// - table: one chart, each series named with its expression's tag (#1, #2;
//   ./chart-legend.ts) and the tags listed with their expressions;
// - JSON: an array with one element per expression, in the order given:
//   {"expr": "...", "resultType": "matrix", "result": [...]};
// - CSV: one row per sample, as for one expression, with a first column
//   `expr` saying which expression the row belongs to.

import type { Metric, QueryResult, RangeSeries } from '../model/result.js';
import { renderChart } from './chart.js';
import { queryTag } from './chart-legend.js';
import { contextFor, explainEmptyLines, renderNotes, renderResult, type RenderOptions } from './index.js';
import { csvField, renderJson } from './machine.js';
import { histogramChartNote, hasHistograms, histogramsAsCounts } from './histogram-series.js';
import { compareBytes, wrap } from './text.js';
import { compareForDisplay } from './vector.js';

/** One expression of a range command and its answer. */
export interface ExprResult {
  expr: string;
  result: QueryResult;
  /** Grafana legend format for its series. */
  legend?: string;
}

/** The series of a range answer (a range query always answers a matrix; anything else has none to draw). */
export function rangeSeries(result: QueryResult): RangeSeries[] {
  return result.data.resultType === 'matrix' ? result.data.result : [];
}

export function renderRangeResults(results: ExprResult[], opts: RenderOptions): string {
  if (results.length === 1) {
    const [only] = results;
    return renderResult(only!.result, { ...opts, query: only!.expr, legend: only!.legend });
  }
  if (opts.format === 'json') return '[' + results.map(jsonElement).join(',') + ']\n';
  if (opts.format === 'csv') return renderCsvWithExpr(results);
  const ctx = contextFor(opts);
  const lines = (ls: string[]) => (ls.length > 0 ? ls.join('\n') + '\n' : '');
  if (results.every((r) => rangeSeries(r.result).length === 0)) {
    return lines(
      results.flatMap((r, i) => explainEmptyLines({ ...opts, query: r.expr }, ctx).map((l, j) => (j === 0 ? `${queryTag(i)}  ${l}` : l))),
    );
  }
  const queries = results.map((r) => ({
    expr: r.expr,
    legend: r.legend,
    // Native histograms are drawn as their counts (./histogram-series.ts).
    series: histogramsAsCounts(rangeSeries(r.result)).sort((a, b) => compareForDisplay(a.metric, b.metric)),
  }));
  const note = results.some((r) => hasHistograms(rangeSeries(r.result)))
    ? wrap(histogramChartNote(), ctx.columns, '  ').map((l) => ctx.style.dim(l))
    : [];
  return lines([...note, ...renderChart(queries, ctx, { range: opts.range, height: opts.height, width: opts.width })]);
}

function jsonElement(r: ExprResult): string {
  // renderJson gives the API's data object in the API's key order; the expression goes first.
  return `{"expr":${JSON.stringify(r.expr)},` + renderJson(r.result.data).trimEnd().slice(1);
}

function renderCsvWithExpr(results: ExprResult[]): string {
  const rows = results.flatMap((r) => rangeSeries(r.result).map((s) => ({ expr: r.expr, metric: s.metric, values: s.values })));
  const names = labelColumns(rows.map((r) => r.metric));
  // A label called like one of our columns must not be confused with it.
  const header = names.map((n) => (['expr', 'timestamp', 'value'].includes(n) ? `label_${n}` : n));
  let out = csvLine(['expr', ...header, 'timestamp', 'value']);
  for (const r of rows) {
    const labels = names.map((n) => r.metric[n] ?? '');
    for (const [t, v] of r.values) out += csvLine([r.expr, ...labels, String(t), v]);
  }
  return out;
}

/** Label names of all the metrics, `__name__` first, then in byte order (as machine.ts's CSV). */
export function labelColumns(metrics: Metric[]): string[] {
  return [...new Set(metrics.flatMap((m) => Object.keys(m)))].sort((a, b) =>
    a === '__name__' ? -1 : b === '__name__' ? 1 : compareBytes(a, b),
  );
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',') + '\n';
}

/** Warnings, infos and stats of each expression, tagged #1, #2 when there are several. */
export function renderRangeNotes(results: ExprResult[], opts: Pick<RenderOptions, 'style' | 'stats'>): string {
  if (results.length === 1) return renderNotes(results[0]!.result, opts);
  return results
    .map((r, i) => {
      const notes = renderNotes(r.result, opts);
      return notes === '' ? '' : notes.replace(/^(?=.)/gm, `${queryTag(i)} `);
    })
    .join('');
}
