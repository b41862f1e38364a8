// Reading the store: instant vector selectors (lookback, staleness, offset, @)
// and the windows of range selectors and subqueries.

import type { AtModifier, LabelMatcher } from '../promql/ast.js';
import type { MemoryStore, SampleColumns } from '../storage/store.js';
import { isHistogramMark, isStaleNaN } from '../storage/store.js';
import { RegexSyntaxError } from '../promql/regex.js';
import type { Grid, QueryState, RSeries, VSeries } from './types.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { newVSeries } from './types.js';
import { checkAbort, execError, holdSamples } from './state.js';
import { advance, upperBound } from './numeric.js';
import { StatsHints, forgetResetHints } from './hist-stats.js';
import { ArrayHistograms } from '../storage/histogram-column.js';
import type { HistogramColumn } from '../storage/histogram-column.js';

export function resolveAt(at: AtModifier | undefined, st: QueryState): number | undefined {
  if (!at) return undefined;
  if (at.kind === 'time') return at.timestampMs;
  return at.kind === 'start' ? st.queryStart : st.queryEnd;
}

/** Series ids for the matchers; with st, the query's timeout and cancellation can stop the selection. */
export function selectIds(store: MemoryStore, matchers: readonly LabelMatcher[], st?: QueryState): number[] {
  try {
    return store.select(matchers, st && (() => checkAbort(st, true)));
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw execError(e.message);
    throw e;
  }
}

/** What an instant selector yields per step: the sample's value, timestamp or start timestamp. */
export type SelectorPick = 'value' | 'time' | 'st' | 'info';

/**
 * Evaluates an instant vector selector at every step: the newest sample in
 * (ref - lookback, ref], unless that sample is a stale marker.
 * With `pick` 'time', values are the samples' own timestamps in seconds (timestamp(), info());
 * with 'st', their start timestamps in seconds, 0 when unknown (start_timestamp()).
 */
export function evalVectorSelector(
  store: MemoryStore,
  ids: number[],
  offsetMs: number,
  atMs: number | undefined,
  grid: Grid,
  st: QueryState,
  pick: SelectorPick = 'value',
  stats = false,
): VSeries[] {
  const out: VSeries[] = [];
  for (const id of ids) {
    checkAbort(st);
    const cols = store.samples(id);
    const s = newVSeries(store.labels(id), grid.n);
    const hs = cols.h && stats ? new StatsHints(cols.h) : cols.h;
    let count: number;
    if (atMs !== undefined) count = pinnedSample(cols, hs, atMs - offsetMs, s, grid, st.lookbackMs, pick);
    else if (pick === 'value' && !hs)
      count = floatSteps(cols.t, cols.v, cols.length, grid.start, grid.step, grid.n, offsetMs, st.lookbackMs, s.v, s.p);
    else count = pickedSteps(cols, hs, grid, offsetMs, st.lookbackMs, s, pick);
    if (count > 0) {
      st.totalSamples += count;
      holdSamples(st, count);
      out.push(s);
    }
  }
  return out;
}

/** The value a selector yields for sample k: its value, its timestamp or its start timestamp (seconds). */
function picked(cols: SampleColumns, k: number, pick: SelectorPick): number {
  if (pick === 'value') return cols.v[k];
  if (pick === 'time' || pick === 'info') return cols.t[k] / 1000;
  return cols.st ? cols.st[k] / 1000 : 0;
}

type Hists = HistogramColumn | undefined;

/** Pinned by @: the same sample at every step. */
function pinnedSample(cols: SampleColumns, hs: Hists, ref: number, s: VSeries, grid: Grid, lookback: number, pick: SelectorPick): number {
  const k = upperBound(cols.t, 0, cols.length, ref) - 1;
  if (k < 0 || cols.t[k] <= ref - lookback) return 0;
  const x = cols.v[k];
  if (x !== x && isStaleNaN(x)) return 0;
  s.v.fill(picked(cols, k, pick));
  s.p.fill(1);
  // info() reads timestamps, and must know which samples are histograms (an error there).
  if ((pick === 'value' || pick === 'info') && hs && hs.has(k)) s.h = new Array(grid.n).fill(hs.get(k));
  return grid.n;
}

