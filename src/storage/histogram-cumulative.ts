// A classic histogram's series read as a native histogram with custom
// buckets (NHCB) in place: the histogram at a scrape is made from the classic
// columns the store already holds (cumulative `le` buckets, _count, _sum),
// bucket counts being differences of neighbouring cumulative ones, as
// Prometheus's convertnhcb makes them. The column itself keeps a hint byte a
// sample (and which scrape each sample is, when some are left out), so the
// NHCB series costs about one byte a sample beside the classic ones.
//
// It applies when the classic series are regular: one timestamp column for
// all of them, a +Inf bucket, and finite cumulative counts at every scrape
// that is not a stale marker. cumulativeColumns() says undefined otherwise,
// and the caller converts scrape by scrape instead (src/dataset/nhcb.ts).

import { FloatHistogram } from '../histogram/histogram.js';
import { addLayoutMatched } from '../histogram/buckets.js';
import { CUSTOM_BUCKETS_SCHEMA, customBoundsMatch } from '../histogram/bounds.js';
import type { CounterResetHint } from '../histogram/histogram.js';
import { HINTS, HINT_CODES, runBreaks, type HistogramColumn } from './histogram-column.js';
import { HISTOGRAM_MARK, STALE_NAN, isStaleNaN } from './stale.js';

/** One classic member's samples (a bucket, _count or _sum series). */
export interface MemberColumns {
  t: Float64Array;
  v: Float64Array;
  length: number;
}

/** Prometheus's TSDB starts a new chunk (and reads the hint back as unknown) every 2 h of wall time. */
const CHUNK_RANGE_MS = 2 * 60 * 60 * 1000;

/** The columns a CumulativeHistograms reads (read only): for the engine's dense sums (src/engine/hist-dense.ts). */
export interface CumulativeParts {
  /** The finite `le` bounds (every histogram's customValues). */
  readonly bounds: readonly number[];
  /** The cumulative bucket columns, ascending `le`, the last one +Inf; indexed by row. */
  readonly cum: readonly Float64Array[];
  readonly countCol: Float64Array | undefined;
  readonly sumCol: Float64Array | undefined;
  /** The row of each position; absent: position i is row i. */
  readonly rows: Uint32Array | undefined;
  /** Hint codes by position; 0 where the position holds no histogram. */
  readonly hints: Uint8Array;
}

export class CumulativeHistograms implements HistogramColumn {
  /** Bucket differences of the last addTo (one scratch array per column). */
  private readonly scratch: Float64Array;

  constructor(
    readonly length: number,
    /** The finite `le` bounds: every histogram's customValues (one shared array). */
    private readonly bounds: readonly number[],
    /** The cumulative bucket columns, ascending `le`, the last one +Inf. */
    private readonly cum: readonly Float64Array[],
    private readonly countCol: Float64Array | undefined,
    private readonly sumCol: Float64Array | undefined,
    /** The scrape (row of the member columns) of each position; absent: position i is row i. */
    private readonly rows: Uint32Array | undefined,
    /** Hint codes (histogram-column.ts); 0 where the position is a stale marker. */
    private readonly hints: Uint8Array,
  ) {
    this.scratch = new Float64Array(cum.length);
  }

  /** The columns behind this view (see CumulativeParts). */
  parts(): CumulativeParts {
    return { bounds: this.bounds, cum: this.cum, countCol: this.countCol, sumCol: this.sumCol, rows: this.rows, hints: this.hints };
  }

  private row(i: number): number {
    return this.rows ? this.rows[i] : i;
  }

  has(i: number): boolean {
    return this.hints[i] > 0;
  }

  count(i: number): number {
    const r = this.row(i);
    const c = this.countCol ? this.countCol[r] : NaN;
    return c === c ? c : this.cum[this.cum.length - 1][r];
  }

  private sum(r: number): number {
    const s = this.sumCol ? this.sumCol[r] : NaN;
    return s === s ? s : 0;
  }

