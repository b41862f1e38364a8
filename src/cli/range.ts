// `promlearn range '<expr>'`: a range query over --range (default the last
// hour of the data), drawn as a chart (or JSON/CSV).

import type { Command } from 'commander';
import type { Backend } from '../backends/backend.js';
import { addBackendOptions } from './context.js';
import type { IO } from './io.js';
import {
  addOutputOptions,
  addRangeOptions,
  cancellable,
  defaultTime,
  emit,
  outsideDataNote,
  renderOptions,
  withBackend,
  type QueryCommandOptions,
} from './query.js';
import { parseDurationArg, resolveRange } from './time.js';

export type RangeCommandOptions = QueryCommandOptions;

/** The range query behind both `range` and `query --range`. */
export async function runRangeWith(expr: string, opts: RangeCommandOptions, io: IO, injected?: Backend): Promise<void> {
  const ropts = renderOptions(opts, io, expr, true);
  const timeoutMs = parseDurationArg(opts.timeout ?? '2m');
  await withBackend(opts, io, injected, async (backend) => {
    const info = await backend.info();
    const r = resolveRange(opts, defaultTime(info));
    const result = await cancellable((signal) => backend.rangeQuery(expr, r.start, r.end, r.step, { stats: opts.stats, timeoutMs, signal }));
    await emit(result, { ...ropts, range: r }, io, backend);
    const empty = result.data.resultType === 'matrix' && result.data.result.length === 0;
    const note = empty ? outsideDataNote(info, r.start, r.end) : undefined;
    if (note) io.err(io.errStyle.dim(note) + '\n');
  });
}

/** `backend` is for tests: commands normally open the one the flags choose. */
export function register(program: Command, io: IO, backend?: Backend): void {
  const cmd = program
    .command('range')
    .description('run a PromQL query over a time range and draw it as a chart')
    .argument('<expr>', 'PromQL expression (quote it for your shell)')
    .option('-t, --time <time>', 'same as --end');
  addRangeOptions(cmd, 'default 1h');
  addOutputOptions(cmd);
  addBackendOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ promlearn range 'rate(http_requests_total[5m])'
  $ promlearn range 'sum by (code) (rate(http_requests_total[5m]))' --range 6h
  $ promlearn range 'nodejs_heap_size_used_bytes' --start -3h --end -1h --step 1m
  $ promlearn range 'up' --start 2026-01-15T10:00:00Z --range 30m -o csv > up.csv
  $ promlearn range 'rate(http_requests_total[5m])' --height 15 --width 100 --limit 4

The chart shows the top series by last value (--limit, default 8), each
column averaging the steps it covers; missing points are gaps, not zeros.
Times are UTC. Relative times (-2h) count back from the end of the sample
data, or from now with --server. JSON output is the "data" object of
/api/v1/query_range; CSV has one row per sample. Exit codes: 0 ok, 1 query
error, 2 usage error.`,
  );
  cmd.action(async (expr: string, opts: RangeCommandOptions) => runRangeWith(expr, opts, io, backend));
}
