// The tree: one node per sub-expression (parentheses elided) with its
// sentence, evaluation, result, own annotations and diagnoses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, type ExplainNode } from '../../src/explain/index.js';
import { SAMPLE_END } from '../../src/dataset/index.js';
import { at, sampleBackend } from './sample.js';

function flat(n: ExplainNode): ExplainNode[] {
  return [n, ...n.children.flatMap(flat)];
}

test("every node, parentheses elided, with its type, a sentence with this query's arguments, and its query", async () => {
  const x = await explain(await sampleBackend(), '(sum by (job) (rate(http_requests_total[5m])))', { time: SAMPLE_END });
  const nodes = flat(x.root);
  assert.deepEqual(
    nodes.map((n) => [n.head, n.type]),
    [
      ['sum by (job)', 'vector'],
      ['rate()', 'vector'],
      ['http_requests_total[5m]', 'matrix'],
    ],
  );
  assert.equal(nodes[0]!.sentence, 'adds up the input series that share the same `job`, one output series per job');
  assert.match(nodes[1]!.sentence, /per-second average increase of each counter over the last 5m, corrected for restarts/);
  assert.equal(nodes[1]!.evaluation.query, 'rate(http_requests_total[5m])');
  assert.equal(nodes[2]!.result?.resultType, 'matrix');
  assert.equal(nodes[2]!.result?.sampleCount, 75 * 20);
  assert.deepEqual(nodes[0]!.result?.varyingLabels, ['job']);
  assert.deepEqual(nodes[0]!.aggregation?.droppedLabels, ['instance', 'method', 'route', 'status_code']);
  assert.equal(nodes[0]!.aggregation?.inputCount, 75);
  // The whole tree is plain data.
  assert.deepEqual(JSON.parse(JSON.stringify(x)).root.head, 'sum by (job)');
});

test('identical sub-expressions are evaluated once; literals not at all', async () => {
  const q = 'rate(up[5m]) / rate(up[5m]) * 2';
  const x = await explain(await sampleBackend(), q, { time: SAMPLE_END, perNode: true });
  // *, /, rate(up[5m]) and up[5m]: 4 distinct queries for 7 nodes.
  assert.equal(flat(x.root).length, 7);
  assert.equal(x.queriesRun, 4);
  assert.equal(flat(x.root).find((n) => n.head === '2')?.evaluation.literal, true);
  // Traced, the embedded engine evaluates the whole query once and no node needs a query of its own.
  const traced = await explain(await sampleBackend(), q, { time: SAMPLE_END });
  assert.equal(traced.queriesRun, 1);
  assert.match(traced.method, /evaluated the query once .*recording each sub-expression's value$/);
  assert.deepEqual(traced.root, x.root);
});

test('traced: nodes inside a subquery, and those above a failing node, are queried on their own', async () => {
  const sub = await explain(await sampleBackend(), 'max_over_time(deriv(nodejs_heap_size_used_bytes[10m])[1h:5m]) > 10000', {
    time: SAMPLE_END,
  });
  // deriv() and its range selector run at the subquery's last step: 2 queries besides the traced one.
  assert.equal(sub.queriesRun, 3);
  assert.match(sub.method, /recording the value of 3 sub-expressions; 2 others as their own instant queries$/);
  const failing = await explain(await sampleBackend(), 'sum(http_requests_total / on(job) up)', { time: SAMPLE_END });
  // sum and / fail (many-to-many): each is queried on its own, to give its error.
  assert.equal(failing.queriesRun, 3);
  assert.match(failing.root.error?.message ?? '', /many-to-many|duplicate series/);
});

test('annotations are shown on the node that raises them', async () => {
  const x = await explain(await sampleBackend(), 'sum(rate(nodejs_heap_size_used_bytes[5m]))', { time: SAMPLE_END });
  const [sum, rate] = flat(x.root);
  assert.deepEqual(sum!.infos, []);
  assert.equal(rate!.infos.length, 1);
  assert.match(rate!.infos[0]!, /might not be a counter/);
});

test("inside a subquery a node is shown at the subquery's last step, and says so", async () => {
  const x = await explain(await sampleBackend(), 'max_over_time(rate(http_requests_total{job="api"}[5m])[30m:1m] offset 10m)', {
    time: at('2026-01-15T11:00:30Z'),
  });
  const rate = flat(x.root).find((n) => n.head === 'rate()')!;
  assert.equal(rate.evaluation.time, at('2026-01-15T10:50:00Z'));
  assert.match(rate.evaluation.note ?? '', /inside a subquery: evaluated at 30 steps from 10:21:00 to 10:50:00; shown at the last one/);
});

test('binary operators: matching, pairs, unmatched series and the labels that kept them apart', async () => {
  const x = await explain(
    await sampleBackend(),
    'sum by (job, status_code) (rate(http_requests_total[5m])) / sum by (job) (rate(http_requests_total[5m]))',
    { time: SAMPLE_END },
  );
  const b = x.root.binary!;
  assert.equal(b.matching, 'all labels except the metric name');
  assert.equal(b.matchedPairs, 0);
  assert.ok((b.leftOnlyCount ?? 0) > 0);
  assert.deepEqual(b.leftOnly![0]!.apart, ['status_code']);
  assert.equal(x.root.result?.seriesCount, 0);
});

test('comparisons: how many series the filter dropped, and the bool form', async () => {
  const x = await explain(await sampleBackend(), 'up == 0', { time: at('2026-01-15T08:10:00Z') });
  assert.equal(x.root.result?.seriesCount, 1);
  assert.equal(x.root.binary?.filterDropped, 10);
  assert.equal(x.root.binary?.boolAlternative, 'up == bool 0');
});

test('group_left: many-to-one matching succeeds and counts the pairs', async () => {
  const x = await explain(await sampleBackend(), 'rate(http_requests_total[5m]) * on (instance) group_left (version) shop_build_info', {
    time: SAMPLE_END,
  });
  assert.equal(x.root.error, undefined);
  assert.equal(x.root.binary?.card, 'many-to-one');
  assert.equal(x.root.binary?.matchedPairs, x.root.result?.seriesCount);
});

test('an error is shown where it happens; the parents inherit it', async () => {
  const x = await explain(await sampleBackend(), 'sum(http_requests_total / on (job) up)', { time: SAMPLE_END });
  assert.equal(x.root.error?.inherited, true);
  const div = x.root.children[0]!;
  assert.match(div.error?.message ?? '', /many-to-many matching not allowed|multiple matches/);
  assert.equal(div.error?.inherited, undefined);
  assert.ok(div.binary?.duplicate);
});
