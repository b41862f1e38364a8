// Instant vectors as a table: one row per series, labels in columns, the
// labels every row shares shown once above, values right-aligned with a
// human-readable column when the unit is known.
//
//   http_requests_total{job="api"}
//   code  method  VALUE
//   200   GET     1234
//   500   GET       12

import type { HistogramJSON } from '../model/histogram.js';
import type { InstantSample, Metric } from '../model/result.js';
import { parseSampleValue } from '../model/result.js';
import { formatNumber, hasHumanColumn, humanize, unitFromName, type Unit } from './format.js';
import { bucketSummary, countAndSum, histogramLine } from './histogram.js';
import { fitWidths, renderTable, type Column } from './layout.js';
import type { RenderContext } from './render-context.js';
import { compareBytes, formatLabels, formatSeries, visibleWidth, wrap } from './text.js';
import { zoneName } from '../util/time.js';

/** Labels whose values are numbers (bucket bounds, quantiles): 0.5 < 1.0 < 2.5 < 10.0 < +Inf, not as text. */
const NUMERIC_LABELS = new Set(['le', 'quantile']);

function numericValue(v: string): number {
  return v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : v.trim() === '' ? NaN : Number(v);
}

/**
 * The order rows and chart series are shown in: Prometheus's labels.Compare
 * (model/labels.ts), except that `le` and `quantile` values compare as
 * numbers, so buckets read 0.005, 0.01, … 10.0, +Inf rather than as text.
 */
export function compareForDisplay(a: Metric, b: Metric): number {
  const ka = Object.keys(a).sort(compareBytes);
  const kb = Object.keys(b).sort(compareBytes);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const name = ka[i]!;
    let c = compareBytes(name, kb[i]!);
    if (c === 0 && NUMERIC_LABELS.has(name)) {
      const [x, y] = [numericValue(a[name]!), numericValue(b[name]!)];
      if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) c = x < y ? -1 : 1;
    }
    if (c === 0) c = compareBytes(a[name]!, b[name]!);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}

/** The labels (including __name__) with the same value in every metric. */
export function commonLabels(metrics: Metric[]): Metric {
  if (metrics.length === 0) return {};
  const common: Metric = { ...metrics[0] };
  for (const m of metrics.slice(1)) {
    for (const k of Object.keys(common)) if (m[k] !== common[k]) delete common[k];
  }
  return common;
}

const UNIT_HEADERS: Record<Unit, string> = {
  none: '',
  seconds: 'DURATION',
  bytes: 'SIZE',
  ratio: 'PERCENT',
  get timestamp() {
    return `TIME (${zoneName()})`;
  },
  'bytes/s': 'RATE',
  'per-second': '',
};

/** Significant digits in tables: enough to compare, few enough to read (JSON/CSV are exact). */
const VALUE_DIGITS = 5;

/** Pads fractions so decimal points line up when the column is right-aligned. */
function alignDecimals(values: string[]): string[] {
  const frac = (v: string) => (/^-?\d+\.\d+$/.test(v) ? v.length - v.indexOf('.') : 0);
  const width = Math.max(0, ...values.map(frac));
  return values.map((v) => v + ' '.repeat(width - frac(v)));
}

export function rowUnit(metric: Metric, queryUnit: Unit): Unit {
  return metric.__name__ !== undefined ? unitFromName(metric.__name__) : queryUnit;
}

/**
 * `all` is the whole result when `samples` is the part that fits: labels are
 * only "common" when every series has them, not just the rows shown.
 */
