// Running `promlearn range`: one or several expressions over one grid, drawn
// as one chart (src/render/chart-results.ts) or, with --when, listed as the
// intervals in which each series returned data (src/render/when.ts). Loaded
// only when `range` runs.

import { t } from '../util/messages/index.js';
import { QueryError, UsageError } from '../errors.js';
import type { QueryResult } from '../model/result.js';
import type { ExprResult } from '../render/chart-results.js';
import { renderRangeNotes, renderRangeResults } from '../render/chart-results.js';
import { renderWhen } from '../render/when.js';
import { PLAIN } from '../util/style.js';
import { parseTimeoutArg } from '../util/time.js';
import { withBackend, type CommandDeps } from './deps.js';
import type { QueryCommandOptions } from './query-flags.js';
import { resolveRange } from './range-args.js';
import { applyGrafana, cancellable, dataSearch, defaultTime, outsideDataNote, renderOptions, running } from './run-query.js';
import { serverDataNote } from '../backends/data-note.js';
import { withSpinner } from '../util/spinner.js';

export interface RangeCommandOptions extends QueryCommandOptions {
  /** Grafana legend formats, one for all expressions or one per expression. */
  legend?: string[];
  /** List the intervals in which each series returned data instead of drawing. */
  when?: boolean;
}

/**
 * The legend format of each expression: none, one for all, or one per
 * expression in order ('' for the automatic legend).
 */
export function legendsFor(exprs: string[], legends: string[] | undefined): Array<string | undefined> {
  if (!legends || legends.length === 0) return exprs.map(() => undefined);
  if (legends.length === 1) return exprs.map(() => legends[0]);
  if (legends.length !== exprs.length) {
    throw new UsageError(t('usage.legendCount', { legends: legends.length, exprs: exprs.length }), t('usage.legendCount.hint'));
  }
  return legends;
}

export async function runRangeCommand(exprs: string[], opts: RangeCommandOptions, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const legends = legendsFor(exprs, opts.legend);
  // A --when table written to a pipe is never cut (a script greps whole label values); charts need a width.
  const ropts = renderOptions(opts, io, exprs[0]!, !opts.when);
  const timeoutMs = parseTimeoutArg(opts.timeout ?? '2m'); // 0 is refused, as for a server
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const range = resolveRange(opts, defaultTime(info, deps.clock()));
    const results: ExprResult[] = [];
    for (const [i, expr] of exprs.entries()) {
      const query = applyGrafana(expr, opts, io, { stepMs: range.step * 1000, rangeMs: (range.end - range.start) * 1000 });
      const result = await withSpinner(io, running(), () =>
        cancellable((signal) => backend.rangeQuery(query, range.start, range.end, range.step, { stats: opts.stats, timeoutMs, signal })),
      ).catch((e: unknown) => {
        throw exprs.length > 1 ? tagged(e, i) : e;
      });
      results.push({ expr: query, result, legend: legends[i] });
    }
    const empty = results.every((r) => isEmpty(r.result));
    const knownMetrics =
      ropts.format === 'table' && !opts.when && empty ? await backend.labelValues('__name__').catch(() => undefined) : undefined;
    const withRange = { ...ropts, range, knownMetrics };
    io.out(opts.when ? renderWhen(results, withRange) : renderRangeResults(results, withRange));
    io.err(renderRangeNotes(results, { style: ropts.style.color ? io.errStyle : PLAIN, stats: ropts.stats }));
    // On a server, a range before or after its data: where the data is, and the --end or --start to use.
    const note = empty
      ? (outsideDataNote(info, range.start, range.end) ??
        (await withSpinner(io, dataSearch(), () =>
          cancellable((signal) =>
            serverDataNote(
              backend,
              results.map((r) => r.expr),
              range,
              signal,
            ),
          ),
        )))
      : undefined;
    if (note) io.err(io.errStyle.dim(note) + '\n');
  });
}

function isEmpty(r: QueryResult): boolean {
  return (r.data.resultType === 'vector' || r.data.resultType === 'matrix') && r.data.result.length === 0;
}

/** A query error of the i-th of several expressions says which one it is. */
function tagged(e: unknown, i: number): unknown {
  if (!(e instanceof QueryError)) return e;
  return new QueryError(`expression #${i + 1}: ${e.message}`, {
    errorType: e.errorType,
    query: e.query,
    position: e.position,
    hint: e.hint,
  });
}
