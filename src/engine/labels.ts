// Label-set helpers for the engine. Every Metric the engine builds keeps its
// keys in sorted order (as the store does), so keys and comparisons need no
// re-sorting.

import type { Metric } from '../model/result.js';
import { goQuote } from '../promql/strings.js';

export const METRIC_NAME = '__name__';

/** Labels dropped together with the metric name (Prometheus's schema.IsMetadataLabel). */
export function isMetadataLabel(n: string): boolean {
  return n === '__name__' || n === '__type__' || n === '__unit__';
}

/** The label set without __name__, __type__ and __unit__ (the same object when none is present). */
export function dropReserved(m: Metric): Metric {
  if (!('__name__' in m) && !('__type__' in m) && !('__unit__' in m)) return m;
  const out: Metric = {};
  for (const k in m) if (!isMetadataLabel(k)) out[k] = m[k];
  return out;
}

/** A copy with keys in sorted order. */
export function sortMetric(m: Metric): Metric {
  const out: Metric = {};
  for (const k of Object.keys(m).sort(cmpStr)) out[k] = m[k];
  return out;
}

/** Byte-order string comparison (Go's). JS compares UTF-16 units; fine for BMP text. */
function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Identity key of a sorted label set. */
export function metricKey(m: Metric): string {
  let key = '';
  for (const k in m) key += k + '\xfe' + m[k] + '\xff';
  return key;
}

/** Go's labels.String(): {a="1", b="2"}. */
export function formatMetric(m: Metric): string {
  const parts: string[] = [];
  for (const k in m) {
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k) ? k : goQuote(k);
    parts.push(`${name}=${goQuote(m[k])}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Set (or, with an empty value, delete) one label, keeping keys sorted. */
export function setLabel(m: Metric, name: string, value: string): Metric {
  const out: Metric = {};
  let placed = value === '';
  for (const k in m) {
    if (k === name) continue;
    if (!placed && name < k) {
      out[name] = value;
      placed = true;
    }
    out[k] = m[k];
  }
  if (!placed) out[name] = value;
  return out;
}

/** Only the named labels. */
export function keepLabels(m: Metric, names: ReadonlySet<string>): Metric {
  const out: Metric = {};
  for (const k in m) if (names.has(k)) out[k] = m[k];
  return out;
}

/** All labels except the named ones. */
export function withoutLabels(m: Metric, names: ReadonlySet<string>): Metric {
  const out: Metric = {};
  for (const k in m) if (!names.has(k)) out[k] = m[k];
  return out;
}

/** Matching signature: the values of `on` labels, or of all labels but the `ignoring` ones and __name__. */
export function signature(m: Metric, on: boolean, names: ReadonlySet<string>): string {
  let key = '';
  if (on) {
    for (const k in m) if (names.has(k)) key += k + '\xfe' + m[k] + '\xff';
  } else {
    for (const k in m) if (!names.has(k) && k !== METRIC_NAME) key += k + '\xfe' + m[k] + '\xff';
  }
  return key;
}

/** An aggregation's group labels for a series: `by` keeps the grouping labels, `without` drops them and the name. */
export function groupMetric(m: Metric, without: boolean, grouping: ReadonlySet<string>): Metric {
  if (without) {
    const out = withoutLabels(m, grouping);
    delete out.__name__;
    return out;
  }
  return grouping.size ? keepLabels(m, grouping) : {};
}
