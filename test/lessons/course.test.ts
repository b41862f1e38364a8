// The course self-check, as `promlearn learn --validate`: every lesson file
// parses, every example returns data, every reference answer is judged right
// and every listed wrong answer wrong, on the sample dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { defaultLessonsDir, loadCourse } from '../../src/lessons/load.js';
import { exercisesOf, formatProblem } from '../../src/lessons/model.js';
import { validateCourse } from '../../src/lessons/validate.js';

test('every lesson validates against the sample dataset', async () => {
  const backend = await openLocalDataset({ inProcess: true }, hostFromIO(bufferIO()));
  const report = await validateCourse(defaultLessonsDir(), backend);
  assert.deepEqual(report.problems.map(formatProblem), []);
  assert.equal(report.lessons, 10);
  assert.ok(report.wrongAnswers >= report.exercises);
});

test('the course has ten lessons in order, each with 3-6 exercises, hints and wrong answers', () => {
  const { lessons, problems } = loadCourse(defaultLessonsDir());
  assert.deepEqual(problems, []);
  assert.deepEqual(lessons.map((l) => l.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const l of lessons) {
    const ex = exercisesOf(l);
    assert.ok(ex.length >= 3, `${l.file}: ${ex.length} exercises`);
    assert.ok(ex.length <= 6, `${l.file}: ${ex.length} exercises`);
    for (const e of ex) {
      assert.ok(e.hints.length > 0, `${l.file}: ${e.id}`);
      assert.ok(e.wrong.length > 0, `${l.file}: ${e.id}`);
    }
  }
});