export function renderVector(samples: InstantSample[], ctx: RenderContext, all: InstantSample[] = samples): string[] {
  const { style, columns: width } = ctx;
  const units = samples.map((s) => rowUnit(s.metric, ctx.queryUnit));
  const unitSet = new Set(units);
  const human = [...unitSet].some(hasHumanColumn);
  const valueHeader = unitSet.size === 1 && units[0] === 'per-second' ? 'VALUE/s' : 'VALUE';
  const humanHeader = unitSet.size === 1 ? UNIT_HEADERS[units[0]!] || 'HUMAN' : 'HUMAN';

  if (all.length === 1) return [singleLine(samples[0]!, units[0]!, ctx)];
  const histograms = samples.some((s) => s.histogram !== undefined);

  const common = commonLabels(all.map((s) => s.metric));
  const varying = [...new Set(samples.flatMap((s) => Object.keys(s.metric)))]
    .filter((k) => !(k in common))
    .sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : compareBytes(a, b)));
  const out: string[] = [];
  if (Object.keys(common).length > 0) out.push(...wrap(formatSeries(common), width, '    ').map((l) => style.dim(l)));

  const cols: Column[] = varying.map((k) => ({ header: k, align: 'left', paint: k === '__name__' ? style.name : undefined }));
  const floats = samples.some((s) => s.value !== undefined);
  if (floats) cols.push({ header: valueHeader, align: 'right', fixed: true, paint: style.value });
  if (floats && human && !histograms) cols.push({ header: humanHeader, align: 'right', fixed: true, paint: style.dim });
  if (histograms) cols.push(...HISTOGRAM_COLUMNS(style));
  const values = alignDecimals(samples.map((s) => (s.value ? formatNumber(parseSampleValue(s.value[1]), VALUE_DIGITS) : '')));
  const rows = samples.map((s, i) => {
    const cells = varying.map((k) => s.metric[k] ?? '');
    if (floats) cells.push(values[i]!);
    if (floats && human && !histograms) cells.push(humanize(parseSampleValue(s.value![1]), units[i]!));
    if (histograms) cells.push(...histogramCells(s.histogram?.[1]));
    return cells;
  });
  let widths = fitWidths(cols, rows, width);
  if (widths) return [...out, ...renderTable(cols, rows, widths, style)];

  // Too many labels to give each a column: one column with the label set, cut to fit.
  const seriesCol: Column = { header: 'SERIES', align: 'left', minWidth: 10 };
  const compact = samples.map((s, i) => [seriesText(s.metric, varying), ...rows[i]!.slice(varying.length)]);
  const compactCols = [seriesCol, ...cols.slice(varying.length)];
  widths = fitWidths(compactCols, compact, width) ?? compactCols.map((c, i) => (i === 0 ? 10 : visibleWidthOf(c, compact, i)));
  return [...out, ...renderTable(compactCols, compact, widths, style)];
}

function visibleWidthOf(c: Column, rows: string[][], i: number): number {
  return Math.max(visibleWidth(c.header), ...rows.map((r) => visibleWidth(r[i] ?? '')));
}

function seriesText(metric: Metric, keys: string[]): string {
  const name = keys.includes('__name__') ? (metric.__name__ ?? '') : '';
  const labels = keys.filter((k) => k !== '__name__' && metric[k] !== undefined);
  return name + formatLabels(metric, labels);
}

/** The value and its human form, `12.5  (12.5 s)`, painted. */
function floatText(pair: [number, string], unit: Unit, ctx: RenderContext): string {
  const v = parseSampleValue(pair[1]);
  const h = humanize(v, unit);
  const plain = formatNumber(v, VALUE_DIGITS) + (unit === 'per-second' ? '/s' : '');
  return ctx.style.value(plain) + (h && hasHumanColumn(unit) ? `  ${ctx.style.dim(`(${h})`)}` : '');
}

/** Native-histogram rows: count, sum and the bucket summary instead of one value. */
const HISTOGRAM_COLUMNS = (style: RenderContext['style']): Column[] => [
  { header: 'COUNT', align: 'right', fixed: true, paint: style.value },
  { header: 'SUM', align: 'right', fixed: true, paint: style.value },
  { header: 'BUCKETS', align: 'left', minWidth: 12 },
];

function histogramCells(h: HistogramJSON | undefined): string[] {
  if (!h) return ['', '', ''];
  const { count, sum } = countAndSum(h, VALUE_DIGITS);
  return [count, sum, bucketSummary(h)];
}

/**
 * One series: `name{labels}  value  (human)` on one line. A label set too long
 * for the line wraps (never cut: the last label is often the one that matters),
 * with the value after its last line when it fits there.
 */
function singleLine(s: InstantSample, unit: Unit, ctx: RenderContext): string {
  const value = s.histogram ? ctx.style.value(histogramLine(s.histogram[1], VALUE_DIGITS)) : floatText(s.value!, unit, ctx);
  const valueWidth = visibleWidth(value) + 2;
  const lines = wrap(formatSeries(s.metric) || '{}', ctx.columns, '    ');
  const last = lines[lines.length - 1]!;
  const painted = lines.map((l) => ctx.style.name(l));
  if (visibleWidth(last) + valueWidth <= ctx.columns) painted[painted.length - 1] += `  ${value}`;
  else painted.push(`    ${value}`);
  return painted.join('\n');
}
