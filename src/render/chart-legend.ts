// What a chart calls each series, and the legend table under it.
//
// Naming follows Grafana's Prometheus panels:
// - Without a legend format, a series is named by the labels in which the
//   series of the chart DIFFER (labels with the same value in every series are
//   printed once, above the chart). The name is PromQL's own series text,
//   `name{route="/cart", status_code="500"}`, so it can be pasted back into a
//   query; a label a series lacks is left out of its name. One series alone
//   keeps its whole label set; a series without labels is named by its
//   expression (as Grafana's "Auto" legend does).
// - With a legend format (`--legend '{{route}} {{status_code}}'`), Grafana's
//   template syntax: each `{{ label }}` is replaced by the series' value of
//   that label, an unknown label by nothing, other text is kept. A format
//   that renders to blanks falls back to the automatic name.
// - With several expressions, each series' name starts with its expression's
//   tag (#1, #2, …) unless that expression has a legend format.
//
// The legend is a table: marker, name, then value columns (min, max, mean,
// last) right-aligned, as many as fit the width (always `last`), and a note
// for a series that ended before the end of the range ("ended 07:12").

import type { Metric } from '../model/result.js';
import type { Style } from '../util/style.js';
import { formatNumber, scaleFor, type Unit } from './format.js';
import { compareBytes, padEnd, padStart, truncate, visibleWidth } from './text.js';
import { t } from '../util/messages/index.js';

/** Grafana's legend format: `{{ name }}`, spaces inside the braces allowed (lazy, so `{{a}} {{b}}` is two). */
const TEMPLATE_RE = /\{\{\s*(.+?)\s*\}\}/g;

/**
 * Grafana's renderLegendFormat for Prometheus: labels' values in, unknown
 * labels empty, other text kept. Control characters in a value are escaped
 * (\n, \u001b) so that a label value cannot move the cursor or colour the terminal.
 */
export function renderLegendFormat(template: string, metric: Metric): string {
  return template.replace(TEMPLATE_RE, (_, name: string) => escapeControls(metric[name] ?? ''));
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

function escapeControls(v: string): string {
  return CONTROL_RE.test(v) ? JSON.stringify(v).slice(1, -1) : v;
}

/**
 * Names of the labels (including `__name__`) whose value is not the same in
 * every metric; a label missing from some metrics differs. Sorted, name first.
 */
export function varyingLabels(metrics: Metric[]): string[] {
  if (metrics.length < 2) return [];
  const names = new Set(metrics.flatMap((m) => Object.keys(m)));
  const varying = [...names].filter((n) => metrics.some((m) => m[n] !== metrics[0]![n]));
  return varying.sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : compareBytes(a, b)));
}

/** `name{a="x", b="y"}` of the given label names the metric has; '' when it has none of them. */
export function seriesText(metric: Metric, names: string[]): string {
  const name = names.includes('__name__') ? (metric.__name__ ?? '') : '';
  const labels = names.filter((n) => n !== '__name__' && metric[n] !== undefined);
  const braces = labels.length > 0 ? '{' + labels.map((n) => `${n}=${JSON.stringify(metric[n])}`).join(', ') + '}' : '';
  return name + braces;
}

/** A series of a chart (or of a --when table) as the legend needs it. */
export interface LegendSeries {
  metric: Metric;
  /** Index of its expression. */
  query: number;
}

export interface NamingContext {
  /** Every series of the result (not only those shown): what differs is decided over all. */
  all: Metric[];
  /** Each expression's text and legend format, by index. */
  queries: Array<{ expr?: string; legend?: string }>;
}

/** Tag of expression i when a result has several: #1, #2, … */
export function queryTag(i: number): string {
  return `#${i + 1}`;
}

/** Builds the namer for a result: the varying labels are computed once. */
export function seriesNamer(naming: NamingContext): (s: LegendSeries) => string {
  const varying = varyingLabels(naming.all);
  const several = naming.queries.length > 1;
  return (s) => {
    const q = naming.queries[s.query] ?? {};
    const templated = q.legend ? renderLegendFormat(q.legend, s.metric) : '';
    if (templated.trim() !== '') return templated;
    const tag = several ? queryTag(s.query) : '';
    if (naming.all.length === 1) {
      const whole = seriesText(s.metric, ['__name__', ...Object.keys(s.metric).sort(compareBytes)]);
      return joinWords(tag, whole || (several ? '' : (q.expr ?? '{}')));
    }
    const text = seriesText(s.metric, varying);
    return joinWords(tag, text || (several ? '' : '{}'));
  };
}

