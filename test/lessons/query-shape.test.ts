import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuery, longestWindowSeconds, shapeHints } from '../../src/lessons/query-shape.js';

test('canonicalQuery ignores spacing and matcher order; unparsable text is compared without spaces', () => {
  assert.equal(canonicalQuery('sum by(job)( rate(x{b="2",a="1"}[5m]) )'), canonicalQuery('sum by (job) (rate(x{a="1", b="2"}[5m]))'));
  assert.equal(canonicalQuery('rate(x[5m]'), 'rate(x[5m]');
});

test('longestWindowSeconds adds subquery ranges, inner windows and offsets along a path', () => {
  assert.equal(longestWindowSeconds('rate(x[5m])'), 300);
  assert.equal(longestWindowSeconds('max_over_time(rate(x[5m])[1h:1m]) / y offset 2h'), 7200);
  assert.equal(longestWindowSeconds('max_over_time(rate(x[5m])[1h:1m])'), 3900);
  assert.equal(longestWindowSeconds('not a query'), 0);
});

test('shapeHints names a swapped function and a different window', () => {
  assert.match(shapeHints('sum(rate(x[5m]))', 'sum(irate(x[5m]))').join(), /irate\(\) uses only the last two samples/);
  assert.match(shapeHints('increase(x[1h])', 'delta(x[1h])').join(), /delta\(\) is for gauges/);
  assert.match(shapeHints('rate(x[5m])', 'rate(x[1m])').join(), /Your window is \[1m\]/);
  assert.deepEqual(shapeHints('rate(x[5m])', 'rate(x{a="b"}[5m])'), []);
});
