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

/** How many steps the kernel computes between checks for a timeout or cancellation. */
const CHUNK = 1024;
/** The kernel's state between chunks: the window's sample range [lo, hi) and the steps with a value. */
const cursor = new Int32Array(3);
/** Samples read by the windows so far. */
const samplesRead = new Float64Array(1);

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
  const at = w.atMs ?? NaN;
  cursor.fill(0);
  samplesRead[0] = 0;
  for (let from = 0; from < grid.n; from += CHUNK) {
    if (from > 0) checkAbort(st, true);
    const to = Math.min(grid.n, from + CHUNK);
    rateSteps(isCounter, isRate, t, v, len, drops, at, w.offsetMs, w.rangeMs, grid.start, grid.step, from, to, o.v, o.p);
  }
  st.totalSamples += samplesRead[0];
  return cursor[2];
}

/**
 * Steps [from, to) of rateWindows. Only numbers and typed arrays come in: V8
 * drops optimised code that depends on the hidden class of an object (a
 * query's state, grid or window) once a full collection finds no object of
 * that class alive, as happens between queries, and this loop is the one
 * whose optimised code matters most.
 */
function rateSteps(
  isCounter: boolean,
  isRate: boolean,
  t: Float64Array,
  v: Float64Array,
  len: number,
  drops: Int32Array | undefined,
  at: number,
  offsetMs: number,
  rangeMs: number,
  start: number,
  step: number,
  from: number,
  to: number,
  ov: Float64Array,
  op: Uint8Array,
): void {
  let lo = cursor[0];
  let hi = cursor[1];
  let count = 0;
  let samples = 0;
  for (let i = from; i < to; i++) {
    const ref = (at === at ? at : start + i * step) - offsetMs;
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
  cursor[0] = lo;
  cursor[1] = hi;
  cursor[2] += count;
  samplesRead[0] += samples;
}
