// Tutorial mode: walks a lesson step by step — prose, examples the learner
// runs (and may edit), predictions, exercises with hints — saving progress
// after every step so quitting (or a crash) loses at most the current step.

import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import { PromlearnError } from '../errors.js';
import { formatError } from '../render/error.js';
import { Judge, planFor, formatVerdict } from './judge.js';
import type { ExampleBlock, ExerciseBlock, Lesson, PredictBlock, Step } from './model.js';
import { exercisesOf } from './model.js';
import { renderProse } from './prose.js';
import { wrap } from '../render/text.js';
import { lessonProgress, saveProgress, type Progress } from './progress.js';
import type { Prompter } from './prompter.js';
import { runAndRender, type ExampleWhere } from './show.js';

interface TutorialContext {
  io: IO;
  backend: Backend;
  prompter: Prompter;
  progress: Progress;
  /** Where progress is saved; undefined to keep it in memory only. */
  stateDir?: string;
}

/** Why a walk-through ended. */
export type Ending = 'finished' | 'quit';

class Quit extends Error {}

const HELP_EXERCISE = 'your query (.hint, .skip, .answer, .quit)';
const HELP_STEP = 'Enter: next step · or type a query to try it · .quit';

export async function runLesson(ctx: TutorialContext, lesson: Lesson, fromStep = 0): Promise<Ending> {
  const lp = lessonProgress(ctx.progress, lesson.id);
  ctx.progress.current = lesson.id;
  const { io } = ctx;
  io.out(io.style.bold(`Lesson ${lesson.number}: ${lesson.title}`) + '\n' + io.style.dim(renderProse(lesson.summary, Math.min(io.columns, 100) - 1, io.style)) + '\n');
  try {
    for (let i = fromStep; i < lesson.steps.length; i++) {
      lp.step = i;
      save(ctx);
      await runStep(ctx, lesson, i);
    }
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
    save(ctx);
    io.out(`\nProgress saved. Resume with: promlearn learn ${lesson.id}\n`);
    return 'quit';
  }
  lp.step = 0;
  lp.done = true;
  save(ctx);
  const total = exercisesOf(lesson).length;
  io.out(`\n${io.style.ok('Lesson complete')}: ${lp.solved.length}/${total} exercises solved.\n`);
  return 'finished';
}

function save(ctx: TutorialContext): void {
  if (ctx.stateDir) saveProgress(ctx.stateDir, ctx.progress);
}

async function runStep(ctx: TutorialContext, lesson: Lesson, index: number): Promise<void> {
  const step: Step = lesson.steps[index];
  const { io } = ctx;
  io.out(`\n${io.style.bold(`── Step ${index + 1}/${lesson.steps.length}: ${step.title} ──`)}\n\n`);
  for (const block of step.blocks) {
    switch (block.kind) {
      case 'text':
        io.out(renderProse(block.text, Math.min(io.columns, 100) - 1, io.style) + '\n\n');
        break;
      case 'example':
        await runExample(ctx, block);
        break;
      case 'predict':
        await runPredict(ctx, block);
        break;
      case 'exercise':
        await runExercise(ctx, lesson, block);
        break;
    }
  }
  await playground(ctx, index === lesson.steps.length - 1 ? 'Enter: finish the lesson · or type a query to try it · .quit' : HELP_STEP);
}

/** Reads a line; end of input or `.quit` ends the lesson. */
async function ask(ctx: TutorialContext, message: string, prefill?: string): Promise<string> {
  const line = await ctx.prompter.input(message, prefill);
  if (line === undefined || line.trim() === '.quit' || line.trim() === '.q') throw new Quit();
  return line;
}

async function runExample(ctx: TutorialContext, ex: ExampleBlock): Promise<void> {
  ctx.io.out(`  ${ctx.io.style.info(ex.query)}\n`);
  const line = await ask(ctx, 'Enter to run it (or edit it first):', ex.query);
  const query = line.trim() === '' ? ex.query : line;
  await tryQuery(ctx, query, ex);
}

/** Runs a query from an example or the learner, showing errors as feedback rather than failing. */
async function tryQuery(ctx: TutorialContext, query: string, where?: ExampleWhere): Promise<void> {
  try {
    ctx.io.out((await runAndRender(ctx.io, ctx.backend, query, where)) + '\n');
  } catch (e) {
    if (!(e instanceof PromlearnError)) throw e;
    ctx.io.out(formatError(e, ctx.io.style) + '\n\n');
  }
}

async function playground(ctx: TutorialContext, message: string): Promise<void> {
  for (;;) {
    const line = await ask(ctx, message);
    if (line.trim() === '' || line.trim() === '.next') return;
    await tryQuery(ctx, line);
  }
}

async function runPredict(ctx: TutorialContext, p: PredictBlock): Promise<void> {
  const choice = await ctx.prompter.select(`Predict: ${p.question}`, p.choices.map((c) => ({ name: c, value: c })));
  if (choice === undefined) throw new Quit();
  const { style } = ctx.io;
  const verdict = choice === p.answer ? style.ok('Yes.') : `${style.warn('Not quite')} — the answer is ${p.answer}.`;
  say(ctx.io, `${verdict} ${p.explain}\n`);
}

async function runExercise(ctx: TutorialContext, lesson: Lesson, ex: ExerciseBlock): Promise<void> {
  const { io } = ctx;
  const lp = lessonProgress(ctx.progress, lesson.id);
  say(io, `${io.style.bold('Exercise')} (${ex.id}): ${ex.task}`);
  const judge = new Judge(ctx.backend, await planFor(ctx.backend, ex));
  let hintsShown = 0;
  for (;;) {
    const line = (await ask(ctx, HELP_EXERCISE)).trim();
    if (line === '') continue;
    if (line === '.hint') {
      say(io, hintsShown < ex.hints.length ? `hint ${hintsShown + 1}/${ex.hints.length}: ${ex.hints[hintsShown++]}` : 'No more hints: .answer shows the answer.');
    } else if (line === '.skip' || line === '.answer') {
      if (line === '.answer') io.out(`One answer: ${io.style.info(ex.answer)}\n`);
      if (!lp.solved.includes(ex.id) && !lp.skipped.includes(ex.id)) lp.skipped.push(ex.id);
      save(ctx);
      io.out('\n');
      return;
    } else {
      const verdict = await judge.judge(ex, line);
      say(io, verdict.correct ? io.style.ok(formatVerdict(verdict)) : io.style.warn('Not yet. ') + formatVerdict(verdict));
      if (verdict.correct) {
        markSolved(ctx, lesson.id, ex.id);
        if (line.replace(/\s+/g, '') !== ex.answer.replace(/\s+/g, '')) io.out(`The reference answer: ${io.style.info(ex.answer)}\n`);
        io.out('\n');
        return;
      }
    }
  }
}

function markSolved(ctx: TutorialContext, lessonId: string, exerciseId: string): void {
  const lp = lessonProgress(ctx.progress, lessonId);
  if (!lp.solved.includes(exerciseId)) lp.solved.push(exerciseId);
  lp.skipped = lp.skipped.filter((s) => s !== exerciseId);
  save(ctx);
}

/** Writes feedback lines wrapped at word boundaries to the screen (each line on its own). */
function say(io: IO, text: string): void {
  const width = Math.min(io.columns, 100) - 1;
  io.out(text.split('\n').flatMap((line) => (line === '' ? [''] : wrap(line, width))).join('\n') + '\n');
}
