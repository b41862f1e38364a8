// Secrets against a server that echoes them every way it can: in label values,
// warnings, API errors, long error bodies (cut for display), JSON escapes and
// redirects. Nothing promlearn prints may hold a secret, whole or in part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { fakeServer, type FakeServer } from '../helpers/fake-server.js';

const TOKEN = 'T0k3n-ABCDEFGH-123456';
const TENANT = 'TenantSecret42';
const PASSWORD = 'p@ss w0rd!<&>';

/** Every secret the request carries, as the server sees it. */
function secretsOf(req: IncomingMessage): string[] {
  const out: string[] = [];
  const auth = req.headers.authorization ?? '';
  if (auth) out.push(auth, auth.replace(/^\w+\s+/, ''));
  if (auth.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    out.push(decoded, decoded.slice(decoded.indexOf(':') + 1));
  }
  const tenant = req.headers['x-scope-orgid'];
  if (typeof tenant === 'string') out.push(tenant);
  return out;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** Answers by the query text: each mode echoes the request's secrets a different way. */
function echoing(req: IncomingMessage, res: ServerResponse, body: string): void {
  const s = secretsOf(req);
  const query = new URLSearchParams(body).get('query') ?? new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
  const joined = s.join(' | ');
  if (!req.url?.startsWith('/api/v1/query')) return send(res, 200, JSON.stringify({ status: 'success', data: { version: '3.0.0' } }));
  switch (query) {
    case 'labels': {
      const result = s.map((v, i) => ({ metric: { __name__: 'echo', i: String(i), v }, value: [1, '1'] }));
      return send(
        res,
        200,
        JSON.stringify({ status: 'success', data: { resultType: 'vector', result }, warnings: [`saw ${joined}`], infos: [joined] }),
      );
    }
    case 'api_error':
      return send(res, 422, JSON.stringify({ status: 'error', errorType: 'execution', error: `rejected ${joined}` }));
    case 'long_body':
      // The first secret starts just before the 200-character cut of error snippets.
      return send(res, 500, 'x'.repeat(190) + joined + 'y'.repeat(300), { 'content-type': 'text/plain' });
    case 'redirect':
      return send(res, 302, '', { location: `http://elsewhere.example/?token=${encodeURIComponent(s[1] ?? '')}` });
    default:
      return send(res, 200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
  }
}

/** Fails if `text` holds any 6-character piece of a secret. */
function assertNoSecret(text: string, secrets: string[], what: string): void {
  for (const secret of secrets) {
    for (let i = 0; i + 6 <= secret.length; i++) {
      const piece = secret.slice(i, i + 6);
      assert.ok(!text.includes(piece), `${what}: "${piece}" of a secret is shown:\n${text}`);
    }
  }
}

async function withEcho(fn: (srv: FakeServer) => Promise<void>): Promise<void> {
  const srv = await fakeServer(echoing);
  try {
    await fn(srv);
  } finally {
    await srv.close();
  }
}

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = bufferIO({ columns: 200, rows: 50, env: { NO_COLOR: '1', ...env } });
  const code = await main(['node', 'promlearn', ...argv], io);
  return { code, text: io.output.out + io.output.err };
}

test('-H values (Authorization and X-Scope-OrgID) echoed back in every way never show, also under -v', async () => {
  await withEcho(async (srv) => {
    const flags = ['--server', srv.url, '-H', `Authorization: Bearer ${TOKEN}`, '-H', `X-Scope-OrgID: ${TENANT}`, '-v', '--time', '1'];
    for (const q of ['labels', 'api_error', 'long_body', 'redirect']) {
      for (const output of ['table', 'json', 'csv']) {
        const r = await run(['query', q, ...flags, '-o', output]);
        assertNoSecret(r.text, [TOKEN, TENANT], `${q} -o ${output}`);
        if (q === 'labels') assert.equal(r.code, 0, r.text);
        else assert.equal(r.code, 1, r.text);
      }
    }
    const verbose = await run(['query', 'up', ...flags]);
    assert.match(verbose.text, /X-Scope-OrgID: <redacted 14 chars>/);
  });
});

test('a bearer token from the environment and a password with @, space and <&> never show', async () => {
  await withEcho(async (srv) => {
    for (const q of ['labels', 'api_error', 'long_body']) {
      const token = await run(['query', q, '--server', srv.url, '-v', '--time', '1'], { PROMETHEUS_BEARER_TOKEN: TOKEN });
      assertNoSecret(token.text, [TOKEN], `env token, ${q}`);
      const url = srv.url.replace('http://', `http://alice:${encodeURIComponent(PASSWORD)}@`);
      const basic = await run(['query', q, '--server', url, '-v', '--time', '1', '-o', 'json']);
      assertNoSecret(basic.text, [PASSWORD, Buffer.from(`alice:${PASSWORD}`).toString('base64')], `basic auth, ${q}`);
      const prompt = await run(['query', q, '--server', srv.url, '--user', 'alice', '--time', '1'], { PROMETHEUS_PASSWORD: PASSWORD });
      assertNoSecret(prompt.text, [PASSWORD], `PROMETHEUS_PASSWORD, ${q}`);
    }
  });
});

test('an invalid --server URL with credentials and an unknown option with a value never echo them', async () => {
  for (const server of ['http://bob:Sup3rPassw0rd@host:99999', 'http://bob:Sup3r Passw0rd@ho st/', 'http://bob:Sup3r@Passw0rd@[::1/']) {
    const r = await run(['query', 'up', '--server', server]);
    assert.equal(r.code, 2, r.text);
    assert.match(r.text, /invalid --server URL/);
    assertNoSecret(r.text, ['Sup3rPassw0rd', 'Sup3r Passw0rd', 'Sup3r@Passw0rd'], server);
  }
  const unknown = await run(['query', 'up', '--bearer-token=S3CRET-VALUE']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.text, /unknown option '--bearer-token=…'/);
  assertNoSecret(unknown.text, ['S3CRET-VALUE'], 'unknown option');
});
