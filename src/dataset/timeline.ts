// When things happen in the sample dataset: its time range, its scrape targets
// and the incidents a learner can find with PromQL. All times are fixed
// constants, so lessons and docs can name them (see docs/dataset.md).

/** Seconds since the epoch of an ISO-8601 UTC instant. */
function at(iso: string): number {
  return Date.parse(iso) / 1000;
}

/** The end of the sample data: 2026-01-15T12:00:00Z (unix seconds). */
export const SAMPLE_END = at('2026-01-15T12:00:00Z');
/** Six hours of data. */
export const SAMPLE_START = SAMPLE_END - 6 * 3600;
/** Prometheus's scrape interval for every target. */
export const SCRAPE_INTERVAL_SECONDS = 15;

/** The api deploy (v2.3.1 -> v2.4.0, Node 20 -> 22): instances restart one minute apart. */
export const DEPLOY_TIME = at('2026-01-15T09:30:00Z');
/** 5xx burst on checkout. */
export const ERROR_BURST_START = at('2026-01-15T10:40:00Z');
export const ERROR_BURST_END = at('2026-01-15T11:00:00Z');
/** frontend-2 crashes and restarts: its counters reset. */
export const RESTART_TIME = at('2026-01-15T07:12:30Z');
export const RESTART_INSTANCE = 'frontend-2:3000';
/** api-2 cannot be scraped (network partition): up == 0, its series go stale. */
export const GAP_START = at('2026-01-15T08:05:00Z');
export const GAP_END = at('2026-01-15T08:18:00Z');
export const GAP_INSTANCE = 'api-2:8080';
/** frontend-1 leaks memory; it runs with --max-old-space-size=512. */
export const LEAK_INSTANCE = 'frontend-1:3000';
export const HEAP_LIMIT_BYTES = 512 * 1024 * 1024;
/** The instant predict_linear(nodejs_heap_size_used_bytes[1h], 4*3600) first exceeds the limit (approximately). */
export const LEAK_ALERT_TIME = at('2026-01-15T10:05:00Z');

interface Incident {
  id: string;
  title: string;
  description: string;
  /** unix seconds */
  start: number;
  end: number;
  /** A query that reveals it. */
  query: string;
  /** A good evaluation time for that query (unix seconds). */
  at: number;
}

export const INCIDENTS: readonly Incident[] = [
  {
    id: 'frontend-restart',
    title: 'frontend-2 restarts',
    description: `${RESTART_INSTANCE} crashes and restarts at 07:12:30Z: all its counters drop to ~0 (resets() sees it; rate() handles it) and process_start_time_seconds changes.`,
    start: RESTART_TIME,
    end: RESTART_TIME + 300,
    query: `resets(http_requests_total{instance="${RESTART_INSTANCE}"}[10m])`,
    at: RESTART_TIME + 300,
  },
  {
    id: 'scrape-gap',
    title: 'api-2 cannot be scraped',
    description: `${GAP_INSTANCE} is unreachable from 08:05Z to 08:18Z: up is 0, its other series get staleness markers and vanish from instant queries until it is back.`,
    start: GAP_START,
    end: GAP_END,
    query: 'up == 0',
    at: GAP_START + 300,
  },
  {
    id: 'api-deploy',
    title: 'api v2.4.0 deploy makes /api/products slow',
    description:
      'At 09:30Z the api instances restart one minute apart with app version 2.4.0 on Node 22 (shop_build_info, nodejs_version_info and process_start_time_seconds change); the p99 latency of /api/products jumps from ~100ms to ~800ms.',
    start: DEPLOY_TIME,
    end: SAMPLE_END,
    query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api",route="/api/products"}[5m])))',
    at: DEPLOY_TIME + 1800,
  },
  {
    id: 'checkout-errors',
    title: 'checkout 5xx burst',
    description: 'From 10:40Z to 11:00Z about 6% of checkout requests fail with 500/503 (normally ~0.2%); orders drop.',
    start: ERROR_BURST_START,
    end: ERROR_BURST_END,
    query: 'sum(rate(http_requests_total{job="checkout",status_code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m]))',
    at: ERROR_BURST_START + 600,
  },
  {
    id: 'memory-leak',
    title: 'frontend-1 leaks memory',
    description: `${LEAK_INSTANCE}'s heap grows ~50 MiB per hour; from about 10:05Z predict_linear says it will pass its 512 MiB heap limit within 4 hours.`,
    start: SAMPLE_START,
    end: SAMPLE_END,
    query: `predict_linear(nodejs_heap_size_used_bytes{instance="${LEAK_INSTANCE}"}[1h], 4*3600) > ${HEAP_LIMIT_BYTES}`,
    at: LEAK_ALERT_TIME + 1800,
  },
];
