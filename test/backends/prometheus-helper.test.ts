// The live-test harness itself: backfill + start + query + stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { requirePrometheus, startPrometheus } from '../helpers/prometheus.js';
import { fixtureOpenMetrics, FIXTURE_START } from './fixture.js';

test('startPrometheus backfills the fixture, serves it, and stop() cleans up', async (t) => {
  if (!requirePrometheus(t)) return;
  const prom = await startPrometheus({ openMetrics: fixtureOpenMetrics() });
  try {
    assert.match(prom.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${prom.url}/api/v1/query?query=up&time=${FIXTURE_START + 1800}`);
    const body = (await res.json()) as { status: string; data: { result: unknown[] } };
    assert.equal(body.status, 'success');
    assert.equal(body.data.result.length, 2);
  } finally {
    await prom.stop();
  }
  assert.equal(existsSync(prom.dataDir), false);
  await assert.rejects(fetch(`${prom.url}/-/ready`));
  await prom.stop(); // idempotent
});
