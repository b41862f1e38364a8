// `promlearn explain '<expr>'`: the query taken apart, node by node — what
// each part does, what it returns at the evaluation time, why a selector
// matches nothing, how a binary operator matched, what an aggregation
// grouped — and with --samples the arithmetic of rate() & co and
// histogram_quantile() on one series, down to the number `query` returns.

import { Option, type Command } from 'commander';
import type { BackendOptions } from '../backends/options.js';
import { addBackendOptions } from './backend-flags.js';
import { addGrafanaOptions, type GrafanaOptions } from './query-flags.js';
import type { CommandDeps } from './deps.js';

export interface ExplainCommandOptions extends BackendOptions, GrafanaOptions {
  time?: string;
  samples?: boolean;
  series?: string;
  output?: 'table' | 'json';
  color?: boolean;
  width?: string;
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('explain')
    .description('take a query apart: what each part does and returns, why a selector matches nothing, how operators matched')
    .argument('<expr>', 'PromQL expression (quote it for your shell)')
    .option(
      '-t, --time <time>',
      'evaluation time: RFC 3339, unix seconds, now, or relative such as -1h (default: end of the sample data, or now for --server)',
    )
    .option('--samples', 'walk through rate/increase/irate/delta/idelta/deriv and histogram_quantile sample by sample, on one series')
    .option('--series <selector>', 'the series for --samples, e.g. \'{instance="frontend-2:3000", route="/"}\' (default: the first)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--width <columns>', 'fit the text to this many columns (default: the terminal width, 80 when piped)')
    .option('--no-color', 'no colours (also: NO_COLOR=1; output that is not a terminal is never coloured)');
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ promlearn explain 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn explain 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))' --samples
  $ promlearn explain 'rate(http_requests_total{instance="frontend-2:3000"}[5m])' --time 2026-01-15T07:15:00Z --samples
  $ promlearn explain 'up{instance="frontend-1"}'          # why nothing matches
  $ promlearn explain 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / on(job) sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn explain up -o json | jq '.root.result'
  $ promlearn explain 'rate(http_requests_total[5m])' --server http://localhost:9090

Every sub-expression is run as its own instant query at the evaluation time
(through the HTTP API with --server), so each node shows what it returns.
Exit codes: 0 ok, 1 query error (the tree is still shown when the query runs
but fails, e.g. many-to-many matching), 2 usage error.`,
  );
  cmd.action(async (expr: string, opts: ExplainCommandOptions) => {
    const { runExplain } = await import('./run-explain.js');
    await runExplain(expr, opts, deps);
  });
}
