// Tutorial mode: walks a lesson step by step — prose, examples the learner
// runs (and may edit), predictions, exercises with hints — saving progress
// (by step id) after every step, so quitting (or a crash) loses at most the
// current step and edits to a lesson do not move a learner elsewhere.

import { t } from '../util/messages/index.js';
import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import { PromlearnError } from '../errors.js';
import { formatError } from '../render/error.js';
import { dataRange } from './judge.js';
import { runExercise, say } from './exercise.js';
import type { ExampleBlock, ExerciseBlock, Lesson, PredictBlock, Step } from './model.js';
import { exercisesOf } from './model.js';
import { renderProse } from './prose.js';
import { lessonProgress, trySaveProgress, type Progress } from './progress.js';
import type { Prompter } from './prompter.js';
import { runAndRender } from './show.js';
import { DEFAULT_VIEW, describeView, moveView, viewOf, type View } from './view.js';
import { judgeFor } from './worlds.js';
import { runAlertExercise } from './alert-exercise.js';

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

/** The walk's state: the context, and where the learner's own queries look. */
interface Walk extends TutorialContext {
  view: View;
}

/** The index of the step to resume at: by id, else the saved index (older progress files), else 0. */
export function resumeIndex(lesson: Lesson, stepId: string | undefined, step: number): number {
  if (stepId !== undefined) {
    const i = lesson.steps.findIndex((s) => s.id === stepId);
    if (i >= 0) return i;
  }
  return step >= 0 && step < lesson.steps.length ? step : 0;
}

export async function runLesson(ctx: TutorialContext, lesson: Lesson, fromStep = 0): Promise<Ending> {
  const lp = lessonProgress(ctx.progress, lesson.id);
  ctx.progress.current = lesson.id;
  const walk: Walk = { ...ctx, view: DEFAULT_VIEW };
  const { io } = ctx;
  io.out(io.style.bold(t('tutorial.lessonTitle', { n: lesson.number, title: lesson.title })) + '\n' + io.style.dim(renderProse(lesson.summary, Math.min(io.columns, 100) - 1, io.style)) + '\n');
  try {
    for (let i = fromStep; i < lesson.steps.length; i++) {
      lp.step = i;
      lp.stepId = lesson.steps[i].id;
      save(ctx);
      await runStep(walk, lesson, i);
    }
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
    save(ctx);
    io.out(`\n${t('tutorial.progressSaved', { id: lesson.id })}\n`);
    return 'quit';
  }
  Object.assign(lp, { step: 0, stepId: undefined, done: true });
  save(ctx);
  const total = exercisesOf(lesson).length;
  io.out(`\n${io.style.ok(t('tutorial.lessonComplete'))}: ${t('tutorial.solved', { solved: lp.solved.length, total })}\n`);
  return 'finished';
}

function save(ctx: TutorialContext): void {
  const { io } = ctx;
  if (ctx.stateDir) trySaveProgress(ctx.stateDir, ctx.progress, (msg) => io.err(io.errStyle.warn(`warning: ${msg}`) + '\n'));
}

async function runStep(walk: Walk, lesson: Lesson, index: number): Promise<void> {
  const step: Step = lesson.steps[index];
  const { io } = walk;
  io.out(`\n${io.style.bold(t('tutorial.step', { n: index + 1, total: lesson.steps.length, title: step.title }))}\n\n`);
  for (const block of step.blocks) {
    switch (block.kind) {
      case 'text':
        io.out(renderProse(block.text, Math.min(io.columns, 100) - 1, io.style) + '\n\n');
        break;
      case 'example':
        await runExample(walk, block);
        break;
      case 'predict':
        await runPredict(walk, block);
        break;
      case 'exercise':
        await exercise(walk, lesson, block);
        break;
      case 'alert-exercise':
        await runAlertExercise({ backend: walk.backend, ask: (m) => ask(walk, m), say: (t) => say(io, t), solved: () => markSolved(walk, lesson.id, block.id), skipped: () => io.out('\n') }, block);
        break;
    }
  }
  if (walk.prompter.kind !== 'answers') await playground(walk, index === lesson.steps.length - 1 ? t('tutorial.enterFinish') : t('tutorial.enterNext'));
}

