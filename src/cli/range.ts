// `promlearn range '<expr>' ['<expr>'...]`: range queries over --range (default
// the last hour of the data), drawn as one chart (or JSON/CSV), or with --when
// the intervals in which each series returned data. It runs in ./range-run.ts;
// `query --range` draws one expression the same way (./run-query.ts).

import type { Command } from 'commander';
import { addBackendOptions, addMaxSamplesOption } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addGrafanaOptions, addOutputOptions, addRangeOptions } from './query-flags.js';
import type { RangeCommandOptions } from './range-run.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('range')
    .description('run PromQL over a time range: draw a chart, or list --when a condition held')
    .argument('<expr...>', 'PromQL expressions (quote each for your shell); several are drawn in one chart')
    .option('-t, --time <time>', 'same as --end')
    .option(
      '--legend <format>',
      "name series with Grafana's legend format, e.g. '{{route}} {{status_code}}'; once for all expressions, or once per expression",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--when', 'list the time intervals in which each series returned data (use a filter such as `> 0.5`)');
  addRangeOptions(cmd, 'default 1h');
  addOutputOptions(cmd);
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  addMaxSamplesOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ promlearn range 'sum by (status_code) (rate(http_requests_total[5m]))' --range 6h
  $ promlearn range 'sum by (route, status_code) (rate(http_requests_total{job="api"}[5m]))' \\
      --legend '{{route}} {{status_code}}'
  $ promlearn range 'sum(rate(http_requests_total{status_code=~"5.."}[5m]))' \\
      'sum(rate(http_requests_total[5m]))' --range 6h
  $ promlearn range --range 6h --when \\
      'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 0.5'
  $ promlearn range --when 'sum by (route) (rate(http_requests_total{status_code=~"5.."}[5m])) > 0.2' --range 6h
  $ promlearn range --when 'up == 0' --range 6h -o csv
  $ promlearn range 'nodejs_heap_size_used_bytes{instance="frontend-1:3000"}' --start -3h --end -1h --step 1m
  $ promlearn range 'up{job="api"}' --start 2026-01-15T10:00:00Z --range 30m -o csv > up.csv

The chart: each column averages the steps it covers; missing points are gaps,
not zeros. It shows the top series by last value (--limit, default 8; with
several expressions, each expression's top series in turn). Labels with the
same value in every series are printed once above the chart; the legend names
each series by the labels in which the series differ, as PromQL text
({route="/cart", status_code="500"}), and lists min, max, mean and last in
columns (as many as fit; always last). A series with no points in the last
steps says when it ended ("ended 07:12").

Several expressions: series are tagged #1, #2 in the order given, and listed
with their expressions. JSON is then an array with one element per expression,
{"expr": ..., "resultType": "matrix", "result": [...]}; CSV gets a first column
"expr". With one expression, JSON is the "data" object of /api/v1/query_range
and CSV has one row per sample.

--legend: Grafana's template syntax: {{label}} is replaced by the series' value
of that label (nothing for a label it lacks), other text is kept. One --legend
applies to every expression; several are taken one per expression, in order
('' keeps the automatic legend for that one). The chart only: JSON and CSV keep
the labels.

--when: the expression is a filter (\`x > 0.5\`, \`up == 0\`); for each series,
the intervals of consecutive steps at which it returned data: START (the first
such step), END (the first step without data), DURATION, MAX (the largest
value in the interval). "+" marks an interval that ran at the range's first or
last step, so it may be longer. JSON: {"expr", "start", "end", "step",
"series": [{"metric", "intervals": [{"start", "end", "duration", "max",
"openStart", "openEnd"}]}]} (unix seconds; an array of these for several
expressions); CSV: one row per interval.

Times are UTC. Relative times (-2h) count back from the end of the sample
data, or from now with --server. Exit codes: 0 ok, 1 query error, 2 usage
error.`,
  );
  cmd.action(async (exprs: string[], opts: RangeCommandOptions) => {
    const { runRangeCommand } = await import('./range-run.js');
    await runRangeCommand(exprs, opts, deps);
  });
}
