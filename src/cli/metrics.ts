// `promlearn metrics [filter]`: the metric families a backend knows, with
// type, series count and help. Also home of the small listing helpers that
// `series` and `labels` share (format option, table/JSON/CSV output, times).

import { t } from '../util/messages/index.js';
import { Option, type Command } from 'commander';
import type { Backend, BackendInfo } from '../backends/backend.js';
import { UsageError } from '../errors.js';
import type { MetricMetadata } from '../model/result.js';
import { fitWidths, renderTable, type Column } from '../render/layout.js';
import { csvField } from '../render/machine.js';
import type { BackendOptions } from '../backends/options.js';
import type { IO } from '../util/io.js';
import { parseTimeArg } from '../util/time.js';
import { addBackendOptions } from './backend-flags.js';
import { parseCount } from './query-flags.js';
import { withSpinner } from '../util/spinner.js';
import { withBackend, type CommandDeps } from './deps.js';

export type ListFormat = 'table' | 'json' | 'csv';

export function addFormatOption(cmd: Command): Command {
  return cmd.addOption(new Option('-o, --output <format>', t('cli.opt.output')).choices(['table', 'json', 'csv']).default('table'));
}

/** Writes rows as an aligned table (fitted to a terminal), CSV, or the given JSON value. */
export function writeListing(io: IO, format: ListFormat, columns: Column[], rows: string[][], json: unknown): void {
  if (format === 'json') return io.out(JSON.stringify(json) + '\n');
  if (format === 'csv') {
    for (const r of [columns.map((c) => c.header.toLowerCase()), ...rows]) io.out(r.map(csvField).join(',') + '\n');
    return;
  }
  const natural = fitWidths(columns, rows, Infinity)!;
  const widths = (io.isTTY && fitWidths(columns, rows, io.columns)) || natural;
  io.out(renderTable(columns, rows, widths, io.style).join('\n') + '\n');
}

/** --start/--end as unix seconds; relative times count from the local data's end (or now). */
export function timeWindow(info: BackendInfo, opts: { start?: string; end?: string }, now: number): { start?: number; end?: number } {
  const ref = info.kind === 'local' && info.dataRange ? info.dataRange.end : now;
  const start = opts.start !== undefined ? parseTimeArg(opts.start, ref) : undefined;
  const end = opts.end !== undefined ? parseTimeArg(opts.end, ref) : undefined;
  if (start !== undefined && end !== undefined && start > end) {
    throw new UsageError(t('usage.startAfterEndFlags'), t('usage.startAfterEndFlags.hint'));
  }
  return { start, end };
}

/** A metric-name filter: plain text matches as a substring, anything else as a regex. */
function nameFilter(filter: string | undefined): (name: string) => boolean {
  if (!filter) return () => true;
  if (/^[A-Za-z0-9_:]+$/.test(filter)) return (n) => n.includes(filter);
  let re: RegExp;
  try {
    re = new RegExp(filter);
  } catch (e) {
    throw new UsageError(t('usage.invalidFilter', { filter, detail: (e as Error).message }), t('usage.invalidFilter.hint'));
  }
  return (n) => re.test(n);
}

interface FamilyRow {
  name: string;
  type: string;
  unit: string;
  help: string;
  series: number;
}

const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  gaugehistogram: ['_bucket', '_gsum', '_gcount'],
  summary: ['', '_sum', '_count'],
  counter: ['', '_total'],
};

/** The family a sample name belongs to, given the metadata (histogram x_bucket -> x); `dataset info` counts them the same way. */
export function familyOf(name: string, meta: Record<string, MetricMetadata[]>): string {
  if (meta[name]) return name;
  for (const suffix of ['_bucket', '_sum', '_count', '_gsum', '_gcount', '_total']) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = meta[base]?.[0]?.type ?? '';
    if (SUFFIXES[type]?.includes(suffix)) return base;
  }
  return name;
}

