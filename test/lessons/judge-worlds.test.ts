// The judge on the real sample and its variant world: the foolings of issue 12
// must be rejected, with feedback about what the learner actually did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { Judge, planFor } from '../../src/lessons/judge.js';
import type { ExerciseBlock } from '../../src/lessons/model.js';
import { judgeFor, variantBackend } from '../../src/lessons/worlds.js';

const sample = await openLocalDataset({ inProcess: true }, QUIET_HOST);

function exercise(answer: string, wrong: [string, string][] = [], at?: string[]): ExerciseBlock {
  return {
    kind: 'exercise',
    line: 1,
    id: 'x',
    task: 't',
    hints: ['h', '___'],
    answer,
    answerLine: 1,
    wrong: wrong.map(([query, feedback], i) => ({ line: i + 2, query, feedback })),
    at,
  };
}

test('±Inf equals only itself', async () => {
  const judge = new Judge(sample, await planFor(sample));
  const v = await judge.compare('vector(1)', 'vector(1/0)');
  assert.equal(v.correct, false);
  assert.match(v.messages[0], /is \+Inf, expected 1/);
  assert.equal((await judge.compare('vector(1/0)', 'vector(2/0)')).correct, true);
  assert.equal((await judge.compare('vector(-1/0)', 'vector(1/0)')).correct, false);
});

test('histogram_quantile(99, ...) is wrong, and the engine\'s warning is shown', async () => {
  const ex = exercise('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))');
  const v = await (await judgeFor(sample, ex)).judge(ex, 'histogram_quantile(99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))');
  assert.equal(v.correct, false);
  assert.match(v.messages.join('\n'), /quantile value should be between 0 and 1, got 99/);
});

