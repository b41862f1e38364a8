// histogram_quantile's "needed to be fixed for monotonicity" info, with the
// detail Prometheus 3.10 added (util/annotations/annotations.go,
// histogramQuantileForcedMonotonicityErr): which buckets were raised, by how
// much at most, over how many samples and when. One annotation per text;
// each new occurrence is merged into it as Prometheus's Merge does.

import type { PositionRange } from '../promql/ast.js';
import type { QueryState } from './types.js';
import { annotate } from './types.js';
import { formatG } from './numeric.js';

const BASE =
  'input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)';

interface Note {
  text: string;
  minTs: number;
  maxTs: number;
  minBucket: number;
  maxBucket: number;
  maxDiff: number;
  /** Occurrences merged in after the first. */
  merged: number;
}

const notes = new WeakMap<QueryState, Map<string, Note>>();

/** Go's %.2g: two significant digits, e-notation from exponent 2 or below -4. */
export function formatG2(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return formatG(v);
  const [m, e] = v.toExponential(1).split('e');
  const exp = Number(e);
  const mant = m.replace(/\.0$/, '');
  if (exp < -4 || exp >= 2) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(Number(v.toPrecision(2)));
}

/** time.Unix(ms/1000, 0).UTC().Format(time.RFC3339). */
function rfc3339(ms: number): string {
  return new Date(Math.trunc(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface Raised {
  minBucket: number;
  maxBucket: number;
  maxDiff: number;
}

/** Records that buckets were forced monotonic at ts (ms); metricName only with delayed name removal, as Prometheus. */
export function noteForcedMonotonicity(st: QueryState, metricName: string, pos: PositionRange, ts: number, r: Raised): void {
  let byBase = notes.get(st);
  if (!byBase) notes.set(st, (byBase = new Map()));
  const base = metricName ? `${BASE} for metric name "${metricName}"` : BASE;
  let n = byBase.get(base);
  if (!n) {
    n = { text: '', minTs: ts, maxTs: ts, ...r, merged: 0 };
    byBase.set(base, n);
  } else {
    st.annotations.delete(`info\x00${n.text}`);
    n.minTs = Math.min(n.minTs, ts);
    n.maxTs = Math.max(n.maxTs, ts);
    n.minBucket = Math.min(n.minBucket, r.minBucket);
    n.maxBucket = Math.max(n.maxBucket, r.maxBucket);
    n.maxDiff = Math.max(n.maxDiff, r.maxDiff);
    n.merged++;
  }
  n.text = `${base}, from buckets ${formatG(n.minBucket)} to ${formatG(n.maxBucket)}, with a max diff of ${formatG2(n.maxDiff)}, over ${n.merged + 1} samples from ${rfc3339(n.minTs)} to ${rfc3339(n.maxTs)}`;
  annotate(st, 'info', n.text, pos);
}
