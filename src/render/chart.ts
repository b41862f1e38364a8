// Range results as a line chart in the terminal. asciichart draws the lines
// (─ ╭ ╮ ╰ ╯ │); around it we add what asciichart 1.5 lacks: gaps (it cannot
// take NaN, so each unbroken run of points is plotted on its own and placed
// at its column), a time axis, round y ticks with units, and resampling to
// the screen width (it plots one column per point).
//
// Points are resampled to the plot width (each column averages the steps it
// covers; a column with no sample stays empty: gaps are gaps, not zeros).
// Several series get distinct colours, or letters A, B, C... without colour.

import * as asciichart from 'asciichart';
import type { RangeSeries } from '../model/result.js';
import { parseSampleValue } from '../model/result.js';
import { yAxis, timeTicks, type YAxis } from './axes.js';
import type { RenderContext } from './render-context.js';
import { formatNumber, type Unit } from './format.js';
import { formatDate, formatMinute, humanDuration, zonedIso, zoneName } from '../util/time.js';
import { commonLabels, rowUnit } from './vector.js';
import { formatSeries, padStart, truncate, visibleWidth, wrap } from './text.js';
import { inferQueryUnit } from './query-text.js';
import { t } from '../util/messages/index.js';
import { legendTable, queryTag, seriesNamer, seriesStats, type LegendRow } from './chart-legend.js';

export interface ChartRange {
  start: number;
  end: number;
  step: number;
}

interface ChartOptions {
  range?: ChartRange;
  height?: number;
  width?: number;
}

/** Series chosen when there are more than the limit: the highest last values. */
const DEFAULT_SERIES = 8;
const MAX_HEIGHT = 25;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

interface Plotted {
  metric: RangeSeries['metric'];
  points: Float64Array; // one per step, NaN = no sample
  last: number;
  /** Index of the last step with a sample, -1 when none. */
  lastIndex: number;
  /** Index of its expression. */
  query: number;
  unit: Unit;
}

/** The start/end/step grid a result sits on, when the caller did not say. */
function inferRange(series: RangeSeries[]): ChartRange {
  const ts = [...new Set(series.flatMap((s) => s.values.map((v) => v[0])))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < ts.length; i++) step = Math.min(step, ts[i]! - ts[i - 1]!);
  return { start: ts[0] ?? 0, end: ts[ts.length - 1] ?? 0, step: Number.isFinite(step) ? step : 1 };
}

function toPoints(s: RangeSeries, r: ChartRange, n: number, query: number, unit: Unit): Plotted {
  const points = new Float64Array(n).fill(NaN);
  let lastIndex = -1;
  for (const [t, v] of s.values) {
    const i = Math.round((t - r.start) / r.step);
    if (i < 0 || i >= n) continue;
    points[i] = parseSampleValue(v);
    lastIndex = Math.max(lastIndex, i);
  }
  let last = NaN;
  for (let i = n - 1; i >= 0 && Number.isNaN(last); i--) if (Number.isFinite(points[i]!)) last = points[i]!;
  return { metric: s.metric, points, last, lastIndex, query, unit };
}

/** Column values: each column the mean of the finite points it covers, NaN when none. */
export function resample(points: Float64Array, width: number): Float64Array {
  const n = points.length;
  const out = new Float64Array(width).fill(NaN);
  for (let c = 0; c < width; c++) {
    const from = Math.floor((c * n) / width);
    const to = Math.max(from + 1, Math.floor(((c + 1) * n) / width));
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      if (Number.isFinite(points[i]!)) {
        sum += points[i]!;
        count++;
      }
    }
    if (count > 0) out[c] = sum / count;
  }
  return out;
}

/** One expression's series, for a chart of one or several expressions. */
export interface ChartQuery {
  /** The expression: its unit, and the key above the legend when there are several. */
  expr?: string;
  series: RangeSeries[];
  /** Grafana's legend format, e.g. '{{route}} {{status_code}}' (./chart-legend.ts). */
  legend?: string;
}

/**
 * The chart of one or several expressions over the same grid. Series are
 * chosen per expression in turns (each expression's highest last values
 * first), so a small expression is not crowded out by a big one.
 */