test('histogram_quantile without sum is told to aggregate inside, keeping le', async () => {
  const ex = exercise('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))');
  const v = await (await judgeFor(sample, ex)).judge(ex, 'histogram_quantile(0.99, rate(http_request_duration_seconds_bucket{job="api"}[5m]))');
  assert.match(v.messages.join('\n'), /inside histogram_quantile and keep `le`: histogram_quantile\(φ, sum by \(le\)/);
});

test('an empty result matches no listed wrong answer; the no-data case is diagnosed', async () => {
  const ref = 'sum(rate(http_requests_total{job="checkout", status_code=~"5.."}[5m]))';
  const ex = exercise(ref, [
    ['sum(rate(http_requests_total{job="checkout", status_code="5.."}[5m]))', 'Use =~ for a regular expression.'],
    ['sum(rate(http_requests_total{job="checkout"}[5m])) > 1000', '> 1000 never fires.'],
  ]);
  const judge = await judgeFor(sample, ex);
  const regex = await judge.judge(ex, 'sum(rate(http_requests_total{job="checkout", status_code=~"5xx"}[5m]))');
  assert.equal(regex.correct, false);
  assert.equal(regex.matchedWrong, undefined);
  assert.match(regex.messages.join('\n'), /matches no series: no series has status_code=~"5xx"; status_code values are "500"[\s\S]*must match the whole value/);
  const typo = await judge.judge(ex, 'sum(rate(http_request_total{job="checkout", status_code=~"5.."}[5m]))');
  assert.equal(typo.matchedWrong, undefined);
  assert.match(typo.messages.join('\n'), /no metric is named `http_request_total`; did you mean `http_requests_total`\?/);
  // The listed wrong answer itself is still recognised by its text.
  assert.equal((await judge.judge(ex, 'sum(rate(http_requests_total{job="checkout",status_code="5.."}[5m]))')).matchedWrong?.line, 2);
});

test('the same error matches a listed wrong answer', async () => {
  const ex = exercise('rate(http_requests_total[5m])', [['rate(http_requests_total)', 'rate() needs a range: [5m].']]);
  const v = await (await judgeFor(sample, ex)).judge(ex, 'rate(  http_requests_total )');
  assert.equal(v.matchedWrong?.line, 2);
  // The same mistake on another metric is the same error, hence the same feedback.
  assert.equal((await (await judgeFor(sample, ex)).judge(ex, 'rate(up)')).matchedWrong?.line, 2);
  const other = await (await judgeFor(sample, ex)).judge(ex, 'rate(http_requests_total[5m]');
  assert.equal(other.matchedWrong, undefined);
  assert.ok(other.error);
});

test('hard-coding the culprit is right on the sample and wrong in the variant world', async () => {
  const down = exercise('up == 0', [['up{job="api"} == 0', 'Do not name the job: any target can go down.']]);
  const judge = await judgeFor(sample, down);
  assert.equal((await judge.judge(down, 'up == 0')).correct, true);
  const v = await judge.judge(down, 'up{instance="api-2:8080"} == 0');
  assert.equal(v.correct, false);
  assert.equal(v.notGeneral, true);
  assert.equal(v.matchedWrong?.line, 2, 'same results as the listed hard-coded answer in both worlds');
  assert.doesNotMatch(v.messages.join('\n'), /frontend-3|variant|09:40/, 'the variant world is never shown');

  const ratio = 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.01';
  const burst = exercise(ratio);
  const hard = await (await judgeFor(sample, burst)).judge(
    burst,
    'sum by (job) (rate(http_requests_total{job="checkout", status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="checkout"}[5m])) > 0.01',
  );
  assert.equal(hard.correct, false);
  assert.equal(hard.notGeneral, true);
});

test('delta on a counter that never resets on the sample is wrong where it does reset', async () => {
  const ex = exercise('increase(process_cpu_seconds_total{instance="checkout-2:8080"}[1h])');
  const v = await (await judgeFor(sample, ex)).judge(ex, 'delta(process_cpu_seconds_total{instance="checkout-2:8080"}[1h])');
  assert.equal(v.correct, false);
  assert.equal(v.notGeneral, true);
});

test('a label constant over the expected result may be kept, with a note', async () => {
  const ex = exercise('sum(rate(http_requests_total{job="api"}[5m]))');
  const v = await (await judgeFor(sample, ex)).judge(ex, 'sum by (job) (rate(http_requests_total{job="api"}[5m]))');
  assert.equal(v.correct, true);
  assert.match(v.notes?.join('\n') ?? '', /also keeps `job="api"`, the same on every series/);
  // Not when the label varies: that is a different shape.
  const w = await (await judgeFor(sample, ex)).judge(ex, 'sum by (instance) (rate(http_requests_total{job="api"}[5m]))');
  assert.equal(w.correct, false);
});

test('the first value difference is shown after the warm-up of the longest window', async () => {
  const judge = new Judge(sample, await planFor(sample));
  const v = await judge.compare('avg_over_time(up{job="api"}[1h])', 'avg_over_time(up{job="api"}[30m])');
  assert.equal(v.correct, false);
  const shown = /at 2026-01-15 (\d\d):(\d\d) UTC/.exec(v.messages.join('\n'));
  assert.ok(shown, v.messages.join('\n'));
  assert.ok(Number(shown[1]) * 60 + Number(shown[2]) >= 7 * 60, `reported at ${shown[0]}, inside the 1h warm-up`);
});

test('the variant world exists only for the sample', async () => {
  assert.ok(await variantBackend(sample));
  const { fakeBackend } = await import('./fake.js');
  assert.equal(await variantBackend(fakeBackend({})), undefined);
});

// The foolings named in issue 12, against the course's own exercises.
const { defaultLessonsDir, findLesson, loadCourse } = await import('../../src/lessons/load.js');
const { findExercise } = await import('../../src/lessons/index.js');
const course = loadCourse(defaultLessonsDir()).lessons;
const ISSUE_CASES: [lesson: string, exercise: string, answer: string, expect: RegExp, notFeedback?: RegExp][] = [
  ['9', 'target-down', 'up{job="api"} == 0', /watches one job only/],
  ['9', 'target-down', 'up{job="api"} < 1', /watches one job only[\s\S]*not in general/],
  [
    '9',
    'high-error-rate',
    'sum by (job) (rate(http_requests_total{job="checkout", status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="checkout"}[5m])) > 0.01',
    /watches checkout only/,
  ],
  // A typo is diagnosed, not told "> 1 never fires" because both are empty.
  ['9', 'high-error-rate', 'sum by (job) (rate(http_request_total{status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.01', /did you mean `http_requests_total`/, /never fires/],
  // `=~"5xx"` used =~: it must not be told to use =~.
  ['3', 'errors-5xx', 'http_requests_total{status_code=~"5xx"}', /must match the whole value/, /Use =~/],
  ['8', 'p99-api', 'histogram_quantile(99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))', /between 0 and 1/],
  ['8', 'p99-api', 'histogram_quantile(0.99, rate(http_request_duration_seconds_bucket{job="api"}[5m]))', /keep `le`/, /e\.g\. sum\(\.\.\.\)/],
  ['5', 'find-restart', 'resets(process_cpu_seconds_total{instance="frontend-2:3000"}[10m]) > 0', /do not name the one that did/],
];

for (const [l, e, answer, expect, notExpect] of ISSUE_CASES) {
  test(`issue 12: lesson ${l} ${e}: ${answer}`, async () => {
    const ex = findExercise(findLesson(course, l), e);
    const v = await (await judgeFor(sample, ex)).judge(ex, answer);
    assert.equal(v.correct, false);
    const text = v.messages.join('\n');
    assert.match(text, expect);
    if (notExpect) assert.doesNotMatch(text, notExpect);
  });
}
