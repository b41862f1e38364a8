// Group evaluation details, on a small store: rule and group labels,
// query_offset, limit, staleness of vanished series, later rules reading
// earlier ones in the same evaluation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../src/storage/store.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { loadRuleText } from '../../src/rules/load.js';
import { RuleEvaluator } from '../../src/rules/evaluate.js';
import { backendQuerier, backendRangeQuerier, storeWriter } from '../../src/rules/querier.js';
import { runTimeline } from '../../src/rules/timeline.js';

const M = 60_000;

/** x{job="a"} = minute number, every 15 s for 30 minutes; x{job="b"} = 100 for the first 10 minutes only. */
function store(): MemoryStore {
  const s = new MemoryStore();
  const a = s.getOrCreateSeries({ __name__: 'x', job: 'a' });
  const b = s.getOrCreateSeries({ __name__: 'x', job: 'b' });
  for (let t = 0; t <= 30 * M; t += 15_000) {
    s.append(a, t, Math.floor(t / M));
    if (t < 10 * M) s.append(b, t, 100);
  }
  return s;
}

async function evaluate(yaml: string, byRule: boolean, endMin = 20) {
  const { file, problems } = loadRuleText('g.yml', yaml);
  assert.deepEqual(problems, []);
  const s = store();
  const backend = createLocalBackend(s, { name: 't', description: 't' });
  const ev = new RuleEvaluator(file.groups, backendQuerier(backend), { defaultIntervalMs: M, writer: storeWriter(s) });
  await runTimeline(ev, { startMs: 0, endMs: endMin * M, range: byRule ? backendRangeQuerier(backend) : undefined });
  return { ev, backend };
}

const val = async (backend: ReturnType<typeof createLocalBackend>, q: string, tMin: number) => {
  const r = await backend.instantQuery(q, (tMin * M) / 1000);
  return r.data.resultType === 'vector' ? r.data.result.map((x) => [x.metric, x.value![1]]) : r.data;
};

for (const byRule of [false, true]) {
  const mode = byRule ? 'rule by rule' : 'step by step';

  test(`${mode}: labels, query_offset, chained rules`, async () => {
    const yaml = `groups:
  - name: g
    interval: 1m
    query_offset: 2m
    labels: { env: prod }
    rules:
      - record: job:x:copy
        expr: x{job="a"}
        labels: { team: t, env: staging }
      - record: job:x:double
        expr: job:x:copy * 2
`;
    const { backend, ev } = await evaluate(yaml, byRule);
    assert.deepEqual(ev.errors, []);
    // Written at t - 2m with the value x had at t - 2m: at minute 15 the copy holds 15.
    assert.deepEqual(await val(backend, 'job:x:copy', 15), [[{ __name__: 'job:x:copy', env: 'staging', job: 'a', team: 't' }, '15']]);
    // The group's labels win over the labels of the result (env: prod), as rule labels do.
    assert.deepEqual(await val(backend, 'job:x:double', 15), [[{ __name__: 'job:x:double', env: 'prod', job: 'a', team: 't' }, '30']]);
    // The last evaluation (minute 20) wrote at minute 18.
    const last = await backend.instantQuery('timestamp(job:x:copy)', 21 * 60);
    assert.equal(last.data.resultType === 'vector' && last.data.result[0]!.value![1], '1080');
  });

  test(`${mode}: a vanished series is marked stale; limit fails the evaluation`, async () => {
    const { backend } = await evaluate('groups:\n  - name: g\n    rules:\n      - record: y\n        expr: x\n', byRule);
    // x{job="b"} stops at 9:45; the lookback (5m) still returns it until 14:45, so y{job="b"} is written until minute 14.
    assert.equal(((await val(backend, 'y{job="b"}', 14)) as unknown[]).length, 1);
    // At minute 15 the rule no longer returns it and writes a staleness marker: without it, y would show until 19.
    assert.deepEqual(await val(backend, 'y{job="b"}', 16), []);
    const limited = await evaluate('groups:\n  - name: g\n    limit: 1\n    rules:\n      - record: y\n        expr: x\n', byRule, 12);
    const errs = limited.ev.errors.map((e) => `${e.tMs / M} ${e.message}`);
    assert.deepEqual(
      errs,
      Array.from({ length: 13 }, (_, i) => `${i} exceeded limit of 1 with 2 series`),
    );
  });
}
