// Compares a store with what a snapshot decodes to: the same series in the
// same order, the same samples bit for bit (stale markers included), the same
// metadata. Used by the build (scripts/build-snapshot.ts) and the tests.

import { sameColumn } from '../storage/codec.js';
import type { MemoryStore, SampleColumns } from '../storage/store.js';
import { decodeSnapshot } from './snapshot.js';
import type { FloatHistogram } from '../histogram/histogram.js';

/** The same native histograms (count, sum, hint, buckets), or neither has any. */
function sameHistograms(a: SampleColumns['h'], b: SampleColumns['h']): boolean {
  if (!a || !b) return !a && !b;
  if (a.length !== b.length) return false;
  const text = (h: FloatHistogram | undefined) => (h ? JSON.stringify([h.count, h.sum, h.hint, h.schema, h.customValues, h.positive]) : '');
  for (let i = 0; i < a.length; i++) if (text(a.get(i)) !== text(b.get(i))) return false;
  return true;
}

/** undefined when equal, else the first difference. */
export function snapshotDifference(store: MemoryStore, bytes: Uint8Array): string | undefined {
  const fingerprint = JSON.parse(Buffer.from(bytes).toString('utf8', 8, 8 + Buffer.from(bytes).readUInt32LE(4))).fingerprint as string;
  const decoded = decodeSnapshot(bytes, fingerprint);
  if (!decoded) return 'not a snapshot';
  if (decoded.numSeries !== store.numSeries) return `${decoded.numSeries} series, want ${store.numSeries}`;
  if (decoded.numSamples !== store.numSamples) return `${decoded.numSamples} samples, want ${store.numSamples}`;
  const a = decoded.timeRange();
  const b = store.timeRange();
  if (a?.minT !== b?.minT || a?.maxT !== b?.maxT) return 'time range differs';
  for (let id = 0; id < store.numSeries; id++) {
    const want = JSON.stringify(store.labels(id));
    if (JSON.stringify(decoded.labels(id)) !== want) return `series ${id} is ${JSON.stringify(decoded.labels(id))}, want ${want}`;
    const x = decoded.samples(id);
    const y = store.samples(id);
    if (!sameColumn(x.t.subarray(0, x.length), y.t.subarray(0, y.length))) return `timestamps of ${want} differ`;
    if (!sameColumn(x.v.subarray(0, x.length), y.v.subarray(0, y.length))) return `values of ${want} differ`;
    if (decoded.hasStaleMarkers(id) !== store.hasStaleMarkers(id)) return `stale markers of ${want} differ`;
    if (!sameHistograms(x.h, y.h)) return `native histograms of ${want} differ`;
  }
  if (JSON.stringify([...decoded.allMetadata()]) !== JSON.stringify([...store.allMetadata()])) return 'metadata differs';
  return undefined;
}
