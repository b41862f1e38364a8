// One native histogram's bucket distribution as a horizontal bar chart:
//
//   http_request_duration_seconds{job="api"}  count 1200  sum 180
//     BUCKET          COUNT      %
//     (0.05,0.1]        300   25.0  ██████████▌
//     (0.1,0.25]        600   50.0  █████████████████████
//     (0.25,0.5]          0      0
//     (0.5,1]           300   25.0  ██████████▌
//
// The API lists only non-empty buckets; a gap between two of them (a lower
// bound that is not the previous upper bound) is shown as one empty row, so
// the bars keep their place on the axis. More buckets than rows are merged in
// equal groups (their intervals joined), with a note saying so.

import { histogramNumbers, lowerInclusive, upperInclusive, type BucketRow, type HistogramJSON } from '../model/histogram.js';
import type { Metric } from '../model/result.js';
import { formatNumber } from './format.js';
import { countAndSum } from './histogram.js';
import { fitWidths, renderTable, type Column } from './layout.js';
import type { RenderContext } from './render-context.js';
import { formatSeries, wrap } from './text.js';
import { t } from '../util/messages/index.js';

/** The longest bar: on a wide terminal (or a pipe, which has no width) bars stay readable. */
const MAX_BAR = 50;

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `fraction` (0-1) of `width` cells, in eighths of a cell. */
export function bar(fraction: number, width: number): string {
  if (!(fraction > 0) || width <= 0) return '';
  const eighths = Math.max(1, Math.round(Math.min(1, fraction) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

interface Row {
  interval: string;
  count: number;
  /** A gap the API left out: no observations there. */
  gap: boolean;
}

/** A bound for people: 4 significant digits (0.08839, not 0.08838834764831843); ±Inf as the API writes it. */
function bound(text: string): string {
  const x = Number(text);
  return Number.isFinite(x) ? formatNumber(x, 4) : text;
}

function interval(lowerClosed: boolean, lower: string, upper: string, upperClosed: boolean): string {
  return `${lowerClosed ? '[' : '('}${bound(lower)},${bound(upper)}${upperClosed ? ']' : ')'}`;
}

/**
 * The listed buckets with the gaps between them as empty rows. A gap's ends
 * are the complements of its neighbours' (after [-2,-1) comes [-1,…).
 */
function rowsWithGaps(rows: BucketRow[]): Row[] {
  const { buckets } = histogramNumbers({ count: '0', sum: '0', buckets: rows });
  const out: Row[] = [];
  rows.forEach((r, i) => {
    const prev = i > 0 ? rows[i - 1] : undefined;
    if (prev && buckets[i]!.lower > buckets[i - 1]!.upper) {
      out.push({ interval: interval(!upperInclusive(prev[0]), prev[2], r[1], !lowerInclusive(r[0])), count: 0, gap: true });
    }
    out.push({ interval: interval(lowerInclusive(r[0]), r[1], r[2], upperInclusive(r[0])), count: buckets[i]!.count, gap: false });
  });
  return out;
}

/** `rows` in at most `max` rows: consecutive groups summed, their intervals joined. */
function mergeRows(rows: Row[], max: number): { rows: Row[]; per: number } {
  if (rows.length <= max) return { rows, per: 1 };
  const per = Math.ceil(rows.length / max);
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const group = rows.slice(i, i + per);
    const first = group[0]!.interval;
    const last = group[group.length - 1]!.interval;
    out.push({
      interval: first.slice(0, first.indexOf(',') + 1) + last.slice(last.indexOf(',') + 1),
      count: group.reduce((a, r) => a + r.count, 0),
      gap: group.every((r) => r.gap),
    });
  }
  return { rows: out, per };
}

/** Header line, then the table of buckets with bars; `ctx.limit` caps the rows (buckets merged to fit). */
export function renderHistogramBars(metric: Metric, h: HistogramJSON, ctx: RenderContext): string[] {
  const { style } = ctx;
  const { count, sum } = countAndSum(h);
  const head = wrap(`${formatSeries(metric) || '{}'}  count ${count}  sum ${sum}`, ctx.columns, '    ').map((l) => style.name(l));
  const listed = h.buckets ?? [];
  if (listed.length === 0) return [...head, style.dim('  ' + t('render.histogram.emptyBuckets'))];

  const all = rowsWithGaps(listed);
  const { rows, per } = mergeRows(all, Math.max(4, ctx.limit - 3));
  const total = histogramNumbers(h).count;
  const max = Math.max(...rows.map((r) => r.count));
  const cells = rows.map((r) => [
    r.interval,
    formatNumber(r.count, 5),
    total > 0 && r.count !== 0 ? ((100 * r.count) / total).toFixed(1) : '0',
  ]);
  const cols: Column[] = [
    { header: 'BUCKET', align: 'left', fixed: true },
    { header: 'COUNT', align: 'right', fixed: true, paint: style.value },
    { header: '%', align: 'right', fixed: true, paint: style.dim },
    { header: '', align: 'left', fixed: true, paint: style.value },
  ];
  const widths =
    fitWidths(cols.slice(0, 3), cells, ctx.columns) ??
    cols.slice(0, 3).map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const barWidth = Math.min(MAX_BAR, Math.max(10, ctx.columns - 2 - widths.reduce((a, b) => a + b + 2, 0)));
  const withBars = cells.map((c, i) => [...c, bar(max > 0 ? rows[i]!.count / max : 0, barWidth)]);
  const table = renderTable(cols, withBars, [...widths, barWidth], style).map((l) => '  ' + l);
  const notes: string[] = [];
  if (per > 1) {
    notes.push(
      ...wrap(t('render.histogram.merged', { n: all.length, per, showAll: ctx.advice.showAll }), ctx.columns, '  ').map((l) =>
        style.dim('  ' + l),
      ),
    );
  }
  return [...head, ...table, ...notes];
}
