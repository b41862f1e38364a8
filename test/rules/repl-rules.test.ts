// `repl --rules FILE`: the recorded series and ALERTS are queryable in the REPL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

const RULES = fileURLToPath(new URL('../../../examples/rules/shop-rules.yml', import.meta.url));

async function run(args: string[], lines: string) {
  const io = bufferIO({ env: {} });
  const stdin = new PassThrough();
  stdin.end(lines);
  io.stdin = stdin;
  const before = process.exitCode;
  const code = await main(['node', 'promlearn', 'repl', ...args], io);
  process.exitCode = before;
  return { code, out: io.output.out, err: io.output.err };
}

test('repl --rules: recorded series and ALERTS are queryable', async () => {
  const r = await run(
    ['--rules', RULES],
    '.at 2026-01-15T10:50:00Z\njob:http_errors:ratio_rate5m{job="checkout"}\ncount_over_time(ALERTS{alertname="HighErrorRate", alertstate="firing"}[6h])\n',
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /recorded job:http_errors:ratio_rate5m, job_route:http_request_duration_seconds:p99_5m, ALERTS, ALERTS_FOR_STATE/);
  assert.match(r.out, /job:http_errors:ratio_rate5m\{job="checkout"\}\s+0\.0607\d/);
  // Firing since 10:45:30, every 30 s: at 10:50 the window holds 10 ALERTS samples (10:45:30 … 10:50:00).
  assert.match(r.out, /\{alertname="HighErrorRate", alertstate="firing", job="checkout",\s+severity="page"\}\s+10\b/);
});

test('repl --rules refuses --server and bad rule files', async () => {
  const remote = await run(['--rules', RULES, '--server', 'http://127.0.0.1:1'], '');
  assert.equal(remote.code, 2);
  assert.match(remote.err, /--rules cannot be used with --server/);
  const missing = await run(['--rules', '/nonexistent/rules.yml'], '');
  assert.equal(missing.code, 2);
});
