// Native histogram samples of one series in typed arrays (the store's form
// of appended histograms; see histogram-column.ts): per position a hint byte
// (0: no histogram there), count, sum and zero count in Float64Arrays, and
// a layout number; the layouts (schema, zero threshold, custom bounds, the
// bucket indexes of both sides) are kept once for each run of samples that
// share one; all bucket counts sit in one Float64Array at per-position
// offsets. A histogram object is built only when a reader asks for one.

import { FloatHistogram } from '../histogram/histogram.js';
import { addLayoutMatched } from '../histogram/buckets.js';
import { customBoundsMatch, exponentialBound, isCustomBucketsSchema, isExponentialSchema } from '../histogram/bounds.js';
import { HINTS, HINT_CODES, runBreaks, type HistogramColumn } from './histogram-column.js';
import type { CounterResetHint } from '../histogram/histogram.js';

interface Layout {
  schema: number;
  zeroThreshold: number;
  customValues?: readonly number[];
  /** Bucket indexes, shared by every histogram built from this layout (never modified). */
  pos: number[];
  neg: number[];
  /** A bucket lies inside the zero bucket (add() would skip it): addTo leaves such layouts to add(). */
  inZero: boolean;
}

function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function layoutOf(h: FloatHistogram): Layout {
  const custom = isCustomBucketsSchema(h.schema);
  const low = (idx: readonly number[]) =>
    isExponentialSchema(h.schema) && idx.length > 0 && exponentialBound(idx[0], h.schema) <= h.zeroThreshold;
  return {
    schema: h.schema,
    zeroThreshold: custom ? 0 : h.zeroThreshold,
    customValues: custom ? h.customValues : undefined,
    pos: h.positive.idx.slice(),
    neg: custom ? [] : h.negative.idx.slice(),
    inZero: low(h.positive.idx) || (!custom && low(h.negative.idx)),
  };
}

function fits(l: Layout, h: FloatHistogram): boolean {
  if (l.schema !== h.schema) return false;
  if (isCustomBucketsSchema(h.schema)) return customBoundsMatch(l.customValues, h.customValues) && sameIndexes(l.pos, h.positive.idx);
  return l.zeroThreshold === h.zeroThreshold && sameIndexes(l.pos, h.positive.idx) && sameIndexes(l.neg, h.negative.idx);
}

function countsOf(src: Float64Array, from: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = src[from + k];
  return out;
}

export class PackedHistograms implements HistogramColumn {
  private constructor(
    readonly length: number,
    private readonly hints: Uint8Array,
    private readonly counts: Float64Array,
    private readonly sums: Float64Array,
    /** Zero counts; absent when all are 0 (custom buckets have none). */
    private readonly zeros: Float64Array | undefined,
    private readonly layoutIds: Uint32Array,
    private readonly layouts: readonly Layout[],
    /** Bucket counts of position i: buckets[offsets[i] ..], positive ones then negative ones. */
    private readonly offsets: Uint32Array,
    private readonly buckets: Float64Array,
  ) {}

  /**
   * The column of n positions: the first `base.length` from `base` (when
   * given), the others from `items` (undefined: no histogram there).
   */
  static pack(items: ArrayLike<FloatHistogram | undefined>, n: number, base?: HistogramColumn): PackedHistograms {
    const from = base ? Math.min(base.length, n) : 0;
    const at = (i: number): FloatHistogram | undefined => (i < from ? base!.get(i) : items[i]);
    const packedBase = base instanceof PackedHistograms ? base : undefined;
    // Positions of a packed base are copied as typed ranges (an extended one has fewer than its length).
    const copied = packedBase ? Math.min(from, packedBase.hints.length) : 0;
    let total = packedBase ? packedBase.offsets[copied] : 0;
    let anyZero = packedBase?.zeros !== undefined;
    for (let i = copied; i < n; i++) {
      const h = at(i);
      if (!h) continue;
      total += h.positive.cnt.length + (isCustomBucketsSchema(h.schema) ? 0 : h.negative.cnt.length);
      if (!isCustomBucketsSchema(h.schema) && h.zeroCount !== 0) anyZero = true;
    }
    const hints = new Uint8Array(n);
    const counts = new Float64Array(n);
    const sums = new Float64Array(n);
    const zeros = anyZero ? new Float64Array(n) : undefined;
    const layoutIds = new Uint32Array(n);
    const offsets = new Uint32Array(n + 1);
    const buckets = new Float64Array(total);
    const layouts: Layout[] = [];
    let off = 0;
    if (packedBase && copied > 0) {
      // The layouts kept, the typed ranges copied as they are.
      const b = packedBase;
      hints.set(b.hints.subarray(0, copied));
      counts.set(b.counts.subarray(0, copied));
      sums.set(b.sums.subarray(0, copied));
      if (zeros && b.zeros) zeros.set(b.zeros.subarray(0, copied));
      layoutIds.set(b.layoutIds.subarray(0, copied));
      offsets.set(b.offsets.subarray(0, copied + 1));
      off = b.offsets[copied];
      buckets.set(b.buckets.subarray(0, off));
      layouts.push(...b.layouts);
    }
    for (let i = copied; i < n; i++) {
      offsets[i] = off;
      const h = at(i);
      if (!h) continue;
      hints[i] = HINT_CODES[h.hint];
      counts[i] = h.count;
      sums[i] = h.sum;
      const custom = isCustomBucketsSchema(h.schema);
      if (zeros && !custom) zeros[i] = h.zeroCount;
      const last = layouts.length > 0 ? layouts[layouts.length - 1] : undefined;
      if (last && fits(last, h)) layoutIds[i] = layouts.length - 1;
      else {
        layoutIds[i] = layouts.length;
        layouts.push(layoutOf(h));
      }
      buckets.set(h.positive.cnt, off);
      off += h.positive.cnt.length;
      if (!custom) {
        buckets.set(h.negative.cnt, off);
        off += h.negative.cnt.length;
      }
    }
    offsets[n] = off;
    return new PackedHistograms(n, hints, counts, sums, zeros, layoutIds, layouts, offsets, buckets);
  }

