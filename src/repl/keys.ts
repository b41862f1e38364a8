// Key handling readline lacks: a Ctrl-R reverse history search.
//
// readline reads keys from its input stream and offers no way to swallow one.
// So readline gets a stand-in input (KeyRouter): we read the real terminal's
// keys and pass each on unless the search consumes it.

import { t } from '../util/messages/index.js';
import { EventEmitter } from 'node:events';
import { sliceColumns } from '../util/width.js';
import { clearScreenDown, cursorTo, emitKeypressEvents, moveCursor, type Interface, type Key } from 'node:readline';

type TtyInput = NodeJS.ReadableStream & { setRawMode?(mode: boolean): unknown; isRaw?: boolean };

/**
 * The input stream readline sees: real keypresses, filtered. While held (a
 * query runs), keys are queued instead, so readline neither draws them over the
 * output nor turns them into lines out of turn; release() replays them in
 * order, stopping as soon as one of them holds it again (an Enter that starts
 * the next query). Ctrl-C goes through at once: it cancels the query.
 */
export class KeyRouter extends EventEmitter {
  readonly isTTY = true;
  private held = false;
  private queued: [string | undefined, Key][] = [];
  /** Next queued key to replay (an index, not shift(): a pasted file is tens of thousands of keys). */
  private next = 0;
  private readonly onKey = (s: string | undefined, key: Key) => {
    if (this.held && !(key.ctrl && key.name === 'c')) this.queued.push([s, key]);
    else this.deliver(s, key);
  };
  private readonly onEnd = () => this.emit('end');

  constructor(
    private readonly real: TtyInput,
    private readonly filter: (s: string | undefined, key: Key) => boolean,
  ) {
    super();
    emitKeypressEvents(real);
    this.attach();
  }

  private deliver(s: string | undefined, key: Key): void {
    if (!this.filter(s, key)) this.emit('keypress', s, key);
  }

  /** Queue keys from now on (until release()). */
  hold(): void {
    this.held = true;
  }

  /** Replays queued keys until one of them holds again; then keys flow straight through. */
  release(): void {
    this.held = false;
    while (!this.held && this.next < this.queued.length) {
      const [s, key] = this.queued[this.next++]!;
      this.deliver(s, key);
    }
    if (this.next === this.queued.length) {
      this.queued = [];
      this.next = 0;
    }
  }

  attach(): void {
    this.real.on('keypress', this.onKey);
    this.real.on('end', this.onEnd);
  }

  /** Stops reading the real input (while someone else, e.g. a lesson, uses it). */
  detach(): void {
    this.real.removeListener('keypress', this.onKey);
    this.real.removeListener('end', this.onEnd);
  }

  setRawMode(mode: boolean): this {
    this.real.setRawMode?.(mode);
    return this;
  }

  get isRaw(): boolean {
    return Boolean(this.real.isRaw);
  }

  pause(): this {
    this.real.pause();
    return this;
  }

  resume(): this {
    this.real.resume();
    return this;
  }

  isPaused(): boolean {
    return this.real.isPaused();
  }
}

/** readline keeps these on the instance; they are readable (documented) but not settable in its types. */
interface RlState {
  line: string;
  cursor: number;
  prevRows?: number;
}

/** Replaces readline's line and redraws prompt + line where the cursor is. */
export function setLine(rl: Interface, text: string, redraw = true): void {
  const st = rl as unknown as RlState;
  st.line = text;
  st.cursor = text.length;
  st.prevRows = 0;
  if (redraw) rl.prompt(true);
}

/**
 * Minimal reverse-i-search: Ctrl-R starts it, typing narrows, Ctrl-R again
 * finds older matches, Backspace widens, Enter runs the match, Esc/Ctrl-G
 * cancels, any other key keeps the match for editing and acts on it.
 */
export class ReverseSearch {
  private active = false;
  private query = '';
  private index = -1;
  private original = '';

  constructor(
    private readonly rl: Interface,
    private readonly output: NodeJS.WritableStream,
    /** History, newest first. */
    private readonly entries: () => readonly string[],
    private readonly columns: () => number,
  ) {}

  /** Handles a key; true when it was consumed. */
  handle(s: string | undefined, key: Key): boolean {
    if (!this.active) {
      if (key.ctrl && key.name === 'r') {
        this.start();
        return true;
      }
      return false;
    }
    if (key.ctrl && key.name === 'r') {
      this.find(this.index + 1);
    } else if (key.name === 'backspace') {
      this.query = [...this.query].slice(0, -1).join('');
      this.find(0);
    } else if (key.name === 'escape' || (key.ctrl && (key.name === 'g' || key.name === 'c'))) {
      this.finish(this.original);
    } else if (s && s.length === 1 && !key.ctrl && !key.meta && s >= ' ' && key.name !== 'return' && key.name !== 'enter') {
      this.query += s;
      this.find(Math.max(0, this.index));
    } else if ((key.name === 'return' || key.name === 'enter') && (this.match() ?? '').includes('\n')) {
      // A multi-line entry is submitted whole, past readline's line editor:
      // readline versions disagree on newlines inside its line (Node 24 reads
      // them as row breaks of its own multi-line mode).
      const entry = this.match()!;
      this.finish('', false);
      this.output.write(`${this.rl.getPrompt()}${entry.replace(/\n/g, '\n  ')}\n`);
      this.rl.emit('line', entry);
    } else {
      // Enter, arrows, Tab...: keep the match and let readline act on the key.
      this.finish(this.match() ?? this.original);
      return false;
    }
    return true;
  }

  private start(): void {
    this.active = true;
    this.query = '';
    this.index = -1;
    this.original = this.rl.line;
    // Go to the first row of readline's (maybe wrapped) line; from here on we draw one row.
    const rows = this.rl.getCursorPos().rows;
    if (rows > 0) moveCursor(this.output, 0, -rows);
    this.draw();
  }

  private match(): string | undefined {
    return this.index >= 0 ? this.entries()[this.index] : undefined;
  }

  /** Moves to the first entry at or after `from` containing the query (stays put if none). */
  private find(from: number): void {
    const list = this.entries();
    for (let i = from; i < list.length; i++) {
      if (list[i].includes(this.query)) {
        this.index = i;
        this.draw();
        return;
      }
    }
    if (this.index >= 0 && !(this.match() ?? '').includes(this.query)) this.index = -1;
    this.draw(this.index < 0 || from > this.index);
  }

  private draw(failed = false): void {
    const label = failed && this.query ? t('repl.failedSearch') : t('repl.reverseSearch');
    const shown = (this.match() ?? '').replace(/\n/g, ' ↵ ');
    const text = `${label}'${this.query}': ${shown}`;
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    // One row only: a wrapped line could not be cleared reliably. Cut in
    // terminal columns, so a Hangul entry (2 columns a syllable) does not wrap.
    this.output.write(sliceColumns(text, 0, Math.max(20, this.columns() - 1)));
  }

  private finish(line: string, redraw = true): void {
    this.active = false;
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    setLine(this.rl, line, redraw);
  }
}
