// deriv and predict_linear: least squares over a window, with the
// Kahan-compensated sums of Prometheus's linearRegression.

import { kahanInc, ks } from './numeric.js';
import type { RangeFn, WinCtx } from './rangefns.js';

/** The compensated sums of a least-squares fit; one object, reused (no allocation per window). */
const regression = { n: 0, sumX: 0, sumY: 0, sumXY: 0, sumX2: 0, constY: true };

/**
 * Kahan-compensated Σx, Σy, Σxy, Σx² over samples lo..hi-1, x in seconds since
 * interceptTime (ms), as Prometheus's linearRegression sums them; results in
 * `regression`. Explain's deriv walk-through prints these same sums.
 */
export function regressionSums(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  lo: number,
  hi: number,
  interceptTime: number,
): typeof regression {
  let sumX = 0;
  let cX = 0;
  let sumY = 0;
  let cY = 0;
  let sumXY = 0;
  let cXY = 0;
  let sumX2 = 0;
  let cX2 = 0;
  const initY = v[lo];
  let constY = true;
  for (let i = lo; i < hi; i++) {
    const y = v[i];
    if (constY && i > lo && y !== initY) constY = false;
    const x = (t[i] - interceptTime) / 1e3;
    kahanInc(x, sumX, cX);
    sumX = ks.sum;
    cX = ks.c;
    kahanInc(y, sumY, cY);
    sumY = ks.sum;
    cY = ks.c;
    kahanInc(x * y, sumXY, cXY);
    sumXY = ks.sum;
    cXY = ks.c;
    kahanInc(x * x, sumX2, cX2);
    sumX2 = ks.sum;
    cX2 = ks.c;
  }
  regression.n = hi - lo;
  regression.sumX = sumX + cX;
  regression.sumY = sumY + cY;
  regression.sumXY = sumXY + cXY;
  regression.sumX2 = sumX2 + cX2;
  regression.constY = constY;
  return regression;
}

/** Least squares with Kahan-compensated sums, as Prometheus's linearRegression. */
function linearRegression(c: WinCtx, interceptTime: number): [number, number] {
  const { t, v, lo, hi } = c;
  const { n, sumX, sumY, sumXY, sumX2, constY } = regressionSums(t, v, lo, hi, interceptTime);
  if (constY) {
    const initY = v[lo];
    if (initY === Infinity || initY === -Infinity) return [NaN, NaN];
    return [0, initY];
  }
  const covXY = sumXY - (sumX * sumY) / n;
  const varX = sumX2 - (sumX * sumX) / n;
  const slope = covXY / varX;
  const intercept = sumY / n - (slope * sumX) / n;
  return [slope, intercept];
}

export const deriv: RangeFn = (c) => {
  if (c.hi - c.lo < 2) {
    c.ok = false;
    return 0;
  }
  return linearRegression(c, c.t[c.lo])[0];
};

export const predictLinear: RangeFn = (c) => {
  if (c.hi - c.lo < 2) {
    c.ok = false;
    return 0;
  }
  const [slope, intercept] = linearRegression(c, c.stepT);
  return slope * c.args[0] + intercept;
};
