// `promlearn query '<expr>'`: an instant query, shown as a table (or JSON/CSV).
// With --range/--start/--step it becomes a range query and draws a chart.

import { Option, type Command } from 'commander';
import type { Backend, BackendInfo } from '../backends/backend.js';
import { UsageError } from '../errors.js';
import type { QueryResult } from '../model/result.js';
import { renderNotes, renderResult, type OutputFormat, type RenderOptions } from '../render/index.js';
import { PLAIN } from '../render/style.js';
import { addBackendOptions, openBackend, type BackendOptions } from './context.js';
import type { IO } from './io.js';
import { parseDurationArg, parseTimeArg } from './time.js';
import { runRangeWith } from './range.js';
import { addScrapeOptions, scrapeForQuery, wantsScrape, type ScrapeFlags } from './scrape.js';

export interface OutputOptions {
  output?: OutputFormat;
  limit?: string;
  stats?: boolean;
  height?: string;
  width?: string;
  /** false with --no-color (NO_COLOR and non-TTY output are already plain). */
  color?: boolean;
}

export interface QueryCommandOptions extends BackendOptions, OutputOptions {
  time?: string;
  range?: string;
  step?: string;
  start?: string;
  end?: string;
}

/** A non-negative integer flag, or undefined when not given. */
export function parseCount(flag: string, s: string | undefined, min = 0): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s.trim()) || Number(s) < min) {
    throw new UsageError(`invalid ${flag} "${s}": expected a whole number${min > 0 ? ` of at least ${min}` : ''}`, `e.g. ${flag} ${min > 0 ? 20 : 0}`);
  }
  return Number(s);
}

/** The evaluation time when none is given: the end of a local dataset, else now. */
export function defaultTime(info: BackendInfo): number {
  return info.kind === 'local' && info.dataRange ? info.dataRange.end : Date.now() / 1000;
}

/** Render options shared by query and range; validates the flags before anything runs. */
export function renderOptions(opts: OutputOptions, io: IO, expr: string, chart: boolean): RenderOptions {
  const limit = parseCount('--limit', opts.limit);
  return {
    format: opts.output ?? 'table',
    style: opts.color === false ? PLAIN : io.style,
    columns: io.columns,
    rows: io.rows,
    // Piped tables are not cut (there is no screen to fit); charts always are.
    limit: limit ?? (io.isTTY || chart ? undefined : 0),
    height: parseCount('--height', opts.height, 3),
    width: parseCount('--width', opts.width, 20),
    query: expr,
    stats: opts.stats,
    inlineNotes: false,
  };
}

/** Opens the backend unless one was injected, and closes what it opened. */
export async function withBackend<T>(opts: BackendOptions, io: IO, injected: Backend | undefined, fn: (b: Backend) => Promise<T>): Promise<T> {
  const backend = injected ?? (await openBackend(opts, io));
  try {
    return await fn(backend);
  } finally {
    if (!injected) await backend.close?.();
  }
}

/** Ctrl-C cancels the query (the backend throws a 'canceled' QueryError) instead of killing the process. */
export async function cancellable<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const onInt = () => ac.abort();
  process.once('SIGINT', onInt);
  try {
    return await fn(ac.signal);
  } finally {
    process.removeListener('SIGINT', onInt);
  }
}

/** Writes a result: the rendering to stdout, warnings/infos/stats to stderr. */
export async function emit(result: QueryResult, ropts: RenderOptions, io: IO, backend: Backend): Promise<void> {
  if (ropts.format === 'table' && isEmpty(result)) {
    ropts = { ...ropts, knownMetrics: await backend.labelValues('__name__').catch(() => undefined) };
  }
  io.out(renderResult(result, ropts));
  io.err(renderNotes(result, { style: ropts.style.color ? io.errStyle : PLAIN, stats: ropts.stats }));
}

function isEmpty(r: QueryResult): boolean {
  return (r.data.resultType === 'vector' || r.data.resultType === 'matrix') && r.data.result.length === 0;
}

/** A note when the asked-for time lies outside a local dataset (the usual reason for nothing). */
export function outsideDataNote(info: BackendInfo, from: number, to: number): string | undefined {
  const dr = info.dataRange;
  if (!dr || (to >= dr.start && from <= dr.end)) return undefined;
  const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
  return `note: the ${info.name} data covers ${iso(dr.start)} to ${iso(dr.end)}; the query time is outside it`;
}

