// Lesson exercises judged on the alert timeline (src/lessons/alert-exercise.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { loadCourse } from '../../src/lessons/load.js';
import type { AlertExerciseBlock } from '../../src/lessons/model.js';
import { judgeAlertExercise, splitRule } from '../../src/lessons/alert-exercise.js';

const LESSONS = fileURLToPath(new URL('../../../lessons/', import.meta.url));

test('alert exercise of lesson 11: the reference is right, the wrong answers get their feedback and the timeline', async () => {
  const { lessons } = loadCourse(LESSONS);
  const lesson = lessons.find((l) => l.number === 11)!;
  const ex = lesson.steps.flatMap((s) => s.blocks).find((b): b is AlertExerciseBlock => b.kind === 'alert-exercise')!;
  assert.equal(ex.id, 'page-once');
  const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const right = await judgeAlertExercise(backend, ex, ex.answer);
  assert.equal(right.correct, true, right.message);
  assert.match(right.message, /fires once: \{job="checkout"\} at 10:45:30/);
  const flappy = await judgeAlertExercise(backend, ex, ex.wrong[0]!.query);
  assert.equal(flappy.correct, false);
  assert.match(flappy.message, /^Without for every drift .* Yours fires 7 times .* the reference fires once.* It fires too often/);
  const never = await judgeAlertExercise(backend, ex, ex.wrong[2]!.query);
  assert.match(never.message, /Yours never fires/);
  const bad = await judgeAlertExercise(backend, ex, 'sum(rate(x[5m]) for 5m');
  assert.equal(bad.correct, false);
  assert.match(bad.message, /parse error/);
});

test('EXPR for DURATION', () => {
  assert.deepEqual(splitRule('up == 0 for 5m'), { expr: 'up == 0', forMs: 300_000 });
  assert.deepEqual(splitRule('up == 0'), { expr: 'up == 0', forMs: 0 });
  assert.throws(() => splitRule('up == 0 for five'), /not a valid duration string/);
});
