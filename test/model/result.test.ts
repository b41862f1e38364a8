// Sample values as Prometheus's API writes them (util/jsonutil/marshal.go,
// MarshalFloat): strconv 'f' with shortest digits, 'e' below 1e-6 or from 1e21.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSampleValue } from '../../src/model/result.js';

test('plain decimals from 1e-6 up to 1e21, e-notation outside, -0 kept (issue 14, item 2)', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [-0, '-0'],
    [0.00001, '0.00001'],
    [0.0001, '0.0001'],
    [1e-6, '0.000001'],
    [-1e-6, '-0.000001'],
    [9.99e-7, '9.99e-07'],
    [1.5e-7, '1.5e-07'],
    [1e-300, '1e-300'],
    [123456789, '123456789'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [-2.5e25, '-2.5e+25'],
    [0.1 + 0.2, '0.30000000000000004'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ];
  for (const [v, want] of cases) assert.equal(formatSampleValue(v), want, String(v));
});
