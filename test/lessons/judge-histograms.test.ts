// The judge on native histograms: equal histograms agree, and a difference is
// named by its first differing part (count, sum, then a bucket), or by kind
// (a histogram where a float is expected).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffObservations, samePoint } from '../../src/lessons/diff.js';
import type { Observation, PointValue } from '../../src/lessons/observe.js';
import { Judge, planFor } from '../../src/lessons/judge.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';

const H = { count: '10', sum: '2', buckets: [[0, '0.1', '0.25', '4'], [0, '0.25', '0.5', '6']] as [number, string, string, string][] };

/** Two points: `first` at the first time, `value` at the second (a first point that agrees keeps a single difference from reading as a factor). */
function obs(value: PointValue, first: PointValue = value): Observation {
  const points = new Map<string, PointValue>([
    ['1700000000', first],
    ['1700000060', value],
  ]);
  return { kind: 'vector', strings: [], notes: [], series: new Map([['k', { metric: { job: 'api' }, points }]]) };
}

test('histogram points: the same within the tolerance, else the first part that differs', () => {
  assert.ok(samePoint(H, { ...H, sum: '2.0000000001' }));
  assert.ok(!samePoint(H, 10));
  assert.deepEqual(diffObservations(obs(H), obs(H)), []);
  assert.match(diffObservations(obs(H), obs({ ...H, count: '12' }, H))[0]!, /is a histogram of count 12, expected count 10/);
  assert.match(diffObservations(obs(H), obs({ ...H, sum: '3' }, H))[0]!, /is a histogram of sum 3, expected sum 2/);
  const moved = { ...H, buckets: [[0, '0.1', '0.25', '5'], [0, '0.25', '0.5', '5']] as [number, string, string, string][] };
  assert.match(diffObservations(obs(H), obs(moved, H))[0]!, /has 5 in bucket \(0\.1,0\.25\], expected 4/);
  assert.match(diffObservations(obs(10), obs(H, 10))[0]!, /is a native histogram \(count 10, sum 2, 2 non-empty buckets\), expected 10/);
  // Counts scaled alike read as a factor (per second vs per minute), as for floats.
  const perMinute = { count: '600', sum: '120', buckets: [[0, '0.1', '0.25', '240'], [0, '0.25', '0.5', '360']] as [number, string, string, string][] };
  assert.match(diffObservations(obs(H), obs(perMinute))[0]!, /60× the expected/);
});

test('the sample: native-histogram answers are judged by their results', async () => {
  const b = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const judge = new Judge(b, await planFor(b));
  const native = 'histogram_quantile(0.9, sum(rate(http_request_duration_seconds{job="api"}[5m])))';
  assert.ok((await judge.compare(native, native.replace('sum(', 'sum by (le) ('))).correct, 'a native histogram has no le: by (le) changes nothing');
  const v = await judge.compare('sum(rate(http_request_duration_seconds{job="api"}[5m]))', 'sum(rate(http_request_duration_seconds{job="checkout"}[5m]))');
  assert.ok(!v.correct);
  assert.match(v.messages.join('\n'), /is a histogram of count/);
});
