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

test('fmt -o json: the query, its canonical form and type; with --tree the parse_query tree', async () => {
  const r = await run('-o', 'json', 'sum(rate(x[5m]))by(job)');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), { query: 'sum(rate(x[5m]))by(job)', formatted: 'sum by (job) (rate(x[5m]))', type: 'vector' });
  const s = await run('--output', 'json', '1 + 2');
  assert.equal(JSON.parse(s.out).type, 'scalar');

  const t = await run('-o', 'json', '--tree', 'up > 1');
  const tree = JSON.parse(t.out).tree;
  assert.equal(tree.type, 'binaryExpr');
  assert.equal(tree.op, '>');
  assert.equal(tree.lhs.type, 'vectorSelector');
  assert.equal(tree.rhs.val, '1');

  const deep = '('.repeat(3000) + '1' + ')'.repeat(3000);
  const d = await run('-o', 'json', deep);
  assert.equal(d.code, 0, d.err);
  assert.equal(JSON.parse(d.out).formatted, deep, 'deep input goes through the deep-stack worker as JSON too');

  const bad = await run('-o', 'json', 'rate(up)');
  assert.equal(bad.code, 1);
  assert.equal(bad.out, '', 'errors stay on stderr');
  assert.match(bad.err, /add a range such as \[5m\]/);
  assert.equal((await run('-o', 'yaml', 'up')).code, 2);
});
