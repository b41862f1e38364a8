// `promlearn status`: which backend, and a one-line health check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { main } from '../../src/cli/main.js';
import { behaviours, fakeServer } from '../helpers/fake-server.js';

const BUILDINFO = { status: 'success', data: { version: '2.42.0', revision: 'x', branch: 'HEAD' } };
const TSDB = { status: 'success', data: { headStats: { numSeries: 1234 } } };

test('status --help shows examples', async () => {
  const io = bufferIO();
  assert.equal(await main(['node', 'promlearn', 'status', '--help'], io), 0);
  assert.match(io.output.out, /Examples:[\s\S]*--server http:\/\/localhost:9090/);
});

test('status with PROMETHEUS_URL: remote, version, head series', async () => {
  const srv = await fakeServer((req, res) => {
    const body = req.url?.endsWith('/api/v1/status/buildinfo') ? BUILDINFO : req.url?.endsWith('/api/v1/status/tsdb') ? TSDB : {};
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  try {
    const io = bufferIO({ env: { PROMETHEUS_URL: `${srv.url}/prom/` } });
    assert.equal(await main(['node', 'promlearn', 'status'], io, sampleDeps(io)), 0, io.output.err);
    assert.match(io.output.out, /^backend: remote \(PROMETHEUS_URL\)\n/);
    assert.match(io.output.out, new RegExp(`connected to Prometheus 2\\.42\\.0 at ${srv.url}/prom \\(1,234 head series, \\d+ ms\\)`));
    assert.equal(srv.requests[0].url, '/prom/api/v1/status/buildinfo');
  } finally {
    await srv.close();
  }
});

test('status against a server without buildinfo still connects', async () => {
  const notFound = behaviours.notFound();
  const srv = await fakeServer((req, res, body, n) =>
    req.url?.split('?')[0].endsWith('/api/v1/query') ? behaviours.ok()(req, res, body, n) : notFound(req, res, body, n),
  );
  try {
    const io = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'status', '--server', srv.url], io), 0, io.output.err);
    assert.match(io.output.out, /connected to Prometheus-compatible server at/);
  } finally {
    await srv.close();
  }
});

test('status with a wrong path prefix fails with the prefix hint', async () => {
  const srv = await fakeServer(behaviours.notFound());
  try {
    const io = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'status', '--server', `${srv.url}/wrong`], io), 1);
    assert.match(io.output.err, /wrong\/api\/v1\/query: 404 Not Found/);
    assert.match(io.output.err, /hint: wrong path prefix/);
  } finally {
    await srv.close();
  }
});

test('status without --server describes the sample dataset and its time range', async () => {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'status'], io, sampleDeps(io));
  assert.equal(code, 0, io.output.err);
  assert.match(io.output.out, /^backend: local\n/);
  assert.match(io.output.out, /data from \d{4}-\d\d-\d\dT[\d:]+Z to \d{4}-\d\d-\d\dT[\d:]+Z \(\d+h(\d+m)?\), \d+ metrics/);
});
