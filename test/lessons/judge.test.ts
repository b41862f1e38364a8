import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Judge, planFor, ReferenceQueryError } from '../../src/lessons/judge.js';
import type { ExerciseBlock } from '../../src/lessons/model.js';
import { fakeBackend, FAKE_START, type FakeSeries } from './fake.js';

// Per-second request rates of three instances of two jobs, varying in time.
const rate = (k: number) => (t: number) => k + ((t - FAKE_START) % 600) / 600;
const perInstance: FakeSeries[] = [
  { metric: { job: 'api', instance: 'a' }, value: rate(1) },
  { metric: { job: 'api', instance: 'b' }, value: rate(2) },
  { metric: { job: 'web', instance: 'c' }, value: rate(3) },
];
const perJob: FakeSeries[] = [
  { metric: { job: 'api' }, value: (t) => rate(1)(t) + rate(2)(t) },
  { metric: { job: 'web' }, value: rate(3) },
];
const scaled = (series: FakeSeries[], k: number): FakeSeries[] => series.map((s) => ({ metric: s.metric, value: (t) => s.value(t) * k }));

const backend = fakeBackend({
  'sum by (job) (rate(x[5m]))': perJob,
  'rate(x[5m])': perInstance,
  'sum by (job) (increase(x[1m]))': scaled(perJob, 60),
  'sum by (job) (rate(x[5m])) * 100': scaled(perJob, 100),
  'sum by (job) (rate(x{job="api"}[5m]))': perJob.slice(0, 1),
  'sum(rate(x[5m]))': [{ metric: {}, value: (t) => perJob[0].value(t) + perJob[1].value(t) }],
  'sum by (job) (rate(x{instance!="b"}[5m]))': [{ metric: { job: 'api' }, value: rate(1) }, perJob[1]],
  'x[5m]': { matrix: perInstance },
  'sum by (job) (rate(x[5m]) * 2)': scaled(perJob, 2),
  'sum by (job) (rate(x[5m])) > 1000': [],
  'rate(x)': { error: 'expected type range vector in call to function "rate", got instant vector' },
  'sum without (instance) (rate(x[5m]))': perJob,
  'sum by (job) (rate(x{job="api"}[5m])) or sum by (job) (rate(y[5m]))': [perJob[0], { metric: { job: 'db' }, value: rate(4) }, { metric: { job: 'mq' }, value: rate(5) }],
});

const REF = 'sum by (job) (rate(x[5m]))';

const CASES: [actual: string, expected: RegExp | 'right'][] = [
  [REF, 'right'],
  ['sum without (instance) (rate(x[5m]))', 'right'],
  // Shape first: the series count, then the labels.
  ['rate(x[5m])', /You have 3 series, expected 2[\s\S]*keeps the `instance` label — aggregate it away \(e\.g\. sum by \(job\)\)/],
  ['sum(rate(x[5m]))', /lost the `job` label — keep it with by \(job\)/],
  ['sum by (job) (increase(x[1m]))', /60× the expected ones: the answer is per second/],
  ['sum by (job) (rate(x[5m])) * 100', /100× the expected ones: the answer is a ratio/],
  ['sum by (job) (rate(x[5m]) * 2)', /consistently 2× the expected ones \(is something counted/],
  ['sum by (job) (rate(x{job="api"}[5m]))', /You have 1 series, expected 2[\s\S]*Missing: 1 series with job="web"; your query has only job="api"/],
  // The extra series named by the label that sets them apart, not listed one by one.
  ['sum by (job) (rate(x{job="api"}[5m])) or sum by (job) (rate(y[5m]))', /Not expected: 2 series with job="db", job="mq"; the task wants only job="api" or job="web"/],
  ['x[5m]', /returns a range vector; the task wants an instant vector/],
  ['sum by (job) (rate(x[5m])) > 1000', /returns no data/],
  ['rate(x)', /expected type range vector/],
  ['sum by (job) (rate(x{instance!="b"}[5m]))', /Your values differ: at .* UTC, \{job="api"\} is 1(\.\d+)?, expected \d/],
];

for (const [actual, expected] of CASES) {
  test(`judge: ${actual}`, async () => {
    const judge = new Judge(backend, await planFor(backend));
    const v = await judge.compare(REF, actual);
    if (expected === 'right') {
      assert.deepEqual(v.messages, []);
      assert.equal(v.correct, true);
    } else {
      assert.equal(v.correct, false);
      assert.match(v.messages.join('\n'), expected);
    }
  });
}

const EXERCISE: ExerciseBlock = {
  kind: 'exercise',
  line: 1,
  id: 'per-job',
  task: 'requests per second per job',
  hints: ['rate then sum'],
  answer: REF,
  answerLine: 1,
  wrong: [
    { line: 2, query: 'sum by (job) (increase(x[1m]))', feedback: 'increase() counts per minute here.' },
    { line: 3, query: 'rate(x[5m])', feedback: 'Sum the instances.' },
  ],
};

test('a listed wrong answer gives its own feedback first, matched by results not text', async () => {
  const judge = new Judge(backend, await planFor(backend));
  const byText = await judge.judge(EXERCISE, 'rate( x[5m] )'.replace(' x', 'x').replace(' )', ')'));
  assert.equal(byText.matchedWrong?.line, 3);
  assert.equal(byText.messages[0], 'Sum the instances.');
  const right = await judge.judge(EXERCISE, 'sum without (instance) (rate(x[5m]))');
  assert.equal(right.correct, true);
});

test('instant plans use the exercise times, relative to the data end', async () => {
  const plan = await planFor(backend, { at: ['-30m', '0'] });
  assert.deepEqual(plan, { kind: 'instant', times: [FAKE_START + 1800, FAKE_START + 3600] });
  const judge = new Judge(backend, plan);
  assert.equal((await judge.compare(REF, 'sum without (instance) (rate(x[5m]))')).correct, true);
});

test('a failing reference is the lesson\'s fault, not the learner\'s', async () => {
  const judge = new Judge(backend, await planFor(backend));
  await assert.rejects(judge.compare('rate(x)', REF), ReferenceQueryError);
});
