// A series' native histogram samples as the engine reads them: a column
// parallel to the series' timestamps (where the value column holds
// HISTOGRAM_MARK, the column holds a histogram). Three kinds:
//
// - PackedHistograms (histogram-packed.ts): what the store keeps for appended
//   histograms: counts, sums and hints in typed arrays, bucket layouts shared
//   while unchanged, bucket counts in one flat Float64Array. No object a sample.
// - CumulativeHistograms (histogram-cumulative.ts): a classic histogram's
//   series read as native histograms with custom buckets (NHCB) in place,
//   from the classic columns the store already holds.
// - ArrayHistograms (here): histogram objects the engine computed (subquery
//   results, hints rewritten for histogram_count & co).
//
// Readers that only need a hint, a schema or a count ask for that; `get`
// builds the whole histogram (shared, read only) and `owned` one the caller may
// change. `addTo` adds a sample into a histogram of the same layout without
// building it: the hot path of rate() and increase().

import type { CounterResetHint, FloatHistogram } from '../histogram/histogram.js';

export interface HistogramColumn {
  /** Positions, parallel to the series' timestamps. */
  readonly length: number;
  /** Whether position i holds a histogram (else it is a float or a stale marker). */
  has(i: number): boolean;
  /** The histogram at position i; may be shared: do not modify it. */
  get(i: number): FloatHistogram | undefined;
  /** The histogram at position i as a new object the caller may modify. */
  owned(i: number): FloatHistogram | undefined;
  /** The counter-reset hint of position i (which holds a histogram). */
  hint(i: number): CounterResetHint;
  schema(i: number): number;
  count(i: number): number;
  /**
   * `h.add(get(i))` (or `h.sub`) done in place without building sample i,
   * when it has h's layout (schema, zero threshold, custom bounds, bucket
   * indexes) and neither needs a schema change; false, with h untouched,
   * otherwise (the caller then adds get(i) itself).
   */
  addTo(h: FloatHistogram, i: number, negate: boolean): boolean;
  /**
   * Histogram `last` minus histogram `first` with its empty buckets removed,
   * when both have the same layout: bit for bit `owned(last)` after
   * `addTo(·, first, true)` and `compact()`, its hint left to the caller.
   * Optional, undefined when the column cannot (or the layouts differ).
   */
  difference?(last: number, first: number): FloatHistogram | undefined;
  /**
   * Whether positions [from, to) all hold counter histograms with the hint
   * `not_reset` and one schema: rate() then needs no reset or schema check
   * between them. False when unsure.
   */
  plainRun(from: number, to: number): boolean;
  /** The column of positions pos[0..n), in that order. */
  select(pos: ArrayLike<number>, n: number): HistogramColumn;
  /** The column with n positions: the first ones as here, later ones floats (n >= length). */
  extended(n: number): HistogramColumn;
}

/** Hints as one byte a sample; 0: the position holds no histogram. */
export const HINT_CODES: Readonly<Record<CounterResetHint, number>> = { unknown: 1, reset: 2, not_reset: 3, gauge: 4 };
export const HINTS: readonly (CounterResetHint | undefined)[] = [undefined, 'unknown', 'reset', 'not_reset', 'gauge'];

/** Histogram objects as a column (what the engine computes; never stored). */
export class ArrayHistograms implements HistogramColumn {
  constructor(private readonly items: readonly (FloatHistogram | undefined)[]) {}

  get length(): number {
    return this.items.length;
  }

  has(i: number): boolean {
    return this.items[i] !== undefined;
  }

  get(i: number): FloatHistogram | undefined {
    return this.items[i];
  }

  owned(i: number): FloatHistogram | undefined {
    return this.items[i]?.copy();
  }

  hint(i: number): CounterResetHint {
    return this.items[i]!.hint;
  }

  schema(i: number): number {
    return this.items[i]!.schema;
  }

  count(i: number): number {
    return this.items[i]!.count;
  }

  addTo(): boolean {
    return false;
  }

  plainRun(): boolean {
    return false;
  }

  select(pos: ArrayLike<number>, n: number): HistogramColumn {
    const out = new Array<FloatHistogram | undefined>(n);
    for (let k = 0; k < n; k++) out[k] = this.items[pos[k]];
    return new ArrayHistograms(out);
  }

  extended(n: number): HistogramColumn {
    const out = this.items.slice();
    out.length = n;
    return new ArrayHistograms(out);
  }

  /** The objects themselves (read only). */
  toArray(): readonly (FloatHistogram | undefined)[] {
    return this.items;
  }
}

/**
 * Prefix counts of the positions that break a plain run (histogram-column's
 * plainRun): breaks[i + 1] - breaks[j + 1] counts those in (j, i]. Position i
 * breaks when its hint is not `not_reset` or (`sameAsPrev(i)` false) its
 * schema differs from position i - 1's.
 */
export function runBreaks(hints: Uint8Array, n: number, sameAsPrev?: (i: number) => boolean): Uint32Array {
  const breaks = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const plain = hints[i] === HINT_CODES.not_reset && (!sameAsPrev || i === 0 || sameAsPrev(i));
    breaks[i + 1] = breaks[i] + (plain ? 0 : 1);
  }
  return breaks;
}

/** Every position of a column as objects (undefined at floats): for results and tests, not hot paths. */
export function histogramArray(col: HistogramColumn, n = col.length): (FloatHistogram | undefined)[] {
  const out = new Array<FloatHistogram | undefined>(n);
  for (let i = 0; i < n; i++) out[i] = col.get(i);
  return out;
}
