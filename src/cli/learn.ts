// `promlearn learn`: the guided lessons.
//
//   promlearn learn                      a menu of the lessons with progress (a list when not on a terminal)
//   promlearn learn 5                    walk lesson 5 (resumes where you left off)
//   promlearn learn --export json        the whole course as data
//   promlearn learn check 5 2 '<query>'  judge one answer (exit 0 right, 1 wrong, 2 bad usage)
//   promlearn learn --validate           check the lesson files (for authors)
//   promlearn learn --reset [lesson]     forget progress

import type { Command } from 'commander';
import type { Backend } from '../backends/backend.js';
import { ExitError, PromlearnError, UsageError } from '../errors.js';
import { t } from '../util/messages/index.js';
import { asBadQuery } from './compare.js';
import type { BackendOptions } from '../backends/options.js';
import type { IO } from '../util/io.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';

interface LearnOptions extends BackendOptions {
  answers?: string;
  restart?: boolean;
  reset?: boolean;
  validate?: boolean;
  export?: string;
}

export function register(program: Command, deps: CommandDeps): void {
  const learn = addBackendOptions(
    program
      .command('learn')
      .description(t('cli.learn.description'))
      .argument('[lesson]', t('cli.learn.lesson'))
      .option('--answers <file>', t('cli.learn.answers'))
      .option('--restart', t('cli.learn.restart'))
      .option('--reset', t('cli.learn.reset'))
      .option('--validate', t('cli.learn.validate'))
      .option('--export <format>', t('cli.learn.export')),
  )
    // The default term ("check [options] <lesson> <exercise> <query>") is so wide that commander stops wrapping the help.
    .configureHelp({ subcommandTerm: (c) => `${c.name()} <lesson> <exercise> <query>` })
    .addHelpText('after', t('cli.learn.help'))
    .action((lesson: string | undefined, opts: LearnOptions) => runLearn(deps, lesson, opts));

  addBackendOptions(
    learn
      .command('check')
      .description(t('cli.learn.check.description'))
      .argument('<lesson>', t('cli.learn.check.lesson'))
      .argument('<exercise>', t('cli.learn.check.exercise'))
      .argument('<query>', t('cli.learn.check.query')),
  )
    // An answer such as '-(a - b)' reads as an option; main.ts's leading-minus hint only knows a command's first argument.
    .configureOutput({
      outputError: (text, write) =>
        write(isUnknownShortOption(text) ? `${text}${t('error.hint', { hint: t('cli.learn.check.leadingMinus') })}\n` : text),
    })
    .addHelpText('after', t('cli.learn.check.help'))
    .action((lesson: string, exercise: string, query: string, opts: BackendOptions) => runCheck(deps, lesson, exercise, query, opts));
}

/** Whether a commander error (English, or translated by ./help-text.ts) names an unknown option with one dash, such as '-(a'. */
function isUnknownShortOption(text: string): boolean {
  const [before] = t('commander.unknownOption', { flag: '\u0000' }).split('\u0000');
  return text.includes(`${before}-`) && !text.includes(`${before}--`);
}

async function runLearn(deps: CommandDeps, lessonRef: string | undefined, opts: LearnOptions): Promise<void> {
  const { io } = deps;
  const lessons = await import('../lessons/index.js');
  if (opts.export !== undefined) return runExport(io, opts.export);
  if (opts.validate) return withBackend(deps, opts, (b) => runValidate(io, b));
  if (opts.reset) return runReset(io, lessonRef);
  const terminal = io.stdinIsTTY && io.isTTY && !opts.answers;
  await withBackend(deps, opts, async (backend) => {
    const s = lessons.openSession(io, backend);
    if (!lessonRef && !terminal) return io.out(lessons.formatLessonList(s));
    const { findLesson } = await import('../lessons/load.js');
    const { choosePrompter } = await import('../lessons/prompter.js');
    const prompter = choosePrompter(io, opts.answers, await replCompleter(backend));
    try {
      const lesson = lessonRef ? findLesson(s.lessons, lessonRef) : undefined;
      if (terminal) return await lessons.lessonMenu(s, prompter, lesson, opts.restart);
      if ((await lessons.walkLesson(s, lesson!, { restart: opts.restart, prompter })) === 'finished') {
        const next = lessons.nextLesson(s, lesson!);
        io.out((next ? t('lessons.next', { n: next.number, title: next.title }) : t('lessons.wasLast')) + '\n');
      }
    } finally {
      prompter.close();
    }
  });
}

/** Tab completion in the exercise prompt: the REPL's (metric names, labels, functions), over this backend. */
async function replCompleter(backend: Backend): Promise<(line: string) => Promise<[string[], string]>> {
  const { CompletionSource } = await import('../repl/cache.js');
  const { complete } = await import('../repl/complete.js');
  const source = new CompletionSource(backend);
  return (line) => complete(line, source);
}

async function runExport(io: IO, format: string): Promise<void> {
  if (format !== 'json') throw new UsageError(t('usage.exportUnknown', { format }), t('usage.exportUnknown.hint'));
  const { exportCourse } = await import('../lessons/export.js');
  const { loadCourseOrThrow } = await import('../lessons/load.js');
  io.out(exportCourse(loadCourseOrThrow(io.env)));
}

async function runValidate(io: IO, backend: Backend): Promise<void> {
  const { validateCourse, validationFailure, validationSummary } = await import('../lessons/validate.js');
  const { defaultLessonsDir } = await import('../lessons/load.js');
  const { formatProblem } = await import('../lessons/model.js');
  const r = await validateCourse(defaultLessonsDir(io.env), backend);
  for (const p of r.problems) io.out(formatProblem(p) + '\n');
  if (r.problems.length > 0) throw new PromlearnError(validationFailure(r), 1);
  io.out(`${io.style.ok('ok')}: ${validationSummary(r)}\n`);
}

async function runReset(io: IO, lessonRef: string | undefined): Promise<void> {
  const { loadProgress, saveProgress, emptyProgress } = await import('../lessons/progress.js');
  const { stateDir } = await import('../util/state-dir.js');
  const dir = stateDir(io.env);
  if (!lessonRef) {
    saveProgress(dir, emptyProgress());
    return io.out(t('learn.resetAll') + '\n');
  }
  const { findLesson, loadCourseOrThrow } = await import('../lessons/load.js');
  const lesson = findLesson(loadCourseOrThrow(io.env), lessonRef);
  const progress = loadProgress(dir, (m) => io.err(t('note.warning', { message: m }) + '\n'));
  delete progress.lessons[lesson.id];
  saveProgress(dir, progress);
  io.out(t('learn.resetLesson', { n: lesson.number, id: lesson.id }) + '\n');
}

async function runCheck(deps: CommandDeps, lessonRef: string, exerciseRef: string, query: string, opts: BackendOptions): Promise<void> {
  const { io } = deps;
  const lessons = await import('../lessons/index.js');
  await withBackend(deps, opts, async (backend) => {
    const verdict = await lessons.checkAnswer(lessons.openSession(io, backend), lessonRef, exerciseRef, query);
    if (verdict.error) throw asBadQuery(verdict.error);
    io.out(lessons.formatVerdict(verdict) + '\n');
    // The verdict is printed already: only the exit code is left to give.
    if (!verdict.correct) throw new ExitError(1);
  });
}
