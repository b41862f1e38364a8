// `promlearn range --when 'expr > 0.01'`: when was this true? For each series
// of a range result, the intervals of consecutive steps at which the
// expression returned a sample (a filter such as `> 0.01` returns nothing at
// the steps where it is false).
//
// An interval runs from the first step with a sample to the first step
// without one, so a single step lasts one step and the resolution is the
// step. An interval still running at the range's last step ends at the end of
// the range and is marked open (`openEnd`), as one that already ran at the
// first step is (`openStart`): it may have begun earlier or go on later.
//
// Output: a table (series, start, end, duration, max value, a note for open
// intervals); JSON `{"expr", "start", "end", "step", "series": [{"metric",
// "intervals": [{"start", "end", "duration", "max", "openStart", "openEnd"}]}]}`
// (times in unix seconds, `max` a string as the API writes values), an array
// of such objects for several expressions; CSV one row per interval.

import type { RangeSeries, SamplePair } from '../model/result.js';
import { formatSampleValue, parseSampleValue } from '../model/result.js';
import type { ChartRange } from './chart.js';
import { pointTime } from './chart.js';
import { queryTag, legendValue, seriesNamer } from './chart-legend.js';
import { labelColumns, csvLine, rangeSeries, type ExprResult } from './chart-results.js';
import { fitWidths, naturalWidths, renderTable, type Column } from './layout.js';
import type { RenderOptions } from './index.js';
import { contextFor } from './index.js';
import { inferQueryUnit } from './query-text.js';
import { compareForDisplay, commonLabels, rowUnit } from './vector.js';
import { formatSeries, wrap } from './text.js';
import { formatTime, humanDuration, zoneName } from '../util/time.js';
import { t } from '../util/messages/index.js';

export interface WhenInterval {
  /** Unix seconds: the first step with a sample. */
  start: number;
  /** Unix seconds: the first step without one, or the range's end when openEnd. */
  end: number;
  /** Largest value in the interval (NaN when all its values are NaN). */
  max: number;
  /** A sample at the range's first step: it may have begun before the range. */
  openStart: boolean;
  /** A sample at the range's last step: it may go on after the range. */
  openEnd: boolean;
}

/** The grid steps of a range, first to last. */
function stepCount(range: ChartRange): number {
  return Math.max(1, Math.floor((range.end - range.start) / range.step + 1e-9) + 1);
}

/** The intervals of consecutive steps at which the series has a sample. */
export function findIntervals(values: SamplePair[], range: ChartRange): WhenInterval[] {
  const n = stepCount(range);
  const present = new Uint8Array(n);
  const value = new Float64Array(n).fill(NaN);
  for (const [t, v] of values) {
    const i = Math.round((t - range.start) / range.step);
    if (i < 0 || i >= n) continue;
    present[i] = 1;
    value[i] = parseSampleValue(v);
  }
  const out: WhenInterval[] = [];
  const at = (i: number) => range.start + i * range.step;
  for (let i = 0; i < n; i++) {
    if (!present[i]) continue;
    let max = NaN;
    const from = i;
    for (; i < n && present[i]; i++) {
      const v = value[i]!;
      if (Number.isNaN(max) || v > max) max = v; // NaN values never replace a number
    }
    const openEnd = i === n;
    out.push({ start: at(from), end: openEnd ? at(n - 1) : at(i), max, openStart: from === 0, openEnd });
  }
  return out;
}

interface SeriesIntervals {
  series: RangeSeries;
  query: number;
  intervals: WhenInterval[];
}

function collect(results: ExprResult[], range: ChartRange): SeriesIntervals[] {
  return results.flatMap((r, query) =>
    [...rangeSeries(r.result)]
      .sort((a, b) => compareForDisplay(a.metric, b.metric))
      .map((series) => ({ series, query, intervals: findIntervals(series.values, range) }))
      .filter((s) => s.intervals.length > 0),
  );
}

export function renderWhen(results: ExprResult[], opts: RenderOptions & { range: ChartRange }): string {
  const { range } = opts;
  if (opts.format === 'json') {
    const objects = results.map((r) => JSON.stringify(whenObject(r, range)));
    return (results.length === 1 ? objects[0]! : '[' + objects.join(',') + ']') + '\n';
  }
  if (opts.format === 'csv') return whenCsv(results, range);
  const lines = whenTable(results, opts);
  return lines.join('\n') + '\n';
}

function whenObject(r: ExprResult, range: ChartRange) {
  return {
    expr: r.expr,
    start: range.start,
    end: range.end,
    step: range.step,
    series: [...rangeSeries(r.result)]
      .sort((a, b) => compareForDisplay(a.metric, b.metric))
      .map((s) => ({
        metric: s.metric,
        intervals: findIntervals(s.values, range).map((i) => ({
          start: i.start,
          end: i.end,
          duration: i.end - i.start,
          max: formatSampleValue(i.max),
          openStart: i.openStart,
          openEnd: i.openEnd,
        })),
      }))
      .filter((s) => s.intervals.length > 0),
  };
}

