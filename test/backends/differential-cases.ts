// What the differential test asks both backends: queries covering the
// functions the lessons use, and evaluation times where a backfilled copy of
// the dataset must answer exactly like the embedded engine.
//
// A backfill cannot carry staleness markers, so for up to 5 minutes after a
// marker Prometheus still sees a series that the embedded engine (which has
// the marker) does not. Range selectors skip markers, so only instant
// selectors are affected: each case says how far back its instant selectors
// reach (`back`, seconds: lookback + subquery range + offset), and times
// whose reach covers a marker are not used for it.
// Times have odd second/ms offsets so that no subquery step or range edge
// lines up with one: 2.42 closes ranges on the left, 3.x does not.

import type { MemoryStore } from '../../src/storage/store.js';
import { isStaleNaN } from '../../src/storage/store.js';

export interface Case {
  query: string;
  /** How far before t the query's instant selectors look, seconds. */
  back: number;
}

const LOOKBACK = 300;
const c = (query: string, extra = 0): Case => ({ query, back: LOOKBACK + extra });

export const INSTANT_CASES: Case[] = [
  c('rate(http_requests_total{job="api"}[5m])'),
  c('irate(http_requests_total{job="checkout"}[1m])'),
  c('increase(http_requests_total{job="frontend"}[1h])'),
  c('sum by (job) (rate(http_requests_total[5m]))'),
  c('sum(rate(http_requests_total[5m])) by (status_code)'),
  c('avg by (instance) (rate(process_cpu_seconds_total[5m]))'),
  c('max by (job) (process_resident_memory_bytes)'),
  c('min without (instance) (nodejs_heap_size_used_bytes)'),
  c('count by (job) (up)'),
  c('count(count by (route) (http_requests_total))'),
  c('topk(3, sum by (route) (rate(http_requests_total[5m])))'),
  c('bottomk(2, nodejs_eventloop_lag_seconds)'),
  c('quantile(0.9, rate(http_requests_total[5m]))'),
  c('stddev by (job) (process_resident_memory_bytes)'),
  c('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api",route="/api/products"}[5m])))'),
  c('histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))'),
  c('histogram_quantile(0.9, rate(nodejs_gc_duration_seconds_bucket[10m]))'),
  c('sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))'),
  c(
    'sum by (instance) (rate(http_requests_total{status_code=~"5.."}[5m])) / on (instance) sum by (instance) (rate(http_requests_total[5m])) > 0.01',
  ),
  c(
    'rate(http_requests_total{status_code=~"5.."}[5m]) / ignoring (status_code) group_left sum without (status_code) (rate(http_requests_total[5m]))',
  ),
  c('up * on (job, instance) group_left (version) nodejs_version_info'),
  c('rate(http_requests_total{job="api"}[5m] offset 1h)', 3600),
  c('max_over_time(rate(http_requests_total{job="checkout"}[5m])[30m:1m])', 1800),
  c('max_over_time(nodejs_eventloop_lag_seconds[30m:30s])', 1800),
  c('predict_linear(nodejs_heap_size_used_bytes[1h], 4 * 3600)'),
  c('resets(http_requests_total{instance="frontend-2:3000"}[1h])'),
  c('changes(process_start_time_seconds[1h])'),
  c('delta(node_memory_MemAvailable_bytes[30m])'),
  c('deriv(nodejs_heap_size_used_bytes[30m])'),
  c('label_replace(up, "host", "$1", "instance", "(.*):.*")'),
  c('absent(up{job="nope"})'),
  c('absent(up{job="api"})'),
  c('up == 0'),
  c('1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))'),
  c('node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.6'),
  c('avg_over_time(process_resident_memory_bytes[10m])'),
  c('scalar(sum(up))'),
  c('up{job="api"}[1m]'),
];

export const RANGE_CASES: Case[] = [
  c('sum by (job) (rate(http_requests_total[5m]))'),
  c('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))'),
  c('sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))'),
  c('resets(http_requests_total{job="frontend"}[10m])'),
  c('max_over_time(rate(process_cpu_seconds_total[5m])[10m:1m])', 600),
  c('predict_linear(nodejs_heap_size_used_bytes[30m], 3600)'),
];

/** Timestamps (unix seconds) of every staleness marker in the store. */
export function staleMarkerTimes(store: MemoryStore): number[] {
  const times = new Set<number>();
  for (let id = 0; id < store.numSeries; id++) {
    const s = store.samples(id);
    for (let i = 0; i < s.length; i++) if (isStaleNaN(s.v[i])) times.add(s.t[i] / 1000);
  }
  return [...times].sort((a, b) => a - b);
}

const MARGIN = 60;

/** Is [from - back, to] free of markers (with a margin)? */
export function safeWindow(markers: number[], from: number, to: number, back: number): boolean {
  return !markers.some((m) => m >= from - back - MARGIN && m <= to + MARGIN);
}

/**
 * Instant evaluation times: every 37 minutes from an hour after the start
 * (so [1h] ranges are full), plus moments inside the incidents.
 */
export function instantTimes(start: number, end: number, incidents: number[]): number[] {
  const out: number[] = [];
  for (let t = start + 3600 + 7.321; t < end; t += 37 * 60) out.push(t);
  for (const t of incidents) if (t > start + 3600 && t < end) out.push(t + 127.321);
  return out.sort((a, b) => a - b);
}
