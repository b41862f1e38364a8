// The lessons' public face for the CLI and the REPL.

import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import { UsageError } from '../errors.js';
import { wrap } from '../render/text.js';
import { Judge, planFor, type Verdict } from './judge.js';
import { findLesson, loadCourseOrThrow } from './load.js';
import type { ExerciseBlock, Lesson } from './model.js';
import { exercisesOf } from './model.js';
import { lessonProgress, loadProgress, saveProgress, type Progress } from './progress.js';
import { stateDir } from '../util/state-dir.js';
import { choosePrompter, type Prompter } from './prompter.js';
import { runLesson, type Ending } from './tutorial.js';

export { formatVerdict } from './judge.js';

export interface Session {
  io: IO;
  backend: Backend;
  lessons: Lesson[];
  progress: Progress;
  stateDir: string;
}

export function openSession(io: IO, backend: Backend): Session {
  const dir = stateDir(io.env);
  const progress = loadProgress(dir, (msg) => io.err(io.errStyle.warn(`warning: ${msg}`) + '\n'));
  return { io, backend, lessons: loadCourseOrThrow(io.env), progress, stateDir: dir };
}

/** The lesson to continue: the one last opened if unfinished, else the first unfinished one. */
function currentLesson(s: Session): Lesson | undefined {
  const done = (l: Lesson) => s.progress.lessons[l.id]?.done ?? false;
  const last = s.lessons.find((l) => l.id === s.progress.current);
  return last && !done(last) ? last : s.lessons.find((l) => !done(l));
}

/** Walks a lesson from its saved step (or the start), with the given or the session's natural prompter. */
export async function walkLesson(s: Session, lesson: Lesson, opts: { restart?: boolean; prompter?: Prompter } = {}): Promise<Ending> {
  const lp = lessonProgress(s.progress, lesson.id);
  if (opts.restart || lp.done) Object.assign(lp, { step: 0, done: false });
  else if (lp.step > 0) s.io.out(s.io.style.dim(`Resuming at step ${lp.step + 1} (use --restart to start over).`) + '\n');
  const prompter = opts.prompter ?? choosePrompter(s.io);
  try {
    return await runLesson({ io: s.io, backend: s.backend, prompter, progress: s.progress, stateDir: s.stateDir }, lesson, lp.step);
  } finally {
    prompter.close();
  }
}

/**
 * For the REPL's `.lesson`: continues the current lesson at its saved step
 * (prompting with @inquirer/prompts on a terminal; the caller pauses its own
 * line editor meanwhile). Resolves when the learner quits or finishes.
 */
export async function openCurrentExercise(io: IO, backend: Backend, prompter?: Prompter): Promise<Ending | 'all-done'> {
  const s = openSession(io, backend);
  const lesson = currentLesson(s);
  if (!lesson) {
    io.out('You have finished every lesson. `promlearn learn <n> --restart` walks one again.\n');
    return 'all-done';
  }
  return walkLesson(s, lesson, { prompter });
}

/** An exercise by id or 1-based number within the lesson. */
function findExercise(lesson: Lesson, ref: string): ExerciseBlock {
  const all = exercisesOf(lesson);
  const found = /^\d+$/.test(ref) ? all[Number(ref) - 1] : all.find((e) => e.id === ref);
  if (!found) throw new UsageError(`lesson ${lesson.id} has no exercise "${ref}"`, `exercises: ${all.map((e, i) => `${i + 1} ${e.id}`).join(', ')}`);
  return found;
}

/** Judges one answer non-interactively; a right answer is recorded as solved. */
export async function checkAnswer(s: Session, lessonRef: string, exerciseRef: string, query: string): Promise<Verdict> {
  const lesson = findLesson(s.lessons, lessonRef);
  const ex = findExercise(lesson, exerciseRef);
  const verdict = await new Judge(s.backend, await planFor(s.backend, ex)).judge(ex, query);
  if (verdict.correct) {
    const lp = lessonProgress(s.progress, lesson.id);
    if (!lp.solved.includes(ex.id)) lp.solved.push(ex.id);
    saveProgress(s.stateDir, s.progress);
  }
  return verdict;
}

/** The lesson list with progress marks, for `promlearn learn`. */
export function formatLessonList(s: Session): string {
  const { style } = s.io;
  const width = Math.max(...s.lessons.map((l) => l.title.length));
  const lines = s.lessons.map((l) => {
    const lp = s.progress.lessons[l.id];
    const total = exercisesOf(l).length;
    const mark = lp?.done ? style.ok('✓') : lp && (lp.step > 0 || lp.solved.length > 0) ? style.info('▸') : ' ';
    const where = lp && !lp.done && lp.step > 0 ? ` · at step ${lp.step + 1}/${l.steps.length}` : '';
    const summary = wrap(l.summary, s.io.columns - 6).map((line) => `      ${style.dim(line)}`);
    return [`${mark} ${String(l.number).padStart(2)}  ${l.title.padEnd(width)}  ${lp?.solved.length ?? 0}/${total} solved${where}`, ...summary].join('\n');
  });
  const next = currentLesson(s);
  const tail = next ? `\nStart or resume: promlearn learn ${next.number}` : '\nAll lessons done.';
  return `${style.bold('Lessons')}\n${lines.join('\n')}\n${tail}\n`;
}
