// `.explain` in the REPL (piped, through the CLI, on the sample dataset).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

async function repl(lines: string) {
  const io = bufferIO({ env: {} });
  const stdin = new PassThrough();
  stdin.end(lines);
  io.stdin = stdin;
  const before = process.exitCode;
  const code = await main(['node', 'promlearn', 'repl'], io);
  process.exitCode = before;
  return { code, out: io.output.out, err: io.output.err };
}

test(".explain takes a query apart at the session's evaluation time; --samples and --series work", async () => {
  const r = await repl(
    '.at 2026-01-15T07:15:00Z\n.explain --samples --series {route="/cart"} rate(http_requests_total{instance="frontend-2:3000", status_code="200"}[5m])\n',
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /at 2026-01-15 07:15:00Z; the embedded engine evaluated the query once/);
  assert.match(r.out, /^rate\(\) +instant vector, 4 series$/m);
  assert.match(r.out, /rate\(\) on http_requests_total\{instance="frontend-2:3000", job="frontend",\n {2}method="GET", route="\/cart"/);
  assert.match(r.out, /reset: \d+ < \d+/);
  assert.match(r.out, /the query returns [\d.]+: the same number/);
});

test('.explain without a query, or with a bad one, says what is wrong and the session goes on', async () => {
  const r = await repl('.explain\n.explain rate(up)\ncount(up)\n');
  assert.equal(r.code, 1);
  assert.match(r.err, /\.explain needs a query/);
  assert.match(r.err, /parse error[\s\S]*rate\(up\)\n\s+\^/);
  assert.match(r.out, /^\{\} +11$/m);
});

test('.help lists .explain', async () => {
  const r = await repl('.help\n');
  assert.match(r.out, /\.explain \[--samples/);
});
