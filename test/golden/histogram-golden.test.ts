// Golden files for native histograms in tables, sample lists and bucket bar
// charts (see golden.test.ts for regenerating: UPDATE_GOLDEN=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goldenTests } from '../helpers/golden.js';
import { renderResultCase as render, type ResultCase } from '../helpers/render-golden.js';
import { fileURLToPath } from 'node:url';
import type { QueryResult } from '../../src/model/result.js';
import * as hx from '../render/histogram-fixtures.js';

const DIR = fileURLToPath(new URL('../../../test/golden/', import.meta.url));

const one = (h: typeof hx.exponential, name = 'request_size_bytes'): QueryResult => ({
  data: { resultType: 'vector', result: [{ metric: { __name__: name, job: 'api' }, histogram: [hx.T0, h] }] },
});

const CASES: ResultCase[] = [
  { name: 'histogram-table', result: hx.histogramVector, opts: { query: 'http_request_duration_seconds{job="api"}' } },
  { name: 'histogram-table-color', result: hx.histogramVector, opts: { query: 'http_request_duration_seconds{job="api"}', color: true } },
  { name: 'histogram-table-mixed', result: hx.mixedVector, opts: { query: '{__name__=~"http_request_duration_seconds(_count)?"}' } },
  { name: 'histogram-bars', result: hx.singleHistogram, opts: { query: 'http_request_duration_seconds{route="/api/products"}' } },
  { name: 'histogram-bars-exponential', result: one(hx.exponential), opts: { query: 'request_size_bytes' } },
  { name: 'histogram-bars-merged', result: one(hx.manyBuckets), opts: { query: 'request_size_bytes', rows: 16 } },
  { name: 'histogram-bars-all', result: one(hx.manyBuckets), opts: { query: 'request_size_bytes', rows: 16, limit: 0 } },
  { name: 'histogram-bars-flag', result: hx.histogramVector, opts: { query: 'http_request_duration_seconds{job="api"}', buckets: true, limit: 0 } },
  { name: 'histogram-samples', result: hx.histogramMatrix, opts: { query: 'http_request_duration_seconds{route="/api/cart"}[1m]' } },
];

goldenTests(DIR, CASES, render);

test('golden histograms: no line is wider than the terminal, and merged bars fit the rows', () => {
  for (const c of CASES) {
    const out = render(c).replace(/\u001b\[[0-9;]*m/g, '');
    for (const line of out.split('\n')) assert.ok([...line].length <= 80, `${c.name}: ${line}`);
  }
  const merged = render(CASES.find((c) => c.name === 'histogram-bars-merged')!);
  assert.ok(merged.split('\n').length - 1 <= 16, merged);
  assert.match(merged, /40 buckets shown 6 to a row to fit; use --limit 0 to see each/);
});