  get(i: number): FloatHistogram | undefined {
    const code = this.hints[i];
    if (!code) return undefined;
    const r = this.row(i);
    const h = new FloatHistogram();
    h.hint = HINTS[code]!;
    h.schema = CUSTOM_BUCKETS_SCHEMA;
    h.count = this.count(i);
    h.sum = this.sum(r);
    h.customValues = this.bounds;
    // Only the populated buckets (Prometheus's Compact(0)): differences into the scratch array, indexes as a bit set.
    const d = this.scratch;
    const K = this.cum.length;
    const small = K <= 30;
    const big: number[] | undefined = small ? undefined : [];
    let n = 0;
    let mask = 0;
    let prev = 0;
    for (let k = 0; k < K; k++) {
      const c = this.cum[k][r];
      if (c - prev !== 0) {
        d[n++] = c - prev;
        if (big) big.push(k);
        else mask |= 1 << k;
      }
      prev = c;
    }
    const cnt = new Array<number>(n);
    for (let j = 0; j < n; j++) cnt[j] = d[j];
    h.positive = { idx: big ?? this.indexes(mask, n), cnt };
    return h;
  }

  /** Populated bucket indexes, one shared (never modified) array per set: results keep fewer objects alive. */
  private readonly idxCache = new Map<number, number[]>();

  private indexes(mask: number, n: number): number[] {
    let idx = this.idxCache.get(mask);
    if (idx) return idx;
    idx = new Array<number>(n);
    let j = 0;
    for (let k = 0; k < this.cum.length; k++) if (mask & (1 << k)) idx[j++] = k;
    this.idxCache.set(mask, idx);
    return idx;
  }

  owned(i: number): FloatHistogram | undefined {
    return this.get(i);
  }

  hint(i: number): CounterResetHint {
    return HINTS[this.hints[i]]!;
  }

  schema(): number {
    return CUSTOM_BUCKETS_SCHEMA;
  }

  addTo(h: FloatHistogram, i: number, negate: boolean): boolean {
    const code = this.hints[i];
    if (!code || h.schema !== CUSTOM_BUCKETS_SCHEMA || !customBoundsMatch(h.customValues, this.bounds)) return false;
    const r = this.row(i);
    const idx = h.positive.idx;
    const d = this.scratch;
    let j = 0;
    let prev = 0;
    for (let k = 0; k < this.cum.length; k++) {
      const c = this.cum[k][r];
      const x = c - prev;
      prev = c;
      if (x !== 0) {
        if (idx[j] !== k) return false;
        d[j++] = x;
      } else if (idx[j] === k) return false;
    }
    if (j !== idx.length) return false;
    addLayoutMatched(h, HINTS[code]!, 0, this.count(i), this.sum(r), d, 0, j, negate);
    return true;
  }

  private breaks?: Uint32Array;

  plainRun(from: number, to: number): boolean {
    // One schema throughout: only the hints can break a run. Counted on first use.
    const b = (this.breaks ??= runBreaks(this.hints, this.hints.length));
    return from >= to || (to <= this.hints.length && b[to] - b[from] === 0);
  }

  difference(last: number, first: number): FloatHistogram | undefined {
    if (!this.hints[last] || !this.hints[first]) return undefined;
    const rl = this.row(last);
    const rf = this.row(first);
    const d = this.scratch;
    let n = 0;
    let mask = 0;
    let pl = 0;
    let pf = 0;
    for (let k = 0; k < this.cum.length; k++) {
      const col = this.cum[k];
      const cl = col[rl];
      const cf = col[rf];
      const dl = cl - pl;
      const df = cf - pf;
      pl = cl;
      pf = cf;
      // The same populated buckets in both (else add() would merge layouts).
      if ((dl !== 0) !== (df !== 0)) return undefined;
      if (dl === 0) continue;
      // As addBuckets subtracts, then Compact(0) drops what became empty.
      const x = dl + df * -1;
      if (x === 0) continue;
      if (k > 30) return undefined;
      d[n++] = x;
      mask |= 1 << k;
    }
    const h = new FloatHistogram();
    h.schema = CUSTOM_BUCKETS_SCHEMA;
    h.customValues = this.bounds;
    h.count = this.count(last) - this.count(first);
    h.sum = this.sum(rl) - this.sum(rf);
    const cnt = new Array<number>(n);
    for (let j = 0; j < n; j++) cnt[j] = d[j];
    h.positive = { idx: this.indexes(mask, n), cnt };
    return h;
  }

