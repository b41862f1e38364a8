// The export round trip: the sample dataset written as OpenMetrics, backfilled
// with Debian's promtool into a real Prometheus, answers like the embedded
// engine (same series; same query results within 1e-9 relative), away from
// the scrape gap where OpenMetrics cannot carry the staleness markers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOY_TIME, GAP_END, GAP_START, INCIDENTS, RESTART_TIME } from '../../src/dataset/index.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import type { InstantSample, Metric, QueryData } from '../../src/model/result.js';
import { parseSampleValue } from '../../src/model/result.js';
import { requirePrometheus } from '../helpers/prometheus.js';
import { samplePrometheus } from '../helpers/sample-prometheus.js';

// The sample dataset backfilled into Prometheus: one server for the whole `npm test` run.
const prom = samplePrometheus();

async function api(path: string, params: Record<string, string | string[]>): Promise<unknown> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) body.append(k, x);
  const res = await fetch(`${(await prom.get()).url}${path}`, { method: 'POST', body });
  const json = (await res.json()) as { status: string; data: unknown; error?: string };
  assert.equal(json.status, 'success', json.error);
  return json.data;
}

const key = (m: Metric) => JSON.stringify(Object.entries(m).sort());

function close(a: string, b: string, what: string): void {
  const x = parseSampleValue(a);
  const y = parseSampleValue(b);
  if (Number.isNaN(x) && Number.isNaN(y)) return;
  const ok = x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
  assert.ok(ok, `${what}: local ${a} vs prometheus ${b}`);
}

function compareVectors(local: QueryData, remote: QueryData, what: string): void {
  assert.equal(local.resultType, remote.resultType, what);
  if (local.resultType !== 'vector' || remote.resultType !== 'vector') return;
  const theirs = new Map((remote.result as InstantSample[]).map((s) => [key(s.metric), s.value![1]]));
  assert.equal(local.result.length, theirs.size, `${what}: result sizes`);
  for (const s of local.result) {
    const v = theirs.get(key(s.metric));
    assert.ok(v !== undefined, `${what}: ${key(s.metric)} missing in Prometheus`);
    close(s.value![1], v, `${what} ${key(s.metric)}`);
  }
}

// Instants away from the scrape gap (plus the 5m lookback) and from the
// moments the deploy retires the old version series.
const TIMES = [
  RESTART_TIME - 1800,
  RESTART_TIME + 200,
  GAP_START - 1200,
  GAP_END + 600,
  DEPLOY_TIME + 1200,
  DEPLOY_TIME + 5000,
  DEPLOY_TIME + 9000,
];
const QUERIES = [
  'up',
  'sum by (job) (rate(http_requests_total[5m]))',
  'sum by (job, status_code) (increase(http_requests_total[1h]))',
  'histogram_quantile(0.9, sum by (le, job, route) (rate(http_request_duration_seconds_bucket[5m])))',
  'rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])',
  'db_query_duration_seconds{quantile="0.99"}',
  'sum by (kind) (rate(nodejs_gc_duration_seconds_count[10m]))',
  'nodejs_heap_size_used_bytes / nodejs_heap_size_total_bytes',
  'resets(process_cpu_seconds_total[1h])',
  'avg by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))',
  '1 - node_filesystem_avail_bytes / node_filesystem_size_bytes',
  'deriv(node_memory_MemAvailable_bytes[30m])',
  'sum(increase(checkout_orders_total[30m])) by (payment_method)',
  'max_over_time(shop_cart_active_sessions[15m])',
  'changes(process_start_time_seconds[2h])',
  ...INCIDENTS.map((i) => i.query),
];

test('the OpenMetrics export backfilled into Prometheus has the same series', { timeout: 300_000 }, async (t) => {
  if (!requirePrometheus(t)) return;
  const local = await openLocalDataset({ inProcess: true }, hostFromIO(bufferIO()));
  // The native (NHCB) request-duration histogram has no text-format form: the export writes its classic series only.
  const mine = await local.series({ match: ['{__name__=~".+", __name__!="http_request_duration_seconds"}'] });
  const theirs = (await api('/api/v1/series', { 'match[]': '{__name__=~".+"}', start: '0', end: '4000000000' })) as Metric[];
  assert.equal(theirs.length, mine.length);
  const set = new Set(theirs.map(key));
  for (const m of mine) assert.ok(set.has(key(m)), `${key(m)} missing in Prometheus`);
});

test('Prometheus and the embedded engine agree on instant queries', { timeout: 300_000 }, async (t) => {
  if (!requirePrometheus(t)) return;
  const local = await openLocalDataset({ inProcess: true }, hostFromIO(bufferIO()));
  for (const q of QUERIES) {
    for (const time of TIMES) {
      const mine = await local.instantQuery(q, time);
      const theirs = (await api('/api/v1/query', { query: q, time: String(time) })) as QueryData;
      compareVectors(mine.data, theirs, `${q} @ ${new Date(time * 1000).toISOString()}`);
    }
  }
});

test('Prometheus and the embedded engine agree on a range query', { timeout: 300_000 }, async (t) => {
  if (!requirePrometheus(t)) return;
  const local = await openLocalDataset({ inProcess: true }, hostFromIO(bufferIO()));
  const q = 'sum by (job) (rate(http_requests_total[5m]))';
  const [start, end, step] = [DEPLOY_TIME - 3600, DEPLOY_TIME + 3600, 60];
  const mine = await local.rangeQuery(q, start, end, step);
  const theirs = (await api('/api/v1/query_range', { query: q, start: String(start), end: String(end), step: String(step) })) as QueryData;
  assert.equal(mine.data.resultType, 'matrix');
  assert.equal(theirs.resultType, 'matrix');
  if (mine.data.resultType !== 'matrix' || theirs.resultType !== 'matrix') return;
  const byKey = new Map(theirs.result.map((s) => [key(s.metric), s.values]));
  assert.equal(mine.data.result.length, byKey.size);
  for (const s of mine.data.result) {
    const values = byKey.get(key(s.metric))!;
    assert.equal(values.length, s.values.length, key(s.metric));
    s.values.forEach(([ts, v], i) => {
      assert.equal(values[i][0], ts);
      close(v, values[i][1], `${key(s.metric)} @ ${ts}`);
    });
  }
});
