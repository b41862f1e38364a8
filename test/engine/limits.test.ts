import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryError } from '../../src/errors.js';
import { engine, load } from './helpers.js';
import { createLocalBackend } from '../../src/backends/local.js';

const series = Array.from({ length: 20 }, (_, i) => `m{i="${i}"} 0+1x100`).join('\n');

test('max samples limit', () => {
  const e = engine(load(15_000, series), { maxSamples: 100 });
  assert.throws(
    () => e.rangeQuery('m', 0, 1_500_000, 15_000),
    (err: unknown) => err instanceof QueryError && err.errorType === 'too_many_samples' && /too many samples/.test(err.message),
  );
});

test('an aborted signal cancels; a zero timeout times out', () => {
  const store = load(15_000, series);
  const ctrl = new AbortController();
  ctrl.abort();
  assert.throws(() => engine(store).rangeQuery('rate(m[1m])', 0, 1_500_000, 15_000, { signal: ctrl.signal }), (err: unknown) => err instanceof QueryError && err.errorType === 'canceled');
  assert.throws(() => engine(store, { timeoutMs: -1 }).instantQuery('m', 0), (err: unknown) => err instanceof QueryError && err.errorType === 'timeout');
});

test('stats count queryable samples', () => {
  const e = engine(load(15_000, series));
  const r = e.instantQuery('sum(m)', 60_000);
  assert.equal(r.stats.totalQueryableSamples, 20);
  assert.ok(r.stats.peakSamples >= 20);
});

test('local backend converts to the HTTP API model', async () => {
  const store = load(15_000, `up{job="a"} 1 1 1\nup{job="b"} 0 0 0`);
  const b = createLocalBackend(store, { name: 'test', description: 'test store' });
  const r = await b.instantQuery('up', 30, { stats: true });
  assert.equal(r.data.resultType, 'vector');
  assert.deepEqual(r.data.result, [
    { metric: { __name__: 'up', job: 'a' }, value: [30, '1'] },
    { metric: { __name__: 'up', job: 'b' }, value: [30, '0'] },
  ]);
  assert.equal(r.stats?.samples.totalQueryableSamples, 2);
  const rr = await b.rangeQuery('rate(up[1m])', 0, 30, 15);
  assert.equal(rr.infos?.[0], 'PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "up" (1:6)');
  assert.deepEqual(await b.labelValues('job'), ['a', 'b']);
  assert.deepEqual(await b.series({ match: ['up{job="b"}'] }), [{ __name__: 'up', job: 'b' }]);
  assert.deepEqual((await b.info()).dataRange, { start: 0, end: 30 });
  await assert.rejects(b.instantQuery('sum(', 0), (err: unknown) => err instanceof QueryError);
});
