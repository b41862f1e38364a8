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
import { setLang } from '../../src/util/messages/index.js';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const EMPTY = { status: 'success', data: { resultType: 'vector', result: [] } };

/**
 * A fake Prometheus whose one series `up` has samples every 15 s in [from, to]:
 * the series API honours start/end (and, like 3.x, limit), the query API answers
 * max(timestamp(up)) through a 5m lookback, and every other query is empty.
 */
async function fakeData(from: number, to: number, opts: { delayMs?: number } = {}) {
  const times: number[] = [];
  for (let t = from; t <= to; t += 15) times.push(t + 0.25);
  return fakeServer((req, res, body) => {
    const form = new URLSearchParams(req.method === 'POST' ? body : (req.url?.split('?')[1] ?? ''));
    const path = req.url?.split('?')[0];
    const answer = (data: unknown) => setTimeout(() => json(res, 200, { status: 'success', data }), opts.delayMs ?? 0);
    if (path === '/api/v1/status/buildinfo') return answer({ version: '3.5.0' });
    if (path === '/api/v1/label/__name__/values') return answer(['up']);
    if (path === '/api/v1/series') {
      const start = form.has('start') ? Number(form.get('start')) : -Infinity;
      const end = form.has('end') ? Number(form.get('end')) : Infinity;
      const hit = form.getAll('match[]').some((m) => m.startsWith('up')) && times.some((t) => t >= start && t <= end);
      return answer(hit ? [{ __name__: 'up', job: 'api' }] : []);
    }
    if (path === '/api/v1/query_range') return answer({ resultType: 'matrix', result: [] });
    const t = Number(form.get('time'));
    if (form.get('query') === 'max(timestamp(up))') {
      const seen = times.filter((x) => x <= t && x > t - 300);
      return answer({ resultType: 'vector', result: seen.length ? [{ metric: {}, value: [t, String(Math.max(...seen))] }] : [] });
    }
    answer(EMPTY.data);
  });
}

async function runQuery(url: string, args: string[], now: number) {
  const io = bufferIO({ env: { NO_COLOR: '1' } });
  const code = await main(['node', 'promlearn', 'query', ...args, '--server', url], io, { clock: () => now });
  return { code, out: io.output.out, err: io.output.err };
}

const NOW = 1_800_000_000;
const DATA_END = 1_770_000_000; // 347 days before NOW

test('an empty remote instant query says where the data of its series ends (backfilled blocks, not the head) and the --time to use', async () => {
  const srv = await fakeData(DATA_END - 7200, DATA_END);
  try {
    const r = await runQuery(srv.url, ['up'], NOW);
    assert.equal(r.code, 0);
    assert.match(
      r.err,
      /note: on this server the data of up ends at 2026-02-02T02:40:00.250Z, 347d5h before the query time; try --time 2026-02-02T02:40:01Z\n/,
    );
    const probes = srv.requests.filter((q) => q.url.startsWith('/api/v1/series'));
    assert.ok(probes.length <= 30, `${probes.length} series probes`);
    assert.ok(
      probes.every((q) => /(^|&)limit=1(&|$)/.test(q.body)),
      'each probe asks for one series at most',
    );
    assert.ok(!srv.requests.some((q) => q.url.startsWith('/api/v1/status/tsdb')), 'the head stats are not asked');

    const at = await runQuery(srv.url, ['max(timestamp(up))', '--time', '2026-02-02T02:40:01Z', '-o', 'json'], NOW);
    assert.match(at.out, /"1770000000\.25"/, 'the suggested --time finds the data');

    const offset = await runQuery(srv.url, ['up offset 1h'], NOW);
    assert.match(offset.err, /the data of up ends at 2026-02-02T02:40:00.250Z, .*; try --time 2026-02-02T03:40:01Z/);
  } finally {
    await srv.close();
  }
});

test('an empty remote query with data at its time, or with no selector, gets no data note', async () => {
  const srv = await fakeData(NOW - 7200, NOW - 30);
  try {
    const r = await runQuery(srv.url, ['up == 2'], NOW);
    assert.doesNotMatch(r.err, /note:/);
    assert.equal(srv.requests.filter((q) => q.url.startsWith('/api/v1/series')).length, 1, 'one probe: data is there');
    const before = srv.requests.length;
    const v = await runQuery(srv.url, ['vector(1) > 2'], NOW);
    assert.doesNotMatch(v.err, /note:/);
    assert.ok(!srv.requests.slice(before).some((q) => q.url.startsWith('/api/v1/series')), 'nothing to look for');
  } finally {
    await srv.close();
  }
});

