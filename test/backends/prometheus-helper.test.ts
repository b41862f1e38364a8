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

test('requirePrometheus: skips with a message when missing, fails when CI=true', () => {
  const saved = { no: process.env.PROMLEARN_NO_PROMETHEUS, ci: process.env.CI };
  const skipped: string[] = [];
  const t = { skip: (msg?: string) => void skipped.push(msg ?? '') };
  try {
    process.env.PROMLEARN_NO_PROMETHEUS = '1';
    delete process.env.CI;
    assert.equal(requirePrometheus(t), false);
    assert.match(skipped[0], /not installed/);
    process.env.CI = 'true';
    assert.throws(() => requirePrometheus(t), /CI=true/);
  } finally {
    for (const [k, v] of [
      ['PROMLEARN_NO_PROMETHEUS', saved.no],
      ['CI', saved.ci],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
