// serve --shift-to-now: the same answers, every timestamp moved by the shift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { SAMPLE_END } from '../../src/dataset/index.js';
import { shiftBackend } from '../../src/serve/shift.js';

test('a shifted backend answers at t+shift what the original answers at t', async () => {
  const local = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const by = 3 * 86400 + 17;
  const shifted = shiftBackend(local, by);
  assert.equal((await shifted.info()).dataRange?.end, SAMPLE_END + by);
  const q = 'sum by (job) (rate(http_requests_total[5m]))';
  const a = await local.instantQuery(q, SAMPLE_END - 600);
  const b = await shifted.instantQuery(q, SAMPLE_END - 600 + by);
  assert.equal(b.data.resultType, 'vector');
  assert.deepEqual(
    b.data.result,
    (a.data.result as { metric: object; value: [number, string] }[]).map((s) => ({ ...s, value: [s.value[0] + by, s.value[1]] })),
  );
  const r1 = await local.rangeQuery('sum(up)', SAMPLE_END - 300, SAMPLE_END, 60);
  const r2 = await shifted.rangeQuery('sum(up)', SAMPLE_END - 300 + by, SAMPLE_END + by, 60);
  assert.deepEqual(
    (r2.data.result as { values: [number, string][] }[])[0].values,
    (r1.data.result as { values: [number, string][] }[])[0].values.map(([t, v]) => [t + by, v]),
  );
  // A window entirely before the shifted data finds no series.
  assert.deepEqual(await shifted.series({ match: ['up'], start: SAMPLE_END - 60, end: SAMPLE_END }), []);
  assert.equal((await shifted.series({ match: ['up'], start: SAMPLE_END + by - 60, end: SAMPLE_END + by })).length, 11);
});
