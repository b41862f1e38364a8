// The learner's progress: one small JSON file in the XDG state directory.
// Writes are atomic (temp file, fsync, rename), so a crash mid-write leaves
// the old file intact (its temp file is removed by the next save); a corrupt
// file is reported and set aside, never fatal.

import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PromlearnError } from '../errors.js';
import { t } from '../util/messages/index.js';

interface LessonProgress {
  /** Index of the step to resume at (kept for older progress files; stepId wins). */
  step: number;
  /** Id of the step to resume at: survives steps added or removed before it. */
  stepId?: string;
  /** Ids of exercises answered right. */
  solved: string[];
  /** Ids of exercises skipped (not solved). */
  skipped: string[];
  /** Every step was walked through. */
  done: boolean;
}

export interface Progress {
  version: 1;
  lessons: Record<string, LessonProgress>;
  /** The lesson last opened, for the REPL's `.lesson`. */
  current?: string;
}

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

export function lessonProgress(p: Progress, id: string): LessonProgress {
  return (p.lessons[id] ??= { step: 0, solved: [], skipped: [], done: false });
}

export function progressFile(dir: string): string {
  return join(dir, 'progress.json');
}

/**
 * Reads the progress file; a missing file is a fresh start. A file that is not
 * valid progress is renamed aside (progress.json.corrupt-<time>) and reported through `warn`.
 */
export function loadProgress(dir: string, warn: (msg: string) => void): Progress {
  const file = progressFile(dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyProgress();
    warn(t('progress.cannotRead', { file, message: (e as Error).message }));
    return emptyProgress();
  }
  const parsed = validProgress(text);
  if (parsed) return parsed;
  const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, backup);
    warn(t('progress.damagedMoved', { file, backup }));
  } catch (e) {
    warn(t('progress.damagedStuck', { file, message: (e as Error).message }));
  }
  return emptyProgress();
}

function validProgress(text: string): Progress | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const p = data as Progress;
  if (!isRecord(p) || p.version !== 1 || !isRecord(p.lessons)) return undefined;
  for (const lp of Object.values(p.lessons)) {
    // The step is an index: a negative or fractional one would point at no step.
    const ok = lp && Number.isSafeInteger(lp.step) && lp.step >= 0 && Array.isArray(lp.solved) && Array.isArray(lp.skipped) && typeof lp.done === 'boolean';
    if (!ok) return undefined;
  }
  return p;
}

/** A JSON object (not an array: `"lessons": []` would take no lesson's progress and save as [] again). */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A temp file of ours: progress.json.<pid>.<random>.tmp */
const TEMP_FILE = /^progress\.json\.(\d+)\.[0-9a-f]+\.tmp$/;
/** A temp file this old is left over from a crash even if its pid now names another process. */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** Removes temp files that a save which crashed before its rename left behind; a live writer's are kept. */
export function removeOrphanTempFiles(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    try {
      const pid = Number(m[1]);
      // Saves are synchronous, so none of this process is in flight (a container may reuse a dead process's pid).
      if (pid !== process.pid && processAlive(pid) && now - statSync(file).mtimeMs < ORPHAN_AGE_MS) continue;
      rmSync(file, { force: true });
    } catch {
      // best effort: another save may have removed it
    }
  }
}

/**
 * Writes atomically: a temp file in the same folder, fsync'd, then renamed over
 * the old one. A directory that cannot be written is a PromlearnError saying where.
 */
export function saveProgress(dir: string, p: Progress): void {
  try {
    writeProgress(dir, p);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new PromlearnError(
      t('progress.cannotSave', { dir, reason: err.code ?? err.message }),
      1,
      t('progress.makeWritable'),
    );
  }
}

/** Saves progress if it can; saving is optional where the result matters more (a verdict, a lesson). */
export function trySaveProgress(dir: string, p: Progress, warn: (msg: string) => void): void {
  try {
    saveProgress(dir, p);
  } catch (e) {
    const err = e as PromlearnError;
    warn(t('progress.notSaved', { message: err.message, hint: err.hint ?? '' }));
  }
}

function writeProgress(dir: string, p: Progress): void {
  mkdirSync(dir, { recursive: true });
  removeOrphanTempFiles(dir);
  const file = progressFile(dir);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, JSON.stringify(p, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDir(dir);
}

/** Makes the rename durable; not every platform can fsync a directory, which is fine. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}
