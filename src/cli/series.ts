// `promlearn series '<selector>'...`: the label sets a selector matches, like
// Prometheus's /api/v1/series.

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';
import type { Metric } from '../model/result.js';
import { fitWidths, renderTable, type Column } from '../render/layout.js';
import { formatSeries, visibleWidth, wrap } from '../render/text.js';
import { commonLabels } from '../render/vector.js';
import type { BackendOptions } from '../backends/options.js';
import type { IO } from '../util/io.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';
import { withSpinner } from '../util/spinner.js';
import { addFormatOption, timeWindow, writeListing, type ListFormat } from './metrics.js';
import { parseCount } from './query-flags.js';

interface SeriesOptions extends BackendOptions {
  output: ListFormat;
  start?: string;
  end?: string;
  limit?: string;
}

/** On a terminal, long listings stop here unless --limit says otherwise. */
const TTY_DEFAULT_LIMIT = 200;

/** CSV columns: __name__ first, then the other label names in order. */
function csvColumns(series: Metric[]): string[] {
  const names = new Set<string>();
  for (const s of series) for (const n of Object.keys(s)) names.add(n);
  return [...names].sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One selector per line (what Prometheus prints, ready to paste into a query)
 * when the lines fit; on a narrow terminal, the labels all series share once
 * above a table of the labels that differ, as `query` shows them.
 */
function seriesTable(series: Metric[], io: IO): string[] {
  const lines = series.map((s) => formatSeries(s));
  if (!io.isTTY || series.length < 2 || lines.every((l) => visibleWidth(l) <= io.columns)) return lines.map((l) => io.style.name(l));
  const common = commonLabels(series);
  const varying = csvColumns(series).filter((k) => !(k in common));
  const cols: Column[] = varying.map((k) => ({ header: k, align: 'left', paint: k === '__name__' ? io.style.name : undefined }));
  const rows = series.map((s) => varying.map((k) => s[k] ?? ''));
  const widths = fitWidths(cols, rows, io.columns) ?? fitWidths(cols, rows, Infinity)!;
  const header = Object.keys(common).length > 0 ? wrap(formatSeries(common), io.columns, '    ').map((l) => io.style.dim(l)) : [];
  return [...header, ...renderTable(cols, rows, widths, io.style)];
}

async function runSeries(selectors: string[], opts: SeriesOptions, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const asked = parseCount('--limit', opts.limit);
  const limit = asked ?? (io.isTTY && opts.output === 'table' ? TTY_DEFAULT_LIMIT : 0);
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const window = timeWindow(info, opts, deps.clock());
    // Ask for one more than shown, to know whether there were more.
    const series = await withSpinner(io, t('note.listingSeries'), () =>
      backend.series({ match: selectors, ...window, limit: limit > 0 ? limit + 1 : undefined }),
    );
    const more = limit > 0 && series.length > limit;
    const shown = more ? series.slice(0, limit) : series;
    if (opts.output === 'json') io.out(JSON.stringify(shown) + '\n');
    else if (opts.output === 'csv') {
      const cols = csvColumns(shown);
      writeListing(
        io,
        'csv',
        cols.map((c) => ({ header: c, align: 'left' })),
        shown.map((s) => cols.map((c) => s[c] ?? '')),
        shown,
      );
    } else {
      io.out(seriesTable(shown, io).join('\n') + (shown.length > 0 ? '\n' : ''));
    }
    if (shown.length === 0) io.err(io.errStyle.dim(t('note.noSeriesMatch', { selectors: selectors.join(t('note.or')) })) + '\n');
    if (more) io.err(io.errStyle.dim(t('note.firstSeries', { limit })) + '\n');
  });
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program.command('series').description(t('cli.series.description')).argument('<selector...>', t('cli.series.selector'));
  addFormatOption(cmd)
    .option('--start <time>', t('cli.opt.seriesAfter'))
    .option('--end <time>', t('cli.opt.seriesBefore'))
    .option('--limit <n>', t('cli.series.limit', { n: TTY_DEFAULT_LIMIT }));
  addBackendOptions(cmd).addHelpText('after', t('cli.series.help'));
  cmd.action(async (selectors: string[], opts: SeriesOptions) => runSeries(selectors, opts, deps));
}
