// explain against a real Prometheus (Debian's 2.42) through the HTTP API:
// every sub-expression is its own API query, and the tree, the selector
// diagnosis and the walk-through agree with what the server returns.
// Skips without Prometheus, fails with CI=true.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import type { Backend } from '../../src/backends/backend.js';
import { explain, selectorDiagnosisLines } from '../../src/explain/index.js';
import { requirePrometheus, sharedPrometheus } from '../helpers/prometheus.js';
import { FIXTURE_START, fixtureOpenMetrics } from '../backends/fixture.js';

const prom = sharedPrometheus(fixtureOpenMetrics);
const MID = FIXTURE_START + 1800;

async function withRemote(fn: (b: Backend) => Promise<void>): Promise<void> {
  const { url } = await prom.get();
  const b = await createRemoteBackend({ server: url }, hostFromIO(bufferIO()));
  try {
    await fn(b);
  } finally {
    await b.close?.();
  }
}

test('live: explain evaluates each sub-expression through the API and says so', async (t) => {
  if (!requirePrometheus(t)) return;
  await withRemote(async (b) => {
    const q = 'sum by (instance) (rate(http_requests_total[5m]))';
    const x = await explain(b, q, { time: MID, samples: true });
    assert.match(x.method, /through the Prometheus HTTP API/);
    assert.equal(x.backend.kind, 'remote');
    assert.equal(x.queriesRun, 3);
    assert.deepEqual(x.root.data, (await b.instantQuery(q, MID)).data);
    assert.equal(x.root.aggregation?.groupCount, 2);
    assert.equal(x.root.children[0]!.result?.seriesCount, 4);
    const w = x.walkthroughs[0]!;
    assert.equal(w.func, 'rate');
    assert.ok(w.agrees, w.lines.join('\n'));
  });
});

test('live: a selector with a value missing its port is diagnosed through the API', async (t) => {
  if (!requirePrometheus(t)) return;
  await withRemote(async (b) => {
    const x = await explain(b, 'rate(http_requests_total{instance="api-1"}[5m])', { time: MID });
    const sel = x.root.children[0]!.selector!;
    assert.equal(sel.matched, 0);
    assert.match(selectorDiagnosisLines(sel).join('\n'), /no series has instance="api-1"; instance values are "api-1:3000", "api-2:3000"/);
  });
});
