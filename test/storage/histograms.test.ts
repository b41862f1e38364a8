// Native histogram samples in the store: beside floats in one series, and
// with the counter-reset hints Prometheus's TSDB reads back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatHistogram } from '../../src/histogram/histogram.js';
import { HISTOGRAM_MARK, MemoryStore, STALE_NAN, isHistogramMark } from '../../src/storage/store.js';
import { histogramArray } from '../../src/storage/histogram-column.js';
import { exportSummary } from '../../src/storage/openmetrics.js';

function counter(count: number, hint: FloatHistogram['hint'] = 'unknown'): FloatHistogram {
  const h = new FloatHistogram();
  h.count = count;
  h.sum = count;
  h.positive = { idx: [0], cnt: [count] };
  h.hint = hint;
  return h;
}

test('histograms and floats in one series; range reads skip stale markers', () => {
  const s = new MemoryStore();
  const id = s.getOrCreateSeries({ __name__: 'm' });
  s.append(id, 0, 1);
  s.appendHistogram(id, 1000, counter(1));
  s.append(id, 2000, STALE_NAN);
  s.appendHistogram(id, 3000, counter(2));
  const c = s.samples(id);
  assert.equal(c.length, 4);
  assert.ok(isHistogramMark(c.v[1]) && isHistogramMark(c.v[3]));
  assert.equal(c.h?.get(1)?.count, 1);
  assert.equal(c.h?.get(0), undefined);
  const r = s.floatSamples(id);
  assert.deepEqual(Array.from(r.t), [0, 1000, 3000]);
  assert.equal(r.h?.get(2)?.count, 2);
  assert.ok(Number.isNaN(HISTOGRAM_MARK));
});

test('read-back hints: unknown first in a chunk, not_reset after, gauge stays gauge', () => {
  const s = new MemoryStore();
  const id = s.getOrCreateSeries({ __name__: 'h' });
  s.appendHistogram(id, 0, counter(1, 'not_reset'));
  s.appendHistogram(id, 1000, counter(2));
  s.appendHistogram(id, 2000, counter(1)); // a reset: a new chunk
  s.appendHistogram(id, 3000, counter(3, 'reset'));
  s.appendHistogram(id, 4000, counter(4, 'gauge'));
  s.appendHistogram(id, 5000, counter(5, 'gauge'));
  const hints = histogramArray(s.samples(id).h!).map((h) => h?.hint);
  assert.deepEqual(hints, ['unknown', 'not_reset', 'unknown', 'unknown', 'gauge', 'gauge']);
});

test('histograms appended to a series that already has floats', () => {
  const s = new MemoryStore();
  const id = s.getOrCreateSeries({ __name__: 'm' });
  s.append(id, 0, 1);
  s.samples(id);
  s.appendHistogram(id, 1000, counter(1));
  s.append(id, 2000, 3);
  const c = s.samples(id);
  assert.deepEqual(Array.from(c.t), [0, 1000, 2000]);
  assert.deepEqual(
    histogramArray(c.h!).map((h) => h?.count),
    [undefined, 1, undefined],
  );
});

test('export summary: histogram samples and stale markers are not written, and counted apart', () => {
  const s = new MemoryStore();
  const f = s.getOrCreateSeries({ __name__: 'f' });
  const h = s.getOrCreateSeries({ __name__: 'h' });
  s.append(f, 0, 1);
  s.append(f, 1000, STALE_NAN);
  s.appendHistogram(h, 0, counter(1));
  s.appendHistogram(h, 1000, counter(2));
  const sum = exportSummary(s);
  assert.deepEqual([sum.series, sum.samples, sum.histogramSeries, sum.histogramSamples], [1, 1, [h], 2]);
});
