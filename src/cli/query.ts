// `promlearn query '<expr>'`: an instant query, shown as a table (or JSON/CSV).
// With --range/--start/--step it becomes a range query and draws a chart.
// Running it is ./run-query.ts's job, loaded only when the command runs.

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';
import { addBackendOptions, addMaxSamplesOption } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addGrafanaOptions, addOutputOptions, addRangeOptions, type QueryCommandOptions } from './query-flags.js';
import { addScrapeOptions, type ScrapeFlags } from './scrape.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('query')
    .description(t('cli.query.description'))
    .argument('<expr>', t('cli.query.expr'))
    .option('-t, --time <time>', t('cli.query.time'));
  addOutputOptions(cmd);
  cmd.option('--buckets', t('cli.query.buckets'));
  addRangeOptions(cmd, t('cli.query.rangeDefault'));
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  addMaxSamplesOption(cmd);
  addScrapeOptions(cmd, true).option('--scrape-for <duration>', t('cli.query.scrapeFor'));
  cmd.addHelpText(
    'after',
    `
${t('cli.examples')}
  $ promlearn query up
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn query 'http_requests_total[1m]'            ${t('cli.query.ex.raw')}
  $ promlearn query 'nodejs_heap_size_used_bytes' --time -30m
  $ promlearn query 'rate(http_requests_total[5m])' --range 1h   ${t('cli.query.ex.chart')}
  $ promlearn query up -o json | jq '.result[].metric'
  $ promlearn query up --server http://localhost:9090
  $ promlearn query 'sum by (route) (rate(http_request_duration_seconds{job="api"}[5m]))' --buckets
  $ promlearn query 'histogram_quantile(0.9, sum by (route) (rate(http_request_duration_seconds[5m])))'
  $ promlearn query 'sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))' --var job=api
  $ promlearn query 'rate(http_requests_total[10s])' --scrape http://127.0.0.1:8080/metrics --interval 2s --scrape-for 6s

${t('cli.query.after.grafana')}

${t('cli.query.after.json')}`,
  );
  cmd.action(async (expr: string, opts: QueryCommandOptions & ScrapeFlags & { scrape?: string[]; scrapeFor?: string }) => {
    const { runQuery } = await import('./run-query.js');
    const { wantsScrape, scrapeForQuery } = await import('./scrape.js');
    // --scrape: a live store scraped for this query takes the place of the backend the flags would open.
    const live = wantsScrape(opts) ? await scrapeForQuery(opts, deps.io) : undefined;
    await runQuery(expr, opts, live ? { ...deps, openBackend: async () => live } : deps);
  });
}
