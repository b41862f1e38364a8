// Label-set order shared by the engine (result order, sort_by_label ties,
// error messages) and the renderers (tables of any backend's results).

import type { Metric } from './result.js';

/** Go's string order (byte-wise; JS compares UTF-16 units, the same outside astral characters). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The label names in order: the engine builds its label sets sorted, remote results need not be. */
function sortedNames(m: Metric): string[] {
  const names = Object.keys(m);
  for (let i = 1; i < names.length; i++) if (names[i - 1] > names[i]) return names.sort(compareStrings);
  return names;
}

/** Prometheus's labels.Compare: label pairs in name order, name then value; a prefix sorts first. */
export function compareMetrics(a: Metric, b: Metric): number {
  const ka = sortedNames(a);
  const kb = sortedNames(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const c = compareStrings(ka[i], kb[i]) || compareStrings(a[ka[i]], b[kb[i]]);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}
