// rate, increase and delta over plain float windows: the window loop of
// calls.ts with the function inlined. These are the most common range
// functions, and the generic loop's per-step work (the window context, a
// call through the function table) costs as much as the arithmetic itself.
// Only for series without start timestamps or histograms, and windows without
// `anchored`/`smoothed`; everything else goes through rangefns.ts. Results are
// bit-identical: the same extrapolation (`extrapolate`), and counter resets
// added one at a time as Prometheus adds them.

import type { Grid, QueryState, VSeries } from './types.js';
import { checkAbort } from './state.js';
import { advance } from './numeric.js';
import { DELTA, extrapolate, INCREASE, RATE, type RateKind } from './rangefns.js';

/** The functions this loop computes. */
export const RATE_KERNELS: ReadonlyMap<string, RateKind> = new Map([
  ['rate', RATE],
  ['increase', INCREASE],
  ['delta', DELTA],
]);

/** Where a step's window is: (ref - rangeMs, ref] with ref = (atMs ?? step time) - offsetMs. */
interface WindowSpec {
  rangeMs: number;
  offsetMs: number;
  atMs?: number;
}

/**
 * Fills o with the function's value at every step of grid for the series
 * (t, v); drops are its counter-drop prefix counts (counters only). Returns
 * the number of steps with a value, and counts the windows' samples in st.
 */
export function rateWindows(
  kind: RateKind,
  t: Float64Array,
  v: Float64Array,
  len: number,
  drops: Int32Array | undefined,
  w: WindowSpec,
  grid: Grid,
  st: QueryState,
  o: VSeries,
): number {
  const { isCounter, isRate } = kind;
  const { atMs, offsetMs, rangeMs } = w;
  const { start, step, n } = grid;
  const ov = o.v;
  const op = o.p;
  let lo = 0;
  let hi = 0;
  let count = 0;
  let samples = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 1023) checkAbort(st, true);
    const ref = (atMs ?? start + i * step) - offsetMs;
    const rangeStart = ref - rangeMs;
    hi = advance(t, hi, len, ref);
    lo = advance(t, lo, hi, rangeStart);
    const k = hi - lo;
    samples += k;
    if (k < 2) continue;
    let result = v[hi - 1] - v[lo];
    if (isCounter && (drops === undefined || drops[hi - 1] !== drops[lo])) {
      for (let j = lo + 1; j < hi; j++) if (v[j] < v[j - 1]) result += v[j - 1];
    }
    ov[i] = extrapolate(result, t[lo], t[hi - 1], v[lo], k, rangeStart, ref, rangeMs, isCounter, isRate);
    op[i] = 1;
    count++;
  }
  st.totalSamples += samples;
  return count;
}
