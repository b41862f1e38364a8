// `promlearn learn --export json`: the whole course as data — lessons, steps
// (with their ids), prose, examples, predictions, and exercises with their
// reference answers, hints and wrong answers — for other tools (a web UI, a
// grader, translations). The shape is the parsed model; see docs/lessons-format.md.

import type { Lesson } from './model.js';

export const EXPORT_FORMAT_VERSION = 1;

export function exportCourse(lessons: Lesson[]): string {
  const course = {
    format: 'promlearn-course',
    version: EXPORT_FORMAT_VERSION,
    lessons: lessons.map((l) => ({
      number: l.number,
      id: l.id,
      title: l.title,
      summary: l.summary,
      file: l.file.split(/[\\/]/).pop(),
      steps: l.steps.map((s) => ({ id: s.id, title: s.title, blocks: s.blocks })),
    })),
  };
  return JSON.stringify(course, null, 2) + '\n';
}
