// The remote backend against misbehaving servers: every fault becomes a
// QueryError a person can act on, nothing crashes, secrets never show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { main } from '../../src/cli/main.js';
import { QueryError } from '../../src/errors.js';
import { formatError } from '../../src/render/error.js';
import { createRemoteBackend, type RemoteOptions } from '../../src/backends/remote.js';
import { behaviours, fakeServer, refusingUrl, type FakeServer, type Handler } from '../helpers/fake-server.js';

const T = 1767229200;
const SECRET = 'sup3r-s3cret-token';

async function withServer(h: Handler, fn: (srv: FakeServer) => Promise<void>): Promise<void> {
  const srv = await fakeServer(h);
  try {
    await fn(srv);
  } finally {
    await srv.close();
  }
}

async function queryError(opts: RemoteOptions, q = 'up', io = bufferIO()): Promise<QueryError> {
  const b = await createRemoteBackend(opts, hostFromIO(io));
  try {
    await b.instantQuery(q, T);
  } catch (e) {
    assert.ok(e instanceof QueryError, `expected a QueryError, got ${String(e)}`);
    return e;
  } finally {
    await b.close?.();
  }
  assert.fail('expected the query to fail');
}

test('connection refused: unavailable, "is Prometheus running at …?"', async () => {
  const url = await refusingUrl();
  const e = await queryError({ server: url });
  assert.equal(e.errorType, 'unavailable');
  assert.match(e.message, /connection refused/);
  assert.match(e.hint ?? '', new RegExp(`is Prometheus running at ${url}`));
});

test('a hanging server: timeout error after --timeout, not a crash', async () => {
  await withServer(behaviours.hang(), async (srv) => {
    const e = await queryError({ server: srv.url, timeout: '300ms' });
    assert.equal(e.errorType, 'timeout');
    assert.match(e.message, /within 300ms/);
    assert.match(e.hint ?? '', /--timeout/);
    assert.equal(srv.requests.length, 1, 'timeouts are never retried');
  });
});

test('Ctrl-C (signal) cancels a hanging request', async () => {
  await withServer(behaviours.hang(), async (srv) => {
    const b = await createRemoteBackend({ server: srv.url }, hostFromIO(bufferIO()));
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    await assert.rejects(b.instantQuery('up', T, { signal: ctrl.signal }), (e: QueryError) => e.errorType === 'canceled');
    await b.close?.();
  });
});

