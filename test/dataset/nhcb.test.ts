// Classic histograms as native histograms with custom buckets (NHCB): the
// conversion of one scrape, the sample's converted request durations against
// their classic series, and `--dataset FILE --nhcb`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertScrape } from '../../src/dataset/nhcb.js';
import { openBackend, openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { UsageError } from '../../src/errors.js';
import { SAMPLE_END, SAMPLE_START } from '../../src/dataset/index.js';
import type { InstantSample, QueryData } from '../../src/model/result.js';

const LES = [0.1, 0.5, Infinity];

test('one scrape: cumulative buckets to per-bucket counts, bounds without +Inf, empty buckets left out', () => {
  const h = convertScrape(LES, [2, 2, 5], 5, 1.5, [0.1, 0.5])!;
  assert.equal(h.schema, -53);
  assert.deepEqual(h.customValues, [0.1, 0.5]);
  assert.deepEqual([h.count, h.sum], [5, 1.5]);
  assert.deepEqual(h.positive, { idx: [0, 2], cnt: [2, 3] });
  // No +Inf bucket: added with the count.
  assert.deepEqual(convertScrape([0.1, 0.5], [2, 4], 6, 0, [0.1, 0.5])!.positive, { idx: [0, 1, 2], cnt: [2, 2, 2] });
  // Not cumulative, or the count disagreeing with +Inf: no histogram (Prometheus skips the conversion).
  assert.equal(convertScrape(LES, [3, 2, 5], 5, 0, [0.1, 0.5]), undefined);
  assert.equal(convertScrape(LES, [2, 2, 5], 6, 0, [0.1, 0.5]), undefined);
});

test('the sample: http_request_duration_seconds is the classic histogram as an NHCB, series for series', async () => {
  const b = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const at = SAMPLE_END - 1800;
  const same = async (native: string, classic: string) => {
    const [x, y] = [
      await b.rangeQuery(native, SAMPLE_START + 600, SAMPLE_END, 300),
      await b.rangeQuery(classic, SAMPLE_START + 600, SAMPLE_END, 300),
    ];
    const text = (d: QueryData) => JSON.stringify(d.result);
    assert.ok(x.data.result.length > 0, native);
    assert.equal(text(x.data), text(y.data), `${native} vs ${classic}`);
  };
  await same('histogram_count(http_request_duration_seconds)', 'http_request_duration_seconds_count + 0');
  await same('histogram_sum(http_request_duration_seconds)', 'http_request_duration_seconds_sum + 0');
  await same(
    'sum by (job) (histogram_count(rate(http_request_duration_seconds[5m])))',
    'sum by (job) (rate(http_request_duration_seconds_count[5m]))',
  );
  // One series per label set (no le), where the classic histogram has one per bucket plus _sum and _count.
  const count = async (q: string) => Number(((await b.instantQuery(`count(${q})`, at)).data.result[0] as InstantSample).value![1]);
  assert.equal((await count('http_request_duration_seconds_bucket')) / (await count('http_request_duration_seconds')), 12);
  // The bounds are the classic le values.
  const one = await b.instantQuery('http_request_duration_seconds{job="api", instance="api-1:8080", route="/api/products"}', at);
  const r = one.data.resultType === 'vector' ? one.data.result[0]! : undefined;
  assert.ok(r?.histogram && r.value === undefined);
  const bounds = r.histogram[1].buckets!.flatMap((x) => [x[1], x[2]]);
  for (const bound of bounds)
    assert.ok(['-Inf', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'].includes(bound), bound);
});

test('--dataset FILE --nhcb: classic histograms also as NHCB, a same-named series left alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-nhcb-'));
  const file = join(dir, 'h.om');
  const lines = ['# TYPE req_seconds histogram'];
  for (let i = 0; i < 4; i++) {
    const t = 1000 + i * 15;
    const c = 10 * (i + 1);
    lines.push(
      `req_seconds_bucket{le="0.1"} ${c / 2} ${t}`,
      `req_seconds_bucket{le="1.0"} ${c - 1} ${t}`,
      `req_seconds_bucket{le="+Inf"} ${c} ${t}`,
    );
    lines.push(`req_seconds_count ${c} ${t}`, `req_seconds_sum ${c * 0.2} ${t}`);
  }
  lines.push('# TYPE other gauge', 'other_bucket{le="1"} 1 1000', 'other 5 1000', '# EOF');
  writeFileSync(file, lines.join('\n') + '\n');
  const plain = await openLocalDataset({ inProcess: true, file }, QUIET_HOST);
  assert.deepEqual((await plain.instantQuery('req_seconds', 1045)).data.result, []);
  const b = await openLocalDataset({ inProcess: true, file, nhcb: true }, QUIET_HOST);
  const v = await b.instantQuery('req_seconds', 1045);
  assert.deepEqual(v.data.result, [
    {
      metric: { __name__: 'req_seconds' },
      histogram: [
        1045,
        {
          count: '40',
          sum: '8',
          buckets: [
            [3, '-Inf', '0.1', '20'],
            [0, '0.1', '1', '19'],
            [0, '1', '+Inf', '1'],
          ],
        },
      ],
    },
  ]);
  const rate = await b.instantQuery('histogram_count(rate(req_seconds[1m]))', 1045);
  assert.deepEqual((rate.data.result[0] as InstantSample).value, [1045, String(30 / 45)]);
  // `other` is a gauge of its own: no histogram replaces or joins it.
  assert.deepEqual((await b.instantQuery('other', 1000)).data.result, [{ metric: { __name__: 'other' }, value: [1000, '5'] }]);
});

test('--nhcb without --dataset is a usage error that says what to do', async () => {
  await assert.rejects(
    openBackend({ nhcb: true }, QUIET_HOST),
    (e: unknown) => e instanceof UsageError && /already has/.test(e.hint ?? ''),
  );
  await assert.rejects(
    openBackend({ nhcb: true, server: 'http://127.0.0.1:1' }, QUIET_HOST),
    (e: unknown) => e instanceof UsageError && /convert_classic_histograms_to_nhcb/.test(e.hint ?? ''),
  );
});
