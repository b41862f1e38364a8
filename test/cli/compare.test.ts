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

async function run(...args: string[]) {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'compare', ...args], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

test('compare --time compares at those instants (relative to the data end); one wording, "different"', async () => {
  const gap = await run('up', 'up == 1', '--time', '2026-01-15T08:10:00Z');
  assert.equal(gap.code, 1);
  assert.match(gap.out, /^different: the queries give different results at 2026-01-15 08:10 UTC:\n {2}You have 10 series, expected 11\./);
  assert.doesNotMatch(gap.out + gap.err, /Different/);
  const fine = await run('up', 'up == 1', '--time', '-10m', '--time', '2026-01-15T09:00:00Z');
  assert.equal(fine.code, 0, fine.err);
  assert.match(fine.out, /^same: both queries give the same results at 2026-01-15 11:50 UTC, 2026-01-15 09:00 UTC\n$/);
});

test('compare --start/--end/--range/--step compare over that range', async () => {
  const r = await run('rate(http_requests_total[5m])', 'irate(http_requests_total[5m])', '--start', '-2h', '--step', '1m');
  assert.equal(r.code, 1);
  assert.match(r.out, /^different: the queries give different results from 2026-01-15 10:00 UTC to 2026-01-15 12:00 UTC every 1m:/);
  const whole = await run('up', 'up == 1', '--range', '30m', '--time', '2026-01-15T08:30:00Z');
  assert.equal(whole.code, 1, 'the 08:05 scrape gap is inside 08:00-08:30');
  assert.match(whole.out, /from 2026-01-15 08:00 UTC to 2026-01-15 08:30 UTC every 1m/);
  const after = await run('up', 'up == 1', '--range', '30m', '--time', '2026-01-15T09:30:00Z');
  assert.equal(after.code, 0, after.out);
  const usage = await run('up', 'up', '--range', '1h', '--time', '-1h', '--time', '-2h');
  assert.equal(usage.code, 2);
  assert.match(usage.err, /at most one --time/);
  assert.equal((await run('up', 'up', '--step', '0s')).code, 2);
});

test('compare -o json: same, the plan, the differences; exit codes as for text', async () => {
  const same = await run('sum by (job) (up)', 'sum without (instance) (up)', '--range', '1h', '-o', 'json');
  assert.equal(same.code, 0, same.err);
  const s = JSON.parse(same.out);
  assert.equal(s.same, true);
  assert.equal(s.plan.kind, 'range');
  assert.deepEqual(s.differences, []);
  const diff = await run('up', 'up{job="api"}', '--time', '-1h', '--output', 'json');
  assert.equal(diff.code, 1);
  const d = JSON.parse(diff.out);
  assert.equal(d.same, false);
  assert.deepEqual(d.plan, { kind: 'instant', times: [d.plan.times[0]] });
  assert.match(d.differences[0], /You have 3 series, expected 11/);
  const bad = await run('up', 'rate(up)', '-o', 'json');
  assert.equal(bad.code, 2);
  assert.equal(bad.out, '');
});
