// The Korean course against the English: the same lessons, step ids and
// machine-read fields; each kind of drift is named by lesson, step and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultLessonsDir, lessonsDirFor, loadCourse, translationsOf } from '../../src/lessons/load.js';
import { exercisesOf, formatProblem, type ExampleBlock, type Lesson, type PredictBlock } from '../../src/lessons/model.js';
import { translationProblems } from '../../src/lessons/translation.js';

const root = defaultLessonsDir();
const en = loadCourse(root).lessons;
const ko = loadCourse(lessonsDirFor(root, 'ko'), root);

test('the bundled course has a Korean translation with the same lessons, steps and answers', () => {
  assert.deepEqual(translationsOf(root).map((t) => t.lang), ['ko']);
  assert.deepEqual(ko.problems.map(formatProblem), []);
  assert.deepEqual(translationProblems(en, ko.lessons, 'ko').map(formatProblem), []);
  assert.deepEqual(ko.lessons.map((l) => l.file.replace(/^.*\//, '')), en.map((l) => l.file.replace(/^.*\//, '')));
  // Translated, not copied: every title and task is in Hangul.
  for (const l of ko.lessons) {
    assert.match(l.title + l.summary, /[가-힣]/, l.file);
    for (const ex of exercisesOf(l)) assert.match(ex.task, /[가-힣]/, `${l.file}: ${ex.id}`);
  }
  // The recording of lesson 12 is shared: resolved against lessons/, not lessons/ko/.
  const l12 = ko.lessons.find((l) => l.id === 'instrument-and-scrape');
  assert.ok(l12?.dataset?.path?.endsWith('lessons/data/12-session.om.gz'), l12?.dataset?.path);
});

/** A deep copy of the Korean lesson `id`, changed by `edit`; the problems it gets, as text. */
function drift(id: string, edit: (l: Lesson) => void): string[] {
  const copy = structuredClone(ko.lessons.find((l) => l.id === id)!);
  edit(copy);
  const others = ko.lessons.filter((l) => l.id !== id);
  return translationProblems(en, [...others, copy], 'ko').map((p) => p.message);
}

const blocks = (l: Lesson) => l.steps.flatMap((s) => s.blocks);

const DRIFTS: [string, string, (l: Lesson) => void, RegExp][] = [
  ['an answer', 'rate', (l) => (exercisesOf(l)[0].answer = 'rate(http_requests_total[5m])'), /^lesson 5 \(rate\), step 2 \(rate-per-second\): exercise "per-second": answer: "rate\(http_requests_total\[5m\]\)", in English "rate\(http_requests_total\{job=\\"frontend\\"\}\[5m\]\)"$/],
  ['a wrong answer', 'rate', (l) => exercisesOf(l)[0].wrong.pop(), /step 2 \(rate-per-second\): exercise "per-second": the wrong answers: \[/],
  ['an exercise id', 'rate', (l) => (exercisesOf(l)[1].id = 'per-minute'), /step 2 \(rate-per-second\): exercise: id: "per-minute", in English "orders-per-minute"/],
  ['a skeleton', 'aggregation', (l) => (exercisesOf(l)[0].hints[2] = 'sum(___)'), /step 1 \(sum-by\): exercise "rps-per-job": the last hint \(the skeleton\): "sum\(___\)"/],
  ['the number of hints', 'aggregation', (l) => exercisesOf(l)[0].hints.shift(), /exercise "rps-per-job": the number of hints: 2, in English 3/],
  ['judging times', 'binary-operators', (l) => (exercisesOf(l).find((e) => e.at)!.at = ['-4h']), /exercise "cpu-by-app-version": at: \["-4h"\], in English \["-4h","-1h","0"\]/],
  ['a step id', 'aggregation', (l) => (l.steps[1].id = 'step'), /step 2 \(rate-first-then-sum\): step id "step" \(name it in the heading: ## rate를 먼저, sum은 그다음에 \{#rate-first-then-sum\}\)/],
  ['a missing step', 'aggregation', (l) => l.steps.pop(), /lesson 6 \(aggregation\): 3 steps, in English 4/],
  ['a predict answer', 'selecting', (l) => {
    const p = blocks(l).find((b): b is PredictBlock => b.kind === 'predict')!;
    p.answer = p.choices[0];
  }, /step 1 \(four-matchers\): predict: the answer \(choice number\): 1, in English 3/],
  ['an example time', 'rate', (l) => (blocks(l).find((b): b is ExampleBlock => b.kind === 'example' && b.at !== undefined)!.at = '-4h'), /step 5 \(counter-resets\): example `process_cpu_seconds_total\{job="frontend"\}`: the at= attribute: "-4h", in English "-4h40m"/],
  ['a lost block', 'data-model', (l) => l.steps[2].blocks.splice(-1), /step 3 \(labels-select-series\): blocks: example; in English example, exercise/],
  ['a dataset header', 'instrument-and-scrape', (l) => delete l.dataset!.variant, /lesson 12 \(instrument-and-scrape\): variant: not set, in English "data\/12-session-variant.om.gz"/],
];

for (const [what, id, edit, want] of DRIFTS) {
  test(`a translation that changes ${what} is named by lesson, step and field`, () => {
    const got = drift(id, edit);
    assert.ok(got.some((m) => want.test(m)), got.join('\n') || '(no problem reported)');
  });
}

test('a lesson missing from the translation, or only in it, is reported', () => {
  const missing = translationProblems(en, ko.lessons.filter((l) => l.number !== 9), 'ko').map(formatProblem);
  assert.deepEqual(missing, [`${en.find((l) => l.number === 9)!.file}:1: lesson 9 (alerting) has no ko translation`]);
  const extra = translationProblems(en.filter((l) => l.number !== 9), ko.lessons, 'ko').map((p) => p.message);
  assert.deepEqual(extra, ['lesson 9 (alerting) has no English original']);
});
