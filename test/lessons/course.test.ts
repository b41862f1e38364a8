// The course self-check, as `promlearn learn --validate`, in every language
// (table-driven over LANGS: lessons/ and lessons/ko/): every lesson file
// parses, every example returns data, every reference answer is judged right
// in both worlds (the sample and the variant with its incidents moved), every
// listed wrong answer is judged wrong and recognised by its own results, and
// the teaching rules of src/lessons/rules.ts hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { defaultLessonsDir, lessonsDirFor, loadCourse } from '../../src/lessons/load.js';
import { DEFAULT_LANG, LANGS } from '../../src/util/lang.js';
import { exercisesOf, formatProblem, type ExerciseBlock, type Lesson } from '../../src/lessons/model.js';
import { courseRuleProblems, hintProblems, lessonRuleProblems } from '../../src/lessons/rules.js';
import { validateCourse } from '../../src/lessons/validate.js';
import { registerVariant, variantBackend } from '../../src/lessons/worlds.js';
import { memoBackend } from '../helpers/memo-backend.js';

const TUTORIAL_LESSONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const root = defaultLessonsDir();
const sample = await openLocalDataset({ inProcess: true }, QUIET_HOST);
// A translation asks the English course's questions again, of the same data in the same two worlds:
// each distinct query is answered once (memoBackend), in the sample and in the variant world.
const backend = memoBackend(sample);
registerVariant(backend, memoBackend((await variantBackend(sample))!));
// One validation of the course: the English lessons, then each translation, checked the same way.
const validation = validateCourse(root, backend);

/** The language a problem's file belongs to: lessons/ko/… is Korean, the rest English. */
function langOfFile(file: string): string {
  return /(^|[\\/])ko[\\/][^\\/]+$/.test(file) ? 'ko' : 'en';
}

for (const lang of LANGS) {
  test(`${lang}: every lesson validates against the sample and the variant world`, async () => {
    const report = await validation;
    assert.deepEqual(report.problems.filter((p) => langOfFile(p.file) === lang).map(formatProblem), []);
    const counts = lang === DEFAULT_LANG ? report : report.translations.find((t) => t.lang === lang);
    assert.ok(counts, `no ${lang} course validated`);
    assert.ok(counts.exercises >= 60, `${counts.exercises} exercises`);
    assert.ok(counts.wrongAnswers >= 2 * counts.exercises);
    // Most wrong answers are recognised by their results, not only their text (an empty result is text-only).
    assert.ok(counts.wrongByResults >= 0.8 * counts.wrongAnswers, `${counts.wrongByResults} of ${counts.wrongAnswers}`);
    // A translation judges the same answers: the same counts as the English.
    const { lessons, examples, predicts, exercises, wrongAnswers, wrongByResults, snippets } = counts;
    const { lessons: l, examples: e, predicts: p, exercises: x, wrongAnswers: w, wrongByResults: r, snippets: s } = report;
    assert.deepEqual([lessons, examples, predicts, exercises, wrongAnswers, wrongByResults, snippets], [l, e, p, x, w, r, s]);
  });

  test(`${lang}: the tutorial lessons are in order and follow the teaching rules`, () => {
    const { lessons, problems } = loadCourse(lessonsDirFor(root, lang), root);
    assert.deepEqual(problems, []);
    const tutorial = lessons.filter((l) => TUTORIAL_LESSONS.includes(l.number));
    assert.deepEqual(tutorial.map((l) => l.number), TUTORIAL_LESSONS);
    assert.deepEqual(courseRuleProblems(lessons).map(formatProblem), []);
    assert.ok(tutorial.reduce((n, l) => n + exercisesOf(l).length, 0) >= 60);
    for (const l of tutorial.filter((l) => l.number >= 3)) assert.ok(l.steps.some((s) => s.blocks.some((b) => b.kind === 'predict')), l.file);
  });
}

test('both languages have a course and nothing else is reported', async () => {
  const report = await validation;
  assert.deepEqual(report.translations.map((t) => t.lang), LANGS.filter((l) => l !== DEFAULT_LANG));
  assert.deepEqual(report.problems.map(formatProblem), []);
});

const base: ExerciseBlock = {
  kind: 'exercise',
  line: 3,
  id: 'e',
  task: 't',
  hints: ['Rate each counter first.', 'sum by (___) (rate(___[5m]))'],
  answer: 'sum by (job) (rate(http_requests_total[5m]))',
  answerLine: 4,
  wrong: [
    { line: 5, query: 'sum(rate(http_requests_total[5m]))', feedback: 'a' },
    { line: 6, query: 'rate(http_requests_total[5m])', feedback: 'b' },
  ],
};

function lessonWith(ex: ExerciseBlock, exampleQuery = 'up', number = 2): Lesson {
  return {
    id: 'l',
    number,
    title: 'T',
    summary: 's',
    file: 'l.md',
    steps: [{ id: 's', title: 's', line: 2, blocks: [{ kind: 'example', line: 2, query: exampleQuery }, ex] }],
  };
}

test('the rules catch each slip mechanically', () => {
  assert.deepEqual(lessonRuleProblems(lessonWith(base)), []);
  const msgs = (l: Lesson) => lessonRuleProblems(l).map((p) => p.message).join('\n');
  assert.match(msgs(lessonWith(base, 'sum by(job)(rate(http_requests_total[5m] ))')), /the answer is an example of this lesson/);
  assert.match(msgs(lessonWith({ ...base, wrong: base.wrong.slice(0, 1) })), /at least 2 wrong answers/);
  assert.match(msgs(lessonWith(base, 'up', 3)), /need at least one predict block/);
  assert.match(hintProblems({ ...base, hints: ['Use `sum by (job) (rate(http_requests_total[5m]))`.', '___'] }).join('\n'), /hint 1 gives the answer away/);
  assert.match(hintProblems({ ...base, hints: ['nudge', 'more'] }).join('\n'), /last hint should be a skeleton/);
  assert.match(hintProblems({ ...base, hints: ['sum by (___)'] }).join('\n'), /at least 2 hints/);
});
