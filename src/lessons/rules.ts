// The teaching rules of docs/lessons-format.md that a program can check, so
// `learn --validate` catches a lesson that slips back into showing the answer:
// every exercise is a new composition (its reference is not an example of the
// same lesson), hints climb to a skeleton with blanks and never give the
// answer, each exercise lists at least two wrong answers, and from lesson 3
// on every lesson asks the learner to predict something.

import type { ExampleBlock, ExerciseBlock, Lesson, Problem } from './model.js';
import { canonicalQuery } from './query-shape.js';
import { t } from '../util/messages/index.js';

export const MIN_WRONG_ANSWERS = 2;
export const MIN_HINTS = 2;
/** The blank of a skeleton hint: `sum by (___) (rate(___[5m]))`. */
export const BLANK = '___';
export const FIRST_LESSON_WITH_PREDICT = 3;

export function courseRuleProblems(lessons: Lesson[]): Problem[] {
  return lessons.flatMap(lessonRuleProblems);
}

export function lessonRuleProblems(lesson: Lesson): Problem[] {
  const out: Problem[] = [];
  const at = (line: number, message: string) => out.push({ file: lesson.file, line, message });
  const blocks = lesson.steps.flatMap((s) => s.blocks);
  const examples = new Set(blocks.filter((b): b is ExampleBlock => b.kind === 'example').map((b) => canonicalQuery(b.query)));
  for (const ex of blocks.filter((b): b is ExerciseBlock => b.kind === 'exercise')) {
    if (examples.has(canonicalQuery(ex.answer))) at(ex.answerLine, t('validate.answerIsExample', { id: ex.id }));
    if (ex.wrong.length < MIN_WRONG_ANSWERS) at(ex.line, t('validate.fewWrong', { id: ex.id, n: MIN_WRONG_ANSWERS }));
    for (const m of hintProblems(ex)) at(ex.line, t('validate.exerciseProblem', { id: ex.id, problem: m }));
  }
  if (lesson.number >= FIRST_LESSON_WITH_PREDICT && !blocks.some((b) => b.kind === 'predict')) {
    at(lesson.steps[0]?.line ?? 1, t('validate.needPredict', { n: FIRST_LESSON_WITH_PREDICT }));
  }
  return out;
}

/** Hints climb from a nudge to a skeleton with ___ blanks; none gives the answer. */
export function hintProblems(ex: ExerciseBlock): string[] {
  const out: string[] = [];
  if (ex.hints.length < MIN_HINTS) out.push(t('validate.fewHints', { n: MIN_HINTS, blank: BLANK }));
  const last = ex.hints[ex.hints.length - 1] ?? '';
  if (!last.includes(BLANK)) out.push(t('validate.lastHintSkeleton', { blank: BLANK }));
  if (ex.hints.slice(0, -1).some((h) => h.includes(BLANK))) out.push(t('validate.onlyLastSkeleton'));
  const answer = squash(ex.answer);
  const canonical = canonicalQuery(ex.answer);
  ex.hints.forEach((h, i) => {
    const code = [...h.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (squash(h).includes(answer) || code.some((c) => canonicalQuery(c) === canonical)) out.push(t('validate.hintGivesAnswer', { n: i + 1 }));
  });
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