test('401 unless a bearer token is sent; passes with --bearer-token-file; the token never shows', async () => {
  await withServer(behaviours.unauthorized(SECRET), async (srv) => {
    let e = await queryError({ server: srv.url });
    assert.equal(e.errorType, 'auth');
    assert.match(e.message, /401/);
    assert.match(e.hint ?? '', /--bearer-token-file/);

    const wrong = bufferIO({ env: { PROMETHEUS_BEARER_TOKEN: 'wrong-token-value' } });
    e = await queryError({ server: srv.url, verbose: true }, 'up', wrong);
    assert.match(e.hint ?? '', /rejected the credentials/);
    assert.doesNotMatch(formatError(e) + wrong.output.err, /wrong-token-value/);

    const dir = mkdtempSync(join(tmpdir(), 'promlearn-tok-'));
    try {
      writeFileSync(join(dir, 'token'), SECRET + '\n');
      const io = bufferIO();
      const b = await createRemoteBackend({ server: srv.url, bearerTokenFile: join(dir, 'token'), verbose: true }, hostFromIO(io));
      const r = await b.instantQuery('up', T);
      await b.close?.();
      assert.equal(r.data.resultType, 'vector');
      assert.match(io.output.err, /Authorization: <redacted/);
      assert.doesNotMatch(io.output.err, new RegExp(SECRET));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('garbage body: status, content-type and the start of the body, "is this a Prometheus API?"', async () => {
  await withServer(behaviours.garbage(), async (srv) => {
    const e = await queryError({ server: srv.url });
    assert.equal(e.errorType, 'bad_response');
    assert.match(e.message, /HTTP 200, content-type text\/html/);
    assert.match(e.message, /<title>Grafana/);
    assert.ok(e.message.length < 400);
    assert.match(e.hint ?? '', /is this a Prometheus API\?/);
  });
});

test('a huge body is cut off at the cap with a clear message', async () => {
  await withServer(behaviours.huge(8 << 20), async (srv) => {
    const e = await queryError({ server: srv.url, maxBodyBytes: 1 << 20 });
    assert.equal(e.errorType, 'bad_response');
    assert.match(e.message, /larger than 1 MiB/);
  });
});

test('404: wrong path prefix hint', async () => {
  await withServer(behaviours.notFound(), async (srv) => {
    const e = await queryError({ server: `${srv.url}/prometheus` });
    assert.equal(e.errorType, 'not_found');
    assert.match(e.message, /\/prometheus\/api\/v1\/query: 404/);
    assert.match(e.hint ?? '', /path prefix/);
  });
});

test('503: unavailable with a try-again hint', async () => {
  await withServer(behaviours.unavailable(), async (srv) => {
    const e = await queryError({ server: srv.url });
    assert.equal(e.errorType, 'unavailable');
    assert.match(e.hint ?? '', /try again/);
  });
});

test('400 parse error: message as Prometheus says it, position mapped for the caret display', async () => {
  const q = 'sum(rate(http_requests_total[5m]) by (job)';
  const err = 'invalid parameter "query": 1:43: parse error: unclosed left parenthesis';
  await withServer(behaviours.apiError(400, 'bad_data', err), async (srv) => {
    const e = await queryError({ server: srv.url }, q);
    assert.equal(e.errorType, 'bad_data');
    assert.equal(e.message, '1:43: parse error: unclosed left parenthesis');
    assert.equal(e.query, q);
    assert.equal(e.position?.start, 42);
    const shown = formatError(e).split('\n');
    assert.equal(shown[1], `  ${q}`);
    assert.equal(shown[2].indexOf('^'), 2 + 42);
  });
});

test('422 execution error keeps its type and gets a matching hint', async () => {
  const err = 'many-to-many matching not allowed: matching labels must be unique on one side';
  await withServer(behaviours.apiError(422, 'execution', err), async (srv) => {
    const e = await queryError({ server: srv.url }, 'a / on(job) b');
    assert.equal(e.errorType, 'execution');
    assert.match(e.hint ?? '', /on\(\.\.\.\)/);
  });
});

test('a reset connection is retried once; persistent resets become an error', async () => {
  await withServer(behaviours.resetFirst(1), async (srv) => {
    const b = await createRemoteBackend({ server: srv.url }, hostFromIO(bufferIO()));
    const r = await b.instantQuery('up', T);
    await b.close?.();
    assert.equal(r.data.resultType, 'vector');
    assert.equal(srv.requests.length, 2);
  });
  await withServer(behaviours.resetFirst(100), async (srv) => {
    const e = await queryError({ server: srv.url });
    assert.equal(e.errorType, 'unavailable');
    assert.equal(srv.requests.length, 3);
  });
});

test('requests: POST form bodies under the path prefix, extra headers sent, Accept JSON', async () => {
  await withServer(behaviours.ok(), async (srv) => {
    const b = await createRemoteBackend({ server: `${srv.url}/prometheus/`, header: ['X-Scope-OrgID: tenant-1'] }, hostFromIO(bufferIO()));
    await b.rangeQuery('rate(x[5m])', T - 3600, T, 60, { stats: true });
    await b.close?.();
    const r = srv.requests[0];
    assert.equal(r.method, 'POST');
    assert.equal(r.url, '/prometheus/api/v1/query_range');
    assert.equal(r.headers['x-scope-orgid'], 'tenant-1');
    const form = new URLSearchParams(r.body);
    assert.equal(form.get('query'), 'rate(x[5m])');
    assert.equal(form.get('start'), String(T - 3600));
    assert.equal(form.get('step'), '60');
    assert.equal(form.get('stats'), 'all');
  });
});

test('promlearn status reports a server error without crashing (exit 1)', async () => {
  await withServer(behaviours.unauthorized(SECRET), async (srv) => {
    const io = bufferIO();
    const code = await main(['node', 'promlearn', 'status', '--server', srv.url], io);
    assert.equal(code, 1);
    assert.match(io.output.out, /backend: remote/);
    assert.match(io.output.err, /401 Unauthorized/);
    assert.doesNotMatch(io.output.err, /internal error/);
  });
});
