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

const LEADING_MINUS_HINT = "hint: if your answer starts with '-', put -- before the arguments: promlearn learn check 4 1 -- '-(...)'";

export function register(program: Command, deps: CommandDeps): void {
  const learn = addBackendOptions(
    program
      .command('learn')
      .description('guided lessons: learn PromQL step by step on the sample dataset')
      .argument('[lesson]', 'lesson number or id (e.g. 5 or rate)')
      .option(
        '--answers <file>',
        'answer the exercises from a file, one line per exercise (empty or .skip skips one); examples run as written',
      )
      .option('--restart', 'walk the lesson from its first step')
      .option('--reset', 'forget your progress (of one lesson, or all)')
      .option(
        '--validate',
        'check every lesson file, English and translations: format, examples, answers, prom-client snippets (for lesson authors)',
      )
      .option('--export <format>', 'print the whole course as data (format: json)'),
  )
    // The default term ("check [options] <lesson> <exercise> <query>") is so wide that commander stops wrapping the help.
    .configureHelp({ subcommandTerm: (c) => `${c.name()} <lesson> <exercise> <query>` })
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn learn                          # a menu of the lessons, with your progress
  $ promlearn learn 5                        # walk lesson 5 (or: promlearn learn rate)
  $ promlearn learn 5 --restart              # from its first step again
  $ promlearn learn --lang ko                # the lessons in Korean (or PROMLEARN_LANG=ko, or LANG=ko_KR.UTF-8)
  $ promlearn learn 5 --answers answers.txt  # one line per exercise of lesson 5
  $ promlearn learn --export json > course.json
  $ promlearn learn check 5 per-second 'rate(http_requests_total{job="frontend"}[5m])'
  $ promlearn learn --reset 5                # forget lesson 5's progress (all without a number)

In an exercise: Up/Down recall your attempts (a wrong one comes back ready to
edit), Tab completes metric and label names, .hint climbs the hints, .answer
shows one, .run QUERY looks without judging, .at -4h45m / .range 30m move
where it looks.

Progress is kept in $PROMLEARN_STATE_DIR, else $XDG_STATE_HOME/promlearn or
~/.local/state/promlearn. Exit codes: 0 ok (check: right), 1 wrong or query
error, 2 usage error.`,
    )
    .action((lesson: string | undefined, opts: LearnOptions) => runLearn(deps, lesson, opts));

  addBackendOptions(
    learn
      .command('check')
      .description('judge an answer to an exercise without prompts (exit 0 right, 1 wrong, 2 bad usage)')
      .argument('<lesson>', 'lesson number or id')
      .argument('<exercise>', 'exercise number within the lesson, or its id')
      .argument('<query>', 'your PromQL answer'),
  )
    // An answer such as '-(a - b)' reads as an option; main.ts's leading-minus hint only knows a command's first argument.
    .configureOutput({
      outputError: (text, write) => write(/unknown option '-(?!-)/.test(text) ? `${text}${LEADING_MINUS_HINT}\n` : text),
    })
    .addHelpText(
      'after',
      `\nExample:\n  $ promlearn learn check 5 per-second 'rate(http_requests_total{job="frontend"}[5m])'\n  $ promlearn learn check rate 1 'increase(http_requests_total{job="frontend"}[5m])'   # exit 1, with feedback`,
    )
    .action((lesson: string, exercise: string, query: string, opts: BackendOptions) => runCheck(deps, lesson, exercise, query, opts));
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
  if (format !== 'json') throw new UsageError(`unknown export format "${format}"`, 'use --export json');
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
    return io.out('Progress reset for every lesson.\n');
  }
  const { findLesson, loadCourseOrThrow } = await import('../lessons/load.js');
  const lesson = findLesson(loadCourseOrThrow(io.env), lessonRef);
  const progress = loadProgress(dir, (m) => io.err(`warning: ${m}\n`));
  delete progress.lessons[lesson.id];
  saveProgress(dir, progress);
  io.out(`Progress reset for lesson ${lesson.number} (${lesson.id}).\n`);
}

async function runCheck(deps: CommandDeps, lessonRef: string, exerciseRef: string, query: string, opts: BackendOptions): Promise<void> {
  const { io } = deps;
  const lessons = await import('../lessons/index.js');
  await withBackend(deps, opts, async (backend) => {
    const verdict = await lessons.checkAnswer(lessons.openSession(io, backend), lessonRef, exerciseRef, query);
    if (verdict.error) throw asBadQuery(verdict.error);
    io.out(lessons.formatVerdict(verdict) + '\n');
    if (!verdict.correct) throw new ExitError(1, 'not right yet');
  });
}
