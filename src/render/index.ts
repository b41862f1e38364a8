// Rendering a query result for people (tables, charts) or scripts (JSON, CSV).
// Pure: (result, options) => text. The CLI writes renderResult() to stdout and
// renderNotes() (warnings, infos, stats) to stderr; the REPL may inline both.

import type { QueryResult } from '../model/result.js';
import type { Style } from '../util/style.js';
import { renderChart, type ChartRange } from './chart.js';
import { CLI_ADVICE, fittedRowLimit, limitNote, type Advice, type RenderContext } from './render-context.js';
export { REPL_ADVICE, type Advice } from './render-context.js';
import { explainEmpty } from './empty.js';
import { formatNumber, humanize, hasHumanColumn } from './format.js';
import { renderCsv, renderJson } from './machine.js';
import { inferQueryUnit, queryOrdersResult } from './query-text.js';
import { renderBucketBars } from './histogram-blocks.js';
import { histogramChartNote, hasHistograms, histogramsAsCounts } from './histogram-series.js';
import { renderSamples } from './samples.js';
import { compareForDisplay, renderVector } from './vector.js';
import { parseSampleValue } from '../model/result.js';
import { wrap } from './text.js';
import { annotationHint } from '../promql/annotation-hints.js';
import { currentLang, t } from '../util/messages/index.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface RenderOptions {
  format: OutputFormat;
  style: Style;
  /** Terminal size; 80x24 when unknown. */
  columns: number;
  rows: number;
  /** Max table rows / chart series; 0 = no limit; undefined = fitted to the screen. */
  limit?: number;
  /** Chart size overrides (total width in columns, plot height in rows). */
  height?: number;
  width?: number;
  /** The query, for messages ("no series matched `foo`"), units and ordering. */
  query?: string;
  /** Metric names the backend knows, for "did you mean". */
  knownMetrics?: string[];
  /** Print stats (when the result has them). */
  stats?: boolean;
  /**
   * The range query's grid. When set, a matrix is drawn as a chart; without
   * it a matrix (e.g. `x[5m]` from an instant query) is listed sample by sample.
   */
  range?: ChartRange;
  /** Grafana's legend format for the chart's series, e.g. '{{route}} {{status_code}}'. */
  legend?: string;
  /**
   * Whether table output includes warnings, infos and stats (default true).
   * The CLI sets false and prints renderNotes() to stderr instead.
   */
  inlineNotes?: boolean;
  /**
   * Draw each native histogram of an instant vector as a bar chart of its
   * buckets (./histogram-bars.ts). A result of one histogram is drawn so anyway.
   */
  buckets?: boolean;
  /** Wording of "see more" advice; the REPL passes REPL_ADVICE. Default: CLI flags. */
  advice?: Advice;
}

export type { ChartRange };

export function renderResult(result: QueryResult, opts: RenderOptions): string {
  if (opts.format === 'json') return renderJson(result.data);
  if (opts.format === 'csv') return renderCsv(result.data);
  const body = renderTableFormat(result, opts);
  const notes = opts.inlineNotes === false ? '' : renderNotes(result, opts);
  return body + notes;
}

export function contextFor(opts: RenderOptions): RenderContext {
  const fitted = opts.limit === undefined;
  return {
    style: opts.style,
    columns: Math.max(20, opts.columns),
    rows: Math.max(8, opts.rows),
    limit: fitted ? fittedRowLimit(opts.rows) : opts.limit === 0 ? Infinity : opts.limit!,
    fitted,
    queryUnit: inferQueryUnit(opts.query),
    query: opts.query,
    advice: opts.advice ?? CLI_ADVICE,
  };
}

