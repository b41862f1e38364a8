// Reading the store: instant vector selectors (lookback, staleness, offset, @)
// and the windows of range selectors and subqueries.

import type { AtModifier, LabelMatcher } from '../promql/ast.js';
import type { MemoryStore } from '../storage/store.js';
import { isHistogramMark, isStaleNaN } from '../storage/store.js';
import { RegexSyntaxError } from '../promql/regex.js';
import type { Grid, QueryState, RSeries, VSeries } from './types.js';
import type { FloatHistogram } from '../histogram/histogram.js';
import { newVSeries } from './types.js';
import { checkAbort, execError, holdSamples } from './state.js';
import { upperBound } from './numeric.js';
import { StatsHints, forgetResetHints } from './hist-stats.js';
import { ArrayHistograms } from '../storage/histogram-column.js';

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
  const lookback = st.lookbackMs;
  for (const id of ids) {
    checkAbort(st);
    const cols = store.samples(id);
    const t = cols.t;
    const v = cols.v;
    const len = cols.length;
    const sts = cols.st;
    const hs = cols.h && stats ? new StatsHints(cols.h) : cols.h;
    const pickAt = (k: number): number => (pick === 'time' || pick === 'info' ? t[k] / 1000 : sts ? sts[k] / 1000 : 0);
    // info() reads timestamps, and must know which samples are histograms (an error there).
    const keepH = pick === 'value' || pick === 'info';
    const s = newVSeries(store.labels(id), grid.n);
    let count = 0;
    if (atMs !== undefined) {
      // Pinned by @: the same sample at every step.
      const ref = atMs - offsetMs;
      const k = upperBound(t, 0, len, ref) - 1;
      const x = k >= 0 ? v[k] : 0;
      if (k >= 0 && t[k] > ref - lookback && !(x !== x && isStaleNaN(x))) {
        s.v.fill(pick === 'value' ? x : pickAt(k));
        s.p.fill(1);
        if (keepH && hs && hs.has(k)) s.h = new Array(grid.n).fill(hs.get(k));
        count = grid.n;
      }
    } else {
      let j = 0;
      for (let i = 0; i < grid.n; i++) {
        const ref = grid.start + i * grid.step - offsetMs;
        // Advance to the first sample after ref; the one before it is the candidate.
        if (j < len && t[j] <= ref) {
          if (len - j > 16 && t[j + 16] <= ref) j = upperBound(t, j, len, ref);
          else while (j < len && t[j] <= ref) j++;
        }
        const k = j - 1;
        if (k < 0 || t[k] <= ref - lookback) continue;
        const x = v[k];
        if (x !== x) {
          if (isStaleNaN(x)) continue;
          if (keepH && hs && isHistogramMark(x)) (s.h ??= new Array(grid.n))[i] = hs.get(k);
        }
        s.v[i] = pick === 'value' ? x : pickAt(k);
        s.p[i] = 1;
        count++;
      }
    }
    if (count > 0) {
      st.totalSamples += count;
      holdSamples(st, count);
      out.push(s);
    }
  }
  return out;
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
