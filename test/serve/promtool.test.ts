// promtool (Prometheus's own client) against `promlearn serve`: instant,
// range, series and labels answers equal `promlearn query`'s local output.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { requirePrometheus } from '../helpers/prometheus.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { serveBackend, type Served } from './serve-helper.js';

const run = promisify(execFile);
let served: Served | undefined;
after(() => served?.close());

async function promtool(...args: string[]): Promise<unknown> {
  const { stdout } = await run('promtool', ['query', ...args]);
  return JSON.parse(stdout);
}

/** `promlearn ARGS --output json` through main() in this process, on the shared sample backend. */
async function promlearn(...args: string[]): Promise<unknown> {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', ...args, '--output', 'json'], io, sampleDeps(io));
  assert.equal(code, 0, io.output.err);
  return JSON.parse(io.output.out);
}

test('promtool query instant|range|series|labels against promlearn serve = promlearn query locally', async (t) => {
  if (!requirePrometheus(t)) return;
  served = await serveBackend(await openLocalDataset({ inProcess: true }, QUIET_HOST));
  const url = served.url;
  const at = '2026-01-15T10:50:00Z';
  for (const q of [
    'sum by (job) (rate(http_requests_total[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))',
    'up == 0',
  ]) {
    const local = (await promlearn('query', q, '--time', at)) as { result: unknown };
    assert.deepEqual(await promtool('instant', '-o', 'json', `--time=${at}`, url, q), local.result, q);
  }
  const range = ['--start=2026-01-15T10:30:00Z', '--end=2026-01-15T11:00:00Z', '--step=5m'];
  const q = 'sum by (status_code) (rate(http_requests_total{job="checkout"}[5m]))';
  const localRange = (await promlearn('query', q, '--start', '2026-01-15T10:30:00Z', '--end', '2026-01-15T11:00:00Z', '--step', '5m')) as {
    result: unknown;
  };
  assert.deepEqual(await promtool('range', '-o', 'json', ...range, url, q), localRange.result);
  assert.deepEqual(await promtool('series', '-o', 'json', '--match=up{job="api"}', url), await promlearn('series', 'up{job="api"}'));
  assert.deepEqual(await promtool('labels', '-o', 'json', url, 'job'), await promlearn('labels', 'job'));
});
