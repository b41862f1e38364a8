// `promlearn scrape URL...`: pull metrics as Prometheus does, every interval,
// into an in-memory store; print each scrape's outcome; on exit (Ctrl-C,
// --duration, --once) optionally save what was scraped as OpenMetrics.

import { t } from '../util/messages/index.js';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitError, UsageError } from '../errors.js';
import type { IO } from '../util/io.js';
import { parseDurationArg } from '../util/time.js';
import type { CommandDeps } from './deps.js';

/** Flags shared by scrape, serve, query --scrape and repl --scrape. */
export interface ScrapeFlags {
  config?: string;
  interval?: string;
  scrapeTimeout?: string;
  job?: string;
  honorLabels?: boolean;
  bodySizeLimit?: string;
}

export function addScrapeOptions(cmd: Command, withUrls = false): Command {
  if (withUrls) cmd.option('--scrape <url...>', t('cli.scrape.scrape'));
  return cmd
    .option('--config <prometheus.yml>', t('cli.scrape.config'))
    .option('--interval <duration>', t('cli.scrape.interval'))
    .option('--scrape-timeout <duration>', t('cli.scrape.timeout'))
    .option('--job <name>', t('cli.scrape.job'), 'promlearn')
    .option('--honor-labels', t('cli.scrape.honorLabels'))
    .option('--body-size-limit <size>', t('cli.scrape.bodySizeLimit'));
}

/** Builds the scraper the flags describe (not started). */
export async function scraperFromFlags(urls: string[], f: ScrapeFlags) {
  const { targetsFromUrls, loadScrapeConfigFile, parseBytes } = await import('../scrape/config.js');
  const { Scraper } = await import('../scrape/scraper.js');
  const d = {
    intervalMs: f.interval !== undefined ? parseDurationArg(f.interval) : undefined,
    timeoutMs: f.scrapeTimeout !== undefined ? parseDurationArg(f.scrapeTimeout) : undefined,
    honorLabels: f.honorLabels ? true : undefined,
    job: f.job,
    bodySizeLimit: f.bodySizeLimit !== undefined ? parseBytes(f.bodySizeLimit) : undefined,
  };
  const targets = [...(f.config ? loadScrapeConfigFile(f.config, d) : []), ...(urls.length ? targetsFromUrls(urls, d) : [])];
  if (targets.length === 0) throw new UsageError(t('usage.nothingToScrape'), t('usage.nothingToScrape.hint'));
  return new Scraper(targets);
}

/** The flags asked for a live store: --scrape URLs or --config. */
export function wantsScrape(f: ScrapeFlags & { scrape?: string[] }): boolean {
  return Boolean(f.scrape?.length || f.config);
}

/**
 * A live store for one query (query --scrape): scrapes every target once, or
 * every interval for `forDuration`, then stops without staleness markers so
 * the data is there at "now". Down targets are reported on stderr.
 */
export async function scrapeForQuery(f: ScrapeFlags & { scrape?: string[]; scrapeFor?: string }, io: IO) {
  const scraper = await scraperFromFlags(f.scrape ?? [], f);
  const { createLiveBackend } = await import('../scrape/live.js');
  const forMs = f.scrapeFor !== undefined ? parseDurationArg(f.scrapeFor) : 0;
  if (forMs > 0) {
    void scraper.start();
    await untilStopped(forMs);
    await scraper.stop({ staleMarkers: false });
  } else {
    await scraper.scrapeAll();
  }
  for (const target of scraper.targets()) {
    if (target.health !== 'up') io.err(io.errStyle.error(t('scrape.failed', { url: target.scrapeUrl })) + target.lastError + '\n');
  }
  return createLiveBackend(scraper);
}

/** A live store that keeps scraping until closed (repl --scrape); says so on stderr. */
export async function startLiveBackend(f: ScrapeFlags & { scrape?: string[] }, io: IO) {
  const scraper = await scraperFromFlags(f.scrape ?? [], f);
  const { createLiveBackend } = await import('../scrape/live.js');
  const live = createLiveBackend(scraper);
  // The first round before the first query, so `up` is there at once.
  await scraper.start();
  const n = scraper.targets().length;
  const every = scraper.targets()[0].scrapeIntervalMs / 1000;
  io.err(io.errStyle.dim(n === 1 ? t('scrape.live.one', { n, every }) : t('scrape.live.many', { n, every })) + '\n');
  return live;
}

interface ScrapeCommandOptions extends ScrapeFlags {
  duration?: string;
  once?: boolean;
  save?: string;
  quiet?: boolean;
}

export function register(program: Command, deps: CommandDeps): void {
  const { io } = deps;
  const cmd = program.command('scrape').description(t('cli.scrape.description')).argument('[url...]', t('cli.scrape.urls'));
  addScrapeOptions(cmd)
    .option('--duration <duration>', t('cli.scrape.duration'))
    .option('--once', t('cli.scrape.once'))
    .option('--save <file>', t('cli.scrape.save'))
    .option('-q, --quiet', t('cli.scrape.quiet'))
    .addHelpText('after', t('cli.scrape.help'))
    .action(async (urls: string[], opts: ScrapeCommandOptions) => {
      const durationMs = opts.duration !== undefined ? parseDurationArg(opts.duration) : undefined;
      const scraper = await scraperFromFlags(urls, opts);
      const { formatTargets } = await import('../scrape/status.js');
      const line = (s: { scrapeUrl: string; health: string; lastScrapeDuration: number; lastSamples: number; lastError: string }) => {
        const state = s.health === 'up' ? io.style.ok('up') : io.style.error('down');
        const detail =
          s.health === 'up' ? t('scrape.samplesIn', { samples: s.lastSamples, ms: (s.lastScrapeDuration * 1000).toFixed(1) }) : s.lastError;
        io.out(`${io.style.dim(new Date().toISOString().slice(11, 19))} ${s.scrapeUrl} ${state} ${detail}\n`);
      };
      let failed = false;
      if (opts.once) {
        const statuses = await scraper.scrapeAll();
        failed = statuses.some((s) => s.health !== 'up');
        io.out(formatTargets(statuses, io.style));
      } else {
        if (!opts.quiet) scraper.onScrape = line;
        void scraper.start();
        await untilStopped(durationMs);
      }
      await scraper.stop();
      if (!opts.once) io.out(formatTargets(scraper.targets(), io.style));
      io.out(t('scrape.inStore', { series: scraper.store.numSeries, samples: scraper.store.numSamples }) + '\n');
      if (opts.save) {
        const { writeOpenMetrics } = await import('../storage/openmetrics.js');
        writeFileSync(opts.save, writeOpenMetrics(scraper.store));
        io.out(t('scrape.saved', { file: opts.save }) + '\n');
      }
      // Everything is on the target list already: only the exit code is left to set.
      if (failed) throw new ExitError(1);
    });
}

/** Resolves on Ctrl-C / SIGTERM or after `ms`. */
export function untilStopped(ms?: number): Promise<void> {
  return new Promise((resolve) => {
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const done = () => {
      clearTimeout(timer);
      for (const s of signals) process.off(s, done);
      resolve();
    };
    for (const s of signals) process.on(s, done);
    const timer = ms !== undefined ? setTimeout(done, ms) : undefined;
  });
}
