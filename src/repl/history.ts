// REPL history on disk, in the state directory (src/util/state-dir.ts); file `history`, mode 0600 (queries can name
// private things). One entry per line, oldest first; a multi-line entry stays
// one entry, with its newlines escaped as `\n` (and backslashes as `\\`).

import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORY_LIMIT = 1000;

export function encodeEntry(entry: string): string {
  return entry.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

export function decodeEntry(line: string): string {
  return line.replace(/\\(\\|n)/g, (_m, c: string) => (c === 'n' ? '\n' : '\\'));
}

/** Newest last, without duplicates (the newest copy wins), at most `limit`. */
export function dedupe(entries: string[], limit = HISTORY_LIMIT): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
    const e = entries[i];
    if (e.trim() === '' || seen.has(e)) continue;
    seen.add(e);
    out.push(e);
  }
  return out.reverse();
}

export class HistoryFile {
  readonly path: string;

  constructor(
    readonly dir: string,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.path = join(dir, 'history');
  }

  /** Entries, oldest first. A missing or unreadable file is an empty history. */
  load(): string[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    return dedupe(text.split('\n').filter((l) => l !== '').map(decodeEntry), this.limit);
  }

  /**
   * Adds an entry and rewrites the file. Re-reading first merges what other
   * sessions saved meanwhile. Errors (read-only home…) are returned, not thrown:
   * losing history must not end the session.
   */
  add(entry: string): Error | undefined {
    try {
      const entries = dedupe([...this.load(), entry], this.limit);
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, entries.map(encodeEntry).join('\n') + '\n', { mode: 0o600 });
      chmodSync(tmp, 0o600); // the umask cannot widen it, but an old tmp file might exist
      renameSync(tmp, this.path);
      return undefined;
    } catch (e) {
      return e as Error;
    }
  }
}