/**
 * The common case, a float series' values: one cursor moves forward over the
 * samples as the steps advance (a binary search when it has far to go). Only
 * numbers and typed arrays come in (see rate-kernel.ts rateSteps: optimised
 * code that depends on a query's objects does not outlive them).
 */
function floatSteps(
  t: Float64Array,
  v: Float64Array,
  len: number,
  start: number,
  step: number,
  n: number,
  offsetMs: number,
  lookback: number,
  ov: Float64Array,
  op: Uint8Array,
): number {
  let j = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const ref = start + i * step - offsetMs;
    // Advance to the first sample after ref; the one before it is the candidate.
    j = advance(t, j, len, ref);
    if (j === 0 || t[j - 1] <= ref - lookback) continue;
    const x = v[j - 1];
    if (x !== x && isStaleNaN(x)) continue;
    ov[i] = x;
    op[i] = 1;
    count++;
  }
  return count;
}

/** The general step loop: histograms, timestamps, start timestamps. */
function pickedSteps(
  cols: SampleColumns,
  hs: Hists,
  grid: Grid,
  offsetMs: number,
  lookback: number,
  s: VSeries,
  pick: SelectorPick,
): number {
  const { t, v, length: len } = cols;
  const keepH = pick === 'value' || pick === 'info';
  let j = 0;
  let count = 0;
  for (let i = 0; i < grid.n; i++) {
    const ref = grid.start + i * grid.step - offsetMs;
    j = upperBound(t, j, len, ref);
    const k = j - 1;
    if (k < 0 || t[k] <= ref - lookback) continue;
    const x = v[k];
    if (x !== x) {
      if (isStaleNaN(x)) continue;
      if (keepH && hs && isHistogramMark(x)) (s.h ??= new Array(grid.n))[i] = hs.get(k);
    }
    s.v[i] = picked(cols, k, pick);
    s.p[i] = 1;
    count++;
  }
  return count;
}

/** The raw points of the selected series, stale markers removed; `stats`: with the stats iterator's hints. */
export function rangeSeries(store: MemoryStore, ids: number[], stats = false): RSeries[] {
  return ids.map((id) => {
    const c = store.floatSamples(id);
    return { metric: store.labels(id), t: c.t, v: c.v, length: c.length, st: c.st, h: stats && c.h ? new StatsHints(c.h) : c.h };
  });
}

/** Points of one series in (mint, maxt], copied (top-level range-vector results). */
export function sliceWindow(s: RSeries, mint: number, maxt: number): RSeries {
  const lo = upperBound(s.t, 0, s.length, mint);
  const hi = upperBound(s.t, lo, s.length, maxt);
  const pos = Uint32Array.from({ length: hi - lo }, (_, k) => lo + k);
  return { metric: s.metric, t: s.t.slice(lo, hi), v: s.v.slice(lo, hi), length: hi - lo, h: s.h?.select(pos, hi - lo) };
}

/** Dense step series to compact points (subquery results, which forget reset hints: see forgetResetHints). */
export function compactSeries(s: VSeries, grid: Grid): RSeries {
  let n = 0;
  for (let i = 0; i < grid.n; i++) n += s.p[i];
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  const h = s.h ? new Array<FloatHistogram | undefined>(n) : undefined;
  let k = 0;
  for (let i = 0; i < grid.n; i++) {
    if (!s.p[i]) continue;
    t[k] = grid.start + i * grid.step;
    v[k] = s.v[i];
    if (h) h[k] = s.h![i];
    k++;
  }
  if (h) forgetResetHints(h);
  return { metric: s.metric, t, v, length: n, dropName: s.dropName, h: h && new ArrayHistograms(h) };
}