function renderTableFormat(result: QueryResult, opts: RenderOptions): string {
  const ctx = contextFor(opts);
  const data = result.data;
  const lines = (ls: string[]) => (ls.length > 0 ? ls.join('\n') + '\n' : '');
  switch (data.resultType) {
    case 'scalar':
    case 'string':
      return lines([plainValue(data.resultType, data.result[1], ctx)]);
    case 'vector': {
      if (data.result.length === 0) return lines(explainEmptyLines(opts, ctx));
      const samples = queryOrdersResult(opts.query) ? data.result : [...data.result].sort((a, b) => compareForDisplay(a.metric, b.metric));
      if (opts.buckets || (samples.length === 1 && samples[0]!.histogram)) return lines(renderBucketBars(samples, ctx));
      const shown = samples.slice(0, ctx.limit);
      const out = renderVector(shown, ctx, samples);
      if (shown.length < samples.length) out.push(...limitNote(shown.length, samples.length, 'series', ctx));
      return lines(out);
    }
    case 'matrix': {
      if (data.result.length === 0) return lines(explainEmptyLines(opts, ctx));
      const series = [...data.result].sort((a, b) => compareForDisplay(a.metric, b.metric));
      if (opts.range !== undefined) {
        if (!hasHistograms(series)) {
          const query = { expr: opts.query, series, legend: opts.legend };
          return lines(renderChart([query], ctx, { range: opts.range, height: opts.height, width: opts.width }));
        }
        // Native histograms are drawn as their counts, which have no unit, whatever the query's metric measures.
        const note = wrap(histogramChartNote(), ctx.columns, '  ').map((l) => ctx.style.dim(l));
        const counts = {
          expr: opts.query,
          series: histogramsAsCounts(series).sort((a, b) => compareForDisplay(a.metric, b.metric)),
          legend: opts.legend,
        };
        return lines([
          ...note,
          ...renderChart([counts], { ...ctx, queryUnit: 'none' }, { range: opts.range, height: opts.height, width: opts.width }),
        ]);
      }
      const { lines: out, shown } = renderSamples(series, ctx);
      if (shown < series.length) out.push('', ...limitNote(shown, series.length, 'series', ctx));
      return lines(out);
    }
  }
}

export function explainEmptyLines(opts: RenderOptions, ctx: RenderContext): string[] {
  return explainEmpty(opts.query, opts.knownMetrics, opts.advice).flatMap((l, i) =>
    wrap(l, ctx.columns, '  ').map((w) => (i === 0 ? ctx.style.warn(w) : ctx.style.dim(w))),
  );
}

function plainValue(type: 'scalar' | 'string', raw: string, ctx: RenderContext): string {
  if (type === 'string') return raw;
  const unit = ctx.queryUnit;
  const h = hasHumanColumn(unit) ? humanize(parseSampleValue(raw), unit) : '';
  return h ? `${raw}  ${ctx.style.dim(`(${h})`)}` : raw;
}

/** Beside Prometheus's English annotation, what it means, when the learner reads another language. */
function meaning(annotation: string, style: Style): string[] {
  const hint = currentLang() !== 'en' ? annotationHint(annotation) : undefined;
  return hint ? [style.dim(`  ${t('annotation.meaning', { text: hint })}`)] : [];
}

/** Warnings, infos and (with opts.stats) statistics, for stderr; '' when there are none. */
export function renderNotes(result: QueryResult, opts: Pick<RenderOptions, 'style' | 'stats'>): string {
  const { style } = opts;
  const out: string[] = [];
  for (const w of result.warnings ?? []) {
    out.push(style.warn(t('render.warning', { text: w.replace(/^PromQL warning: /, '') })), ...meaning(w, style));
  }
  for (const i of result.infos ?? []) {
    out.push(style.info(t('render.info', { text: i.replace(/^PromQL info: /, '') })), ...meaning(i, style));
  }
  if (opts.stats && result.stats) {
    const { timings, samples } = result.stats;
    out.push(
      style.dim(
        t('render.stats', {
          ms: formatNumber(timings.evalTotalTime * 1000, 3),
          read: samples.totalQueryableSamples,
          peak: samples.peakSamples,
        }),
      ),
    );
  } else if (opts.stats) {
    out.push(style.dim(t('render.noStats')));
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