function joinWords(a: string, b: string): string {
  return a && b ? `${a} ${b}` : a || b;
}

/** One legend row: what marks the series, its name, its statistics. */
export interface LegendRow {
  marker: string;
  name: string;
  unit: Unit;
  stats: SeriesStats;
  /** "ended 07:12" (in the learner's language), or ''. */
  note: string;
}

export interface SeriesStats {
  min: number;
  max: number;
  mean: number;
  last: number;
}

/** min/max/mean/last of the finite points (NaN when there are none). */
export function seriesStats(points: Float64Array): SeriesStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  let last = NaN;
  for (let i = 0; i < points.length; i++) {
    const v = points[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    count++;
    last = v;
  }
  return count === 0 ? { min: NaN, max: NaN, mean: NaN, last: NaN } : { min, max, mean: sum / count, last };
}

type StatName = keyof SeriesStats;
/** Value columns from most to least wanted when the width is short: `last` always stays. */
const STAT_SETS: StatName[][] = [['min', 'max', 'mean', 'last'], ['max', 'mean', 'last'], ['max', 'last'], ['last']];
const GAP = 2;

/** A value column's header in the learner's language (Korean takes two columns a syllable). */
function statHeader(stat: StatName): string {
  switch (stat) {
    case 'min':
      return t('render.legend.min');
    case 'max':
      return t('render.legend.max');
    case 'mean':
      return t('render.legend.mean');
    case 'last':
      return t('render.legend.last');
  }
}

/** A legend value: 3 significant digits in the series' unit. */
export function legendValue(v: number, unit: Unit): string {
  if (Number.isNaN(v)) return '';
  if (unit === 'none' || unit === 'timestamp') return formatNumber(v, 4);
  const s = scaleFor(unit, v);
  return formatNumber(v / s.factor, 3) + s.suffix;
}

/**
 * The legend as a table fitted to `columns`: the most value columns that fit
 * without cutting a name, else only `last` with names cut with an ellipsis.
 */
export function legendTable(rows: LegendRow[], columns: number, style: Style): string[] {
  if (rows.length === 0) return [];
  const markerWidth = Math.max(...rows.map((r) => visibleWidth(r.marker)));
  const lead = markerWidth > 0 ? markerWidth + 1 : 0;
  const nameWidth = Math.max(...rows.map((r) => visibleWidth(r.name)));
  const noteWidth = Math.max(...rows.map((r) => visibleWidth(r.note)));
  const cells = (stat: StatName) => rows.map((r) => legendValue(r.stats[stat], r.unit));
  const widthOf = (stat: StatName) => Math.max(visibleWidth(statHeader(stat)), ...cells(stat).map((c) => c.length));
  const valuesWidth = (set: StatName[]) => set.reduce((w, s) => w + GAP + widthOf(s), 0) + (noteWidth > 0 ? GAP + noteWidth : 0);
  const stats = STAT_SETS.find((set) => lead + nameWidth + valuesWidth(set) <= columns) ?? ['last'];
  const room = nameWidth === 0 ? 0 : Math.max(8, Math.min(nameWidth, columns - lead - valuesWidth(stats)));
  const widths = stats.map(widthOf);
  const values = stats.map(cells);
  const header = ' '.repeat(lead + room) + stats.map((s, i) => ' '.repeat(GAP) + padStart(statHeader(s), widths[i]!)).join('');
  const body = rows.map((r, row) => {
    const marker = lead > 0 ? padEnd(r.marker, markerWidth) + ' ' : '';
    const cols = stats.map((_, i) => ' '.repeat(GAP) + padStart(values[i]![row]!, widths[i]!)).join('');
    const note = r.note ? ' '.repeat(GAP) + style.warn(r.note) : '';
    return (marker + padEnd(truncate(r.name, room), room) + cols + note).replace(/\s+$/, '');
  });
  // Values alone (the series is named above the chart): no indent.
  const cut = (l: string) => (lead + room === 0 ? l.slice(GAP) : l);
  return [style.dim(cut(header).replace(/\s+$/, '')), ...body.map(cut)];
}
