// `promlearn range '<expr>'`: a range query over --range (default the last
// hour of the data), drawn as a chart (or JSON/CSV). It runs as `query --range`
// does (./run-query.ts).

import type { Command } from 'commander';
import { addBackendOptions, addMaxSamplesOption } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addGrafanaOptions, addOutputOptions, addRangeOptions, type QueryCommandOptions } from './query-flags.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('range')
    .description('run a PromQL query over a time range and draw it as a chart')
    .argument('<expr>', 'PromQL expression (quote it for your shell)')
    .option('-t, --time <time>', 'same as --end');
  addRangeOptions(cmd, 'default 1h');
  addOutputOptions(cmd);
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  addMaxSamplesOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ promlearn range 'rate(http_requests_total[5m])'
  $ promlearn range 'sum by (status_code) (rate(http_requests_total[5m]))' --range 6h
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
  cmd.action(async (expr: string, opts: QueryCommandOptions) => {
    const { runRange } = await import('./run-query.js');
    await runRange(expr, opts, deps);
  });
}
