// The scrape manager: one loop per target, each scraping every interval into
// one shared live store, and writing the synthetic series Prometheus writes
// for every scrape (up, scrape_duration_seconds, scrape_samples_scraped,
// scrape_samples_post_metric_relabeling, scrape_series_added), all stamped
// with the time the scrape started.

import { MemoryStore, OutOfOrderSampleError, STALE_NAN, sortedLabels } from '../storage/store.js';
import type { Metric, MetricMetadata } from '../model/result.js';
import { type TargetConfig, targetUrl } from './config.js';
import { fetchTarget, formatOf, ScrapeFailure } from './fetch.js';
import { TargetSeriesCache } from './append.js';

export type TargetHealth = 'up' | 'down' | 'unknown';

/** One row of the target list, with the fields of Prometheus's /api/v1/targets. */
export interface TargetStatus {
  scrapePool: string;
  scrapeUrl: string;
  /** job, instance and any static labels. */
  labels: Metric;
  health: TargetHealth;
  lastError: string;
  /** ms since epoch; undefined before the first scrape. */
  lastScrape?: number;
  lastScrapeDuration: number;
  /** Samples of the last scrape (0 when it failed). */
  lastSamples: number;
  scrapeIntervalMs: number;
  scrapeTimeoutMs: number;
}

/** The metadata Prometheus documents for its synthetic scrape series. */
const REPORT_SERIES: ReadonlyArray<[string, string]> = [
  ['up', 'Health of the scrape target: 1 if the last scrape succeeded, 0 if it failed.'],
  ['scrape_duration_seconds', 'Duration of the scrape in seconds.'],
  ['scrape_samples_scraped', 'Number of samples the target exposed.'],
  ['scrape_samples_post_metric_relabeling', 'Number of samples remaining after metric relabeling was applied.'],
  ['scrape_series_added', 'Approximate number of new series in this scrape.'],
];

export interface ScraperOptions {
  /** Clock in ms (tests pass a fake). */
  now?: () => number;
  userAgent?: string;
  /** Called after every scrape of any target. */
  onScrape?: (status: TargetStatus) => void;
}

class ScrapeLoop {
  readonly labels: Metric;
  private readonly cache: TargetSeriesCache;
  private readonly reportIds: number[];
  status: TargetStatus;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;

  constructor(
    readonly config: TargetConfig,
    private readonly store: MemoryStore,
  ) {
    this.labels = { ...config.labels, job: config.job, instance: config.address };
    this.cache = new TargetSeriesCache(store, this.labels, config.honorLabels);
    this.reportIds = REPORT_SERIES.map(([name]) => store.getOrCreateSeries({ ...this.labels, __name__: name }));
    this.status = {
      scrapePool: config.job,
      scrapeUrl: targetUrl(config),
      labels: sortedLabels(this.labels),
      health: 'unknown',
      lastError: '',
      lastScrapeDuration: 0,
      lastSamples: 0,
      scrapeIntervalMs: config.intervalMs,
      scrapeTimeoutMs: config.timeoutMs,
    };
  }

  /** One scrape: fetch, parse, append, report. Never throws for the target's faults. */
  async scrape(now: () => number, userAgent: string, signal?: AbortSignal): Promise<void> {
    const start = now();
    let error = '';
    let counts = { scraped: 0, postRelabel: 0, seriesAdded: 0 };
    try {
      const res = await fetchTarget(this.config, userAgent, signal);
      counts = this.cache.append(res.body, formatOf(res.contentType), start);
    } catch (e) {
      if (!(e instanceof ScrapeFailure) && !(e instanceof Error && e.name === 'ExpositionError')) throw e;
      error = e.message;
      this.cache.appendFailed(start);
    }
    const durationSec = (now() - start) / 1000;
    const values = [error ? 0 : 1, durationSec, counts.scraped, counts.postRelabel, counts.seriesAdded];
    this.reportIds.forEach((id, i) => this.appendSafe(id, start, values[i]));
    this.status = {
      ...this.status,
      health: error ? 'down' : 'up',
      lastError: error,
      lastScrape: start,
      lastScrapeDuration: durationSec,
      lastSamples: counts.scraped,
    };
  }

  /** A stopped target's series end (Prometheus's end-of-run staleness). */
  markStale(tsMs: number): void {
    this.cache.appendFailed(tsMs);
    for (const id of this.reportIds) this.appendSafe(id, tsMs, STALE_NAN);
  }

  private appendSafe(id: number, t: number, v: number): void {
    try {
      this.store.append(id, t, v);
    } catch (e) {
      if (!(e instanceof OutOfOrderSampleError)) throw e;
    }
  }
}

export class Scraper {
  readonly store: MemoryStore;
  private readonly loops: ScrapeLoop[];
  private readonly now: () => number;
  private readonly userAgent: string;
  private readonly abort = new AbortController();
  private started = false;
  /** Called after every scrape of any target. */
  onScrape?: (status: TargetStatus) => void;

  constructor(targets: TargetConfig[], opts: ScraperOptions = {}, store = new MemoryStore()) {
    this.store = store;
    this.now = opts.now ?? Date.now;
    this.userAgent = opts.userAgent ?? 'promlearn';
    this.onScrape = opts.onScrape;
    this.loops = targets.map((t) => new ScrapeLoop(t, store));
    for (const [name, help] of REPORT_SERIES) {
      const md: MetricMetadata = { type: 'gauge', help, unit: '' };
      store.setMetadata(name, md);
    }
  }

  /** Scrapes every target once, now, in parallel (tests and `scrape --once`). */
  async scrapeAll(): Promise<TargetStatus[]> {
    await Promise.all(this.loops.map((l) => this.runOnce(l)));
    return this.targets();
  }

  /**
   * Starts the loops: a first scrape right away, then one every interval,
   * never two at once for a target. Resolves when every target's first scrape is done.
   */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    const firsts: Promise<void>[] = [];
    for (const loop of this.loops) {
      const first = this.now();
      let k = 0;
      const tick = (): Promise<void> => {
        if (this.abort.signal.aborted) return Promise.resolve();
        return this.runOnce(loop).finally(() => {
          if (this.abort.signal.aborted) return;
          // Stay on the interval grid (no drift); skip ticks a slow scrape overran.
          k = Math.max(k + 1, Math.ceil((this.now() - first) / loop.config.intervalMs));
          loop.timer = setTimeout(() => void tick(), Math.max(0, first + k * loop.config.intervalMs - this.now()));
        });
      };
      firsts.push(tick().catch(() => undefined));
    }
    return Promise.all(firsts).then(() => undefined);
  }

  private runOnce(loop: ScrapeLoop): Promise<void> {
    loop.running = loop.scrape(this.now, this.userAgent, this.abort.signal).then(() => this.onScrape?.(loop.status));
    return loop.running;
  }

  /**
   * Stops every loop, waits for scrapes in flight, and marks every target's
   * series stale (as Prometheus does when a target goes away); with
   * `staleMarkers: false` the data stays queryable at "now" (query --scrape).
   */
  async stop(opts: { staleMarkers?: boolean } = {}): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    for (const l of this.loops) clearTimeout(l.timer);
    await Promise.all(this.loops.map((l) => l.running?.catch(() => undefined)));
    if (opts.staleMarkers === false) return;
    const t = this.now();
    for (const l of this.loops) if (l.status.lastScrape !== undefined) l.markStale(Math.max(t, l.status.lastScrape + 1));
  }

  targets(): TargetStatus[] {
    return this.loops.map((l) => l.status);
  }
}
