// Engine round 2: empty-valued labels, info(), start timestamps, invalid
// UTF-8 label names, the cancellation hook and the series-major aggregations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../src/storage/store.js';
import { QueryError } from '../../src/errors.js';
import { engine, instant, load, render, sorted } from './helpers.js';

const m = 60_000;
const x = { enableExperimentalFunctions: true };

test('empty-valued labels are dropped by default and kept on request', () => {
  const dflt = new MemoryStore();
  assert.deepEqual(dflt.labels(dflt.getOrCreateSeries({ __name__: 'a', u: '' })), { __name__: 'a' });
  const keep = new MemoryStore({ keepEmptyLabels: true });
  const id = keep.getOrCreateSeries({ __name__: 'a', u: '' });
  keep.append(id, 0, 1);
  assert.deepEqual(keep.labels(id), { __name__: 'a', u: '' });
  assert.deepEqual(instant(engine(keep), 'a', 0), ['{__name__="a",u=""} 1']);
});

test('info() joins target_info on instance/job and filters data labels', () => {
  const s = load(
    5 * m,
    `metric{instance="a",job="1",label="v"} 0 1 2
     other{instance="b",job="2"} 5 5 5
     target_info{instance="a",job="1",data="info",more="x"} 1 1 1`,
  );
  const e = engine(s, x);
  assert.deepEqual(instant(e, 'info(metric)', 10 * m), ['{__name__="metric",data="info",instance="a",job="1",label="v",more="x"} 2']);
  assert.deepEqual(instant(e, 'info(metric, {data=~".+"})', 10 * m), ['{__name__="metric",data="info",instance="a",job="1",label="v"} 2']);
  // No matching info series: kept unless a data matcher needs a value.
  assert.deepEqual(instant(e, 'info(other)', 10 * m), ['{__name__="other",instance="b",job="2"} 5']);
  assert.deepEqual(instant(e, 'info(other, {data=~".+"})', 10 * m), []);
});

test('info() fails on conflicting data labels of two info metrics', () => {
  const s = load(m, `metric{instance="a",job="1"} 1 2\nt_info{instance="a",job="1",x="1"} 1 1\nb_info{instance="a",job="1",x="2"} 1 1`);
  assert.throws(() => engine(s, x).instantQuery('info(metric, {__name__=~".+_info"})', m), /conflicting label: x/);
});

/** A series whose samples carry start timestamps `st[i]` (absolute ms, 0 = none). */
function withSt(store: MemoryStore, labels: Record<string, string>, vals: number[], sts: number[]): void {
  const id = store.getOrCreateSeries(labels);
  vals.forEach((v, i) => store.append(id, i * m, v, sts[i]));
}

test('start timestamps: delta samples count as resets; start_timestamp() returns them', () => {
  const s = new MemoryStore();
  // Each sample covers the minute before it (ST = previous sample's time): a delta series.
  withSt(s, { __name__: 'd_total', type: 'delta' }, [60, 60, 60, 60, 60, 60, 60], [-m, 0, m, 2 * m, 3 * m, 4 * m, 5 * m]);
  withSt(s, { __name__: 'd_total', type: 'none' }, [60, 60, 60, 60, 60, 60, 60], [0, 0, 0, 0, 0, 0, 0]);
  const e = engine(s, x);
  assert.deepEqual(sorted(instant(e, 'increase(d_total[5m])', 6 * m)), ['{type="delta"} 300', '{type="none"} 0']);
  assert.deepEqual(sorted(instant(e, 'resets(d_total[5m])', 6 * m)), ['{type="delta"} 4', '{type="none"} 0']);
  assert.deepEqual(sorted(instant(e, 'start_timestamp(d_total)', 6 * m)), ['{type="delta"} 300', '{type="none"} 0']);
  // Through an expression or a subquery the start timestamps are lost.
  assert.deepEqual(instant(e, 'start_timestamp(d_total * 1)', 6 * m), []);
  assert.deepEqual(sorted(instant(e, 'increase(d_total[5m:1m])', 6 * m)), ['{type="delta"} 0', '{type="none"} 0']);
});

test('a "\\xff" label name (invalid UTF-8) is rejected by label_replace', () => {
  const e = engine(load(m, `a{src="x"} 1`));
  assert.throws(() => e.instantQuery('label_replace(a, "\\xff", "", "src", "(.*)")', 0), /invalid destination label name/);
  assert.throws(() => e.instantQuery('label_join(a, "\\xff", ",", "src")', 0), /invalid destination label name/);
});

test('the shouldAbort hook cancels evaluation', () => {
  const e = engine(load(m, `a 0+1x100`));
  assert.throws(
    () => e.rangeQuery('a', 0, 100 * m, m, { shouldAbort: () => true }),
    (err: unknown) => err instanceof QueryError && err.errorType === 'canceled',
  );
});

test('series-major sum/count/min/max give the step-major results', () => {
  const e = engine(load(m, `a{g="1",h="a"} 1 2 _ 1e100\na{g="1",h="b"} _ 3 4 1\na{g="2"} 0.1 0.2 0.3 -1e100`));
  const r = (q: string) => render(e.rangeQuery(q, 0, 3 * m, m));
  assert.deepEqual(r('sum by (g) (a)'), ['{g="1"} 1 5 6 1e+100', '{g="2"} 0.1 0.2 0.3 -1e+100']);
  assert.deepEqual(r('sum(a)'), ['{} 1.1 5.2 6.3 1']);
  assert.deepEqual(r('count(a)'), ['{} 2 3 3 3']);
  assert.deepEqual(r('max(a)'), ['{} 1 3 4 1e+100']);
  assert.deepEqual(r('min(a)'), ['{} 0.1 0.2 0.3 -1e+100']);
});
