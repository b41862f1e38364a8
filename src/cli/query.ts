// `promlearn query '<expr>'`: an instant query, shown as a table (or JSON/CSV).
// With --range/--start/--step it becomes a range query and draws a chart.
// Running it is ./run-query.ts's job, loaded only when the command runs.

import type { Command } from 'commander';
import { addBackendOptions, addMaxSamplesOption } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addGrafanaOptions, addOutputOptions, addRangeOptions, type QueryCommandOptions } from './query-flags.js';
import { addScrapeOptions, type ScrapeFlags } from './scrape.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('query')
    .description('run a PromQL query at one instant and show the result as a table')
    .argument('<expr>', 'PromQL expression (quote it for your shell)')
    .option(
      '-t, --time <time>',
      'evaluation time: RFC 3339, unix seconds, now, or relative such as -1h (default: end of the sample data, or now for --server)',
    );
  addOutputOptions(cmd);
  cmd.option(
    '--buckets',
    'draw each native histogram in the result as a bar chart of its buckets (a result of one histogram is drawn so anyway)',
  );
  addRangeOptions(cmd, 'with any of these, a range query drawn as a chart');
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  addMaxSamplesOption(cmd);
  addScrapeOptions(cmd, true).option(
    '--scrape-for <duration>',
    'with --scrape: keep scraping every --interval this long before the query (rate() needs two scrapes)',
  );
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
  $ promlearn query 'sum by (route) (rate(http_request_duration_seconds{job="api"}[5m]))' --buckets
  $ promlearn query 'histogram_quantile(0.9, sum by (route) (rate(http_request_duration_seconds[5m])))'
  $ promlearn query 'sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))' --var job=api
  $ promlearn query 'rate(http_requests_total[10s])' --scrape http://127.0.0.1:8080/metrics --interval 2s --scrape-for 6s

Queries pasted from Grafana work: $__rate_interval, $__interval, $__range,
$__range_s (and _ms) are replaced as Grafana would (--scrape-interval, default
15s); your own variables ($job, \${job}, \${job:regex}, [[job]]) come from --var.

JSON output is the "data" object of Prometheus's /api/v1/query response
({"resultType": ..., "result": ...}); native histograms keep the API's
"histogram" shape. CSV has one row per sample; with native histograms it adds
count, sum and buckets columns (buckets as "(0.1,0.25]:4;(0.25,0.5]:2").
A native histogram shows as count, sum and a bucket sparkline; a result of one
histogram (or --buckets) draws its buckets as bars.
Warnings and --stats go to stderr. Exit codes: 0 ok, 1 query error, 2 usage error.`,
  );
  cmd.action(async (expr: string, opts: QueryCommandOptions & ScrapeFlags & { scrape?: string[]; scrapeFor?: string }) => {
    const { runQuery } = await import('./run-query.js');
    const { wantsScrape, scrapeForQuery } = await import('./scrape.js');
    // --scrape: a live store scraped for this query takes the place of the backend the flags would open.
    const live = wantsScrape(opts) ? await scrapeForQuery(opts, deps.io) : undefined;
    await runQuery(expr, opts, live ? { ...deps, openBackend: async () => live } : deps);
  });
}
