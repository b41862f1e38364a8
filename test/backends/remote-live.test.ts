// The remote backend against a real Prometheus (Debian's 2.42) serving a
// backfilled fixture. Skips without Prometheus, fails with CI=true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { main } from '../../src/cli/main.js';
import { QueryError } from '../../src/errors.js';
import { formatError } from '../../src/render/error.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import type { Backend } from '../../src/backends/backend.js';
import { requirePrometheus, sharedPrometheus } from '../helpers/prometheus.js';
import { FIXTURE_END, FIXTURE_START, fixtureOpenMetrics } from './fixture.js';

const prom = sharedPrometheus(fixtureOpenMetrics);
const MID = FIXTURE_START + 1800;

async function withBackend(fn: (b: Backend, url: string) => Promise<void>): Promise<void> {
  const { url } = await prom.get();
  const b = await createRemoteBackend({ server: url }, hostFromIO(bufferIO()));
  try {
    await fn(b, url);
  } finally {
    await b.close?.();
  }
}

test('live: info() reports the server version', async (t) => {
  if (!requirePrometheus(t)) return;
  await withBackend(async (b, url) => {
    const info = await b.info();
    assert.equal(info.kind, 'remote');
    assert.match(info.version ?? '', /^2\.\d+\.\d+/);
    assert.equal(info.description, `Prometheus ${info.version} at ${url}`);
  });
});

test('live: instant and range queries come back in the API model, stats on request', async (t) => {
  if (!requirePrometheus(t)) return;
  await withBackend(async (b) => {
    const r = await b.instantQuery('sum by (instance) (rate(http_requests_total[5m]))', MID, { stats: true });
    assert.equal(r.data.resultType, 'vector');
    if (r.data.resultType !== 'vector') return;
    assert.deepEqual(r.data.result.map((s) => s.metric.instance).sort(), ['api-1:3000', 'api-2:3000']);
    assert.equal(r.data.result[0].value![0], MID);
    assert.equal(typeof r.data.result[0].value![1], 'string');
    assert.ok(r.stats);
    assert.ok(r.stats.samples.totalQueryableSamples > 0);

    const m = await b.rangeQuery('temperature_celsius', MID - 600, MID, 60);
    assert.equal(m.data.resultType, 'matrix');
    if (m.data.resultType === 'matrix') assert.equal(m.data.result[0].values.length, 11);

    const s = await b.instantQuery('scalar(sum(up))', MID);
    assert.deepEqual(s.data, { resultType: 'scalar', result: [MID, '2'] });
  });
});

test('live: series, label names and values, metadata', async (t) => {
  if (!requirePrometheus(t)) return;
  await withBackend(async (b) => {
    const series = await b.series({ match: ['http_requests_total{instance="api-1:3000"}'], start: FIXTURE_START, end: FIXTURE_END });
    assert.equal(series.length, 2);
    assert.ok((await b.labelNames({ start: FIXTURE_START, end: FIXTURE_END })).includes('route'));
    assert.deepEqual(await b.labelValues('room', { start: FIXTURE_START, end: FIXTURE_END }), ['lab']);
    assert.deepEqual(await b.labelValues('__name__', { start: FIXTURE_START, end: FIXTURE_END }), [
      'http_requests_total',
      'temperature_celsius',
      'up',
    ]);
    // A backfill stores no metadata (see ../shared/PROMETHEUS.md).
    assert.deepEqual(await b.metadata(), {});
  });
});

test('live: a parse error keeps its position for the caret display', async (t) => {
  if (!requirePrometheus(t)) return;
  await withBackend(async (b) => {
    const q = 'rate(http_requests_total)';
    const e = await b.instantQuery(q, MID).then(
      () => assert.fail('expected an error'),
      (e: unknown) => e as QueryError,
    );
    assert.ok(e instanceof QueryError);
    assert.equal(e.errorType, 'bad_data');
    assert.match(e.message, /^1:6: parse error: expected type range vector/);
    // The same caret and hint as the embedded engine's: our parser finds the same error and its whole span.
    assert.deepEqual(formatError(e).split('\n').slice(1, 3), [`  ${q}`, '       ^~~~~~~~~~~~~~~~~~~']);
    assert.equal(e.hint, 'add a range such as [5m]: http_requests_total[5m]');
  });
});

test('live: many-to-many matching is an execution error (422) with a hint', async (t) => {
  if (!requirePrometheus(t)) return;
  await withBackend(async (b) => {
    await assert.rejects(b.instantQuery('http_requests_total / on(job) up', MID), (e: QueryError) => {
      assert.equal(e.errorType, 'execution');
      assert.ok(e.hint);
      return true;
    });
  });
});

test('live: promlearn status prints the connected line', async (t) => {
  if (!requirePrometheus(t)) return;
  const { url } = await prom.get();
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'status', '--server', url], io);
  assert.equal(code, 0, io.output.err);
  assert.match(io.output.out, new RegExp(`connected to Prometheus 2\\.\\d+\\.\\d+\\S* at ${url} \\(\\d+ head series, \\d+ ms\\)`));
});

test('live: promlearn query --server through main()', async (t) => {
  if (!requirePrometheus(t)) return;
  const help = bufferIO();
  await main(['node', 'promlearn', 'query', '--help'], help);
  if (/not implemented yet/.test(help.output.out)) return t.skip('the query command has not landed yet');
  const { url } = await prom.get();
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'query', '--server', url, '--time', String(MID), '-o', 'json', 'up'], io);
  assert.equal(code, 0, io.output.err);
  const body = JSON.parse(io.output.out) as { data?: { result: unknown[] }; result?: unknown[] } | unknown[];
  const result = Array.isArray(body) ? body : (body.data?.result ?? body.result ?? []);
  assert.equal(result.length, 2);
});

test('live: an empty query long after the backfilled data says where it ends, and that --time finds it', async (t) => {
  if (!requirePrometheus(t)) return;
  const { url } = await prom.get();
  const run = async (args: string[], now: number) => {
    const io = bufferIO({ env: { NO_COLOR: '1' } });
    const code = await main(['node', 'promlearn', 'query', '--server', url, ...args], io, { clock: () => now });
    assert.equal(code, 0, io.output.err);
    return io.output;
  };
  // Backfilled blocks only (the head is empty): the series API's time bounds find the end, timestamp() the second.
  const started = Date.now();
  const later = await run(['up'], FIXTURE_END + 200 * 86400);
  const ms = Date.now() - started;
  assert.match(
    later.err,
    /note: on this server the data of up ends at 2026-01-01T01:00:00\.007Z, 200d before the query time; try --time 2026-01-01T01:00:01Z/,
  );
  assert.ok(ms < 4000, `the search took ${ms} ms`);
  const at = await run(['up', '--time', '2026-01-01T01:00:01Z'], FIXTURE_END + 200 * 86400);
  assert.match(at.out, /api-1:3000/);

  const before = await run(['rate(http_requests_total[5m])'], FIXTURE_START - 10 * 86400);
  assert.match(
    before.err,
    /note: on this server the data of http_requests_total starts at about 2026-01-01T00:0\d:\d\dZ, 10d after the query time/,
  );

  const inside = await run(['up == 2'], MID);
  assert.doesNotMatch(inside.err, /note:/);
});
