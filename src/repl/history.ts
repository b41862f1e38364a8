// REPL history on disk, in the state directory (src/util/state-dir.ts); file `history`, mode 0600 (queries can name
// private things). One entry per line, oldest first (appended; see HistoryFile); a multi-line entry stays
// one entry, with its newlines escaped as `\n` (and backslashes as `\\`).

import {
  chmodSync,
  closeSync,
  fchmodSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

/** A lock older than this is left over from a crashed session and is taken over. */
const STALE_LOCK_MS = 10_000;
/** How long an add waits for another session's lock before appending without it. */
const LOCK_WAIT_MS = 500;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The history file is appended to (O_APPEND: one write per entry, so two
 * sessions writing at once never lose each other's entries) and compacted
 * (de-duplicated, capped) once it holds twice the limit. Compaction rewrites
 * the file, so appends and compaction both hold `history.lock`; an append that
 * cannot get it within LOCK_WAIT_MS appends anyway (only a compaction could
 * lose it, and that holds the lock for milliseconds).
 */
export class HistoryFile {
  readonly path: string;
  private readonly lockPath: string;
  /** Lines in the file as far as this session knows (others append too: a lower bound). */
  private lines = 0;

  constructor(
    readonly dir: string,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.path = join(dir, 'history');
    this.lockPath = join(dir, 'history.lock');
  }

  private readLines(): string[] {
    try {
      return readFileSync(this.path, 'utf8')
        .split('\n')
        .filter((l) => l !== '');
    } catch {
      return [];
    }
  }

  /** Entries, oldest first. A missing or unreadable file is an empty history. */
  load(): string[] {
    const lines = this.readLines();
    this.lines = lines.length;
    return dedupe(lines.map(decodeEntry), this.limit);
  }

  /** Appends an entry. Errors (read-only home…) are returned, not thrown: losing history must not end the session. */
  add(entry: string): Error | undefined {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const locked = this.lock();
      try {
        const fd = openSync(this.path, 'a', 0o600);
        try {
          fchmodSync(fd, 0o600); // an older file may have been created wider
          writeSync(fd, encodeEntry(entry) + '\n');
        } finally {
          closeSync(fd);
        }
        this.lines++;
        // Other sessions append too, so past the limit count the file's real lines (holding the lock, nobody rewrites it).
        if (locked && this.lines > this.limit) {
          this.lines = this.readLines().length;
          if (this.lines > 2 * this.limit) this.compact();
        }
      } finally {
        if (locked) rmSync(this.lockPath, { force: true });
      }
      return undefined;
    } catch (e) {
      return e as Error;
    }
  }

  /** Rewrites the file de-duplicated and capped; the caller holds the lock. */
  private compact(): void {
    const entries = dedupe(this.readLines().map(decodeEntry), this.limit);
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, entries.map(encodeEntry).join('\n') + '\n', { mode: 0o600 });
    chmodSync(tmp, 0o600); // the umask cannot widen it, but an old tmp file might exist
    renameSync(tmp, this.path);
    this.lines = entries.length;
  }

  /** Takes history.lock (an exclusively created file); false when another session keeps it. */
  private lock(): boolean {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        closeSync(openSync(this.lockPath, 'wx', 0o600));
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      try {
        if (Date.now() - statSync(this.lockPath).mtimeMs > STALE_LOCK_MS) rmSync(this.lockPath, { force: true });
      } catch {
        // gone meanwhile: try again
      }
      if (Date.now() > deadline) return false;
      sleepSync(2);
    }
  }
}
