// The course self-check (`promlearn learn --validate` and the test suite):
// every lesson file parses, every example returns data, every reference
// answer is judged right against itself in every world, and every listed
// wrong answer is judged wrong and recognised by its own results (so its own
// feedback is what a learner who gives it reads). The teaching rules that can
// be checked mechanically are in ./rules.ts. A translation (lessons/ko/) gets
// the same checks, and is compared with the English (./translation.ts).

import type { Backend } from '../backends/backend.js';
import { PromlearnError } from '../errors.js';
import { isEmpty } from './diff.js';
import type { Judge } from './judge.js';
import type { ExampleBlock, ExerciseBlock, Lesson, Problem } from './model.js';
import { loadCourse, translationsOf } from './load.js';
import { translationProblems } from './translation.js';
import { courseRuleProblems } from './rules.js';
import { checkSnippets, promClientSnippets } from './snippets.js';
import { runExample } from './show.js';
import { checkAlertExercise } from './alert-exercise.js';
import { judgeFor } from './worlds.js';
import { datasetProblems, lessonBackend } from './dataset.js';
import { t } from '../util/messages/index.js';

interface CourseCounts {
  lessons: number;
  examples: number;
  exercises: number;
  wrongAnswers: number;
  /** Listed wrong answers recognised by their results (not only by their text). */
  wrongByResults: number;
  predicts: number;
  /** prom-client snippets run. */
  snippets: number;
}

interface ValidationReport extends CourseCounts {
  /** Every problem: of the English course, of each translation, and where a translation differs from the English. */
  problems: Problem[];
  /** The counts of each translation, checked as the English one is. */
  translations: ({ lang: string } & CourseCounts)[];
}

/** The counts checked, each translation's too: `12 lessons, 40 examples, … checked; ko: …, compared with the English`. */
export function validationSummary(r: ValidationReport): string {
  const counts = (c: CourseCounts) =>
    t('validate.counts', {
      lessons: c.lessons,
      examples: c.examples,
      predicts: c.predicts,
      exercises: c.exercises,
      wrong: c.wrongAnswers,
      byResults: c.wrongByResults,
      snippets: c.snippets,
    });
  const translated = r.translations.map((tr) => t('validate.translated', { lang: tr.lang, counts: counts(tr) })).join('');
  return t('validate.checked', { counts: counts(r), translated });
}

/** The error line of a course with problems. */
export function validationFailure(r: ValidationReport): string {
  const args = { n: r.problems.length, summary: validationSummary(r) };
  return r.problems.length === 1 ? t('validate.problemOne', args) : t('validate.problemMany', args);
}

/** Validates the course in `dir` and each translation in its subfolders (lessons/ko/). */
export async function validateCourse(dir: string, backend: Backend): Promise<ValidationReport> {
  const source = loadCourse(dir);
  const report: ValidationReport = { ...(await validateLessons(source, backend)), translations: [] };
  for (const tr of translationsOf(dir)) {
    const course = loadCourse(tr.dir, dir);
    const { problems, ...counts } = await validateLessons(course, backend);
    report.problems.push(...translationProblems(source.lessons, course.lessons, tr.lang), ...problems);
    report.translations.push({ lang: tr.lang, ...counts });
  }
  return report;
}

async function validateLessons(course: ReturnType<typeof loadCourse>, backend: Backend): Promise<CourseCounts & { problems: Problem[] }> {
  const report: CourseCounts & { problems: Problem[] } = {
    problems: [...course.problems, ...courseRuleProblems(course.lessons)],
    lessons: course.lessons.length,
    examples: 0,
    exercises: 0,
    wrongAnswers: 0,
    wrongByResults: 0,
    predicts: 0,
    snippets: 0,
  };
  for (const lesson of course.lessons) await validateLesson(lesson, backend, report);
  report.problems.push(...(await checkSnippets(course.lessons)));
  report.snippets = promClientSnippets(course.lessons).length;
  return report;
}

async function validateLesson(lesson: Lesson, session: Backend, report: CourseCounts & { problems: Problem[] }): Promise<void> {
  const at = (line: number, message: string) => report.problems.push({ file: lesson.file, line, message });
  const broken = await datasetProblems(lesson);
  report.problems.push(...broken);
  if (broken.length > 0) return;
  // A lesson with a `dataset:` header is checked on its recording (and its variant), as learners run it.
  const backend = await lessonBackend(session, lesson);
  for (const step of lesson.steps) {
    for (const block of step.blocks) {
      if (block.kind === 'example') {
        report.examples++;
        const msg = await checkExample(backend, block);
        if (msg) at(block.line, msg);
      } else if (block.kind === 'predict') {
        report.predicts++;
      } else if (block.kind === 'exercise') {
        report.exercises++;
        report.wrongAnswers += block.wrong.length;
        for (const p of await checkExercise(backend, block, report)) at(p.line, p.message);
      } else if (block.kind === 'alert-exercise') {
        report.exercises++;
        report.wrongAnswers += block.wrong.length;
        for (const p of await checkAlertExercise(backend, block)) at(p.line, p.message);
      }
    }
  }
}

async function checkExample(backend: Backend, ex: ExampleBlock): Promise<string | undefined> {
  try {
    const d = (await runExample(backend, ex.query, ex)).data;
    const empty = (d.resultType === 'vector' || d.resultType === 'matrix') && d.result.length === 0;
    return empty ? t('validate.exampleNoData', { query: oneLine(ex.query) }) : undefined;
  } catch (e) {
    if (e instanceof PromlearnError) return t('validate.exampleFails', { query: oneLine(ex.query), message: e.message });
    throw e;
  }
}

async function checkExercise(backend: Backend, ex: ExerciseBlock, report: CourseCounts): Promise<{ line: number; message: string }[]> {
  const out: { line: number; message: string }[] = [];
  const judge = await judgeFor(backend, ex);
  const ref = await judge.outcome(ex.answer);
  if (!ref.ok) return [{ line: ex.answerLine, message: t('validate.answerFails', { id: ex.id, message: ref.error.message }) }];
  if (isEmpty(ref.obs)) out.push({ line: ex.answerLine, message: t('validate.answerNoData', { id: ex.id }) });
  const self = await judge.judge(ex, ex.answer);
  if (!self.correct) out.push({ line: ex.answerLine, message: t('validate.answerNotSelf', { id: ex.id, messages: self.messages.join(' ') }) });
  for (const w of ex.wrong) {
    const problem = await checkWrong(judge, ex, w, report);
    if (problem) out.push({ line: w.line, message: t('validate.wrongAnswer', { id: ex.id, query: oneLine(w.query), problem }) });
  }
  return out;
}

/** A listed wrong answer must be judged wrong, and its results (or error) must lead to its own feedback. */
async function checkWrong(judge: Judge, ex: ExerciseBlock, w: ExerciseBlock['wrong'][number], report: CourseCounts): Promise<string | undefined> {
  const v = await judge.judge(ex, w.query);
  if (v.correct) return t('validate.wrongJudgedRight');
  const byResults = await judge.matchWrongByResults(ex.wrong, w.query, v.error);
  if (byResults && byResults.feedback === w.feedback) {
    report.wrongByResults++;
    return undefined;
  }
  if (byResults) return t('validate.wrongSameAs', { query: oneLine(byResults.query) });
  // An empty result is recognised only by its text (an empty result matches nothing else).
  const own = await judge.outcome(w.query);
  const emptyHere = own.ok && isEmpty(own.obs);
  return emptyHere ? undefined : t('validate.wrongNotRecognised');
}

function oneLine(q: string): string {
  return q.replace(/\s+/g, ' ').trim();
}
