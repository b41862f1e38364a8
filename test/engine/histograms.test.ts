// Native histograms through the engine and the local backend: the API shape
// (`histogram` on instant samples, `histograms` on range series) with bucket
// rows as jsonutil.MarshalHistogram writes them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatHistogram } from '../../src/histogram/histogram.js';
import { MemoryStore } from '../../src/storage/store.js';
import { Engine } from '../../src/engine/index.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { apiResult } from '../../src/model/result.js';

function store(): MemoryStore {
  const s = new MemoryStore();
  const id = s.getOrCreateSeries({ __name__: 'req_seconds', job: 'api' });
  for (let k = 0; k <= 10; k++) {
    // Every minute 4 more observations: zero bucket 1, (0.5,1] 1, (1,2] 2; one negative in [-1,-0.5).
    const h = new FloatHistogram();
    h.schema = 0;
    h.zeroThreshold = 0.001;
    h.zeroCount = k;
    h.count = 5 * k;
    h.sum = 3 * k;
    h.positive = { idx: [0, 1], cnt: [k, 2 * k] };
    h.negative = { idx: [0], cnt: [k] };
    s.appendHistogram(id, k * 60_000, h);
  }
  return s;
}

test('histogram functions and rate over a native histogram', () => {
  const e = new Engine(store());
  const at = 10 * 60_000;
  const one = (q: string) => {
    const r = e.instantQuery(q, at);
    assert.equal(r.value.type, 'vector');
    return r.value.type === 'vector' ? r.value.samples : [];
  };
  assert.equal(one('histogram_count(req_seconds)')[0].v, 50);
  assert.equal(one('histogram_sum(req_seconds)')[0].v, 30);
  assert.equal(one('histogram_avg(req_seconds)')[0].v, 0.6);
  const rate = one('rate(req_seconds[5m])')[0];
  assert.equal(rate.h?.count, 5 / 60);
  assert.equal(rate.h?.hint, 'gauge');
  assert.equal(one('histogram_count(rate(req_seconds[5m]))')[0].v, 5 / 60);
  const q = one('histogram_quantile(0.9, req_seconds)')[0].v;
  assert.ok(q > 1 && q <= 2, `p90 ${q}`);
  assert.equal(one('histogram_fraction(-Inf, 1, req_seconds)')[0].v, 0.6);
});

test('the local backend answers in the API shape', async () => {
  const b = createLocalBackend(store(), { name: 't', description: 't' });
  try {
    const r = await b.instantQuery('req_seconds', 600);
    assert.equal(r.data.resultType, 'vector');
    const s = r.data.resultType === 'vector' ? r.data.result[0] : undefined;
    assert.deepEqual(s?.histogram, [
      600,
      {
        count: '50',
        sum: '30',
        buckets: [
          [1, '-1', '-0.5', '10'],
          [3, '-0.001', '0.001', '10'],
          [0, '0.5', '1', '10'],
          [0, '1', '2', '20'],
        ],
      },
    ]);
    assert.equal((s as { value?: unknown }).value, undefined);
    const m = await b.rangeQuery('sum(req_seconds)', 480, 600, 60);
    const series = m.data.resultType === 'matrix' ? m.data.result[0] : undefined;
    assert.equal(series?.histograms?.length, 3);
    assert.equal(series?.histograms?.[0][1].count, '40');
    // The model always has `values` (empty here); JSON output and serve leave an empty one out, as the API does.
    assert.deepEqual(series?.values, []);
    assert.equal('values' in (apiResult(m.data) as object[])[0]!, false);
  } finally {
    await b.close?.();
  }
});
