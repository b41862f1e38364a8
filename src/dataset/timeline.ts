// When things happen in the sample dataset: its time range, its scrape targets
// and the incidents a learner can find with PromQL. All times are fixed
// constants, so lessons and docs can name them (see docs/dataset.md).

import { t } from '../util/messages/index.js';

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
  /** In the run's language (src/util/messages/incidents.ts). */
  readonly title: string;
  readonly description: string;
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
    get title() {
      return t('incident.frontend-restart.title', { instance: RESTART_INSTANCE.replace(/:\d+$/, '') });
    },
    get description() {
      return t('incident.frontend-restart.description', { instance: RESTART_INSTANCE });
    },
    start: RESTART_TIME,
    end: RESTART_TIME + 300,
    query: `resets(http_requests_total{instance="${RESTART_INSTANCE}"}[10m])`,
    at: RESTART_TIME + 300,
  },
  {
    id: 'scrape-gap',
    get title() {
      return t('incident.scrape-gap.title', { instance: GAP_INSTANCE.replace(/:\d+$/, '') });
    },
    get description() {
      return t('incident.scrape-gap.description', { instance: GAP_INSTANCE });
    },
    start: GAP_START,
    end: GAP_END,
    query: 'up == 0',
    at: GAP_START + 300,
  },
  {
    id: 'api-deploy',
    get title() {
      return t('incident.api-deploy.title');
    },
    get description() {
      return t('incident.api-deploy.description');
    },
    start: DEPLOY_TIME,
    end: SAMPLE_END,
    query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api",route="/api/products"}[5m])))',
    at: DEPLOY_TIME + 1800,
  },
  {
    id: 'checkout-errors',
    get title() {
      return t('incident.checkout-errors.title');
    },
    get description() {
      return t('incident.checkout-errors.description');
    },
    start: ERROR_BURST_START,
    end: ERROR_BURST_END,
    query: 'sum(rate(http_requests_total{job="checkout",status_code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m]))',
    at: ERROR_BURST_START + 600,
  },
  {
    id: 'memory-leak',
    get title() {
      return t('incident.memory-leak.title', { instance: LEAK_INSTANCE.replace(/:\d+$/, '') });
    },
    get description() {
      return t('incident.memory-leak.description', { instance: LEAK_INSTANCE });
    },
    start: SAMPLE_START,
    end: SAMPLE_END,
    query: `predict_linear(nodejs_heap_size_used_bytes{instance="${LEAK_INSTANCE}"}[1h], 4*3600) > ${HEAP_LIMIT_BYTES}`,
    at: LEAK_ALERT_TIME + 1800,
  },
];