/** Families with their series counts, the first `limit` by name (0: all), and how many there are in all. */
async function listFamilies(
  backend: Backend,
  filter: string | undefined,
  window: { start?: number; end?: number },
  limit: number,
): Promise<{ rows: FamilyRow[]; total: number }> {
  const keep = nameFilter(filter);
  const [meta, names] = await Promise.all([backend.metadata(), backend.labelValues('__name__', window)]);
  const matching = names.filter((n) => keep(n) || keep(familyOf(n, meta)));
  const families = [...new Set(matching.map((n) => familyOf(n, meta)))].sort();
  // Only the families shown have their series counted (on a big server that is the costly part).
  const shown = new Set(limit > 0 ? families.slice(0, limit) : families);
  const wanted = matching.filter((n) => shown.has(familyOf(n, meta)));
  const counts = new Map<string, number>();
  if (wanted.length > 0) {
    const match = wanted.length === names.length ? '{__name__=~".+"}' : `{__name__=~"${wanted.join('|')}"}`;
    const series = await backend.series({ match: [match], ...window });
    for (const s of series) counts.set(s.__name__, (counts.get(s.__name__) ?? 0) + 1);
  }
  const rows = new Map<string, FamilyRow>();
  for (const n of wanted) {
    const family = familyOf(n, meta);
    const m = meta[family]?.[0];
    const row = rows.get(family) ?? { name: family, type: m?.type ?? 'unknown', unit: m?.unit ?? '', help: m?.help ?? '', series: 0 };
    row.series += counts.get(n) ?? 0;
    rows.set(family, row);
  }
  return { rows: [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), total: families.length };
}

/** On a terminal, long listings stop here unless --limit says otherwise (as `series`). */
const TTY_DEFAULT_LIMIT = 200;

interface MetricsOptions extends BackendOptions {
  output: ListFormat;
  limit?: string;
  start?: string;
  end?: string;
}

async function runMetrics(filter: string | undefined, opts: MetricsOptions, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  nameFilter(filter); // reject a bad regex before connecting
  const limit = parseCount('--limit', opts.limit) ?? (io.isTTY && opts.output === 'table' ? TTY_DEFAULT_LIMIT : 0);
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const now = deps.clock();
    const window = timeWindow(info, opts, now);
    if (info.kind === 'remote' && window.start === undefined) window.start = (window.end ?? now) - 3600;
    const { rows, total } = await withSpinner(io, t('note.listingMetrics'), () => listFamilies(backend, filter, window, limit));
    if (rows.length === 0 && opts.output === 'table') {
      io.err(io.errStyle.dim(filter ? t('note.noMetricMatches', { filter }) : t('note.noMetrics')) + '\n');
      return;
    }
    const columns: Column[] = [
      { header: 'NAME', align: 'left', minWidth: 24, paint: io.style.name },
      { header: 'TYPE', align: 'left', fixed: true },
      { header: 'SERIES', align: 'right', fixed: true },
      { header: 'HELP', align: 'left', minWidth: 10, paint: io.style.dim },
    ];
    const table = rows.map((r) => [r.name, r.type, String(r.series), r.help]);
    if (opts.output === 'csv') {
      const csvCols: Column[] = [...columns.slice(0, 3), { header: 'UNIT', align: 'left' }, columns[3]];
      writeListing(
        io,
        'csv',
        csvCols,
        rows.map((r) => [r.name, r.type, String(r.series), r.unit, r.help]),
        rows,
      );
    } else writeListing(io, opts.output, columns, table, rows);
    if (total > rows.length) io.err(io.errStyle.dim(t('note.firstFamilies', { shown: rows.length, total })) + '\n');
  });
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program.command('metrics').description(t('cli.metrics.description')).argument('[filter]', t('cli.metrics.filter'));
  addFormatOption(cmd)
    .option('--start <time>', t('cli.metrics.start'))
    .option('--end <time>', t('cli.metrics.end'))
    .option('--limit <n>', t('cli.metrics.limit', { n: TTY_DEFAULT_LIMIT }));
  addBackendOptions(cmd).addHelpText('after', t('cli.metrics.help'));
  cmd.action(async (filter: string | undefined, opts: MetricsOptions) => runMetrics(filter, opts, deps));
}
