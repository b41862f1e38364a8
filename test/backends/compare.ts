// Comparing two QueryResults the way the differential test needs: instant
// vectors and matrices as sets of label sets, floats within a relative
// tolerance (both NaN counts as equal), timestamps exactly.

import { sameHistogram, type HistogramPair } from '../../src/model/histogram.js';
import type { Metric, QueryResult, SamplePair } from '../../src/model/result.js';
import { parseSampleValue } from '../../src/model/result.js';
import { labelsKey } from '../../src/storage/store.js';

export const REL_TOLERANCE = 1e-9;
// Sums of floats in a different order (Kahan in 3.x, plain in 2.42) can leave
// ~1e-17 where the other side has 0: below this, values count as equal.
const ABS_FLOOR = 1e-12;

function closeEnough(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  const diff = Math.abs(a - b);
  return diff <= ABS_FLOOR || diff <= REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function show(m: Metric): string {
  const { __name__: name = '', ...rest } = m;
  return `${name}{${Object.entries(rest)
    .sort()
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
}

function pairsDiff(a: SamplePair[], b: SamplePair[]): string | undefined {
  if (a.length !== b.length) return `${a.length} vs ${b.length} points (first ${JSON.stringify(a[0])} vs ${JSON.stringify(b[0])})`;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i][0] - b[i][0]) > 1e-6) return `timestamp ${a[i][0]} vs ${b[i][0]} at point ${i}`;
    if (!closeEnough(parseSampleValue(a[i][1]), parseSampleValue(b[i][1]))) {
      return `value ${a[i][1]} vs ${b[i][1]} at t=${a[i][0]}`;
    }
  }
  return undefined;
}

/** Native histograms: the same points (timestamps exactly, count, sum and buckets within the tolerance). */
function histogramsDiff(a: HistogramPair[], b: HistogramPair[]): string | undefined {
  if (a.length !== b.length) return `${a.length} vs ${b.length} histogram points`;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i][0] - b[i][0]) > 1e-6) return `histogram timestamp ${a[i][0]} vs ${b[i][0]} at point ${i}`;
    if (!sameHistogram(a[i][1], b[i][1], closeEnough))
      return `histogram ${JSON.stringify(a[i][1])} vs ${JSON.stringify(b[i][1])} at t=${a[i][0]}`;
  }
  return undefined;
}

type Points = { metric: Metric; pairs: SamplePair[]; histograms: HistogramPair[] };

function bySeries(r: QueryResult): Map<string, Points> {
  const out = new Map<string, Points>();
  const d = r.data;
  if (d.resultType === 'vector') {
    for (const s of d.result) {
      out.set(labelsKey(s.metric), { metric: s.metric, pairs: s.value ? [s.value] : [], histograms: s.histogram ? [s.histogram] : [] });
    }
  }
  if (d.resultType === 'matrix')
    for (const s of d.result) out.set(labelsKey(s.metric), { metric: s.metric, pairs: s.values, histograms: s.histograms ?? [] });
  return out;
}

/** Differences between `local` and `remote` as readable lines (empty when they agree). */
export function diffResults(local: QueryResult, remote: QueryResult, max = 5): string[] {
  const a = local.data;
  const b = remote.data;
  if (a.resultType !== b.resultType) return [`result type ${a.resultType} (local) vs ${b.resultType} (prometheus)`];
  if (a.resultType === 'scalar' || a.resultType === 'string') {
    const d = pairsDiff([a.result], [b.result as SamplePair]);
    return d ? [d] : [];
  }
  const la = bySeries(local);
  const lb = bySeries(remote);
  const out: string[] = [];
  for (const [k, s] of la) {
    if (!lb.has(k)) out.push(`only local: ${show(s.metric)}`);
    else {
      const d = pairsDiff(s.pairs, lb.get(k)!.pairs) ?? histogramsDiff(s.histograms, lb.get(k)!.histograms);
      if (d) out.push(`${show(s.metric)}: ${d}`);
    }
  }
  for (const [k, s] of lb) if (!la.has(k)) out.push(`only prometheus: ${show(s.metric)}`);
  if (out.length > max) return [...out.slice(0, max), `... and ${out.length - max} more`];
  return out;
}