export function renderChart(queries: ChartQuery[], ctx: RenderContext, opts: ChartOptions): string[] {
  const { style } = ctx;
  const all = queries.flatMap((q) => q.series);
  const range = opts.range ?? inferRange(all);
  const n = Math.max(1, Math.floor((range.end - range.start) / range.step + 1e-9) + 1);
  const limit = ctx.fitted ? DEFAULT_SERIES : ctx.limit;
  const units = queries.map((q) => (queries.length === 1 ? ctx.queryUnit : inferQueryUnit(q.expr)));
  const perQuery = queries.map((q, i) => q.series.map((s) => toPoints(s, range, n, i, rowUnit(s.metric, units[i]!))).sort(rankOrder));
  const shown = takeInTurns(perQuery, limit);
  const total = all.length;
  const shownUnits = new Set(shown.map((p) => p.unit));
  const unit: Unit = shownUnits.size === 1 ? [...shownUnits][0]! : 'none';
  const letters = !style.color && shown.length > 1;

  // Common to every series, not just those shown: the header must not claim job="api" for a cut result.
  // One series: its whole name above the chart (wrapped, never cut; none without labels), the legend only its values.
  const alone = total === 1 && queries.length === 1;
  const common = total > 1 ? commonLabels(all.map((s) => s.metric)) : alone ? all[0]!.metric : {};
  const header = Object.keys(common).length > 0 ? wrap(formatSeries(common), ctx.columns, '    ').map((l) => style.dim(l)) : [];
  const key = queries.length > 1 ? queryKey(queries, ctx) : [];
  const legend = legendLines(shown, queries, all, range, letters, ctx, alone);
  const note = total > shown.length ? leftOutNote(shown.length, total, ctx) : [];
  const overhead = header.length + key.length + legend.length + note.length + 3 + 1; // x axis, labels, caption, prompt
  const height = Math.max(3, opts.height ?? Math.min(MAX_HEIGHT, ctx.rows - overhead));

  // The y axis depends only on the height; the plot width on the labels' width.
  const plotWidthFor = (labelWidth: number) => Math.max(10, (opts.width ?? ctx.columns) - labelWidth - 2 - 1);
  let cols = fitColumns(n, plotWidthFor(8));
  let resampled = shown.map((p) => resample(p.points, cols));
  const bounds = finiteBounds(resampled);
  if (!bounds) return [...header, ...key, style.dim(t('render.chart.noPoints')), ...note];
  const axis = yAxis(bounds.min, bounds.max, height, unit);
  let labelWidth = 0;
  for (let r = 0; r < axis.rows; r++) labelWidth = Math.max(labelWidth, visibleWidth(axis.label(r)));
  if (fitColumns(n, plotWidthFor(labelWidth)) !== cols) {
    cols = fitColumns(n, plotWidthFor(labelWidth));
    resampled = shown.map((p) => resample(p.points, cols));
  }

  const grid = drawGrid(resampled, axis, cols, letters, ctx);
  const body = grid.map((row, r) => {
    const label = axis.label(axis.rows - 1 - r);
    const labelled = label !== '';
    return style.dim(padStart(label, labelWidth) + ' ' + (labelled ? '┤' : '│')) + row;
  });
  const xAxis = timeAxis(range, n, cols, labelWidth, ctx);
  return [...header, ...body, ...xAxis, caption(range, n, cols, ctx), ...key, ...legend, ...note];
}

/** Up to `limit` series, one from each expression in turn, in the order of the expressions. */
function takeInTurns(perQuery: Plotted[][], limit: number): Plotted[] {
  const taken = perQuery.map(() => 0);
  let left = Math.min(
    limit,
    perQuery.reduce((a, q) => a + q.length, 0),
  );
  while (left > 0) {
    for (let q = 0; q < perQuery.length && left > 0; q++) {
      if (taken[q]! < perQuery[q]!.length) {
        taken[q]!++;
        left--;
      }
    }
  }
  return perQuery.flatMap((q, i) => q.slice(0, taken[i]));
}

/** Which expression each tag stands for, above the legend. */
function queryKey(queries: ChartQuery[], ctx: RenderContext): string[] {
  return queries.flatMap((q, i) => {
    const text = `${queryTag(i)}  ${q.expr ?? ''}${q.series.length === 0 ? '  (no series)' : ''}`;
    return wrap(text, ctx.columns, '    ').map((l) => ctx.style.dim(l));
  });
}

