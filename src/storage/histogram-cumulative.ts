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
  /** Positions before the first that holds no histogram (counted on first use). */
  private histogramsFrom0?: number;

  /** Whether positions [0, n) all hold histograms (no stale marker, nothing past the column). */
  allHistograms(n: number): boolean {
    if (this.histogramsFrom0 === undefined) {
      let i = 0;
      const end = Math.min(this.length, this.hints.length);
      while (i < end && this.hints[i] !== 0) i++;
      this.histogramsFrom0 = i;
    }
    return n <= this.histogramsFrom0;
  }

  plainRun(from: number, to: number): boolean {
    const b = this.runBreaks();
    return from >= to || (to <= this.hints.length && b[to] - b[from] === 0);
  }

  /**
   * Prefix counts of the positions that break a plain run (histogram-column's
   * runBreaks): one schema throughout, so only the hints can. Counted on first use.
   */
  runBreaks(): Uint32Array {
    return (this.breaks ??= runBreaks(this.hints, this.hints.length));
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
    let first0 = n;
    for (let k = 0; k < n; k++) {
      rows[k] = this.row(pos[k]);
      hints[k] = this.hints[pos[k]];
      if (hints[k] === 0 && first0 === n) first0 = k;
    }
    const col = new CumulativeHistograms(n, this.bounds, this.cum, this.countCol, this.sumCol, rows, hints);
    col.histogramsFrom0 = first0;
    return col;
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

/** Row flags of cumulativeColumns' column scans. */
const STALE = 1;
const NOT_FINITE = 2;
const NOT_HISTOGRAM = 4;
/** A bucket holds fewer observations than in the row before (a reset, if both rows are histograms). */
const DECREASE = 8;

/** Flags stale markers in a _count or _sum column. */
function scanStale(col: Float64Array, flags: Uint8Array, n: number): void {
  for (let r = 0; r < n; r++) {
    const x = col[r];
    if (x !== x && isStaleNaN(x)) flags[r] |= STALE;
  }
}

/**
 * Flags, in one cumulative bucket column (`below`: the bucket under it, or
 * none for the first), stale markers, values that are not finite, counts
 * below the bucket under it (or below 0): rows that make no histogram; and
 * a bucket count (the difference with the bucket under it) lower than in the
 * row before.
 */
function scanBucket(col: Float64Array, below: Float64Array | undefined, flags: Uint8Array, n: number): void {
  let prevD = 0;
  for (let r = 0; r < n; r++) {
    const c = col[r];
    const under = below ? below[r] : 0;
    const d = c - under;
    if (c - c !== 0) flags[r] |= c !== c && isStaleNaN(c) ? STALE : NOT_FINITE;
    else if (c < under) flags[r] |= NOT_HISTOGRAM;
    if (d < prevD) flags[r] |= DECREASE;
    prevD = d;
  }
}

/** Flags rows whose _count is not the +Inf bucket's count. */
function scanCount(count: Float64Array, inf: Float64Array, flags: Uint8Array, n: number): void {
  for (let r = 0; r < n; r++) {
    const cv = count[r];
    if (cv === cv && cv !== inf[r]) flags[r] |= NOT_HISTOGRAM;
  }
}

/**
 * Whether some bucket of row p lost observations by row r (cumulative
 * columns: each bucket is a difference of neighbours); DECREASE says it for
 * neighbouring rows.
 */
export function bucketDecreased(cum: readonly Float64Array[], r: number, p: number): boolean {
  let pr = 0;
  let pp = 0;
  for (const col of cum) {
    if (col[r] - pr < col[p] - pp) return true;
    pr = col[r];
    pp = col[p];
  }
  return false;
}

/**
 * The NHCB series of one classic histogram as a column over its members:
 * `les` ascending with +Inf last, `buckets` their series. A scrape that is
 * stale in any member is a stale marker (after a histogram only); one whose
 * buckets do not make a histogram (not cumulative, negative, _count not the
 * +Inf bucket) is left out, as Prometheus's conversion skips it. Undefined
 * when the members are not regular (see the top of this file). The columns
 * are read one at a time (small loops, in order), then the rows once.
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
  const flags = new Uint8Array(n);
  if (countV) scanStale(countV, flags, n);
  if (sumV) scanStale(sumV, flags, n);
  for (let k = 0; k < K; k++) scanBucket(cum[k], k > 0 ? cum[k - 1] : undefined, flags, n);
  if (countV) scanCount(countV, cum[K - 1], flags, n);
  const rows = new Uint32Array(n);
  const hints = new Uint8Array(n);
  const v = new Float64Array(n);
  const m = keptRows(t, countV, cum, flags, rows, hints, v);
  if (m < 0) return undefined;
  const bounds = les.slice(0, K - 1);
  if (m === n) return { t: t.subarray(0, n), v, h: new CumulativeHistograms(n, bounds, cum, countV, sumV, undefined, hints) };
  const kept = rows.slice(0, m);
  const tk = new Float64Array(m);
  for (let k = 0; k < m; k++) tk[k] = t[kept[k]];
  return { t: tk, v: v.slice(0, m), h: new CumulativeHistograms(m, bounds, cum, countV, sumV, kept, hints.slice(0, m)) };
}

/**
 * The samples of the NHCB series from the flagged rows: stale markers (after
 * a histogram only), and histograms with their hint: `unknown` at the first
 * one, after a stale marker, when the count or a bucket went down and at a
 * 2 h chunk boundary, else `not_reset`. Returns how many, or -1 when a bucket
 * that is no stale marker is not finite (not a classic histogram).
 */
function keptRows(
  t: Float64Array,
  countV: Float64Array | undefined,
  cum: readonly Float64Array[],
  flags: Uint8Array,
  rows: Uint32Array,
  hints: Uint8Array,
  v: Float64Array,
): number {
  const inf = cum[cum.length - 1];
  let m = 0;
  let prevRow = -1;
  let prevTotal = 0;
  for (let r = 0; r < flags.length; r++) {
    const f = flags[r];
    if (f & STALE) {
      if (prevRow >= 0) {
        rows[m] = r;
        v[m++] = STALE_NAN;
      }
      prevRow = -1;
      continue;
    }
    if (f & NOT_FINITE) return -1;
    if (f & NOT_HISTOGRAM) continue;
    const cv = countV ? countV[r] : NaN;
    const total = cv === cv ? cv : inf[r];
    const reset =
      prevRow < 0 ||
      total < prevTotal ||
      Math.trunc(t[r] / CHUNK_RANGE_MS) !== Math.trunc(t[prevRow] / CHUNK_RANGE_MS) ||
      (prevRow === r - 1 ? (f & DECREASE) !== 0 : bucketDecreased(cum, r, prevRow));
    rows[m] = r;
    hints[m] = reset ? HINT_CODES.unknown : HINT_CODES.not_reset;
    v[m++] = HISTOGRAM_MARK;
    prevRow = r;
    prevTotal = total;
  }
  return m;
}
