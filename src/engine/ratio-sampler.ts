// limit_ratio's choice of series, as Prometheus 3 makes it (promql/engine.go,
// HashRatioSampler): a series' offset in [0, 1] is labels.Hash() / MaxUint64,
// and a ratio r keeps offsets below r (r >= 0) or from 1 + r on (r < 0).
//
// labels.Hash() in Prometheus 3's default build (model/labels/
// labels_stringlabels.go) is the xxHash64 of the label set's own encoding:
// labels sorted by name, each as size(name) name size(value) value, where a
// size below 255 is one byte and a larger one is 0xff and 3 bytes little-endian.

import type { Metric } from '../model/result.js';
import { xxhash64 } from '../util/xxhash64.js';

const utf8 = new TextEncoder();

/** Writes a size as stringlabels does, returning the next offset. */
function putSize(out: Uint8Array, at: number, n: number): number {
  if (n < 255) {
    out[at] = n;
    return at + 1;
  }
  out.set([255, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff], at);
  return at + 4;
}

const sizeLen = (n: number): number => (n < 255 ? 1 : 4);

/** The bytes Prometheus 3 keeps a label set in (stringlabels). */
export function encodeLabels(metric: Metric): Uint8Array {
  const pairs = Object.entries(metric).map(([k, v]) => [utf8.encode(k), utf8.encode(v)] as const);
  // Go sorts label names as byte strings: compare UTF-8, not UTF-16.
  pairs.sort((a, b) => Buffer.compare(a[0], b[0]));
  let total = 0;
  for (const [k, v] of pairs) total += sizeLen(k.length) + k.length + sizeLen(v.length) + v.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const [k, v] of pairs) {
    at = putSize(out, at, k.length);
    out.set(k, at);
    at = putSize(out, at + k.length, v.length);
    out.set(v, at);
    at += v.length;
  }
  return out;
}

/** Prometheus 3's labels.Hash(). */
export function labelsHash(metric: Metric): bigint {
  return xxhash64(encodeLabels(metric));
}

/** HashRatioSampler.SampleOffset: float64(hash) / float64(MaxUint64), i.e. / 2^64 after rounding. */
export function sampleOffset(metric: Metric): number {
  return Number(labelsHash(metric)) / 18446744073709551616;
}

/** HashRatioSampler.AddRatioSampleWithOffset. */
export function addRatioSample(ratio: number, offset: number): boolean {
  return (ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1 + ratio);
}
