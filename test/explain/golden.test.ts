// Golden files for `explain` on the sample dataset, at 80 and 120 columns.
// Regenerate with
//   UPDATE_GOLDEN=1 node --test dist/test/explain/golden.test.js
// and review the diff. Colour codes are stored as ␛ to keep the files readable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { explain, renderExplanation } from '../../src/explain/index.js';
import { makeStyle } from '../../src/util/style.js';
import { at, sampleBackend } from './sample.js';

// dist/test/explain/*.js → test/explain/golden/*.txt in the source tree.
const DIR = fileURLToPath(new URL('../../../test/explain/golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  name: string;
  query: string;
  time: string;
  columns: number;
  samples?: boolean;
  series?: string;
  color?: boolean;
}

const LATENCY = 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))';
const ERRORS = 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / on(job) sum by (job) (rate(http_requests_total[5m]))';
const RESTART = 'rate(http_requests_total{instance="frontend-2:3000", route="/", method="GET", status_code="200"}[5m])';

const CASES: Case[] = [
  { name: 'latency-80', query: LATENCY, time: '10:00:00', columns: 80, samples: true, series: '{job="api"}' },
  { name: 'latency-120', query: LATENCY, time: '10:00:00', columns: 120, samples: true, series: '{job="api"}' },
  { name: 'error-ratio-80', query: ERRORS, time: '10:50:00', columns: 80 },
  { name: 'error-ratio-120', query: ERRORS, time: '10:50:00', columns: 120 },
  {
    name: 'typo-80',
    query: 'sum by (route) (rate(http_requests_total{job="frontend", instance="frontend-1"}[5m]))',
    time: '12:00:00',
    columns: 80,
  },
  { name: 'restart-80', query: RESTART, time: '07:15:00', columns: 80, samples: true },
  { name: 'restart-120-color', query: RESTART, time: '07:15:00', columns: 120, samples: true, color: true },
  { name: 'many-to-many-80', query: 'sum by (instance, job) (rate(http_requests_total[5m])) / on(job) up', time: '12:00:00', columns: 80 },
  {
    name: 'subquery-80',
    query: 'max_over_time(deriv(nodejs_heap_size_used_bytes{instance="frontend-1:3000"}[10m])[1h:5m]) > 10000',
    time: '11:00:00',
    columns: 80,
  },
];

async function render(c: Case): Promise<string> {
  const x = await explain(await sampleBackend(), c.query, { time: at(`2026-01-15T${c.time}Z`), samples: c.samples, series: c.series });
  return renderExplanation(x, { columns: c.columns, style: makeStyle(Boolean(c.color)) });
}

for (const c of CASES) {
  test(`explain golden: ${c.name}`, async () => {
    const got = (await render(c)).replace(/\u001b/g, '␛');
    const file = `${DIR}${c.name}.txt`;
    if (UPDATE || !existsSync(file)) {
      writeFileSync(file, got);
      if (!UPDATE) assert.fail(`wrote new golden file ${c.name}.txt; review it and rerun`);
      return;
    }
    assert.equal(got, readFileSync(file, 'utf8'));
  });
}

test('explain golden: no line is wider than the terminal', async () => {
  for (const c of CASES) {
    for (const line of (await render(c)).replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
      assert.ok([...line].length <= c.columns, `${c.name}: ${[...line].length} > ${c.columns}: ${line}`);
    }
  }
});
