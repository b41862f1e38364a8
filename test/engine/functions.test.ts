import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, instant, load, sorted } from './helpers.js';

const m = 60_000;

test('rate/increase extrapolate and handle counter resets', () => {
  const e = engine(load(5 * m, `c_total 0+10x10\nr_total 0 10 20 5 15`));
  assert.deepEqual(instant(e, 'increase(c_total[50m])', 50 * m), ['{} 100']);
  assert.deepEqual(instant(e, 'rate(c_total[50m])', 50 * m), ['{} 0.03333333333333334']);
  assert.deepEqual(instant(e, 'resets(r_total[30m])', 20 * m), ['{} 1']);
  assert.deepEqual(instant(e, 'increase(r_total[20m])', 20 * m), ['{} 33.33333333333333']);
  assert.deepEqual(instant(e, 'delta(c_total[20m])', 20 * m), ['{} 40']);
  assert.deepEqual(instant(e, 'irate(c_total[20m])', 20 * m), ['{} 0.03333333333333333']);
});

test('rate on a non-counter name gives an info annotation', () => {
  const e = engine(load(m, `g 0+1x5`));
  const r = e.instantQuery('rate(g[5m])', 5 * m);
  assert.equal(r.annotations.length, 1);
  assert.match(r.annotations[0].text, /might not be a counter/);
});

test('over_time functions, deriv and predict_linear', () => {
  const e = engine(load(m, `g 1 2 3 4 5`));
  assert.deepEqual(instant(e, 'avg_over_time(g[10m])', 4 * m), ['{} 3']);
  assert.deepEqual(instant(e, 'quantile_over_time(0.5, g[10m])', 4 * m), ['{} 3']);
  assert.deepEqual(instant(e, 'stddev_over_time(g[10m])', 4 * m), ['{} 1.4142135623730951']);
  assert.deepEqual(instant(e, 'last_over_time(g[10m])', 4 * m), ['{__name__="g"} 5']);
  assert.deepEqual(instant(e, 'deriv(g[10m])', 4 * m), ['{} 0.016666666666666666']);
  assert.deepEqual(instant(e, 'predict_linear(g[10m], 60)', 4 * m), ['{} 6']);
  assert.deepEqual(instant(e, 'changes(g[10m])', 4 * m), ['{} 4']);
});

test('histogram_quantile over classic buckets, with annotations', () => {
  const e = engine(
    load(
      m,
      `h_bucket{le="0.1"} 10\nh_bucket{le="1"} 20\nh_bucket{le="+Inf"} 20\nbad_bucket{le="x"} 1\nnm_bucket{le="1"} 5\nnm_bucket{le="2"} 3\nnm_bucket{le="+Inf"} 6`,
    ),
  );
  assert.deepEqual(instant(e, 'histogram_quantile(0.5, h_bucket)', 0), ['{} 0.1']);
  assert.deepEqual(instant(e, 'histogram_quantile(0.75, h_bucket)', 0), ['{} 0.55']);
  let r = e.instantQuery('histogram_quantile(2, h_bucket)', 0);
  assert.match(r.annotations[0].text, /quantile value should be between 0 and 1, got 2/);
  r = e.instantQuery('histogram_quantile(0.5, bad_bucket)', 0);
  assert.match(r.annotations[0].text, /bucket label "le" is missing or has a malformed value of "x"/);
  r = e.instantQuery('histogram_quantile(0.5, nm_bucket)', 0);
  assert.match(r.annotations[0].text, /fixed for monotonicity/);
});

test('label_replace, label_join and their errors', () => {
  const e = engine(load(m, `x{src="a-b"} 1`));
  assert.deepEqual(instant(e, 'label_replace(x, "dst", "$1", "src", "(a)-b")', 0), ['{__name__="x",dst="a",src="a-b"} 1']);
  assert.deepEqual(instant(e, 'label_join(x, "dst", ",", "src", "src")', 0), ['{__name__="x",dst="a-b,a-b",src="a-b"} 1']);
  assert.throws(() => e.instantQuery('label_replace(x, "", "$1", "src", "(.*)")', 0), /invalid destination label name/);
});

test('sort, time, vector, scalar, absent', () => {
  const e = engine(load(m, `x{i="1"} 3\nx{i="2"} 1\nx{i="3"} 2`));
  assert.deepEqual(instant(e, 'sort(x)', 0), ['{__name__="x",i="2"} 1', '{__name__="x",i="3"} 2', '{__name__="x",i="1"} 3']);
  assert.deepEqual(instant(e, 'sort_desc(x)', 0), ['{__name__="x",i="1"} 3', '{__name__="x",i="3"} 2', '{__name__="x",i="2"} 1']);
  assert.deepEqual(instant(e, 'time()', 120_000), ['120']);
  assert.deepEqual(instant(e, 'scalar(x)', 0), ['NaN']);
  assert.deepEqual(instant(e, 'vector(1) + 1', 0), ['{} 2']);
  assert.deepEqual(instant(e, 'absent(nope{job="a", x=~"y"})', 0), ['{job="a"} 1']);
  assert.deepEqual(sorted(instant(e, 'clamp_max(x, 2)', 0)), ['{i="1"} 2', '{i="2"} 1', '{i="3"} 2']);
});
