// What a native histogram's counter-reset hint reads back as. Prometheus's
// TSDB does not keep the hint written: histograms go into chunks, and a sample
// read back says `gauge` in a gauge chunk, `unknown` as the first sample of a
// chunk (even one cut because of a reset) and `not_reset` otherwise.
// Functions and annotations (rate's "not a counter", the test suite's
// expected hints) depend on that, so the store computes the hint the way the
// TSDB's chunks would give it, when the sample is appended.
//
// A new chunk starts at a series' first histogram and after a float or stale
// sample, at a counter reset (explicit `reset` hint, count or zero count going
// down, a bucket losing observations, other custom bounds), at a change of
// schema or zero threshold, when switching between gauge and counter
// histograms, and at the TSDB's 2h chunk-range boundaries. (The TSDB also cuts
// chunks by their size in bytes; that is not modelled.)

import type { FloatHistogram } from '../histogram/histogram.js';
import { customBoundsMatch } from '../histogram/bounds.js';
import { sideDecreased } from '../histogram/reset.js';

const CHUNK_RANGE_MS = 2 * 60 * 60 * 1000;

interface ChunkState {
  prev: FloatHistogram;
  /** The end of the 2h range the chunk started in. */
  nextAt: number;
  gauge: boolean;
}

export class HistogramChunks {
  private readonly open = new Map<number, ChunkState>();

  /** A copy of `h` with the hint it reads back as (`prevIsHistogram`: the series' last sample is a histogram). */
  append(id: number, tMs: number, h: FloatHistogram, prevIsHistogram: boolean): FloatHistogram {
    const cur = prevIsHistogram ? this.open.get(id) : undefined;
    const gauge = h.hint === 'gauge';
    const stored = h.copy();
    if (cur && tMs < cur.nextAt && cur.gauge === gauge && appendable(cur.prev, h)) {
      stored.hint = gauge ? 'gauge' : 'not_reset';
      cur.prev = h;
      return stored;
    }
    stored.hint = gauge ? 'gauge' : 'unknown';
    this.open.set(id, { prev: h, nextAt: nextRangeStart(tMs), gauge });
    return stored;
  }
}

function nextRangeStart(t: number): number {
  return Math.trunc(t / CHUNK_RANGE_MS) * CHUNK_RANGE_MS + CHUNK_RANGE_MS;
}

/** Whether `h` can join the chunk whose last histogram is `prev` (the appender's appendable check). */
function appendable(prev: FloatHistogram, h: FloatHistogram): boolean {
  if (h.hint === 'gauge') return prev.schema === h.schema && prev.zeroThreshold === h.zeroThreshold && sameBounds(prev, h);
  if (h.hint === 'reset') return false;
  if (h.count < prev.count) return false;
  if (h.schema !== prev.schema || h.zeroThreshold !== prev.zeroThreshold) return false;
  if (!sameBounds(prev, h)) return false;
  if (h.zeroCount < prev.zeroCount) return false;
  return !sideDecreased(h.positive, prev.positive) && !sideDecreased(h.negative, prev.negative);
}

function sameBounds(a: FloatHistogram, b: FloatHistogram): boolean {
  return !b.usesCustomBuckets() || customBoundsMatch(a.customValues, b.customValues);
}