  has(i: number): boolean {
    return this.hints[i] > 0;
  }

  get(i: number): FloatHistogram | undefined {
    const code = this.hints[i];
    if (!code) return undefined;
    const l = this.layouts[this.layoutIds[i]];
    const h = new FloatHistogram();
    h.hint = HINTS[code]!;
    h.schema = l.schema;
    h.count = this.counts[i];
    h.sum = this.sums[i];
    const off = this.offsets[i];
    h.positive = { idx: l.pos, cnt: countsOf(this.buckets, off, l.pos.length) };
    if (isCustomBucketsSchema(l.schema)) h.customValues = l.customValues;
    else {
      h.zeroThreshold = l.zeroThreshold;
      h.zeroCount = this.zeros ? this.zeros[i] : 0;
      h.negative = { idx: l.neg, cnt: countsOf(this.buckets, off + l.pos.length, l.neg.length) };
    }
    return h;
  }

  owned(i: number): FloatHistogram | undefined {
    return this.get(i);
  }

  hint(i: number): CounterResetHint {
    return HINTS[this.hints[i]]!;
  }

  schema(i: number): number {
    return this.layouts[this.layoutIds[i]].schema;
  }

  count(i: number): number {
    return this.counts[i];
  }

  addTo(h: FloatHistogram, i: number, negate: boolean): boolean {
    const code = this.hints[i];
    if (!code) return false;
    const l = this.layouts[this.layoutIds[i]];
    if (l.inZero || l.schema !== h.schema) return false;
    if (isCustomBucketsSchema(l.schema)) {
      if (!customBoundsMatch(l.customValues, h.customValues) || !sameIndexes(l.pos, h.positive.idx)) return false;
    } else if (l.zeroThreshold !== h.zeroThreshold || !sameIndexes(l.pos, h.positive.idx) || !sameIndexes(l.neg, h.negative.idx))
      return false;
    const off = this.offsets[i];
    const zero = this.zeros ? this.zeros[i] : 0;
    addLayoutMatched(h, HINTS[code]!, zero, this.counts[i], this.sums[i], this.buckets, off, off + l.pos.length, negate);
    return true;
  }

  private breaks?: Uint32Array;

  plainRun(from: number, to: number): boolean {
    const n = this.hints.length;
    const b = (this.breaks ??= runBreaks(this.hints, n, (i) => this.schema(i) === this.schema(i - 1)));
    return from >= to || (to <= n && b[to] - b[from] === 0);
  }

  select(pos: ArrayLike<number>, n: number): HistogramColumn {
    const items = new Array<FloatHistogram | undefined>(n);
    for (let k = 0; k < n; k++) items[k] = this.get(pos[k]);
    return PackedHistograms.pack(items, n);
  }

  extended(n: number): HistogramColumn {
    // Positions past the arrays read as hint 0: no histogram.
    return new PackedHistograms(
      n,
      this.hints,
      this.counts,
      this.sums,
      this.zeros,
      this.layoutIds,
      this.layouts,
      this.offsets,
      this.buckets,
    );
  }
}
