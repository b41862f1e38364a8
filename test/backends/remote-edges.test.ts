// Remote edges: where a server's data ends when a query comes back empty, the
// 404 hint for a path prefix, parse-error hints as local ones have, a garbage --ca-file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import { QueryError, UsageError } from '../../src/errors.js';
import { behaviours, fakeServer } from '../helpers/fake-server.js';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const EMPTY = { status: 'success', data: { resultType: 'vector', result: [] } };

async function emptyQueryNote(headStats: unknown): Promise<{ code: number; err: string; paths: string[] }> {
  const srv = await fakeServer((req, res) => {
    if (req.url?.startsWith('/api/v1/status/tsdb')) return json(res, 200, { status: 'success', data: { headStats } });
    if (req.url?.startsWith('/api/v1/status/buildinfo')) return json(res, 200, { status: 'success', data: { version: '2.42.0' } });
    json(res, 200, EMPTY);
  });
  try {
    const io = bufferIO({ env: { NO_COLOR: '1' } });
    const code = await main(['node', 'promlearn', 'query', 'up', '--server', srv.url], io, { clock: () => 1_800_000_000 });
    return { code, err: io.output.err, paths: srv.requests.map((r) => r.url.split('?')[0]!) };
  } finally {
    await srv.close();
  }
}

test('an empty remote instant query says where the server data ends and the --time to use', async () => {
  const old = await emptyQueryNote({ numSeries: 10, minTime: 1_699_990_000_000, maxTime: 1_700_000_000_000 });
  assert.equal(old.code, 0);
  assert.match(
    old.err,
    /the server's newest data is at 2023-11-14T22:13:20Z \(.* before the query time\); try --time 2023-11-14T22:13:20Z/,
  );
  assert.ok(old.paths.includes('/api/v1/status/tsdb'), 'one cheap status call, no data scan');
  assert.equal(old.paths.filter((p) => p.startsWith('/api/v1/query')).length, 1, 'no extra queries');

  const empty = await emptyQueryNote({ numSeries: 0, minTime: 9223372036854776000, maxTime: -9223372036854776000 });
  assert.match(empty.err, /no recent data in its head block; if its data is older \(backfilled\), give a --time inside it/);

  const fresh = await emptyQueryNote({ numSeries: 10, minTime: 1_799_990_000_000, maxTime: 1_799_999_990_000 });
  assert.doesNotMatch(fresh.err, /note:/, 'data up to the query time: the result is simply empty');
});

test('404 hint: remove a sub-path that is there, add one that is not', async () => {
  const srv = await fakeServer(behaviours.notFound());
  try {
    for (const [server, hint] of [
      [
        `${srv.url}/prometheus`,
        new RegExp(`has the sub-path /prometheus: if Prometheus is served at the root, remove it: --server ${srv.url}$`),
      ],
      [srv.url, new RegExp(`add it: --server ${srv.url}/prometheus$`)],
    ] as const) {
      const b = await createRemoteBackend({ server }, QUIET_HOST);
      await assert.rejects(
        b.instantQuery('up', 1),
        (e: unknown) => e instanceof QueryError && e.errorType === 'not_found' && hint.test(e.hint ?? ''),
      );
      await b.close?.();
    }
  } finally {
    await srv.close();
  }
});

test("a server's parse error gets the local hint and caret: rate(up) -> add a range such as [5m]", async () => {
  const srv = await fakeServer((_req, res) =>
    json(res, 400, {
      status: 'error',
      errorType: 'bad_data',
      error: 'invalid parameter "query": 1:6: parse error: expected type range vector in call to function "rate", got instant vector',
    }),
  );
  try {
    const b = await createRemoteBackend({ server: srv.url }, QUIET_HOST);
    await assert.rejects(b.instantQuery('rate(up)', 1), (e: unknown) => {
      assert.ok(e instanceof QueryError);
      assert.equal(e.message, '1:6: parse error: expected type range vector in call to function "rate", got instant vector');
      assert.equal(e.hint, 'add a range such as [5m]: up[5m]');
      assert.deepEqual(e.position, { start: 5, end: 7 });
      return true;
    });
    await b.close?.();
  } finally {
    await srv.close();
  }
});

test('--ca-file that is not a PEM certificate is a usage error saying so', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-ca-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cases = { garbage: 'not a certificate\n', truncated: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' };
  for (const [name, text] of Object.entries(cases)) {
    const file = join(dir, name);
    writeFileSync(file, text);
    await assert.rejects(createRemoteBackend({ server: 'https://127.0.0.1:1', caFile: file }, QUIET_HOST), (e: unknown) => {
      assert.ok(e instanceof UsageError, String(e));
      assert.match(e.message, /is not a valid PEM certificate/);
      assert.doesNotMatch(e.message + (e.hint ?? ''), /self-signed/);
      return true;
    });
  }
});
