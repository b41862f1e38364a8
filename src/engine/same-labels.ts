// Series with the same label set within one result: merged where Prometheus
// merges them (results whose series never overlap in time), or the duplicate
// error. Its own module so the evaluator and the operator modules it calls all
// import it without a cycle.

import type { VSeries } from './types.js';
import { execError } from './state.js';
import { metricKey } from './labels.js';

/**
 * Series with identical label sets become one (they never overlap in time in
 * valid results); a step where two have a value is Prometheus's duplicate error.
 */
export function mergeSameLabels(series: VSeries[]): VSeries[] {
  if (series.length <= 1) return series;
  const byKey = new Map<string, VSeries>();
  const out: VSeries[] = [];
  for (const s of series) {
    const key = metricKey(s.metric);
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, s);
      out.push(s);
      continue;
    }
    for (let i = 0; i < s.p.length; i++) {
      if (!s.p[i]) continue;
      if (prev.p[i]) throw execError('vector cannot contain metrics with the same labelset');
      prev.p[i] = 1;
      prev.v[i] = s.v[i];
      if (s.h?.[i]) (prev.h ??= new Array(prev.p.length))[i] = s.h[i];
    }
  }
  return out;
}

/** Whether any two series share a label set (the stricter check for range-vector functions). */
export function hasSameLabels(series: VSeries[]): boolean {
  if (series.length <= 1) return false;
  const seen = new Set<string>();
  for (const s of series) {
    const k = metricKey(s.metric);
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}
