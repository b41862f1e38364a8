// max_over_time/min_over_time's sliding queue gives exactly what Prometheus's
// scan of each window gives: the earliest extreme, NaN ignored unless all are.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SlidingExtreme } from '../../src/engine/sliding-extreme.js';

/** Prometheus's compareOverTime loop. */
function scan(v: Float64Array, lo: number, hi: number, max: boolean): number {
  let best = v[lo];
  for (let i = lo; i < hi; i++) if ((max ? v[i] > best : v[i] < best) || best !== best) best = v[i];
  return best;
}

test('sliding max/min equal a scan of every window: NaN, -0 and 0, ties, jumps and restarts', () => {
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pool = [NaN, -0, 0, 1, 1, 2.5, -3, Infinity, -Infinity];
  for (const max of [true, false]) {
    const q = new SlidingExtreme(max);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rand() * 200);
      const v = Float64Array.from({ length: n }, () =>
        rand() < 0.5 ? pool[Math.floor(rand() * pool.length)] : Math.round(rand() * 100) / 10,
      );
      // A serial per series (as the window loop gives), or none (no state kept); windows sometimes go back.
      const serial = round % 5 === 4 ? undefined : round;
      let lo = 0;
      let hi = 0;
      while (hi < n) {
        hi = Math.min(n, hi + 1 + Math.floor(rand() * 4));
        lo = rand() < 0.05 ? Math.floor(rand() * hi) : Math.min(hi - 1, lo + Math.floor(rand() * 4));
        const want = scan(v, lo, hi, max);
        const got = q.extreme(v, lo, hi, serial);
        assert.ok(Object.is(got, want), `${max ? 'max' : 'min'} [${lo},${hi}) of ${[...v]}: ${got} vs ${want}`);
      }
    }
  }
});
