// The demo app: prom-client metrics in both formats, incidents, a crash that
// really resets the counters, and a clear message for a port in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DemoApp } from '../../src/demo/app.js';
import { applyKey } from '../../src/demo/keys.js';
import { wantsOpenMetrics } from '../../src/demo/metrics.js';
import { parseExposition } from '../../src/storage/exposition.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

const OM = 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5';

async function metrics(app: DemoApp, accept?: string) {
  const res = await fetch(`${app.url}/metrics`, { headers: accept ? { accept } : {} });
  return { type: res.headers.get('content-type') ?? '', body: await res.text() };
}

async function hit(app: DemoApp, path: string, n = 1, method = 'GET'): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) codes.push(await fetch(`${app.url}${path}`, { method }).then(async (r) => (await r.arrayBuffer(), r.status)));
  return codes;
}

function value(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('text format by default, OpenMetrics when Accept asks for it, both parseable, counters keep their name', async () => {
  const app = new DemoApp({ host: '127.0.0.1', port: 0 });
  await app.start();
  try {
    await hit(app, '/api/products', 3);
    const text = await metrics(app);
    assert.match(text.type, /^text\/plain; version=0\.0\.4/);
    assert.equal(value(text.body, 'http_requests_total{method="GET",route="/api/products",status_code="200"}'), 3);
    const om = await metrics(app, OM);
    assert.match(om.type, /^application\/openmetrics-text; version=1\.0\.0/);
    assert.match(om.body, /^# TYPE http_requests counter$/m);
    assert.match(om.body, /# EOF\n$/);
    parseExposition(om.body, { format: 'openmetrics', defaultTimestampMs: 1 });
    // prom-client renames counters for OpenMetrics; the text format must still say http_requests_total.
    const again = await metrics(app);
    assert.match(again.body, /^# TYPE http_requests_total counter$/m);
    const store = parseExposition(again.body, { format: 'text', defaultTimestampMs: 1 });
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'http_requests_in_flight',
      'http_response_size_bytes',
      'process_cpu_seconds_total',
      'nodejs_heap_size_used_bytes',
    ]) {
      assert.ok(store.select([{ name: '__name__', op: '=', value: name }]).length > 0, name);
    }
  } finally {
    await app.stop();
  }
});

test('Accept negotiation follows q values', () => {
  assert.equal(wantsOpenMetrics(undefined), false);
  assert.equal(wantsOpenMetrics('text/plain'), false);
  assert.equal(wantsOpenMetrics('application/openmetrics-text;version=1.0.0'), true);
  assert.equal(wantsOpenMetrics('text/plain;q=1,application/openmetrics-text;q=0.5'), false);
});

test('incidents: errors, raw paths in the route label, unknown routes', async () => {
  const app = new DemoApp({ host: '127.0.0.1', port: 0, incidents: { errorRate: 1 } });
  await app.start();
  try {
    assert.deepEqual(await hit(app, '/api/cart', 2, 'POST'), [500, 500]);
    app.incidents.errorRate = 0;
    assert.deepEqual(await hit(app, '/api/cart', 1, 'POST'), [201]);
    app.incidents.rawPaths = true;
    await hit(app, '/api/users/4242');
    assert.deepEqual(await hit(app, '/nope'), [404]);
    const body = (await metrics(app)).body;
    assert.equal(value(body, 'http_requests_total{method="POST",route="/api/cart",status_code="500"}'), 2);
    assert.equal(value(body, 'http_requests_total{method="POST",route="/api/cart",status_code="201"}'), 1);
    assert.equal(value(body, 'http_requests_total{method="GET",route="/api/users/4242",status_code="200"}'), 1);
    assert.equal(value(body, 'http_requests_total{method="GET",route="unmatched",status_code="404"}'), 1);
  } finally {
    await app.stop();
  }
});

test('a crash takes the app down, and the restarted app counts from zero', async () => {
  const app = new DemoApp({ host: '127.0.0.1', port: 0, restartDelayMs: 300 });
  await app.start();
  try {
    await hit(app, '/', 5);
    const startedBefore = value((await metrics(app)).body, 'process_start_time_seconds');
    const series = 'http_requests_total{method="GET",route="/",status_code="200"}';
    assert.equal(value((await metrics(app)).body, series), 5);
    assert.equal(applyKey(app, 'c'), undefined);
    await new Promise((r) => setTimeout(r, 50));
    await assert.rejects(fetch(`${app.url}/metrics`));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(app.restarts, 1);
    assert.equal(value((await metrics(app)).body, series), undefined);
    const startedAfter = value((await metrics(app)).body, 'process_start_time_seconds') ?? 0;
    assert.ok(
      startedBefore !== undefined && startedAfter > startedBefore,
      `a restart is a new start time: ${startedBefore} → ${startedAfter}`,
    );
    assert.ok(Math.abs(startedAfter - Date.now() / 1000) < 3);
    await hit(app, '/');
    assert.equal(value((await metrics(app)).body, series), 1);
  } finally {
    await app.stop();
  }
});

test('keys switch incidents; the leak grows demo_leaked_bytes', async () => {
  const app = new DemoApp({ host: '127.0.0.1', port: 0, leakBytesPerSec: 4 * 1024 * 1024 });
  await app.start();
  try {
    assert.match(String(applyKey(app, 'e')), /5%/);
    assert.match(String(applyKey(app, 'e')), /25%/);
    assert.equal(applyKey(app, 'e'), 'errors off');
    assert.match(String(applyKey(app, 's')), /on/);
    assert.ok(app.incidents.slow.has('/api/products'));
    applyKey(app, 'l');
    await new Promise((r) => setTimeout(r, 600));
    assert.ok((value((await metrics(app)).body, 'demo_leaked_bytes') ?? 0) >= 1024 * 1024);
    applyKey(app, 'l');
    assert.equal(value((await metrics(app)).body, 'demo_leaked_bytes'), 0);
    assert.equal(applyKey(app, 'q'), 'quit');
  } finally {
    await app.stop();
  }
});

test('a port in use is a clear message, exit 2', async () => {
  const app = new DemoApp({ host: '127.0.0.1', port: 0 });
  await app.start();
  try {
    const port = new URL(app.url).port;
    const io = bufferIO();
    const code = await main(['node', 'promlearn', 'demo-app', '--port', port, '--no-keys'], io);
    assert.equal(code, 2);
    assert.match(io.output.err, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    const bad = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'demo-app', '--errors', '150%'], bad), 2);
    assert.match(bad.output.err, /invalid --errors "150%"/);
  } finally {
    await app.stop();
  }
});
