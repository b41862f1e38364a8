// `promlearn fmt`: canonical output, --tree, and errors with caret and hint.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

async function run(...args: string[]) {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'fmt', ...args], io);
  return { code, out: io.output.out, err: io.output.err };
}

test('fmt prints the canonical form', async () => {
  const r = await run('sum(rate(http_requests_total[5m]))by(job)');
  assert.equal(r.code, 0);
  assert.equal(r.out, 'sum by (job) (rate(http_requests_total[5m]))\n');
});

test('fmt --tree prints node kinds and types', async () => {
  const r = await run('--tree', 'rate(x[5m]) * 2');
  assert.equal(r.code, 0);
  assert.match(r.out, /^BinaryExpr \* {2}:: vector\n {2}Call rate\(\) {2}:: vector\n/);
});

test('fmt on a bad query exits 1 with the message, a caret and a hint', async () => {
  const r = await run('rate(http_requests_total)');
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.equal(
    r.err,
    [
      'error: 1:6: parse error: expected type range vector in call to function "rate", got instant vector',
      '  rate(http_requests_total)',
      '       ^~~~~~~~~~~~~~~~~~~',
      'hint: add a range such as [5m]: http_requests_total[5m]',
      '',
    ].join('\n'),
  );
});

test('fmt --experimental enables experimental syntax', async () => {
  assert.equal((await run('sort_by_label(up, "job")')).code, 1);
  const r = await run('--experimental', 'sort_by_label(up, "job")');
  assert.equal(r.code, 0);
  assert.equal(r.out, 'sort_by_label(up, "job")\n');
});

test('fmt --help shows examples', async () => {
  const io = bufferIO();
  await main(['node', 'promlearn', 'fmt', '--help'], io);
  assert.match(io.output.out, /Examples:/);
});
