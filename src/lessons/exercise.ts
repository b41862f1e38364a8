// One exercise in the tutorial: the task, where answers are judged, then a
// loop of attempts. A wrong attempt comes back pre-filled for editing; `.hint`
// climbs the hint ladder, `.answer` shows the reference, `.run QUERY` looks at
// a query's result without judging it, `.at` / `.range` move where it looks.
// With an answers file, one line per exercise and no second attempt.

import { t } from '../util/messages/index.js';
import type { IO } from '../util/io.js';
import { formatError } from '../render/error.js';
import { wrap } from '../render/text.js';
import { dataRange, formatVerdict, type Judge, type Verdict } from './judge.js';
import type { ExerciseBlock } from './model.js';
import type { Prompter } from './prompter.js';
import { describePlan, describeView, moveView, type View } from './view.js';

export interface ExerciseHost {
  io: IO;
  prompter: Prompter;
  judge: Judge;
  /** Where `.run` looks; moved by `.at` / `.range`. */
  view: View;
  /** Runs a query at the view and prints it (errors as feedback). */
  show(query: string): Promise<void>;
  quit(): never;
}

export type ExerciseOutcome = 'solved' | 'skipped' | 'unsolved';


export async function runExercise(host: ExerciseHost, ex: ExerciseBlock): Promise<ExerciseOutcome> {
  const { io } = host;
  say(io, `${io.style.bold(t('exercise.title'))} (${ex.id}): ${ex.task}`);
  say(io, io.style.dim(t('exercise.judgedBy', { plan: describePlan(host.judge.plan) })));
  if (host.prompter.kind === 'answers') return answerFromFile(host, ex);
  const end = (await dataRange(host.judge.backend)).end;
  say(io, io.style.dim(t('exercise.now', { help: t('exercise.help'), view: describeView(host.view, end) })));
  let hintsShown = 0;
  let last: string | undefined;
  for (;;) {
    const raw = await host.prompter.input(t('exercise.yourAnswer'), last);
    if (raw === undefined || ['.quit', '.q'].includes(raw.trim())) host.quit();
    const line = raw.trim();
    if (line === '') continue;
    const moved = moveView(host.view, line);
    if (moved) {
      if ('error' in moved) say(io, io.style.warn(moved.error));
      else host.view = moved.view;
      if (!('error' in moved)) say(io, io.style.dim(t('exercise.runNow', { view: describeView(host.view, end) })));
      continue;
    }
    if (line === '.hint') {
      say(io, hintsShown < ex.hints.length
          ? t('exercise.hint', { n: hintsShown + 1, total: ex.hints.length, hint: ex.hints[hintsShown++]! })
          : t('exercise.noMoreHints'),);
    } else if (line === '.skip' || line === '.answer') {
      if (line === '.answer') io.out(`${t('exercise.oneAnswer', { answer: io.style.info(ex.answer) })}\n\n`);
      return 'skipped';
    } else if (/^\.run\b/.test(line)) {
      last = line.replace(/^\.run\s*/, '');
      if (last) await host.show(last);
    } else if (line.startsWith('.')) {
      say(io, io.style.warn(t('exercise.unknownCommand', { command: line.split(/\s/)[0]!, help: t('exercise.help') })));
    } else {
      const verdict = await host.judge.judge(ex, line);
      report(io, verdict, ex, line);
      if (verdict.correct) return 'solved';
      last = line;
    }
  }
}

/** `--answers FILE`: the next line answers this exercise (empty or `.skip` skips it). */
async function answerFromFile(host: ExerciseHost, ex: ExerciseBlock): Promise<ExerciseOutcome> {
  const line = await host.prompter.input(t('exercise.queryFor', { id: ex.id }));
  if (line === undefined || ['.quit', '.q'].includes(line.trim())) host.quit();
  if (line.trim() === '' || line.trim() === '.skip') return 'skipped';
  const verdict = await host.judge.judge(ex, line.trim());
  report(host.io, verdict, ex, line.trim());
  return verdict.correct ? 'solved' : 'unsolved';
}

function report(io: IO, verdict: Verdict, ex: ExerciseBlock, answer: string): void {
  if (verdict.error) {
    // Not wrapped: the caret must stay under its character.
    if (verdict.matchedWrong) say(io, io.style.warn(t('exercise.notYet')) + verdict.matchedWrong.feedback);
    io.out(formatError(verdict.error, io.style) + '\n');
    return;
  }
  say(io, verdict.correct ? io.style.ok(formatVerdict(verdict)) : io.style.warn(t('exercise.notYet')) + formatVerdict(verdict));
  if (verdict.correct && answer.replace(/\s+/g, '') !== ex.answer.replace(/\s+/g, '')) io.out(`${t('exercise.reference', { answer: io.style.info(ex.answer) })}\n`);
  if (verdict.correct) io.out('\n');
}

/** Writes feedback lines wrapped at word boundaries to the screen (each line on its own). */
export function say(io: IO, text: string): void {
  const width = Math.min(io.columns, 100) - 1;
  io.out(text.split('\n').flatMap((line) => (line === '' ? [''] : wrap(line, width))).join('\n') + '\n');
}
