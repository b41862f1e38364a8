// TLS and DNS faults: an untrusted certificate fails with a --ca-file hint,
// --ca-file and --insecure-skip-verify (an explicit choice) both work, and
// plain HTTP vs HTTPS mix-ups get a hint. The certificate below is a
// throwaway self-signed one for 127.0.0.1 made for this test only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { QueryError } from '../../src/errors.js';
import { createRemoteBackend, type RemoteOptions } from '../../src/backends/remote.js';
import { behaviours, fakeServer, OK_VECTOR } from '../helpers/fake-server.js';

const CERT = `-----BEGIN CERTIFICATE-----
MIIBpDCCAUugAwIBAgIUZFi5DTVMnF4P9e5uxkJMhbs7ApIwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOcHJvbWxlYXJuIHRlc3QwIBcNMjYxMTI2MTMwMDIyWhgPMjEy
NjExMDIxMzAwMjJaMBkxFzAVBgNVBAMMDnByb21sZWFybiB0ZXN0MFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEHk3SWpsTEoXNl3goJYswgKM711l78F1/gEiXEpuy
apYAMtv4jvuvU+oX+KiJ+FsIvJW1q0uz+URPmLxEFoaRf6NvMG0wHQYDVR0OBBYE
FL+3tVVPRyLLDObl8bk82e2tWKNcMB8GA1UdIwQYMBaAFL+3tVVPRyLLDObl8bk8
2e2tWKNcMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYcEfwAAAYIJbG9jYWxo
b3N0MAoGCCqGSM49BAMCA0cAMEQCIDmRoXuxNxGWq8K4oScso7aG/pSPrnNv/yUF
qHJ8XXU7AiBWNIN5OkXAD43+gfba1hfTG895NRReHeoKhEG763eJqQ==
-----END CERTIFICATE-----`;

const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyWLww2pRZmmojaec
la+1/XyGEUQcjWkql3gBPw8bVH2hRANCAAQeTdJamxMShc2XeCglizCAozvXWXvw
XX+ASJcSm7JqlgAy2/iO+69T6hf4qIn4Wwi8lbWrS7P5RE+YvEQWhpF/
-----END PRIVATE KEY-----`;

async function httpsServer(): Promise<{ url: string; close(): Promise<void> }> {
  const srv = createServer({ cert: CERT, key: KEY }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(OK_VECTOR));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const addr = srv.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => (srv.closeAllConnections(), srv.close(() => r()))),
  };
}

async function attempt(opts: RemoteOptions, io = bufferIO()): Promise<QueryError | 'ok'> {
  const b = await createRemoteBackend(opts, hostFromIO(io));
  try {
    await b.instantQuery('up', 1767229200);
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof QueryError, String(e));
    return e;
  } finally {
    await b.close?.();
  }
}

test('TLS: untrusted certificate → hint about --ca-file; --ca-file and --insecure-skip-verify work', async () => {
  const srv = await httpsServer();
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-tls-'));
  try {
    const e = await attempt({ server: srv.url });
    assert.ok(e !== 'ok');
    assert.equal(e.errorType, 'unavailable');
    assert.match(e.message, /^TLS connection to 127\.0\.0\.1:\d+ failed/);
    assert.match(e.hint ?? '', /--ca-file/);

    writeFileSync(join(dir, 'ca.pem'), CERT);
    assert.equal(await attempt({ server: srv.url, caFile: join(dir, 'ca.pem') }), 'ok');

    const io = bufferIO();
    assert.equal(await attempt({ server: srv.url, insecureSkipVerify: true }, io), 'ok');
    assert.match(io.output.err, /not verifying the server certificate/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await srv.close();
  }
});

test('TLS: https:// to a plain HTTP server, and http:// to an HTTPS server, get a hint', async () => {
  const plain = await fakeServer(behaviours.ok());
  const tls = await httpsServer();
  try {
    let e = await attempt({ server: plain.url.replace('http:', 'https:') });
    assert.ok(e !== 'ok');
    assert.match(e.hint ?? '', /http:\/\/ instead of https:\/\//);
    e = await attempt({ server: tls.url.replace('https:', 'http:'), timeout: '2s' });
    assert.ok(e !== 'ok');
    assert.match(e.hint ?? '', /https:\/\//);
  } finally {
    await plain.close();
    await tls.close();
  }
});

test('DNS failure names the host and says so', async () => {
  const e = await attempt({ server: 'http://no-such-host.invalid:9090' });
  assert.ok(e !== 'ok');
  assert.equal(e.errorType, 'unavailable');
  assert.match(e.message, /cannot resolve host "no-such-host.invalid"/);
});
