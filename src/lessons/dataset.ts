// A lesson's own data: a lesson whose front matter says `dataset: FILE`
// (lesson 12: a recorded session of the demo app, made by
// scripts/record-demo-session.ts) runs its examples, its playground and its
// judge on that recording instead of the sample; `variant: FILE`, the same
// kind of session with the incidents at other times and on other instances,
// is the judge's second world. This is the one place a lesson's backend is
// chosen. The learner's own choice wins: with --server or --dataset every
// lesson runs on what they named, in one world.

import { basename } from 'node:path';
import type { Backend } from '../backends/backend.js';
import { createLocalBackend } from '../backends/local.js';
import { loadDatasetFile } from '../dataset/load-file.js';
import { PromlearnError } from '../errors.js';
import type { Lesson, Problem } from './model.js';
import { isSample, registerVariant } from './worlds.js';
import { formatMinute, zoneName } from '../util/time.js';
import { t } from '../util/messages/index.js';

/** Recordings are loaded once per process (in this thread: they are small), keyed by path. */
const opened = new Map<string, Promise<Backend>>();

function openRecording(path: string): Promise<Backend> {
  let b = opened.get(path);
  if (!b) {
    const name = basename(path);
    b = loadDatasetFile(path).then((store) => createLocalBackend(store, { name, description: `recorded session ${name} (embedded engine)` }));
    opened.set(path, b);
    b.catch(() => opened.delete(path));
  }
  return b;
}

/** The backend a lesson runs on: its recording when it has one and the session is on the sample, else the session's. */
export async function lessonBackend(session: Backend, lesson: Lesson): Promise<Backend> {
  const d = lesson.dataset;
  if (!d?.path || !(await isSample(session))) return session;
  const main = await openRecording(d.path);
  if (d.variant?.path) registerVariant(main, await openRecording(d.variant.path));
  return main;
}

/** One line for the learner when a lesson runs on its own recording. */
export async function lessonDataNote(session: Backend, lesson: Lesson): Promise<string | undefined> {
  if (!lesson.dataset || !(await isSample(session))) return undefined;
  const info = await (await lessonBackend(session, lesson)).info();
  const range = info.dataRange;
  const when = range ? ` (${formatMinute(range.start)}–${formatMinute(range.end).slice(11)} ${zoneName()})` : '';
  return t('lessons.recorded', { file: lesson.dataset.file, when });
}

/** For --validate: each data file of the lesson loads (a broken file is a problem at its header line). */
export async function datasetProblems(lesson: Lesson): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const f of [lesson.dataset, lesson.dataset?.variant]) {
    if (!f?.path) continue;
    try {
      await openRecording(f.path);
    } catch (e) {
      if (!(e instanceof PromlearnError)) throw e;
      out.push({ file: lesson.file, line: f.line, message: e.message });
    }
  }
  return out;
}
