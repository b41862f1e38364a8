// Prometheus reads native histograms for histogram_count, histogram_sum and
// histogram_avg through a cheaper iterator (HistogramStatsIterator) that
// detects counter resets as it goes: a sample whose stored hint is `unknown`
// gets `reset` or `not_reset` from a comparison with the sample read before
// it. Those hints reach aggregations and *_over_time (their "conflicting
// counter resets" warning), so the engine gives selectors under these
// functions the same hints.

import type { Expr, VectorSelector } from '../promql/ast.js';
import { childExprs } from '../promql/walk.js';
import type { CounterResetHint, FloatHistogram } from '../histogram/histogram.js';
import { detectReset } from '../histogram/reset.js';
import { ArrayHistograms, HINTS, HINT_CODES, histogramArray, type HistogramColumn } from '../storage/histogram-column.js';

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

/**
 * The column as the stats iterator reads it: each `unknown` hint replaced by
 * what comparing with the previous histogram says. `storedAt` is a position
 * that keeps its stored hint (the iterator starts afresh at each window: its
 * first histogram keeps the stored hint); -1 for none.
 */
export class StatsHints implements HistogramColumn {
  storedAt = -1;
  private readonly codes: Uint8Array;

  constructor(
    private readonly base: HistogramColumn,
    codes?: Uint8Array,
  ) {
    const n = base.length;
    if (codes) {
      this.codes = codes;
      return;
    }
    this.codes = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      if (!base.has(k)) continue;
      const hint = base.hint(k);
      const replaced = hint === 'unknown' && k > 0 && base.has(k - 1);
      this.codes[k] = HINT_CODES[replaced ? (detectReset(base.get(k)!, base.get(k - 1)!) ? 'reset' : 'not_reset') : hint];
    }
  }

  get length(): number {
    return this.base.length;
  }

  has(i: number): boolean {
    return this.base.has(i);
  }

  hint(i: number): CounterResetHint {
    return i === this.storedAt ? this.base.hint(i) : HINTS[this.codes[i]]!;
  }

  get(i: number): FloatHistogram | undefined {
    const hint = this.hint(i);
    if (this.base.hint(i) === hint) return this.base.get(i);
    const h = this.base.owned(i)!;
    h.hint = hint;
    return h;
  }

  owned(i: number): FloatHistogram | undefined {
    const h = this.base.owned(i);
    if (h) h.hint = this.hint(i);
    return h;
  }

  schema(i: number): number {
    return this.base.schema(i);
  }

  count(i: number): number {
    return this.base.count(i);
  }

  addTo(h: FloatHistogram, i: number, negate: boolean): boolean {
    // The hint decides add's collisions: only a position whose hint is as stored.
    return this.base.hint(i) === this.hint(i) && this.base.addTo(h, i, negate);
  }

  /** The positions with the hints they have here (a position's previous one is not its neighbour there). */
  plainRun(): boolean {
    return false;
  }

  select(pos: ArrayLike<number>, n: number): HistogramColumn {
    const codes = new Uint8Array(n);
    for (let k = 0; k < n; k++) codes[k] = this.codes[pos[k]];
    return new StatsHints(this.base.select(pos, n), codes);
  }

  extended(n: number): HistogramColumn {
    return new ArrayHistograms(histogramArray(this, n));
  }
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
