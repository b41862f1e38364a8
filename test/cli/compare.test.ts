import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';

async function compare(expected: string, actual: string) {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'compare', expected, actual], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

test('compare: the same results exit 0', async () => {
  const r = await compare(
    'sum by (job) (rate(http_requests_total[5m]))',
    'sum without (instance, method, route, status_code) (rate(http_requests_total[5m]))',
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^same: both queries give the same results from 2026-01-15 06:00 UTC to 2026-01-15 12:00 UTC every 3m/);
});

test('compare: different results exit 1 and say how they differ', async () => {
  const r = await compare('sum by (job) (rate(http_requests_total[5m]))', 'sum by (job) (increase(http_requests_total[1m]))');
  assert.equal(r.code, 1);
  assert.match(r.out, /different/);
  assert.match(r.out, /60×/);
});

test('compare: a query that does not parse exits 2 with the caret', async () => {
  for (const [e, a] of [
    ['sum(rate(http_requests_total[5m])', 'up'],
    ['up', 'rate(up)'],
  ]) {
    const r = await compare(e, a);
    assert.equal(r.code, 2, `${e} / ${a}: ${r.err}`);
    assert.match(r.err, /error: .*\n.*\n\s*\^/);
  }
});