function whenCsv(results: ExprResult[], range: ChartRange): string {
  const found = collect(results, range);
  const several = results.length > 1;
  const names = labelColumns(found.map((f) => f.series.metric));
  const ours = ['expr', 'start', 'end', 'duration_seconds', 'max', 'open_start', 'open_end'];
  const header = names.map((n) => (ours.includes(n) ? `label_${n}` : n));
  let out = csvLine([...(several ? ['expr'] : []), ...header, ...ours.slice(1)]);
  for (const f of found) {
    const labels = names.map((n) => f.series.metric[n] ?? '');
    for (const i of f.intervals) {
      const fields = [
        String(i.start),
        String(i.end),
        String(i.end - i.start),
        formatSampleValue(i.max),
        String(i.openStart),
        String(i.openEnd),
      ];
      out += csvLine([...(several ? [results[f.query]!.expr] : []), ...labels, ...fields]);
    }
  }
  return out;
}

function whenTable(results: ExprResult[], opts: RenderOptions & { range: ChartRange }): string[] {
  const ctx = contextFor(opts);
  const { style } = ctx;
  const { range } = opts;
  const found = collect(results, range);
  const period = periodText(range);
  if (found.length === 0) {
    const text =
      results.length === 1 ? t('render.when.noData', { expr: results[0]!.expr, period }) : t('render.when.noDataAny', { period });
    return wrap(text, ctx.columns, '  ').map((l) => style.warn(l));
  }

  const out: string[] = [];
  if (results.length > 1) {
    results.forEach((r, i) => out.push(...wrap(`${queryTag(i)}  ${r.expr}`, ctx.columns, '    ').map((l) => style.dim(l))));
  }
  const count = found.reduce((a, f) => a + f.intervals.length, 0);
  const counts = { count, series: found.length, period };
  const summary = count === 1 ? t('render.when.summaryOne', counts) : t('render.when.summaryMany', counts);
  out.push(...wrap(summary, ctx.columns, '  ').map((l) => style.dim(l)));
  const metrics = found.map((f) => f.series.metric);
  const common = metrics.length > 1 ? commonLabels(metrics) : {};
  if (Object.keys(common).length > 0) out.push(...wrap(formatSeries(common), ctx.columns, '    ').map((l) => style.dim(l)));

  const name = seriesNamer({ all: metrics, queries: results });
  const units = results.map((r) => inferQueryUnit(r.expr));
  const cols: Column[] = [
    { header: 'SERIES', align: 'left', minWidth: 12, paint: style.name },
    { header: 'START', align: 'left', fixed: true },
    { header: 'END', align: 'left', fixed: true },
    { header: 'DURATION', align: 'right', fixed: true },
    { header: 'MAX', align: 'right', fixed: true },
    { header: '', align: 'left', minWidth: 8, paint: style.dim },
  ];
  const rows = found.flatMap((f) => {
    const unit = rowUnit(f.series.metric, units[f.query]!);
    return f.intervals.map((i) => [
      name({ metric: f.series.metric, query: f.query }),
      pointTime(i.start, range),
      pointTime(i.end, range),
      humanDuration((i.end - i.start) * 1000) + (i.openStart || i.openEnd ? '+' : ''),
      Number.isNaN(i.max) ? 'NaN' : legendValue(i.max, unit),
      openNote(i),
    ]);
  });
  // The note gives way before the series' name does; then both; else nothing is cut (a pipe is wide).
  const seriesFixed = cols.map((c, i) => (i === 0 ? { ...c, fixed: true } : c));
  const widths = fitWidths(seriesFixed, rows, ctx.columns) ?? fitWidths(cols, rows, ctx.columns) ?? naturalWidths(cols, rows);
  out.push(...renderTable(cols, rows, widths, style));
  return out;
}

/** 2026-01-15 06:00 and 12:00 UTC (step 1m; the display zone's name); the end's date too when it differs. */
function periodText(range: ChartRange): string {
  const [from, to] = [formatTime(range.start), formatTime(range.end)];
  const end = from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to;
  return t('render.when.period', { from, to: end, zone: zoneName(), step: humanDuration(range.step * 1000) });
}

function openNote(i: WhenInterval): string {
  if (i.openStart && i.openEnd) return t('render.when.wholeRange');
  if (i.openStart) return t('render.when.fromStart');
  if (i.openEnd) return t('render.when.stillAtEnd');
  return '';
}
