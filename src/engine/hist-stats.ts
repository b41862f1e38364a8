// Prometheus reads native histograms for histogram_count, histogram_sum and
// histogram_avg through a cheaper iterator (HistogramStatsIterator) that
// detects counter resets as it goes: a sample whose stored hint is `unknown`
// gets `reset` or `not_reset` from a comparison with the sample read before
// it. Those hints reach aggregations and *_over_time (their "conflicting
// counter resets" warning), so the engine gives selectors under these
// functions the same hints.

import type { Expr, VectorSelector } from '../promql/ast.js';
import { inspect } from '../promql/walk.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { detectReset } from '../histogram/reset.js';

/** The selectors whose histograms Prometheus would read through the stats iterator (detectHistogramStatsDecoding). */
export function statsSelectors(expr: Expr): Set<VectorSelector> {
  const out = new Set<VectorSelector>();
  inspect(expr, (node, path) => {
    if (node.type !== 'VectorSelector') return;
    let skip = false;
    for (let i = path.length - 1; i >= 0; i--) {
      const p = path[i];
      if (p.type === 'SubqueryExpr') {
        skip = false;
        break;
      }
      if (p.type === 'Call') {
        if (p.func === 'histogram_count' || p.func === 'histogram_sum' || p.func === 'histogram_avg') skip = true;
        else if (p.func === 'histogram_quantile' || p.func === 'histogram_quantiles' || p.func === 'histogram_fraction') {
          skip = false;
          break;
        }
      }
      if (p.type === 'BinaryExpr' && (p.op === '</' || p.op === '>/')) {
        skip = false;
        break;
      }
    }
    if (skip) out.add(node);
  });
  return out;
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
