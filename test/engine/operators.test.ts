import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, instant, load, sorted } from './helpers.js';

const data = `
req{job="a",i="0"} 1
req{job="a",i="1"} 2
req{job="b",i="0"} 4
lim{job="a"} 10
lim{job="b"} 20
`;

test('aggregations', () => {
  const e = engine(load(60_000, data));
  assert.deepEqual(sorted(instant(e, 'sum by (job) (req)', 0)), ['{job="a"} 3', '{job="b"} 4']);
  assert.deepEqual(instant(e, 'avg(req)', 0), ['{} 2.3333333333333335']);
  assert.deepEqual(instant(e, 'count without (i) (req)', 0).sort(), ['{job="a"} 2', '{job="b"} 1']);
  assert.deepEqual(instant(e, 'stddev(req)', 0), ['{} 1.247219128924647']);
  assert.deepEqual(instant(e, 'quantile(0.5, req)', 0), ['{} 2']);
  assert.deepEqual(instant(e, 'topk(2, req)', 0), ['{__name__="req",i="0",job="b"} 4', '{__name__="req",i="1",job="a"} 2']);
  assert.deepEqual(instant(e, 'bottomk(1, req)', 0), ['{__name__="req",i="0",job="a"} 1']);
  assert.deepEqual(sorted(instant(e, 'count_values("v", req)', 0)), ['{v="1"} 1', '{v="2"} 1', '{v="4"} 1']);
  assert.throws(() => e.instantQuery('topk(NaN, req)', 0), /Parameter value is NaN/);
});

test('Kahan summation keeps small addends', () => {
  const e = engine(load(60_000, `k{i="1"} 1e100\nk{i="2"} 1\nk{i="3"} -1e100`));
  assert.deepEqual(instant(e, 'sum(k)', 0), ['{} 1']);
});

test('vector matching: one-to-one, group_left, bool, set operators', () => {
  const e = engine(load(60_000, data));
  assert.deepEqual(sorted(instant(e, 'req / on(job) group_left lim', 0)), [
    '{i="0",job="a"} 0.1',
    '{i="0",job="b"} 0.2',
    '{i="1",job="a"} 0.2',
  ]);
  assert.deepEqual(sorted(instant(e, 'req > bool 1', 0)), ['{i="0",job="a"} 0', '{i="0",job="b"} 1', '{i="1",job="a"} 1']);
  assert.deepEqual(sorted(instant(e, 'req and on(job) lim{job="b"}', 0)), ['{__name__="req",i="0",job="b"} 4']);
  assert.deepEqual(sorted(instant(e, 'req unless on(job) lim{job="b"}', 0)), [
    '{__name__="req",i="0",job="a"} 1',
    '{__name__="req",i="1",job="a"} 2',
  ]);
  assert.deepEqual(instant(e, '2 ^ 10 % 7', 0), ['2']);
});

test('matching errors have Prometheus wording', () => {
  const e = engine(load(60_000, data));
  assert.throws(
    () => e.instantQuery('lim / on(job) req', 0),
    /found duplicate series for the match group \{job="a"\} on the right hand-side/,
  );
  assert.throws(() => e.instantQuery('req + on() lim', 0), /many-to-many matching not allowed/);
  assert.throws(() => e.instantQuery('label_replace(req, "i", "", "i", ".*")', 0), /vector cannot contain metrics with the same labelset/);
});

test('delayed name removal keeps the name until the end', () => {
  const e = engine(load(60_000, data), { delayedNameRemoval: true });
  assert.deepEqual(sorted(instant(e, 'label_replace(-lim, "__name__", "x", "", "")', 0)), [
    '{__name__="x",job="a"} -10',
    '{__name__="x",job="b"} -20',
  ]);
});
