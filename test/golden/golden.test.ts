// Golden files for rendered tables and charts. Regenerate with
//   UPDATE_GOLDEN=1 node --test dist/test/golden/golden.test.js
// and review the diff. Colour codes are stored as ␛ to keep the files readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goldenTests } from '../helpers/golden.js';
import { renderResultCase as render, type ResultCase as Case } from '../helpers/render-golden.js';
import { fileURLToPath } from 'node:url';
import * as fx from '../render/fixtures.js';

// dist/test/golden/*.js → test/golden/*.txt in the source tree.
const DIR = fileURLToPath(new URL('../../../test/golden/', import.meta.url));

const RATE = 'rate(http_requests_total[5m])';
const CASES: Case[] = [
  { name: 'vector-80', result: fx.vectorResult, opts: { query: 'http_requests_total' } },
  { name: 'vector-120', result: fx.vectorResult, opts: { query: 'http_requests_total', columns: 120 } },
  { name: 'vector-color', result: fx.vectorResult, opts: { query: 'http_requests_total', color: true } },
  { name: 'vector-limit', result: fx.vectorResult, opts: { query: 'http_requests_total', limit: 4 } },
  { name: 'vector-fitted', result: fx.vectorResult, opts: { query: 'http_requests_total', rows: 12 } },
  { name: 'vector-rate', result: fx.rateVector, opts: { query: RATE, limit: 0, stats: true } },
  { name: 'vector-latency', result: fx.latencyVector, opts: { query: 'histogram_quantile(0.9, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))' } },
  { name: 'vector-bytes', result: fx.bytesVector, opts: { query: 'nodejs_heap_size_used_bytes' } },
  { name: 'vector-single', result: fx.singleVector, opts: { query: 'up' } },
  { name: 'vector-wide-80', result: fx.wideVector, opts: { query: 'node_filesystem_avail_bytes' } },
  { name: 'vector-wide-40', result: fx.wideVector, opts: { query: 'node_filesystem_avail_bytes', columns: 40 } },
  { name: 'scalar', result: fx.scalarResult, opts: { query: 'scalar(sum(up))' } },
  { name: 'string', result: fx.stringResult, opts: { query: '"hello, PromQL"' } },
  { name: 'empty-typo', result: fx.emptyVector, opts: { query: 'http_requests', knownMetrics: ['http_requests_total', 'http_request_duration_seconds_bucket', 'up'] } },
  { name: 'empty-matchers', result: fx.emptyVector, opts: { query: 'up{job="nope"}', knownMetrics: ['up'] } },
  { name: 'matrix-samples', result: fx.rawMatrix, opts: { query: 'http_requests_total[1m]' } },
  { name: 'matrix-samples-color', result: fx.rawMatrix, opts: { query: 'http_requests_total[1m]', color: true } },
  { name: 'chart-80x24', result: fx.rateMatrix, opts: { query: RATE, range: fx.RANGE } },
  { name: 'chart-80x24-color', result: fx.rateMatrix, opts: { query: RATE, range: fx.RANGE, color: true } },
  { name: 'chart-120x40', result: fx.rateMatrix, opts: { query: RATE, range: fx.RANGE, columns: 120, rows: 40, limit: 3, color: true } },
  { name: 'chart-single', result: { data: { resultType: 'matrix', result: [fx.rateMatrix.data.result[0] as never] } }, opts: { query: RATE, range: fx.RANGE } },
  { name: 'chart-days', result: fx.longMatrix, opts: { query: 'nodejs_heap_size_used_bytes', range: { start: fx.T0 - 2 * 86400, end: fx.T0, step: 1800 }, height: 10 } },
  { name: 'chart-empty', result: { data: { resultType: 'matrix', result: [] } }, opts: { query: 'up{job="nope"}', range: fx.RANGE, knownMetrics: ['up'] } },
];

goldenTests(DIR, CASES, render);

test('golden: no line is wider than the terminal', () => {
  for (const c of CASES) {
    const width = c.opts.columns ?? 80;
    for (const line of render(c).replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
      assert.ok([...line].length <= width, `${c.name}: ${line.length} > ${width}: ${line}`);
    }
  }
});

test('golden: an 80x24 chart fits the screen height', () => {
  const out = render(CASES.find((c) => c.name === 'chart-80x24')!);
  assert.ok(out.split('\n').length - 1 <= 23, `${out.split('\n').length - 1} lines`);
});
