// Rule files from disk, checked: what `rules check` prints and what every
// other rules command requires before it evaluates anything (a file with a
// problem is never half-evaluated).

import { readFileSync } from 'node:fs';
import { caretLines } from '../render/error.js';
import { wrap } from '../render/text.js';
import { currentLang, t } from '../util/messages/index.js';
import type { Style } from '../util/style.js';
import { loadRuleText, type LoadResult } from './load.js';
import { problemNote } from './problem-notes.js';
import type { GroupDef } from './model.js';
import { sortProblems, type Problem } from './yaml-nodes.js';

export class RuleFileReadError extends Error {}

export interface CheckedFile extends LoadResult {
  path: string;
  ruleCount: number;
}

/** Reads and checks one file; an unreadable file throws RuleFileReadError. */
export function checkRuleFile(path: string): CheckedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RuleFileReadError(
      code === 'ENOENT' ? t('rules.noSuchFile', { path }) : t('rules.cannotRead', { path, detail: (e as Error).message }),
    );
  }
  const r = loadRuleText(path, text);
  return { ...r, path, ruleCount: r.file.groups.reduce((n, g) => n + g.rules.length, 0) };
}

export function allProblems(f: CheckedFile): Problem[] {
  return sortProblems([...f.problems, ...f.lint]);
}

/** A line of ours under a problem (a hint, a meaning), indented and wrapped at the terminal's width. */
export function noteLines(text: string, style: Style, columns: number): string[] {
  return wrap(text, columns - 2, '  ').map((l) => style.dim(`  ${l}`));
}

/**
 * FILE:LINE:COL: message in promtool's words, with the expression and a caret
 * for PromQL errors and the hint `query` would give; when the learner reads
 * another language, a line saying what the problem means (`meaning`: rule files' by default).
 */
export function formatProblem(
  file: string,
  p: Problem,
  style: Style,
  columns = 80,
  meaning: (message: string) => string | undefined = problemNote,
): string {
  const lines = [style.error(`${file}:${p.line}:${p.col}: ${p.message}`)];
  // The expression line the error is on, with a caret under the position.
  if (p.query) {
    // A position past the end (after a block scalar's last newline) points at the last character instead.
    const text = p.query.text.replace(/\s+$/, '');
    const len = Buffer.byteLength(text);
    const start = Math.min(p.query.start, len);
    lines.push(...caretLines(text, { start, end: Math.max(start + 1, Math.min(p.query.end, len)) }));
  }
  if (p.hint) lines.push(...noteLines(t('error.hint', { hint: p.hint }), style, columns));
  const note = currentLang() === 'en' ? undefined : meaning(p.message);
  if (note) lines.push(...noteLines(t('annotation.meaning', { text: note }), style, columns));
  return lines.join('\n');
}

/** Groups of files that all passed; throws nothing — callers check `problems` first. */
export function groupsOf(files: CheckedFile[]): GroupDef[] {
  return files.flatMap((f) => f.file.groups);
}
