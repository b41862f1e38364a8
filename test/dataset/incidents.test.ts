// Each documented incident of the sample dataset is found by PromQL through
// the local backend (the embedded engine), and only when it happens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEPLOY_TIME,
  ERROR_BURST_END,
  ERROR_BURST_START,
  GAP_END,
  GAP_INSTANCE,
  GAP_START,
  HEAP_LIMIT_BYTES,
  INCIDENTS,
  LEAK_ALERT_TIME,
  LEAK_INSTANCE,
  RESTART_INSTANCE,
  RESTART_TIME,
  SAMPLE_END,
  SAMPLE_START,
} from '../../src/dataset/index.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import type { Backend } from '../../src/backends/backend.js';
import type { InstantSample } from '../../src/model/result.js';

let backendPromise: Promise<Backend> | undefined;
const backend = () => (backendPromise ??= openLocalDataset({ inProcess: true }, hostFromIO(bufferIO())));

async function instant(query: string, time: number): Promise<InstantSample[]> {
  const r = await (await backend()).instantQuery(query, time);
  assert.equal(r.data.resultType, 'vector', query);
  return r.data.result as InstantSample[];
}

async function scalarAt(query: string, time: number): Promise<number | undefined> {
  const v = await instant(query, time);
  assert.ok(v.length <= 1, `${query}: ${v.length} results`);
  return v.length ? Number(v[0].value![1]) : undefined;
}

test('the sample backend describes itself', async () => {
  const info = await (await backend()).info();
  assert.equal(info.kind, 'local');
  assert.equal(info.name, 'sample');
  assert.ok(info.dataRange);
  assert.ok(info.dataRange.end <= SAMPLE_END);
  assert.ok(info.dataRange.end > SAMPLE_END - 15);
});

test('every documented query returns something at its suggested time', async () => {
  for (const inc of INCIDENTS) {
    const v = await instant(inc.query, inc.at);
    assert.ok(v.length > 0, `${inc.id}: ${inc.query} at ${inc.at}`);
  }
});

test('checkout error ratio is above 1% only during the burst', async () => {
  const q = INCIDENTS.find((i) => i.id === 'checkout-errors')!.query;
  const r = await (await backend()).rangeQuery(q, SAMPLE_START + 600, SAMPLE_END, 60);
  assert.equal(r.data.resultType, 'matrix');
  const [series] = r.data.result as { values: [number, string][] }[];
  assert.ok(series.values.length > 300);
  for (const [t, s] of series.values) {
    const v = Number(s);
    if (t >= ERROR_BURST_START + 300 && t <= ERROR_BURST_END) {
      assert.ok(v > 0.04, `burst ratio ${v} at ${t}`);
      assert.ok(v < 0.09, `burst ratio ${v} at ${t}`);
    } else if (t >= ERROR_BURST_START + 120 && t <= ERROR_BURST_END) assert.ok(v > 0.01, `burst ratio ${v} at ${t}`);
    else if (t < ERROR_BURST_START || t > ERROR_BURST_END + 330) assert.ok(v < 0.01, `ratio ${v} at ${t}`);
  }
});

test('the frontend restart is seen by resets() and handled by rate()', async () => {
  const q = `max(resets(http_requests_total{instance="${RESTART_INSTANCE}"}[10m]))`;
  assert.equal(await scalarAt(q, RESTART_TIME - 60), 0);
  assert.equal(await scalarAt(q, RESTART_TIME + 300), 1);
  const others = await scalarAt('max(resets(http_requests_total{instance!="' + RESTART_INSTANCE + '",job="frontend"}[6h]))', SAMPLE_END);
  assert.equal(others, 0);
  const rate = `sum(rate(http_requests_total{instance="${RESTART_INSTANCE}"}[5m]))`;
  const before = (await scalarAt(rate, RESTART_TIME - 60))!;
  const after = (await scalarAt(rate, RESTART_TIME + 120))!;
  assert.ok(Math.abs(after / before - 1) < 0.3, `rate ${before} -> ${after}`);
  const start = `process_start_time_seconds{instance="${RESTART_INSTANCE}"}`;
  assert.equal(await scalarAt(start, RESTART_TIME + 60), RESTART_TIME);
});

test('the scrape gap: up == 0 for one target, its series absent after the staleness marker', async () => {
  const down = await instant('up == 0', GAP_START + 300);
  assert.deepEqual(
    down.map((s) => s.metric.instance),
    [GAP_INSTANCE],
  );
  assert.equal((await instant('up == 0', GAP_START - 60)).length, 0);
  assert.equal((await instant('up == 0', GAP_END + 60)).length, 0);
  const heap = `nodejs_heap_size_used_bytes{instance="${GAP_INSTANCE}"}`;
  assert.equal((await instant(heap, GAP_START - 30)).length, 1);
  assert.equal((await instant(heap, GAP_START + 30)).length, 0, 'stale right after the first missed scrape');
  assert.equal((await instant(heap, GAP_END + 30)).length, 1);
  const ups = await instant(`count_over_time((up{instance="${GAP_INSTANCE}"} == 0)[30m:15s])`, GAP_END + 300);
  assert.ok(Number(ups[0].value![1]) >= 40);
});

test('the api deploy: restarts, new versions, and a p99 jump on /api/products', async () => {
  const p99 = INCIDENTS.find((i) => i.id === 'api-deploy')!.query;
  const before = (await scalarAt(p99, DEPLOY_TIME - 1800))!;
  const after = (await scalarAt(p99, DEPLOY_TIME + 1800))!;
  assert.ok(before > 0.08, `p99 before ${before}`);
  assert.ok(before < 0.12, `p99 before ${before}`);
  assert.ok(after > 0.7, `p99 after ${after}`);
  assert.ok(after < 0.9, `p99 after ${after}`);
  const changes = await instant('changes(process_start_time_seconds{job="api"}[1h])', DEPLOY_TIME + 600);
  assert.deepEqual(
    changes.map((s) => s.value![1]),
    ['1', '1', '1'],
  );
  const versions = async (t: number) => (await instant('count by (version) (shop_build_info{job="api"})', t)).map((s) => s.metric.version);
  assert.deepEqual(await versions(DEPLOY_TIME - 60), ['2.3.1']);
  assert.deepEqual(await versions(DEPLOY_TIME + 600), ['2.4.0']);
  const node = await instant('nodejs_version_info{job="api"}', DEPLOY_TIME + 600);
  assert.deepEqual([...new Set(node.map((s) => s.metric.version))], ['v22.12.0']);
});

test('the memory leak: predict_linear crosses the heap limit only for the leaking instance', async () => {
  const q = `predict_linear(nodejs_heap_size_used_bytes[1h], 4*3600) > ${HEAP_LIMIT_BYTES}`;
  assert.equal((await instant(q, LEAK_ALERT_TIME - 900)).length, 0);
  const late = await instant(q, LEAK_ALERT_TIME + 900);
  assert.deepEqual(
    late.map((s) => s.metric.instance),
    [LEAK_INSTANCE],
  );
  const atEnd = await instant(q, SAMPLE_END);
  assert.deepEqual(
    atEnd.map((s) => s.metric.instance),
    [LEAK_INSTANCE],
  );
  const slope = await scalarAt(`deriv(nodejs_heap_size_used_bytes{instance="${LEAK_INSTANCE}"}[1h])`, SAMPLE_END);
  assert.ok(slope! > 10_000, `heap slope ${slope} B/s`);
  assert.ok(slope! < 20_000, `heap slope ${slope} B/s`);
});