export async function runQuery(expr: string, opts: QueryCommandOptions, io: IO, injected?: Backend): Promise<void> {
  if (opts.range !== undefined || opts.start !== undefined || opts.step !== undefined) {
    return runRangeWith(expr, opts, io, injected);
  }
  if (opts.end !== undefined) throw new UsageError('--end needs --range or --start', 'for one instant use --time; for a chart add --range 1h');
  const ropts = renderOptions(opts, io, expr, false);
  const timeoutMs = parseDurationArg(opts.timeout ?? '2m');
  await withBackend(opts, io, injected, async (backend) => {
    const info = await backend.info();
    const time = opts.time !== undefined ? parseTimeArg(opts.time, defaultTime(info)) : defaultTime(info);
    const result = await cancellable((signal) => backend.instantQuery(expr, time, { stats: opts.stats, timeoutMs, signal }));
    await emit(result, ropts, io, backend);
    const note = isEmpty(result) ? outsideDataNote(info, time, time) : undefined;
    if (note) io.err(io.errStyle.dim(note) + '\n');
  });
}

/** --output, --limit, --stats, --height, --width: shared with `range`. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--limit <n>', 'show at most n table rows or chart series (0 = all; default: fit the terminal, all rows when piped, 8 chart series)')
    .option('--stats', 'print evaluation time and samples read (to stderr)')
    .option('--height <rows>', 'chart height in rows (default: fit the screen)')
    .option('--width <columns>', 'chart width in columns (default: the terminal width)')
    .option('--no-color', 'no colours (also: NO_COLOR=1; output that is not a terminal is never coloured)');
}

/** --start, --end, --range, --step: shared with `range`. */
export function addRangeOptions(cmd: Command, rangeDefault: string): Command {
  return cmd
    .option('--range <duration>', `length of the range, e.g. 30m, 6h (${rangeDefault})`)
    .option('--start <time>', 'range start: RFC 3339, unix seconds, or relative such as -2h')
    .option('--end <time>', 'range end (default: the end of the sample data, or now for --server)')
    .option('--step <duration>', 'resolution, e.g. 15s, 1m or seconds (default: about 200 points over the range)');
}

/** `backend` is for tests: commands normally open the one the flags choose. */
export function register(program: Command, io: IO, backend?: Backend): void {
  const cmd = program
    .command('query')
    .description('run a PromQL query at one instant and show the result as a table')
    .argument('<expr>', 'PromQL expression (quote it for your shell)')
    .option('-t, --time <time>', 'evaluation time: RFC 3339, unix seconds, now, or relative such as -1h (default: end of the sample data, or now for --server)');
  addOutputOptions(cmd);
  addRangeOptions(cmd, 'with any of these, a range query drawn as a chart');
  addBackendOptions(cmd);
  addScrapeOptions(cmd, true).option('--scrape-for <duration>', 'with --scrape: keep scraping every --interval this long before the query (rate() needs two scrapes)');
  cmd.addHelpText(
    'after',
    `
Examples:
  $ promlearn query up
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn query 'http_requests_total[1m]'            # raw samples, as rate() sees them
  $ promlearn query 'nodejs_heap_size_used_bytes' --time -30m
  $ promlearn query 'rate(http_requests_total[5m])' --range 1h   # a chart
  $ promlearn query up -o json | jq '.result[].metric'
  $ promlearn query up --server http://localhost:9090
  $ promlearn query 'rate(http_requests_total[10s])' --scrape http://127.0.0.1:8080/metrics --interval 2s --scrape-for 6s

JSON output is the "data" object of Prometheus's /api/v1/query response
({"resultType": ..., "result": ...}). CSV has one row per sample.
Warnings and --stats go to stderr. Exit codes: 0 ok, 1 query error, 2 usage error.`,
  );
  cmd.action(async (expr: string, opts: QueryCommandOptions & ScrapeFlags & { scrape?: string[]; scrapeFor?: string }) => {
    if (!wantsScrape(opts)) return runQuery(expr, opts, io, backend);
    const live = await scrapeForQuery(opts, io);
    try {
      await runQuery(expr, opts, io, live);
    } finally {
      await live.close?.();
    }
  });
}