test('an empty remote query before the data starts: where it starts', async () => {
  const srv = await fakeData(NOW + 86400 * 3, NOW + 86400 * 4);
  try {
    const r = await runQuery(srv.url, ['up'], NOW);
    assert.match(
      r.err,
      /note: on this server the data of up starts at about 2027-01-18T08:\d\d:\d\dZ, 3d after the query time; try --time 2027-01-18T/,
    );
    const io = bufferIO({ env: { NO_COLOR: '1' } });
    await main(['node', 'promlearn', 'range', 'up', '--server', srv.url], io, { clock: () => NOW });
    assert.match(io.output.err, /starts at about 2027-01-18T08:\d\d:\d\dZ, 3d after the end of the range; try --start 2027-01-18T08:/);
  } finally {
    await srv.close();
  }
});

test('a slow server: the data search keeps to its budget', async () => {
  const srv = await fakeData(DATA_END - 7200, DATA_END, { delayMs: 300 });
  try {
    const started = Date.now();
    const r = await runQuery(srv.url, ['up'], NOW);
    const ms = Date.now() - started;
    assert.equal(r.code, 0, r.err);
    assert.ok(ms < 8000, `took ${ms} ms`);
    assert.match(r.err, /note: on this server the data of up ends between .* and .*; try --time /);
  } finally {
    await srv.close();
  }
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

test('an empty remote range query before the data says where it ends, with the --end to use', async () => {
  const srv = await fakeData(DATA_END - 7200, DATA_END);
  try {
    const io = bufferIO({ env: { NO_COLOR: '1' } });
    const code = await main(['node', 'promlearn', 'range', 'up', '--server', srv.url], io, { clock: () => NOW });
    assert.equal(code, 0, io.output.err);
    assert.match(
      io.output.err,
      /note: on this server the data of up ends at 2026-02-02T02:40:00.250Z, 347d5h before the end of the range; try --end 2026-02-02T02:40:01Z\n/,
    );
    const two = bufferIO({ env: { NO_COLOR: '1' } });
    await main(['node', 'promlearn', 'range', 'up', 'up * 2', '--server', srv.url], two, { clock: () => NOW });
    assert.match(
      two.output.err,
      /the data of up ends at 2026-02-02T02:40:00.250Z, .*; try --end 2026-02-02T02:40:01Z\n/,
      'several expressions',
    );
    const q = bufferIO({ env: { NO_COLOR: '1' } });
    await main(['node', 'promlearn', 'query', 'up', '--range', '1h', '--server', srv.url], q, { clock: () => NOW });
    assert.match(q.output.err, /try --end 2026-02-02T02:40:01Z\n/, 'query --range too');
  } finally {
    await srv.close();
  }
});

test('an empty remote range query with data inside the range (a filter emptied it) gets no data note', async () => {
  const srv = await fakeData(DATA_END - 7200, DATA_END);
  try {
    const io = bufferIO({ env: { NO_COLOR: '1' } });
    const end = String(DATA_END + 1800);
    const code = await main(['node', 'promlearn', 'range', 'up == 2', '--end', end, '--range', '1h', '--server', srv.url], io, {
      clock: () => NOW,
    });
    assert.equal(code, 0, io.output.err);
    assert.doesNotMatch(io.output.err, /note:/);
  } finally {
    await srv.close();
  }
});

test('the REPL on a server: an empty instant query notes where the data ends and the .at to use', async () => {
  const { piped } = await import('../repl/fake.js');
  const srv = await fakeData(DATA_END - 7200, DATA_END);
  const backend = await createRemoteBackend({ server: srv.url }, QUIET_HOST);
  try {
    const r = await piped('up\n', { backend });
    assert.match(
      r.err,
      /note: on this server the data of up ends at 2026-02-02T02:40:00.250Z, .* before the query time; try \.at 2026-02-02T02:40:01Z\n/,
    );
  } finally {
    await backend.close?.();
    await srv.close();
  }
});

test('in Korean (--lang ko): the data note and a bad --server URL are Korean; flags, times and the query stay as typed', async () => {
  const srv = await fakeData(DATA_END - 7200, DATA_END);
  try {
    const r = await runQuery(srv.url, ['up', '--lang', 'ko'], NOW);
    assert.equal(r.code, 0);
    assert.match(
      r.err,
      /참고: 이 서버에서 up 데이터는 2026-02-02T02:40:00.250Z 시점에 끝나요\(쿼리 시각보다 347d5h 전\)\. 이렇게 해 보세요: --time 2026-02-02T02:40:01Z\n/,
    );
    const bad = await runQuery('http://[::1', ['up', '--lang', 'ko'], NOW);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /잘못된 --server URL "http:\/\/\[::1"/);
    assert.match(bad.err, /http:\/\/localhost:9090 같은 URL을 쓰세요/);
  } finally {
    await srv.close();
    setLang('en');
  }
});
