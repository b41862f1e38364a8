// Running `query` and `range`: open the backend, evaluate at the time or over
// the range the flags give, render the result to stdout and its notes
// (warnings, stats) to stderr. Loaded only when one of them runs.

import { t } from '../util/messages/index.js';
import type { Backend, BackendInfo } from '../backends/backend.js';
import { UsageError } from '../errors.js';
import type { QueryResult } from '../model/result.js';
import { renderNotes, renderResult, type RenderOptions } from '../render/index.js';
import type { IO } from '../util/io.js';
import { PLAIN } from '../util/style.js';
import { formatRfc3339, parseTimeArg, parseTimeoutArg } from '../util/time.js';
import { withBackend, type CommandDeps } from './deps.js';
import { parseCount, parseVarFlags, type GrafanaOptions, type OutputOptions, type QueryCommandOptions } from './query-flags.js';
import { describeSubstitutions, substituteGrafana } from '../promql/grafana.js';
import { resolveRange } from './range-args.js';
import { serverDataNote } from '../backends/data-note.js';
import { withSpinner } from '../util/spinner.js';

/** The evaluation time when none is given: the end of a local dataset, else now. */
export function defaultTime(info: BackendInfo, now: number): number {
  return info.kind === 'local' && info.dataRange ? info.dataRange.end : now;
}

/** Width given to tables written to a pipe or file: wide enough that nothing is cut or wrapped. */
const UNLIMITED_COLUMNS = 1_000_000;

/** Render options shared by query and range; validates the flags before anything runs. */
export function renderOptions(opts: OutputOptions, io: IO, expr: string, chart: boolean): RenderOptions {
  const limit = parseCount('--limit', opts.limit);
  return {
    format: opts.output ?? 'table',
    style: opts.color === false ? PLAIN : io.style,
    // Piped tables are never cut (a script greps whole label values); charts need a width.
    columns: io.isTTY || chart ? io.columns : UNLIMITED_COLUMNS,
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

/** The spinner's words while a query runs (a terminal's stderr only, after 300 ms). */
export const running = (): string => t('note.running');

export const dataSearch = (): string => t('note.dataSearch');

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
async function emit(result: QueryResult, ropts: RenderOptions, io: IO, backend: Backend): Promise<void> {
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
  return t('note.outsideData', { name: info.name, start: formatRfc3339(dr.start), end: formatRfc3339(dr.end) });
}

/** The sample's scrape interval, and Grafana's default for a Prometheus data source. */
const DEFAULT_SCRAPE_INTERVAL = '15s';

/**
 * Replaces Grafana's variables in a pasted query (src/promql/grafana.ts) and
 * says on stderr what was replaced; the query unchanged when it has none.
 */
export function applyGrafana(expr: string, opts: GrafanaOptions, io: IO, range?: { stepMs: number; rangeMs: number }): string {
  const scrapeIntervalMs = parseTimeoutArg(opts.scrapeInterval ?? DEFAULT_SCRAPE_INTERVAL, '--scrape-interval');
  const { query, substitutions } = substituteGrafana(expr, { scrapeIntervalMs, range, vars: parseVarFlags(opts.var) });
  if (substitutions.length > 0)
    io.err(io.errStyle.dim(t('note.prefix', { note: describeSubstitutions(substitutions, scrapeIntervalMs) })) + '\n');
  return query;
}

/** `query`: an instant query, or a range query when a range flag is given. */
export async function runQuery(expr: string, opts: QueryCommandOptions, deps: CommandDeps): Promise<void> {
  const ranged = opts.range !== undefined || opts.start !== undefined || opts.step !== undefined;
  if (ranged && opts.buckets) {
    throw new UsageError(t('usage.bucketsInstant'), t('usage.bucketsInstant.hint'));
  }
  if (ranged) return runRange(expr, opts, deps);
  if (opts.end !== undefined) throw new UsageError(t('usage.endNeedsRange'), t('usage.endNeedsRange.hint'));
  const { io } = deps;
  const query = applyGrafana(expr, opts, io);
  const ropts = { ...renderOptions(opts, io, query, false), buckets: opts.buckets };
  const timeoutMs = parseTimeoutArg(opts.timeout ?? '2m'); // 0 is refused, as for a server
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const fallback = defaultTime(info, deps.clock());
    const time = opts.time !== undefined ? parseTimeArg(opts.time, fallback) : fallback;
    const result = await withSpinner(io, running(), () =>
      cancellable((signal) => backend.instantQuery(query, time, { stats: opts.stats, timeoutMs, signal })),
    );
    await emit(result, ropts, io, backend);
    const note = isEmpty(result)
      ? (outsideDataNote(info, time, time) ??
        (await withSpinner(io, dataSearch(), () => cancellable((signal) => serverDataNote(backend, query, { end: time }, signal)))))
      : undefined;
    if (note) io.err(io.errStyle.dim(note) + '\n');
  });
}

/** The range query behind both `range` and `query --range`. */
export async function runRange(expr: string, opts: QueryCommandOptions, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const ropts = renderOptions(opts, io, expr, true);
  const timeoutMs = parseTimeoutArg(opts.timeout ?? '2m'); // 0 is refused, as for a server
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const r = resolveRange(opts, defaultTime(info, deps.clock()));
    const query = applyGrafana(expr, opts, io, { stepMs: r.step * 1000, rangeMs: (r.end - r.start) * 1000 });
    const result = await withSpinner(io, running(), () =>
      cancellable((signal) => backend.rangeQuery(query, r.start, r.end, r.step, { stats: opts.stats, timeoutMs, signal })),
    );
    await emit(result, { ...ropts, query, range: r }, io, backend);
    // A range ending before the server's data starts, or starting after it ends (the note's --end moves it).
    const note = isEmpty(result)
      ? (outsideDataNote(info, r.start, r.end) ??
        (await withSpinner(io, dataSearch(), () => cancellable((signal) => serverDataNote(backend, query, r, signal)))))
      : undefined;
    if (note) io.err(io.errStyle.dim(note) + '\n');
  });
}
