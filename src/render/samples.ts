// A range vector from an instant query (`x[5m]`): each series with its raw
// samples, their timestamps and the change from one sample to the next —
// exactly what rate(), increase() and friends work on.
//
//   http_requests_total{code="200", job="api"}  4 samples, 2026-01-15 10:59:00 → 11:00:00Z
//     TIMESTAMP   TIME      VALUE  CHANGE
//     1768474740  10:59:00   1200
//     1768474755  10:59:15   1230     +30

import { histogramNumbers, type HistogramJSON } from '../model/histogram.js';
import type { RangeSeries } from '../model/result.js';
import { bucketSummary, countAndSum } from './histogram.js';
import { parseSampleValue } from '../model/result.js';
import { formatNumber } from './format.js';
import { formatDate, humanDuration, zonedIso, zoneName } from '../util/time.js';
import { fitWidths, naturalWidths, renderTable, type Column } from './layout.js';
import type { RenderContext } from './render-context.js';
import { formatSeries, wrap } from './text.js';
import { t } from '../util/messages/index.js';

const COUNTER_RE = /_(total|count|sum|bucket)$/;

/** HH:MM:SS (with .mmm when the timestamp has milliseconds) in the display zone, named in the column header. */
export function clock(t: number): string {
  return zonedIso(Math.round(t * 1000) / 1000)
    .slice(11)
    .replace(/\.000$/, '');
}

export function renderSamples(series: RangeSeries[], ctx: RenderContext): { lines: string[]; shown: number } {
  const lines: string[] = [];
  let shown = 0;
  for (const s of series) {
    const block = seriesBlock(s, ctx);
    // Always show the first series; stop before a block that would overflow.
    if (shown > 0 && lines.length + 1 + block.length > ctx.limit) break;
    if (shown > 0) lines.push('');
    lines.push(...block);
    shown++;
  }
  return { lines, shown };
}

/** One row per sample, float or native histogram, in time order. */
interface SampleRow {
  t: number;
  value?: number;
  histogram?: HistogramJSON;
}

function sampleRows(s: RangeSeries): SampleRow[] {
  const rows: SampleRow[] = s.values.map(([t, v]) => ({ t, value: parseSampleValue(v) }));
  for (const [t, histogram] of s.histograms ?? []) rows.push({ t, histogram });
  return s.histograms?.length ? rows.sort((a, b) => a.t - b.t) : rows;
}

function seriesBlock(s: RangeSeries, ctx: RenderContext): string[] {
  const { style } = ctx;
  const points = sampleRows(s);
  const n = points.length;
  const spanS = n > 1 ? points[n - 1]!.t - points[0]!.t : 0;
  // Scrape jitter makes spans like 45.004s: whole seconds read better.
  const span = n > 1 ? ` over ${humanDuration(spanS >= 10 ? Math.round(spanS) * 1000 : spanS * 1000)}` : '';
  const date = n > 0 ? ` (${formatDate(points[0]!.t)})` : '';
  const head = [
    ...wrap(formatSeries(s.metric) || '{}', ctx.columns, '    ').map((l) => style.name(l)),
    style.dim(`  ${n} sample${n === 1 ? '' : 's'}${span}${date}`),
  ];

  const counter = COUNTER_RE.test(s.metric.__name__ ?? '') || points.some((p) => p.histogram);
  // Millisecond timestamps all with three decimals (1768478361.440), so they line up.
  const millis = points.some(({ t }) => !Number.isInteger(t));
  const histograms = points.some((p) => p.histogram);
  // A histogram's change is its count's: a drop is a counter reset, as for a classic histogram's _count.
  const level = (p: SampleRow) => (p.histogram ? histogramNumbers(p.histogram).count : p.value!);
  const rows = points.map((p, i) => {
    const change = i === 0 ? '' : changeText(level(p) - level(points[i - 1]!), counter);
    const time = [millis ? p.t.toFixed(3) : String(p.t), clock(p.t)];
    if (!histograms) return [...time, formatNumber(p.value!), change];
    const h = p.histogram;
    return h
      ? [...time, '', ...Object.values(countAndSum(h, 6)), change, bucketSummary(h)]
      : [...time, formatNumber(p.value!), '', '', change, ''];
  });
  const cols: Column[] = [
    { header: 'TIMESTAMP', align: 'left', fixed: true, paint: style.dim },
    { header: `TIME (${zoneName()})`, align: 'left', fixed: true },
    { header: 'VALUE', align: 'right', fixed: true, paint: style.value },
    ...(histograms ? HISTOGRAM_COLUMNS(style) : []),
    { header: 'CHANGE', align: 'right', fixed: true, paint: style.dim },
    ...(histograms ? [{ header: 'BUCKETS', align: 'left', minWidth: 12 } as Column] : []),
  ];
  if (histograms && !points.some((p) => p.value !== undefined)) {
    // Only histograms: no VALUE column.
    cols.splice(2, 1);
    for (const r of rows) r.splice(2, 1);
  }
  return [...head, ...cutTable(cols, rows, ctx)];
}

const HISTOGRAM_COLUMNS = (style: RenderContext['style']): Column[] => [
  { header: 'COUNT', align: 'right', fixed: true, paint: style.value },
  { header: 'SUM', align: 'right', fixed: true, paint: style.value },
];

/** Long series: the first and last samples, with the count of those between. */
function cutTable(cols: Column[], rows: string[][], ctx: RenderContext): string[] {
  const { style } = ctx;
  const cap = Number.isFinite(ctx.limit) ? Math.max(6, ctx.limit - 3) : Infinity;
  let cut = rows;
  let skipped = 0;
  if (rows.length > cap) {
    const half = Math.floor((cap - 1) / 2);
    skipped = rows.length - 2 * half;
    cut = [...rows.slice(0, half), cols.map(() => ''), ...rows.slice(rows.length - half)];
  }
  const widths = fitWidths(cols, cut, ctx.columns - 2) ?? naturalWidths(cols, cut);
  const table = renderTable(cols, cut, widths, style).map((l) => '  ' + l);
  if (skipped > 0) {
    const gapAt = 1 + Math.floor((cap - 1) / 2);
    table[gapAt] = '  ' + style.dim(t('render.samples.more', { n: skipped, showAll: ctx.advice.showAll }));
  }
  return table;
}

function changeText(d: number, counter: boolean): string {
  if (Number.isNaN(d)) return '';
  const text = (d > 0 ? '+' : '') + formatNumber(d);
  // A drop in a counter is a reset: rate() and increase() treat it as a restart from 0.
  return counter && d < 0 ? `${text} reset` : text;
}
