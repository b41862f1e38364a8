// Differences from Prometheus 3 that a differential fuzz run found (issue 14).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, instant, load } from './helpers.js';

const m = 60_000;

test('count_values labels values with strconv.FormatFloat(f, \'f\', -1, 64): -0 stays "-0" (item 2)', () => {
  const e = engine(load(m, 'x 1'));
  assert.deepEqual(instant(e, 'count_values("v", -vector(0))', 0), ['{v="-0"} 1']);
  assert.deepEqual(instant(e, 'count_values("v", vector(0.00001))', 0), ['{v="0.00001"} 1']);
  assert.deepEqual(instant(e, 'count_values("v", vector(1e-7))', 0), ['{v="0.0000001"} 1']);
  assert.deepEqual(instant(e, 'count_values("v", vector(1e21))', 0), ['{v="1000000000000000000000"} 1']);
});
