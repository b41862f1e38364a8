// `rules test` output, laid out as promtool's:
//
//   Unit Testing:  tests.yml
//     SUCCESS
//
// or "  FAILED:" followed by each failure text and a blank line. The texts
// are promtool's; when the learner reads another language, a line under each
// says what it means (src/rules/problem-notes.ts).

import { currentLang, t } from '../../util/messages/index.js';
import type { Style } from '../../util/style.js';
import { noteLines } from '../files.js';
import { failureNote } from '../problem-notes.js';
import type { TestFileResult } from './run.js';

interface Out {
  out(text: string): void;
  err(text: string): void;
  errStyle: Style;
  columns: number;
}

/** A failure text with our hint and what it means under it (under each line, for a list of FILE:LINE:COL problems). */
function explained(text: string, io: Out, hints: Map<string, string>): string {
  if (currentLang() === 'en') return text;
  const lines = text.split('\n');
  const parts = lines.every((l) => /^\S+:\d+:\d+: /.test(l)) ? lines : [text];
  return parts
    .map((part) => {
      const hint = hints.get(part);
      const note = failureNote(part);
      return [
        part,
        ...(hint ? noteLines(t('error.hint', { hint }), io.errStyle, io.columns) : []),
        ...(note ? noteLines(t('annotation.meaning', { text: note }), io.errStyle, io.columns) : []),
      ].join('\n');
    })
    .join('\n');
}

export function renderTestResults(results: TestFileResult[], io: Out, style: Style): void {
  for (const r of results) {
    io.out(`Unit Testing:  ${r.path}\n`);
    for (const w of r.warnings) io.err(`  ${io.errStyle.warn('WARNING')}: ${explained(w, io, r.hints)}\n`);
    if (r.ok) io.out(`  ${style.ok('SUCCESS')}\n`);
    else {
      io.err(`  ${io.errStyle.error('FAILED')}:\n`);
      // promtool writes each failure to stderr and the blank line after it to stdout.
      for (const e of r.errors) {
        io.err(`${explained(e, io, r.hints)}\n`);
        io.out('\n');
      }
    }
    io.out('\n');
  }
}

export function testResultsJSON(results: TestFileResult[]): unknown {
  return results.map((r) => ({ file: r.path, ok: r.ok, groups: r.groups, errors: r.errors, warnings: r.warnings }));
}
