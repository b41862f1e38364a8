// quantile_over_time's sliding window gives exactly what sorting each window gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantile, SlidingQuantile } from '../../src/engine/quantile.js';

test('sliding quantile equals quantile() of every window, NaN, -0 and repeats included', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pool = [NaN, -0, 0, 1, 1, 2.5, -3, Infinity, -Infinity];
  const sq = new SlidingQuantile();
  let serial = 0;
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(rand() * 60);
    const v = Float64Array.from({ length: n }, () =>
      rand() < 0.5 ? pool[Math.floor(rand() * pool.length)] : Math.round(rand() * 100) / 10,
    );
    const q = [0, 0.25, 0.5, 0.9, 1, -1, 2, NaN][round % 8];
    serial++;
    let lo = 0;
    let hi = 0;
    while (hi < n) {
      hi = Math.min(n, hi + Math.floor(rand() * 4));
      lo = Math.min(hi, lo + Math.floor(rand() * 3));
      const want = quantile(q, Array.from(v.subarray(lo, hi)));
      const got = sq.quantile(q, v, lo, hi, serial);
      assert.ok(Object.is(got, want) || (got === 0 && want === 0), `q=${q} window [${lo},${hi}) of ${[...v]}: ${got} vs ${want}`);
    }
  }
});
