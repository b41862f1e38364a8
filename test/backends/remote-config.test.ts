// Pure parts of the remote backend: URLs, headers, auth, durations, redaction,
// and mapping Prometheus's line:col parse errors to byte positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { UsageError } from '../../src/errors.js';
import { parseHeader, parseServerUrl, resolveConnection } from '../../src/backends/http/config.js';
import { offsetOf, parsePromParseError } from '../../src/backends/http/errors.js';
import { redactHeaders, redactUrl, scrub } from '../../src/backends/http/redact.js';
import { caretLines } from '../../src/render/error.js';

test('server URLs: scheme defaults to http, prefixes kept, bad schemes refused', () => {
  assert.equal(parseServerUrl('localhost:9090').toString(), 'http://localhost:9090/');
  assert.equal(parseServerUrl('https://host/prometheus/').pathname, '/prometheus/');
  assert.throws(() => parseServerUrl('ftp://host'), UsageError);
  assert.throws(() => parseServerUrl('http://host/?x=1'), UsageError);
});

test('connection: trailing slashes dropped, URL credentials become basic auth and leave the URL', async () => {
  const io = bufferIO();
  const c = await resolveConnection({ server: 'https://bob:hunter22@host/prom/' }, hostFromIO(io));
  assert.equal(c.baseUrl, 'https://host/prom');
  assert.equal(c.headers.Authorization, `Basic ${Buffer.from('bob:hunter22').toString('base64')}`);
  assert.ok(c.secrets.includes('hunter22'));
});

test('headers: Name: value, invalid ones are usage errors that do not echo the value', () => {
  assert.deepEqual(parseHeader('X-Scope-OrgID: tenant-1'), ['X-Scope-OrgID', 'tenant-1']);
  assert.throws(
    () => parseHeader('no colon here s3cr3t'),
    (e: Error) => e instanceof UsageError && !e.message.includes('s3cr3t'),
  );
});

test('auth: bearer token from file or env; basic auth from env or prompt; no TTY and no env is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-auth-'));
  try {
    const file = join(dir, 'token');
    writeFileSync(file, 'tok-from-file\n');
    let c = await resolveConnection({ server: 'http://h', bearerTokenFile: file }, hostFromIO(bufferIO()));
    assert.equal(c.headers.Authorization, 'Bearer tok-from-file');
    c = await resolveConnection({ server: 'http://h' }, hostFromIO(bufferIO({ env: { PROMETHEUS_BEARER_TOKEN: 'tok-env' } })));
    assert.equal(c.headers.Authorization, 'Bearer tok-env');
    await assert.rejects(
      resolveConnection({ server: 'http://h', bearerTokenFile: join(dir, 'missing') }, hostFromIO(bufferIO())),
      UsageError,
    );

    c = await resolveConnection({ server: 'http://h', user: 'amy' }, hostFromIO(bufferIO({ env: { PROMETHEUS_PASSWORD: 'pw-env' } })));
    assert.equal(c.headers.Authorization, `Basic ${Buffer.from('amy:pw-env').toString('base64')}`);
    await assert.rejects(resolveConnection({ server: 'http://h', user: 'amy' }, hostFromIO(bufferIO())), /no password for --user amy/);
    let asked = '';
    c = await resolveConnection(
      { server: 'http://h', user: 'amy', promptPassword: async (m) => ((asked = m), 'pw-typed') },
      hostFromIO(bufferIO()),
    );
    assert.match(asked, /Password for amy/);
    assert.equal(c.headers.Authorization, `Basic ${Buffer.from('amy:pw-typed').toString('base64')}`);
    await assert.rejects(
      resolveConnection(
        { server: 'http://h', user: 'amy', bearerTokenFile: file },
        hostFromIO(bufferIO({ env: { PROMETHEUS_PASSWORD: 'x' } })),
      ),
      UsageError,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('redaction: URL userinfo, every user-given header, echoed secrets', () => {
  assert.equal(redactUrl('https://bob:pw@host/x'), 'https://***@host/x');
  const h = redactHeaders({ Authorization: 'Bearer abc', 'X-Api-Key': 'k', 'X-Scope-OrgID': 'tenant', Accept: 'application/json' });
  assert.equal(h['X-Scope-OrgID'], '<redacted 6 chars>', "a tenant id is the user's to share, not ours");
  assert.equal(h.Accept, 'application/json');
  assert.doesNotMatch(JSON.stringify(h), /abc|"k"/);
  assert.equal(scrub('token abcdef rejected', ['abcdef']), 'token <redacted> rejected');
});

test('parse errors: line:col (bytes) → byte offsets, and the caret lands where Prometheus points', () => {
  assert.equal(offsetOf('sum(rate(x[5m])', 1, 16), 15);
  assert.equal(offsetOf('sum(\n  rate(x)\n)', 2, 3), 7);
  assert.equal(offsetOf('"é" + x', 1, 5), 4);
  const q = 'sum(rate(http_requests_total[5m])';
  const { message, position } = parsePromParseError('invalid parameter "query": 1:34: parse error: unclosed left parenthesis', q);
  assert.equal(message, '1:34: parse error: unclosed left parenthesis');
  assert.deepEqual(position, { start: 33, end: 33 });
  const q2 = 'rate(up)';
  const p2 = parsePromParseError('invalid parameter "query": 1:6: parse error: expected type range vector', q2).position!;
  assert.deepEqual(caretLines(q2, p2), ['  rate(up)', '       ^']);
});