/**
 * Smallest and largest finite value of all columns, or undefined when there is
 * none. A loop, not Math.min(...values): a wide chart of many series has more
 * values than a call may take arguments.
 */
function finiteBounds(columns: Float64Array[]): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const col of columns) {
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : undefined;
}

/** Higher last value first; series with no value last. */
function rankOrder(p: Plotted, q: Plotted): number {
  const [a, b] = [p.last, q.last];
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return b - a;
}

/**
 * Columns to plot n points in at most `max` columns, so that every column
 * covers the same number of steps, or every step the same number of columns.
 */
export function fitColumns(n: number, max: number): number {
  if (n <= max) return n * Math.floor(max / n);
  const uniform = Math.ceil(n / Math.ceil(n / max));
  // Uneven columns (1 or 2 steps each) beat a chart a third narrower than the screen.
  return uniform >= 0.75 * max ? uniform : max;
}

type Cell = { ch: string; series: number } | undefined;

/** [from, to) column runs of finite values. */
function runsOf(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = -1;
  for (let c = 0; c <= rows.length; c++) {
    const ok = c < rows.length && !Number.isNaN(rows[c]!);
    if (ok && from < 0) from = c;
    if (!ok && from >= 0) {
      runs.push([from, c]);
      from = -1;
    }
  }
  return runs;
}

/**
 * One unbroken run of row indexes drawn by asciichart, as text rows (top
 * first) of exactly `rows.length` columns. The values are already rows
 * (0..h-1), so asciichart's scale is the identity; the last point is repeated
 * so that its column gets a glyph too; asciichart's axis column is cut off.
 */
function plotRun(rows: number[], h: number): string[] {
  const drawn = asciichart.plot([...rows, rows[rows.length - 1]!], { min: 0, max: h - 1, height: h - 1, offset: 1, format: () => ' ' });
  return drawn.split('\n').map((line) => line.slice(1, 1 + rows.length));
}

function drawGrid(values: Float64Array[], axis: YAxis, cols: number, letters: boolean, ctx: RenderContext): string[] {
  const h = axis.rows;
  const grid: Cell[][] = Array.from({ length: h }, () => new Array<Cell>(cols).fill(undefined));
  const rowOf = (v: number) => (Number.isFinite(v) ? Math.min(h - 1, Math.max(0, Math.round((v - axis.lo) / axis.step))) : NaN);
  // Draw the lowest-ranked series first so the top series stays on top.
  for (let s = values.length - 1; s >= 0; s--) {
    const rows = Array.from(values[s]!, rowOf);
    for (const [from, to] of runsOf(rows)) {
      if (letters) {
        for (let c = from; c < to; c++) grid[h - 1 - rows[c]!]![c] = { ch: LETTERS[s % LETTERS.length]!, series: s };
        continue;
      }
      plotRun(rows.slice(from, to), h).forEach((line, r) => {
        for (let i = 0; i < line.length; i++) if (line[i] !== ' ') grid[r]![from + i] = { ch: line[i]!, series: s };
      });
    }
  }
  return grid.map((row) => paintRow(row, ctx).replace(/\s+$/, ''));
}

/** A grid row as text, one colour code per run of the same series (not per cell). */
function paintRow(row: Cell[], ctx: RenderContext): string {
  let out = '';
  let run = '';
  let runSeries = -1;
  const flush = () => {
    out += runSeries >= 0 && ctx.style.color ? ctx.style.series(runSeries, run) : run;
    run = '';
  };
  for (const cell of row) {
    const series = cell ? cell.series : -1;
    if (series !== runSeries) {
      flush();
      runSeries = series;
    }
    run += cell ? cell.ch : ' ';
  }
  flush();
  return out;
}

/**
 * The x axis: ticks at round times, and the end of the range always labelled
 * at the last column (right-aligned, so it never runs past the plot); round
 * ticks whose labels would touch another label are left unlabelled.
 */
