// The differential test: the sample dataset backfilled into a real
// Prometheus (Debian's 2.42) and queried through the remote backend must
// answer like the embedded engine through the local backend — same label
// sets, values within 1e-9 relative — for instant and range queries.
// See differential-cases.ts for which times are compared and why.

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import type { Backend } from '../../src/backends/backend.js';
import type { QueryResult } from '../../src/model/result.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { SAMPLE_BACKEND_OPTIONS } from '../../src/backends/open.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import { loadSampleStore, INCIDENTS, SAMPLE_END, SAMPLE_START } from '../../src/dataset/index.js';
import { requirePrometheus } from '../helpers/prometheus.js';
import { samplePrometheus } from '../helpers/sample-prometheus.js';
import { diffResults } from './compare.js';
import { INSTANT_CASES, RANGE_CASES, instantTimes, safeWindow, staleMarkerTimes } from './differential-cases.js';

// The sample dataset backfilled into Prometheus: one server for the whole `npm test` run.
const prom = samplePrometheus();

/** Both backends, or undefined after skipping (failing with CI=true) when Prometheus is missing. */
async function backends(t: TestContext): Promise<{ local: Backend; remote: Backend } | undefined> {
  if (!requirePrometheus(t)) return undefined;
  const local = createLocalBackend(loadSampleStore(), SAMPLE_BACKEND_OPTIONS);
  const { url } = await prom.get();
  return { local, remote: await createRemoteBackend({ server: url, timeout: '60s' }, hostFromIO(bufferIO())) };
}

function isEmpty(r: { data: { resultType: string; result: unknown } }): boolean {
  return Array.isArray(r.data.result) && r.data.resultType !== 'scalar' && r.data.result.length === 0;
}

async function compareCase(
  times: number[],
  run: (b: Backend, t: number) => Promise<QueryResult>,
  b: { local: Backend; remote: Backend },
): Promise<{ failures: string[]; compared: number; nonEmpty: number }> {
  const failures: string[] = [];
  let nonEmpty = 0;
  for (const t of times) {
    const [l, r] = [await run(b.local, t), await run(b.remote, t)];
    const diffs = diffResults(l, r);
    if (!isEmpty(r)) nonEmpty++;
    if (diffs.length) failures.push(`at ${new Date(t * 1000).toISOString()}:\n    ${diffs.join('\n    ')}`);
  }
  return { failures, compared: times.length, nonEmpty };
}

test('differential: instant queries agree with a real Prometheus', async (t) => {
  const b = await backends(t);
  if (!b) return;
  const markers = staleMarkerTimes(loadSampleStore());
  const candidates = instantTimes(
    SAMPLE_START,
    SAMPLE_END,
    INCIDENTS.map((i) => i.start),
  );
  let compared = 0;
  let nonEmpty = 0;
  for (const c of INSTANT_CASES) {
    await t.test(c.query, async () => {
      const times = candidates.filter((x) => safeWindow(markers, x, x, c.back));
      assert.ok(times.length >= 3, `only ${times.length} safe times`);
      const r = await compareCase(times, (be, x) => be.instantQuery(c.query, x), b);
      compared += r.compared;
      nonEmpty += r.nonEmpty;
      assert.deepEqual(r.failures, [], `${c.query}\n  ${r.failures.join('\n  ')}`);
    });
  }
  // Guard against agreeing on nothing (e.g. a backfill that stored no data).
  assert.ok(nonEmpty > compared * 0.7, `only ${nonEmpty} of ${compared} comparisons had data`);
  await b.remote.close?.();
});

test('differential: range queries agree with a real Prometheus', async (t) => {
  const b = await backends(t);
  if (!b) return;
  const markers = staleMarkerTimes(loadSampleStore());
  const ends: number[] = [];
  for (let end = SAMPLE_START + 7200 + 0.321; end <= SAMPLE_END; end += 40 * 60) ends.push(end);
  for (const c of RANGE_CASES) {
    await t.test(c.query, async () => {
      const windows = ends.filter((end) => safeWindow(markers, end - 3600, end, c.back));
      assert.ok(windows.length >= 2, `only ${windows.length} safe windows`);
      const r = await compareCase(windows, (be, end) => be.rangeQuery(c.query, end - 3600, end, 60), b);
      assert.ok(r.nonEmpty > 0, 'no data in any window');
      assert.deepEqual(r.failures, [], `${c.query}\n  ${r.failures.join('\n  ')}`);
    });
  }
  await b.remote.close?.();
});
