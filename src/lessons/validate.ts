// The course self-check (`promlearn learn --validate` and the test suite):
// every lesson file parses, every example returns data, every reference
// answer is judged right against itself and every listed wrong answer wrong.

import type { Backend } from '../backends/backend.js';
import { PromlearnError } from '../errors.js';
import { Judge, planFor } from './judge.js';
import type { ExampleBlock, ExerciseBlock, Lesson, Problem } from './model.js';
import { loadCourse } from './load.js';
import { runExample } from './show.js';

interface ValidationReport {
  problems: Problem[];
  lessons: number;
  examples: number;
  exercises: number;
  wrongAnswers: number;
}

export async function validateCourse(dir: string, backend: Backend): Promise<ValidationReport> {
  const course = loadCourse(dir);
  const report: ValidationReport = { problems: [...course.problems], lessons: course.lessons.length, examples: 0, exercises: 0, wrongAnswers: 0 };
  for (const lesson of course.lessons) await validateLesson(lesson, backend, report);
  return report;
}

async function validateLesson(lesson: Lesson, backend: Backend, report: ValidationReport): Promise<void> {
  const at = (line: number, message: string) => report.problems.push({ file: lesson.file, line, message });
  for (const step of lesson.steps) {
    for (const block of step.blocks) {
      if (block.kind === 'example') {
        report.examples++;
        const msg = await checkExample(backend, block);
        if (msg) at(block.line, msg);
      } else if (block.kind === 'exercise') {
        report.exercises++;
        report.wrongAnswers += block.wrong.length;
        for (const p of await checkExercise(backend, block)) at(p.line, p.message);
      }
    }
  }
}

async function checkExample(backend: Backend, ex: ExampleBlock): Promise<string | undefined> {
  try {
    const d = (await runExample(backend, ex.query, ex)).data;
    const empty = (d.resultType === 'vector' || d.resultType === 'matrix') && d.result.length === 0;
    return empty ? `example \`${oneLine(ex.query)}\` returns no data` : undefined;
  } catch (e) {
    if (e instanceof PromlearnError) return `example \`${oneLine(ex.query)}\` fails: ${e.message}`;
    throw e;
  }
}

async function checkExercise(backend: Backend, ex: ExerciseBlock): Promise<{ line: number; message: string }[]> {
  const out: { line: number; message: string }[] = [];
  const judge = new Judge(backend, await planFor(backend, ex));
  const ref = await judge.outcome(ex.answer);
  if (!ref.ok) return [{ line: ex.answerLine, message: `exercise "${ex.id}": the answer fails: ${ref.error.message}` }];
  const hasData = ref.obs.kind === 'string' || [...ref.obs.series.values()].some((s) => s.points.size > 0);
  if (!hasData) out.push({ line: ex.answerLine, message: `exercise "${ex.id}": the answer returns no data` });
  const self = await judge.compare(ex.answer, ex.answer);
  if (!self.correct) out.push({ line: ex.answerLine, message: `exercise "${ex.id}": the answer is not judged right against itself: ${self.messages.join(' ')}` });
  for (const w of ex.wrong) {
    const v = await judge.compare(ex.answer, w.query);
    if (v.correct) out.push({ line: w.line, message: `exercise "${ex.id}": the wrong answer \`${oneLine(w.query)}\` is judged right` });
  }
  return out;
}

function oneLine(q: string): string {
  return q.replace(/\s+/g, ' ').trim();
}