  select(pos: ArrayLike<number>, n: number): HistogramColumn {
    const rows = new Uint32Array(n);
    const hints = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      rows[k] = this.row(pos[k]);
      hints[k] = this.hints[pos[k]];
    }
    return new CumulativeHistograms(n, this.bounds, this.cum, this.countCol, this.sumCol, rows, hints);
  }

  extended(n: number): HistogramColumn {
    // Positions past the hints read as 0: no histogram.
    return new CumulativeHistograms(n, this.bounds, this.cum, this.countCol, this.sumCol, this.rows, this.hints);
  }
}

function sameTimes(a: Float64Array, b: Float64Array, n: number): boolean {
  if (a === b) return true;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What cumulativeColumns gives: the NHCB series' columns. */
export interface CumulativeSeries {
  t: Float64Array;
  v: Float64Array;
  h: CumulativeHistograms;
}

/**
 * The NHCB series of one classic histogram as a column over its members:
 * `les` ascending with +Inf last, `buckets` their series. A scrape that is
 * stale in any member is a stale marker (after a histogram only); one whose
 * buckets do not make a histogram (not cumulative, negative, _count not the
 * +Inf bucket) is left out, as Prometheus's conversion skips it. Undefined
 * when the members are not regular (see the top of this file).
 */
export function cumulativeColumns(
  les: readonly number[],
  buckets: readonly MemberColumns[],
  count: MemberColumns | undefined,
  sum: MemberColumns | undefined,
): CumulativeSeries | undefined {
  const K = buckets.length;
  if (K === 0 || les[K - 1] !== Infinity) return undefined;
  const n = buckets[0].length;
  const t = buckets[0].t;
  const members = [...buckets, ...(count ? [count] : []), ...(sum ? [sum] : [])];
  for (const m of members) if (m.length !== n || !sameTimes(m.t, t, n)) return undefined;
  const cum = buckets.map((b) => b.v);
  const countV = count?.v;
  const sumV = sum?.v;
  const rows = new Uint32Array(n);
  const hints = new Uint8Array(n);
  const v = new Float64Array(n);
  const prevD = new Float64Array(K);
  let m = 0;
  let prevRow = -1;
  let prevTotal = 0;
  for (let r = 0; r < n; r++) {
    // x !== x first: the bit test only for NaNs (a call per value is most of this loop's time otherwise).
    const cv0 = countV ? countV[r] : 0;
    const sv0 = sumV ? sumV[r] : 0;
    let stale = (cv0 !== cv0 && isStaleNaN(cv0)) || (sv0 !== sv0 && isStaleNaN(sv0));
    for (let k = 0; k < K && !stale; k++) {
      const x = cum[k][r];
      stale = x !== x && isStaleNaN(x);
    }
    if (stale) {
      if (prevRow >= 0) {
        rows[m] = r;
        v[m++] = STALE_NAN;
      }
      prevRow = -1;
      continue;
    }
    let ok = true;
    let prev = 0;
    for (let k = 0; k < K; k++) {
      const c = cum[k][r];
      if (c - c !== 0) return undefined; // NaN or ±Inf
      if (c < prev) ok = false;
      prev = c;
    }
    const cv = countV ? countV[r] : NaN;
    const total = cv === cv ? cv : prev;
    if (!ok || cum[0][r] < 0 || prev !== total) continue;
    let reset = prevRow < 0 || total < prevTotal || Math.trunc(t[r] / CHUNK_RANGE_MS) !== Math.trunc(t[prevRow] / CHUNK_RANGE_MS);
    prev = 0;
    for (let k = 0; k < K; k++) {
      const d = cum[k][r] - prev;
      prev = cum[k][r];
      // A bucket of the previous histogram that lost observations (a missing one counts as 0).
      if (d < prevD[k]) reset = true;
      prevD[k] = d;
    }
    rows[m] = r;
    hints[m] = reset ? HINT_CODES.unknown : HINT_CODES.not_reset;
    v[m++] = HISTOGRAM_MARK;
    prevRow = r;
    prevTotal = total;
  }
  const bounds = les.slice(0, K - 1);
  if (m === n) return { t: t.subarray(0, n), v, h: new CumulativeHistograms(n, bounds, cum, countV, sumV, undefined, hints) };
  const kept = rows.slice(0, m);
  const tk = new Float64Array(m);
  for (let k = 0; k < m; k++) tk[k] = t[kept[k]];
  return { t: tk, v: v.slice(0, m), h: new CumulativeHistograms(m, bounds, cum, countV, sumV, kept, hints.slice(0, m)) };
}
