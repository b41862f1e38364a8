// `promlearn query '<expr>'`: an instant query, shown as a table (or JSON/CSV).
// With --range/--start/--step it becomes a range query and draws a chart.
// Running it is ./run-query.ts's job, loaded only when the command runs.

import type { Command } from 'commander';
import { addBackendOptions } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addOutputOptions, addRangeOptions, type QueryCommandOptions } from './query-flags.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('query')
    .description('run a PromQL query at one instant and show the result as a table')
    .argument('<expr>', 'PromQL expression (quote it for your shell)')
    .option('-t, --time <time>', 'evaluation time: RFC 3339, unix seconds, now, or relative such as -1h (default: end of the sample data, or now for --server)');
  addOutputOptions(cmd);
  addRangeOptions(cmd, 'with any of these, a range query drawn as a chart');
  addBackendOptions(cmd);
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

JSON output is the "data" object of Prometheus's /api/v1/query response
({"resultType": ..., "result": ...}). CSV has one row per sample.
Warnings and --stats go to stderr. Exit codes: 0 ok, 1 query error, 2 usage error.`,
  );
  cmd.action(async (expr: string, opts: QueryCommandOptions) => {
    const { runQuery } = await import('./run-query.js');
    await runQuery(expr, opts, deps);
  });
}
