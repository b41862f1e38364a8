// The lessons' public face for the CLI and the REPL.

import { t } from '../util/messages/index.js';
import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import { UsageError } from '../errors.js';
import { padEnd, visibleWidth, wrap } from '../render/text.js';
import type { Verdict } from './judge.js';
import { judgeFor } from './worlds.js';
import { lessonBackend, lessonDataNote } from './dataset.js';
import { findLesson, loadCourseOrThrow } from './load.js';
import type { ExerciseBlock, Lesson } from './model.js';
import { exercisesOf } from './model.js';
import { lessonProgress, loadProgress, trySaveProgress, type Progress } from './progress.js';
import { stateDir } from '../util/state-dir.js';
import { choosePrompter, type Prompter } from './prompter.js';
import { resumeIndex, runLesson, type Ending } from './tutorial.js';

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
  const progress = loadProgress(dir, (msg) => io.err(io.errStyle.warn(t('render.warning', { text: msg })) + '\n'));
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
  if (opts.restart || lp.done) Object.assign(lp, { step: 0, stepId: undefined, done: false });
  const from = resumeIndex(lesson, lp.stepId, lp.step);
  if (from > 0) s.io.out(s.io.style.dim(t('lessons.resuming', { n: from + 1, title: lesson.steps[from].title })) + '\n');
  const note = await lessonDataNote(s.backend, lesson);
  if (note) s.io.out(s.io.style.dim(note) + '\n');
  const backend = await lessonBackend(s.backend, lesson);
  const prompter = opts.prompter ?? choosePrompter(s.io);
  try {
    return await runLesson({ io: s.io, backend, prompter, progress: s.progress, stateDir: s.stateDir }, lesson, from);
  } finally {
    if (!opts.prompter) prompter.close();
  }
}

/** The lesson after `lesson`, if any. */
export function nextLesson(s: Session, lesson: Lesson): Lesson | undefined {
  return s.lessons[s.lessons.indexOf(lesson) + 1];
}

/** One line per lesson for a menu: mark, number, title, progress. */
export function lessonLabel(s: Session, l: Lesson): string {
  const lp = s.progress.lessons[l.id];
  const total = exercisesOf(l).length;
  const mark = lp?.done ? '✓' : lp && (lp.step > 0 || lp.solved.length > 0) ? '▸' : ' ';
  const where = lp && !lp.done && (lp.stepId || lp.step > 0) ? t('lessons.atStep', { n: resumeIndex(l, lp.stepId, lp.step) + 1, total: l.steps.length }) : '';
  return `${mark} ${String(l.number).padStart(2)}  ${l.title}  (${t('lessons.solvedCount', { solved: lp?.solved.length ?? 0, total })}${where})`;
}

/**
 * `promlearn learn` on a terminal: a menu of the lessons with progress, the
 * current one preselected; after a lesson, the next is offered. Resolves when
 * the learner leaves the menu or quits a lesson.
 */
export async function lessonMenu(s: Session, prompter: Prompter, start?: Lesson, restart = false): Promise<void> {
  let chosen = currentLesson(s)?.id;
  for (let first = true; ; first = false) {
    let lesson: Lesson | undefined = first ? start : undefined;
    if (!lesson) {
      const choices = [...s.lessons.map((l) => ({ name: lessonLabel(s, l), value: l.id })), { name: `  ${t('lessons.quit')}`, value: '.quit' }];
      const id = await prompter.select(t('lessons.choose'), choices, chosen);
      if (id === undefined || id === '.quit') return;
      lesson = s.lessons.find((l) => l.id === id)!;
    }
    while (lesson) {
      if ((await walkLesson(s, lesson, { prompter, restart: restart && first && lesson === start })) === 'quit') return;
      const next = nextLesson(s, lesson);
      if (!next) {
        s.io.out(t('lessons.lastDone') + '\n');
        return;
      }
      const go = await prompter.select(t('lessons.continueWith', { n: next.number, title: next.title }), [
        { name: t('lessons.yesLesson', { n: next.number }), value: 'next' },
        { name: t('lessons.backToMenu'), value: 'menu' },
        { name: t('lessons.quit'), value: 'quit' },
      ]);
      if (go === undefined || go === 'quit') return;
      chosen = next.id;
      lesson = go === 'next' ? next : undefined;
    }
  }
}

/**
 * For the REPL's `.lesson`: continues the current lesson at its saved step
 * (prompting with @inquirer/prompts on a terminal; the caller pauses its own
 * line editor meanwhile). Resolves when the learner quits or finishes.
 */
/** @public — loaded by name from the REPL's `.lesson` (src/repl/meta.ts). */
export async function openCurrentExercise(io: IO, backend: Backend, prompter?: Prompter): Promise<Ending | 'all-done'> {
  const s = openSession(io, backend);
  const lesson = currentLesson(s);
  if (!lesson) {
    io.out(t('lessons.allFinished') + '\n');
    return 'all-done';
  }
  return walkLesson(s, lesson, { prompter });
}

/** An exercise by id or 1-based number within the lesson. */
export function findExercise(lesson: Lesson, ref: string): ExerciseBlock {
  const all = exercisesOf(lesson);
  const found = /^\d+$/.test(ref) ? all[Number(ref) - 1] : all.find((e) => e.id === ref);
  if (!found) throw new UsageError(
      t('lessons.noExercise', { lesson: lesson.id, ref }),
      t('lessons.exercises', { list: all.map((e, i) => `${i + 1} ${e.id}`).join(', ') }),
    );
  return found;
}

/** Judges one answer non-interactively; a right answer is recorded as solved. */
export async function checkAnswer(s: Session, lessonRef: string, exerciseRef: string, query: string): Promise<Verdict> {
  const lesson = findLesson(s.lessons, lessonRef);
  const ex = findExercise(lesson, exerciseRef);
  const verdict = await (await judgeFor(await lessonBackend(s.backend, lesson), ex)).judge(ex, query);
  if (verdict.correct) {
    const lp = lessonProgress(s.progress, lesson.id);
    if (!lp.solved.includes(ex.id)) lp.solved.push(ex.id);
    // The verdict stands even where progress cannot be saved.
    trySaveProgress(s.stateDir, s.progress, (msg) => s.io.err(s.io.errStyle.warn(t('render.warning', { text: msg })) + '\n'));
  }
  return verdict;
}

/** The lesson list with progress marks, for `promlearn learn`. */
export function formatLessonList(s: Session): string {
  const { style } = s.io;
  const width = Math.max(...s.lessons.map((l) => visibleWidth(l.title)));
  const lines = s.lessons.map((l) => {
    const lp = s.progress.lessons[l.id];
    const total = exercisesOf(l).length;
    const mark = lp?.done ? style.ok('✓') : lp && (lp.step > 0 || lp.solved.length > 0) ? style.info('▸') : ' ';
    const resume = lp ? resumeIndex(l, lp.stepId, lp.step) : 0;
    const where = lp && !lp.done && resume > 0 ? t('lessons.atStep', { n: resume + 1, total: l.steps.length }) : '';
    const summary = wrap(l.summary, s.io.columns - 6).map((line) => `      ${style.dim(line)}`);
    return [`${mark} ${String(l.number).padStart(2)}  ${padEnd(l.title, width)}  ${t('lessons.solvedCount', { solved: lp?.solved.length ?? 0, total })}${where}`, ...summary].join('\n');
  });
  const next = currentLesson(s);
  const tail = '\n' + (next ? t('lessons.startOrResume', { n: next.number }) : t('lessons.allDone'));
  return `${style.bold(t('lessons.header'))}\n${lines.join('\n')}\n${tail}\n`;
}
