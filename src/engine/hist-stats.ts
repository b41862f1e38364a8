// Prometheus reads native histograms for histogram_count, histogram_sum and
// histogram_avg through a cheaper iterator (HistogramStatsIterator) that
// detects counter resets as it goes: a sample whose stored hint is `unknown`
// gets `reset` or `not_reset` from a comparison with the sample read before
// it. Those hints reach aggregations and *_over_time (their "conflicting
// counter resets" warning), so the engine gives selectors under these
// functions the same hints.

import type { Expr, VectorSelector } from '../promql/ast.js';
import { childExprs } from '../promql/walk.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { detectReset } from '../histogram/reset.js';

/**
 * The selectors whose histograms Prometheus would read through the stats
 * iterator (detectHistogramStatsDecoding): those with a histogram_count, _sum
 * or _avg call above them and nothing above them that needs the buckets (a
 * subquery, histogram_quantile(s), histogram_fraction, `</`, `>/`). One pass
 * from the root carries "under a stats call" down and stops at what needs the
 * buckets, so a 20,000-term sum is not walked up once per selector.
 */
export function statsSelectors(expr: Expr): Set<VectorSelector> {
  const out = new Set<VectorSelector>();
  const go = (node: Expr, underStats: boolean): void => {
    if (node.type === 'VectorSelector' && underStats) out.add(node);
    if (needsBuckets(node)) return;
    const below = underStats || (node.type === 'Call' && STATS_CALLS.has(node.func));
    for (const c of childExprs(node)) go(c, below);
  };
  go(expr, false);
  return out;
}

const STATS_CALLS = new Set(['histogram_count', 'histogram_sum', 'histogram_avg']);

/** A node above which no selector is read through the stats iterator. */
function needsBuckets(node: Expr): boolean {
  if (node.type === 'SubqueryExpr') return true;
  if (node.type === 'Call')
    return node.func === 'histogram_quantile' || node.func === 'histogram_quantiles' || node.func === 'histogram_fraction';
  return node.type === 'BinaryExpr' && (node.op === '</' || node.op === '>/');
}

/** The column with each `unknown` hint replaced by what comparing with the previous histogram says. */
export function statsHints(h: readonly (FloatHistogram | undefined)[], len: number): (FloatHistogram | undefined)[] {
  const out = new Array<FloatHistogram | undefined>(len);
  for (let k = 0; k < len; k++) {
    const cur = h[k];
    if (!cur) continue;
    const prev = k > 0 ? h[k - 1] : undefined;
    if (cur.hint !== 'unknown' || !prev) {
      out[k] = cur;
      continue;
    }
    const c = cur.copy();
    c.hint = detectReset(cur, prev) ? 'reset' : 'not_reset';
    out[k] = c;
  }
  return out;
}

/** Subquery results forget reset/not_reset hints: their samples are not consecutive stored samples. */
export function forgetResetHints(h: (FloatHistogram | undefined)[]): void {
  for (let k = 0; k < h.length; k++) {
    const x = h[k];
    if (x && (x.hint === 'reset' || x.hint === 'not_reset')) {
      const c = x.copy();
      c.hint = 'unknown';
      h[k] = c;
    }
  }
}
