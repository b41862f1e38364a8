// The traced evaluation (one query, every node's value recorded by the
// embedded engine) gives exactly the tree that evaluating every node as its
// own query gives, for every example of the lessons and a few queries whose
// nodes live in other contexts (subqueries, @, offset, sort, errors).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeArg } from '../../src/util/time.js';
import { SAMPLE_END } from '../../src/dataset/index.js';
import { explain } from '../../src/explain/index.js';
import { defaultLessonsDir, loadCourse } from '../../src/lessons/load.js';
import { sampleBackend } from './sample.js';

const course = loadCourse(defaultLessonsDir());
const cases: Array<{ where: string; query: string; time: number }> = [];
for (const lesson of course.lessons) {
  for (const step of lesson.steps) {
    for (const b of step.blocks) {
      if (b.kind === 'example')
        cases.push({ where: `${lesson.file}:${b.line}`, query: b.query, time: b.at ? parseTimeArg(b.at, SAMPLE_END) : SAMPLE_END });
    }
  }
}
const EXTRA = [
  'max_over_time(deriv(nodejs_heap_size_used_bytes{instance="frontend-1:3000"}[10m])[1h:5m]) > 10000',
  'sum(rate(http_requests_total[5m] @ end())) / sum(rate(http_requests_total[5m] offset 1h))',
  'max_over_time(sum(rate(http_requests_total[5m] @ start()))[30m:1m])',
  'sort_desc(sum by (job) (rate(http_requests_total[5m]))) / on(job) group_left sum by (job) (up)',
  'topk(3, rate(http_requests_total[5m])) / rate(http_requests_total[5m])',
  'sum(rate(nodejs_heap_size_used_bytes[5m])) + sum(rate(nodejs_heap_size_used_bytes[5m]))',
  'sum(http_requests_total / on(job) up)',
  'timestamp(up) - time()',
  'histogram_quantile(1.5, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
  'absent(nonexistent_metric{job="api"}) or vector(2) * -scalar(sum(up))',
  '((http_requests_total[5m]))',
];
for (const query of EXTRA) cases.push({ where: 'extra', query, time: SAMPLE_END - 1800 });

test('there are lesson examples to compare', () => {
  assert.ok(cases.length >= 20 + EXTRA.length, `only ${cases.length} cases`);
});

for (const { where, query, time } of cases) {
  test(`traced and per-node explain agree: ${where} ${query}`, async () => {
    const backend = await sampleBackend();
    const outcome = async (perNode: boolean) => {
      try {
        const x = await explain(backend, query, { time, samples: true, perNode });
        return { root: x.root, walkthroughs: x.walkthroughs };
      } catch (e) {
        return { thrown: (e as Error).message };
      }
    };
    const perNode = await outcome(true);
    const traced = await outcome(false);
    assert.deepEqual(traced, perNode);
  });
}