/** Reads a line; end of input or `.quit` ends the lesson. */
async function ask(walk: Walk, message: string, prefill?: string): Promise<string> {
  const line = await walk.prompter.input(message, prefill);
  if (line === undefined || line.trim() === '.quit' || line.trim() === '.q') throw new Quit();
  return line;
}

async function runExample(walk: Walk, ex: ExampleBlock): Promise<void> {
  walk.io.out(`  ${walk.io.style.info(ex.query.replace(/\n/g, '\n  '))}\n`);
  walk.view = viewOf(ex);
  if (walk.prompter.kind === 'answers') return show(walk, ex.query, ex);
  const line = await ask(walk, t('tutorial.runExample'), ex.query);
  await show(walk, line.trim() === '' ? ex.query : line, ex);
}

/** Runs a query where an example (or the view) says, showing errors as feedback rather than failing. */
async function show(walk: Walk, query: string, where: { at?: string; range?: string; focus?: string } = walk.view): Promise<void> {
  try {
    walk.io.out((await runAndRender(walk.io, walk.backend, query, where)) + '\n');
  } catch (e) {
    if (!(e instanceof PromlearnError)) throw e;
    walk.io.out(formatError(e, walk.io.style) + '\n\n');
  }
}

/** Between steps: the learner may try queries (where the last example looked, or .at / .range elsewhere). */
async function playground(walk: Walk, enter: string): Promise<void> {
  const end = (await dataRange(walk.backend)).end;
  for (;;) {
    const line = await ask(walk, t('tutorial.playground', { enter, view: describeView(walk.view, end) }));
    if (line.trim() === '' || line.trim() === '.next') return;
    const moved = moveView(walk.view, line);
    if (moved && 'error' in moved) say(walk.io, walk.io.style.warn(moved.error));
    else if (moved) walk.view = moved.view;
    else await show(walk, line);
  }
}

async function runPredict(walk: Walk, p: PredictBlock): Promise<void> {
  const { style } = walk.io;
  if (walk.prompter.kind === 'answers') {
    say(
      walk.io,
      `${style.bold(t('tutorial.predict'))}: ${p.question}\n${p.choices.map((c) => `  · ${c}`).join('\n')}\n${t('tutorial.theAnswer', { answer: p.answer })} ${p.explain}\n`,
    );
    return;
  }
  const choice = await walk.prompter.select(t('tutorial.predictAsk', { question: p.question }), p.choices.map((c) => ({ name: c, value: c })));
  if (choice === undefined) throw new Quit();
  const verdict = choice === p.answer ? style.ok(t('tutorial.yes')) : `${style.warn(t('tutorial.notQuite'))} ${t('tutorial.answerIs', { answer: p.answer })}`;
  say(walk.io, `${verdict} ${p.explain}\n`);
}

async function exercise(walk: Walk, lesson: Lesson, ex: ExerciseBlock): Promise<void> {
  const host = {
    io: walk.io,
    prompter: walk.prompter,
    judge: await judgeFor(walk.backend, ex),
    view: walk.view,
    show: (q: string) => show(walk, q, host.view),
    quit: (): never => {
      throw new Quit();
    },
  };
  const outcome = await runExercise(host, ex);
  walk.view = host.view;
  const lp = lessonProgress(walk.progress, lesson.id);
  if (outcome === 'solved') return markSolved(walk, lesson.id, ex.id);
  if (!lp.solved.includes(ex.id) && !lp.skipped.includes(ex.id)) lp.skipped.push(ex.id);
  save(walk);
}

function markSolved(walk: Walk, lessonId: string, exerciseId: string): void {
  const lp = lessonProgress(walk.progress, lessonId);
  if (!lp.solved.includes(exerciseId)) lp.solved.push(exerciseId);
  lp.skipped = lp.skipped.filter((s) => s !== exerciseId);
  save(walk);
}
