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
  assert.throws(
    () => engine(store).rangeQuery('rate(m[1m])', 0, 1_500_000, 15_000, { signal: ctrl.signal }),
    (err: unknown) => err instanceof QueryError && err.errorType === 'canceled',
  );
  assert.throws(
    () => engine(store, { timeoutMs: -1 }).instantQuery('m', 0),
    (err: unknown) => err instanceof QueryError && err.errorType === 'timeout',
  );
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

/** The limit's error, with the sub-expression it names. */
function limitError(run: () => unknown): QueryError {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof QueryError, String(err));
    assert.equal(err.errorType, 'too_many_samples');
    return err;
  }
  assert.fail('the query should exceed the sample limit');
}

test('count_values counts every series it builds, and the error names it', () => {
  // 20 series x 101 steps = 2020 samples in; every value is distinct per step, so count_values
  // would build 101 series of 101 steps each (10201 samples) from them.
  const e = engine(load(15_000, series), { maxSamples: 5000 });
  assert.equal(e.rangeQuery('m', 0, 1_500_000, 15_000).value.type, 'matrix', 'the input alone fits');
  const err = limitError(() => e.rangeQuery('count_values("v", m)', 0, 1_500_000, 15_000));
  assert.match(err.hint ?? '', /^count_values\("v", m\) needs more than 5000 samples/);
  assert.deepEqual(err.position, { start: 0, end: 20 });
  assert.match(err.hint ?? '', /--max-samples/);
});

test('intermediate results count: both sides of a binary operation are held at once', () => {
  // Each side: 20 series x 101 steps = 2020 samples; the result is as big.
  const e = engine(load(15_000, series), { maxSamples: 3000 });
  assert.equal(e.rangeQuery('m * 2', 0, 1_500_000, 15_000).value.type, 'matrix');
  // The left side is held (2020) when the right side's selector loads its own 2020.
  const err = limitError(() => e.rangeQuery('m + (m * 2)', 0, 1_500_000, 15_000));
  assert.match(err.hint ?? '', /^m needs more than 3000 samples/);
  assert.deepEqual(err.position, { start: 5, end: 6 }, "the caret is under the right side's m");
});

test('a finished sub-expression releases what its inputs held', () => {
  // sum(m) holds m (2020) while it runs, then only its 101 results; the outer sum adds 101.
  const e = engine(load(15_000, series), { maxSamples: 2200 });
  const r = e.rangeQuery('sum(m) + sum(m)', 0, 1_500_000, 15_000);
  assert.ok(r.stats.peakSamples <= 2200, String(r.stats.peakSamples));
  assert.ok(r.stats.peakSamples >= 2020, String(r.stats.peakSamples));
});

test('a long sub-expression is cut in the hint; the caret shows all of it', () => {
  const long = `m{i=~"${'x|'.repeat(100)}.*"}`;
  const e = engine(load(15_000, series), { maxSamples: 100 });
  const err = limitError(() => e.rangeQuery(`sum(${long})`, 0, 1_500_000, 15_000));
  assert.match(err.hint ?? '', /^m\{i=~"x\|x\|.*… needs more than 100 samples/);
  assert.deepEqual(err.position, { start: 4, end: 4 + long.length });
});