function timeAxis(range: ChartRange, n: number, cols: number, labelWidth: number, ctx: RenderContext): string[] {
  const pad = ' '.repeat(labelWidth + 1);
  const axis = new Array<string>(cols).fill('─');
  const labels = new Array<string>(cols + 1).fill(' ');
  const end = range.start + (n - 1) * range.step;
  const ticks = timeTicks(range.start, end, cols);
  // The column holding the step at time t (see resample).
  const colOf = (t: number) => {
    const i = Math.round((t - range.start) / range.step);
    return n > cols ? Math.floor(((i + 1) * cols - 1) / n) : Math.floor((i * cols) / n);
  };
  const endLabel = endTickLabel(end, ticks[0]?.interval ?? range.step, formatDate(range.start) !== formatDate(end));
  const endAt = Math.max(0, cols + 1 - endLabel.length);
  let free = 0; // first column a label may start in
  for (const tick of ticks) {
    const c = colOf(tick.t);
    if (c < 0 || c >= cols - 1 || tick.t >= end) continue;
    axis[c] = '┬';
    const at = Math.max(0, c - Math.floor(tick.label.length / 2));
    if (at < free || at + tick.label.length + 2 > endAt) continue;
    for (let i = 0; i < tick.label.length; i++) labels[at + i] = tick.label[i]!;
    free = at + tick.label.length + 2;
  }
  axis[cols - 1] = '┬';
  for (let i = 0; i < endLabel.length && endAt + i <= cols; i++) labels[endAt + i] = endLabel[i]!;
  return [ctx.style.dim(pad + '└' + axis.join('')), ctx.style.dim((pad + ' ' + labels.join('')).replace(/\s+$/, ''))];
}

/** The end time in the round ticks' format, with seconds when it is not on a round minute. */
function endTickLabel(t: number, interval: number, multiDay: boolean): string {
  const iso = zonedIso(t);
  if (interval < 60 || iso.slice(17, 19) !== '00') return iso.slice(11, 19);
  if (interval >= 86400 && iso.slice(11, 16) === '00:00') return iso.slice(5, 10);
  return multiDay && iso.slice(11, 16) === '00:00' ? iso.slice(5, 10) : iso.slice(11, 16);
}

function caption(range: ChartRange, n: number, cols: number, ctx: RenderContext): string {
  const end = range.start + (n - 1) * range.step;
  const endText =
    formatMinute(end).slice(0, 10) === formatMinute(range.start).slice(0, 10) ? formatMinute(end).slice(11) : formatMinute(end);
  const perColumn = n > cols ? t('render.chart.perColumn', { n: formatNumber(n / cols, 2) }) : '';
  const text = t('render.chart.caption', {
    start: formatMinute(range.start),
    end: endText,
    zone: zoneName(),
    step: humanDuration(range.step * 1000),
    perColumn,
  });
  return ctx.style.dim(truncate(text, ctx.columns));
}

function legendLines(
  shown: Plotted[],
  queries: ChartQuery[],
  all: RangeSeries[],
  range: ChartRange,
  letters: boolean,
  ctx: RenderContext,
  nameInHeader: boolean,
): string[] {
  const { style } = ctx;
  const namer = seriesNamer({ all: all.map((s) => s.metric), queries });
  const name = (p: Plotted) => (nameInHeader && !queries[0]!.legend ? '' : namer(p));
  const n = shown[0]?.points.length ?? 0;
  const rows: LegendRow[] = shown.map((p, i) => ({
    marker: letters ? LETTERS[i % LETTERS.length]! : shown.length > 1 ? style.series(i, '━━') : '',
    name: name(p),
    unit: p.unit,
    stats: seriesStats(p.points),
    note:
      p.lastIndex >= 0 && p.lastIndex < n - 1
        ? t('render.chart.ended', { time: pointTime(range.start + p.lastIndex * range.step, range) })
        : '',
  }));
  return legendTable(rows, ctx.columns, style);
}

/** A time inside the range, as short as it allows: 07:12, 07:12:30 (seconds when not 0), 01-14 07:12 over several days. */
export function pointTime(t: number, range: ChartRange): string {
  const iso = zonedIso(t);
  const clock = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  return formatDate(range.start) === formatDate(range.end) ? clock : `${iso.slice(5, 10)} ${clock}`;
}

function leftOutNote(shown: number, total: number, ctx: RenderContext): string[] {
  const text = t('render.chart.leftOut', { more: total - shown, shown, total, showAll: ctx.advice.showAll });
  return wrap(text, ctx.columns, '  ').map((l) => ctx.style.dim(l));
}
