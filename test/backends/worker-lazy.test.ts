// The lazy worker backend: quick queries stay in this thread (no worker is
// started); a query past the in-thread budget is answered by the worker,
// with the same result; an aborted query is not retried.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Backend } from '../../src/backends/backend.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { createLazyWorkerBackend } from '../../src/backends/worker-lazy.js';
import { SAMPLE_BACKEND_OPTIONS } from '../../src/backends/open.js';
import { loadSampleStore } from '../../src/dataset/index.js';
import { QueryError } from '../../src/errors.js';

const SLOW = 'max_over_time(sum by (instance, status_code) (rate(http_requests_total[5m]))[1h:15s])';

/** A stand-in worker (the in-process backend) that counts its starts and queries. */
function countingWorker() {
  const stats = { starts: 0, queries: 0 };
  const real = createLocalBackend(loadSampleStore(), SAMPLE_BACKEND_OPTIONS);
  const start = async (): Promise<Backend> => {
    stats.starts++;
    return {
      ...real,
      instantQuery: (...a) => (stats.queries++, real.instantQuery(...a)),
      rangeQuery: (...a) => (stats.queries++, real.rangeQuery(...a)),
    };
  };
  return { stats, start };
}

test('queries within the budget and label calls never start the worker', async () => {
  const w = countingWorker();
  // A budget no busy machine exceeds: this is about what starts the worker, not about speed.
  const b = createLazyWorkerBackend(loadSampleStore(), SAMPLE_BACKEND_OPTIONS, w.start, { budgetMs: 60_000 });
  const end = (await b.info()).dataRange!.end;
  const r = await b.instantQuery('count(up)', end);
  assert.deepEqual(r.data.resultType === 'vector' && r.data.result[0].value![1], '11');
  assert.ok((await b.labelValues('job')).includes('api'));
  await b.close?.();
  assert.equal(w.stats.starts, 0);
});

test('a query past the budget is run again by the worker, which then answers every query', async () => {
  const w = countingWorker();
  const b = createLazyWorkerBackend(loadSampleStore(), SAMPLE_BACKEND_OPTIONS, w.start, { budgetMs: 0 });
  const end = (await b.info()).dataRange!.end;
  const want = await createLocalBackend(loadSampleStore(), SAMPLE_BACKEND_OPTIONS).rangeQuery(SLOW, end - 3600, end, 60);
  assert.deepEqual((await b.rangeQuery(SLOW, end - 3600, end, 60)).data, want.data);
  assert.deepEqual(w.stats, { starts: 1, queries: 1 });
  await b.instantQuery('up', end);
  assert.deepEqual(w.stats, { starts: 1, queries: 2 });
});

test('an aborted query is not handed to the worker', async () => {
  const w = countingWorker();
  const b = createLazyWorkerBackend(loadSampleStore(), SAMPLE_BACKEND_OPTIONS, w.start, { budgetMs: 0 });
  const end = (await b.info()).dataRange!.end;
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(
    b.rangeQuery(SLOW, end - 3600, end, 60, { signal: ac.signal }),
    (e: unknown) => e instanceof QueryError && e.errorType === 'canceled',
  );
  assert.equal(w.stats.starts, 0);
});
