// Float helpers that reproduce Go's math exactly where JavaScript differs.

/** Kahan-Neumaier summation step as Prometheus's kahansum.Inc. Returns [sum, c] via the shared tuple. */
export const ks = { sum: 0, c: 0 };
export function kahanInc(inc: number, sum: number, c: number): void {
  const t = sum + inc;
  if (t === Infinity || t === -Infinity) c = 0;
  else if (Math.abs(sum) >= Math.abs(inc)) c += sum - t + inc;
  else c += inc - t + sum;
  ks.sum = t;
  ks.c = c;
}

/** Go's math.Pow special cases that differ from `**`. */
export function goPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64): count_values labels. */
export { formatGoFloatF as formatFloatF } from '../promql/printer.js';

/** Go's %g for annotation texts: the printer's shortest Go float formatting. */
export { formatGoFloat as formatG } from '../promql/printer.js';

/** Go's sort.Search: smallest i in [0, n) with pred(i), or n. */
export function search(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted t[from, to) with t[i] > x. */
export function upperBound(t: ArrayLike<number>, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index from `from` whose time is after `limit` (t ascending, at
 * most `end`): the moving cursor of every step loop. Steps usually move a
 * sample or two, so it walks; a jump of more than 16 samples is a binary search.
 */
export function advance(t: ArrayLike<number>, from: number, end: number, limit: number): number {
  if (from < end && t[from] <= limit) {
    if (end - from > 16 && t[from + 16] <= limit) return upperBound(t, from, end, limit);
    while (from < end && t[from] <= limit) from++;
  }
  return from;
}
