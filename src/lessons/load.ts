// Finding and loading the course: every `NN-id.md` file in lessons/, in
// number order. The lessons folder ships beside dist/ in the package.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { DEFAULT_LANG, LANGS, langOf, type Lang } from '../util/lang.js';
import type { Lesson, Problem } from './model.js';
import { formatProblem } from './model.js';
import { parseLesson } from './parse.js';
import { t } from '../util/messages/index.js';

/** The bundled lessons folder (from dist/src/lessons/ or src/lessons/: three levels up). */
export function defaultLessonsDir(env: NodeJS.ProcessEnv = {}): string {
  return env.PROMLEARN_LESSONS_DIR || fileURLToPath(new URL('../../../lessons/', import.meta.url));
}

interface Course {
  lessons: Lesson[];
  problems: Problem[];
}

/**
 * A language's lessons: the course folder itself for English (the source),
 * its `ko/` subfolder for Korean (the same file names, translated).
 */
export function lessonsDirFor(root: string, lang: Lang): string {
  return lang === DEFAULT_LANG ? root : join(root, lang);
}

/** The translations a course folder holds: each language other than English with a folder of its own. */
export function translationsOf(root: string): { lang: Lang; dir: string }[] {
  return LANGS.filter((l) => l !== DEFAULT_LANG)
    .map((lang) => ({ lang, dir: lessonsDirFor(root, lang) }))
    .filter((t) => existsSync(t.dir));
}

/**
 * Parses every lesson file in `dir`; problems are collected, not thrown.
 * `dataRoot` is where `dataset:` paths start: the course folder, which a
 * translation shares with the English lessons (lessons/data/).
 */
export function loadCourse(dir: string, dataRoot = dir): Course {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    throw new UsageError(t('lessons.cannotReadFolder', { dir }), t('lessons.setLessonsDir'));
  }
  const lessons: Lesson[] = [];
  const problems: Problem[] = [];
  const shown = (f: string) => relative(process.cwd(), f) || f;
  for (const name of names) {
    const file = join(dir, name);
    const out = parseLesson(readFileSync(file, 'utf8'), shown(file));
    problems.push(...out.problems);
    if (out.lesson?.dataset) problems.push(...resolveDataset(out.lesson.dataset, dataRoot, out.lesson.file));
    if (out.lesson) lessons.push(out.lesson);
  }
  lessons.sort((a, b) => a.number - b.number);
  for (let i = 1; i < lessons.length; i++) {
    const [a, b] = [lessons[i - 1], lessons[i]];
    if (a.number === b.number) problems.push({ file: b.file, line: 1, message: t('validate.numberUsed', { n: b.number, file: a.file }) });
  }
  const ids = new Map<string, string>();
  for (const l of lessons) {
    const other = ids.get(l.id);
    if (other) problems.push({ file: l.file, line: 1, message: t('validate.idUsed', { id: l.id, file: other }) });
    ids.set(l.id, l.file);
  }
  return { lessons, problems };
}

/** Sets the absolute paths of a lesson's `dataset:`/`variant:` files; a missing file is a problem at its line. */
function resolveDataset(d: NonNullable<Lesson['dataset']>, dir: string, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const f of [d, d.variant]) {
    if (!f) continue;
    f.path = resolve(dir, f.file);
    if (!existsSync(f.path)) problems.push({ file, line: f.line, message: t('validate.dataFileMissing', { file: f.file, dir }) });
  }
  return problems;
}

/**
 * The course in the learner's language (src/util/lang.ts), or a UsageError
 * listing the broken files (for learners, who cannot fix them). A course
 * folder of one's own (PROMLEARN_LESSONS_DIR) without that language's
 * subfolder is shown in English.
 */
export function loadCourseOrThrow(env: NodeJS.ProcessEnv): Lesson[] {
  const root = defaultLessonsDir(env);
  const dir = lessonsDirFor(root, langOf(env));
  const course = loadCourse(existsSync(dir) ? dir : root, root);
  if (course.problems.length > 0) {
    throw new UsageError(t('lessons.haveMistakes', { problems: course.problems.map(formatProblem).join('\n') }), t('lessons.runValidate'));
  }
  return course.lessons;
}

/** A lesson by id (`rate`), number (`5`, `05`) or file name. */
export function findLesson(lessons: Lesson[], ref: string): Lesson {
  const byNumber = /^\d+$/.test(ref) ? lessons.find((l) => l.number === Number(ref)) : undefined;
  const found = byNumber ?? lessons.find((l) => l.id === ref || l.file.endsWith(`/${ref}`) || `${String(l.number).padStart(2, '0')}-${l.id}` === ref);
  if (!found) {
    throw new UsageError(t('lessons.noLesson', { ref }), t('lessons.lessonList', { list: lessons.map((l) => `${l.number} ${l.id}`).join(', ') }));
  }
  return found;
}
