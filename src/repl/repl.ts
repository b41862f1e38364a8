// The interactive loop: readline with completion, multi-line input, history
// on disk, Ctrl-R search, Ctrl-C handling and meta-commands. Driven through
// streams so tests can type into it; never calls process.exit.

import { t } from '../util/messages/index.js';
import { createInterface, cursorTo, clearScreenDown, type Interface } from 'node:readline';
import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import { makeStyle, type Style } from '../util/style.js';
import { complete } from './complete.js';
import { HISTORY_LIMIT, HistoryFile } from './history.js';
import { redactEntry } from '../util/secrets.js';
import { stateDir as defaultStateDir } from '../util/state-dir.js';
import { KeyRouter, ReverseSearch, setLine } from './keys.js';
import { META_NAMES, isMetaCommand, runMeta, type MetaHost } from './meta.js';
import { needsMoreInput, scan } from './scan.js';
import { Session, type SessionEnv } from './session.js';

export interface ReplOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: prompts, keys, completion, history. false: piped lines, run and exit. */
  terminal: boolean;
  backend: Backend;
  io: IO;
  /** History directory; default from the environment (see ./history.ts); null: no history file. */
  stateDir?: string | null;
  /** Opens the backend for `.server URL` / `.sample` (undefined). */
  openBackend?: (server: string | undefined) => Promise<Backend>;
  style?: Style;
  /** Unix seconds (tests pin it). */
  now?: () => number;
  completionTtlMs?: number;
  /** Grafana variables (`repl --var`) and the scrape interval behind $__rate_interval. */
  grafana?: { vars?: Record<string, string[]>; scrapeIntervalMs?: number };
}

const CONTINUATION_PROMPT = '...> ';

type TtyOut = NodeJS.WritableStream & { columns?: number; rows?: number };

/** Runs the REPL until `.quit`, Ctrl-D or end of input; resolves to the exit code. */
export async function startRepl(opts: ReplOptions): Promise<number> {
  const { io, terminal } = opts;
  const out = opts.output as TtyOut;
  const style = opts.style ?? (terminal ? io.style : makeStyle(false));
  const env: SessionEnv = {
    io,
    style,
    terminal,
    out: (t) => void out.write(t),
    // Piped: errors to stderr so scripts can tell them from results.
    err: terminal ? (t) => void out.write(t) : (t) => io.err(t),
    columns: () => out.columns || io.columns,
    rows: () => Math.max(5, (out.rows || io.rows) - 1), // keep the prompt on screen
    now: opts.now ?? (() => Date.now() / 1000),
    openBackend: opts.openBackend ?? (() => Promise.reject(new Error('switching backends is not available here'))),
    completionTtlMs: opts.completionTtlMs,
  };
  const session = await Session.open(opts.backend, env);
  if (opts.grafana?.vars) session.vars = { ...opts.grafana.vars };
  if (opts.grafana?.scrapeIntervalMs !== undefined) session.scrapeIntervalMs = opts.grafana.scrapeIntervalMs;
  const loop = new Loop(opts, session, env);
  try {
    await loop.run();
  } finally {
    if (session.ownsBackend) await session.backend.close?.().catch(() => undefined);
  }
  return !terminal && session.failures > 0 ? 1 : 0;
}

class Loop implements MetaHost {
  private readonly rl: Interface;
  private readonly router?: KeyRouter;
  private readonly historyFile?: HistoryFile;
  /** History, newest first: readline's own array, rewritten as whole entries. */
  private entries: string[] = [];
  private pending: string[] = [];
  private warnedHistory = false;

  constructor(
    private readonly opts: ReplOptions,
    readonly session: Session,
    private readonly env: SessionEnv,
  ) {
    const dir = opts.stateDir === undefined ? defaultStateDir(opts.io.env) : opts.stateDir;
    if (opts.terminal && dir !== null) this.historyFile = new HistoryFile(dir);
    this.entries = this.historyFile?.load().reverse() ?? [];
    let input: NodeJS.ReadableStream = opts.input;
    // Assigned below, once the router that needs it exists.
    // eslint-disable-next-line prefer-const
    let search: ReverseSearch | undefined;
    if (opts.terminal) {
      this.router = new KeyRouter(opts.input, (s, key) => search?.handle(s, key) ?? false);
      input = this.router as unknown as NodeJS.ReadableStream;
    }
    this.rl = createInterface({
      input,
      output: opts.output,
      terminal: opts.terminal,
      prompt: session.prompt(),
      history: [...this.entries],
      historySize: HISTORY_LIMIT,
      completer: opts.terminal
        ? (line: string, cb: (err: null, r: [string[], string]) => void) => void this.complete(line).then((r) => cb(null, r))
        : undefined,
      tabSize: 2,
    });
    search = new ReverseSearch(this.rl, opts.output, () => this.entries, env.columns);
    // Each line holds the keys that follow it until it has run and the prompt is back (see KeyRouter).
    this.rl.on('line', () => this.router?.hold());
    this.rl.on('SIGINT', () => this.interrupt());
  }

  async run(): Promise<void> {
    if (this.opts.terminal) {
      const { description, name } = this.session.info;
      this.env.out(this.env.style.dim(t('repl.banner', { name: description || name }) + '\n'));
      this.prompt();
    }
    let quit = false;
    for await (const line of this.rl) {
      if ((await this.handle(line)) === 'quit') {
        quit = true;
        break;
      }
      this.prompt();
      this.router?.release();
    }
    // Ctrl-D leaves the cursor after the prompt: end the line so the shell's prompt starts on its own.
    if (this.opts.terminal && !quit) this.env.out('\n');
    this.rl.close();
    this.router?.detach();
    // Piped input may end without a closing bracket: run it and let the parser say why.
    if (!this.opts.terminal && this.pending.length > 0) await this.session.run(this.takePending());
  }

  private async handle(raw: string): Promise<'quit' | void> {
    // Node 24's readline recalls a multi-line history entry with \r between its rows.
    const line = raw.replace(/\r/g, '\n');
    const soFar = this.pending.join('\n');
    const inString = this.pending.length > 0 && scan(soFar).at(-1)?.unterminated;
    if (isMetaCommand(line) && !inString) {
      this.remember(line.trim());
      if ((await runMeta(line, this)) === 'quit') return 'quit';
      return;
    }
    // An empty line while continuing ends the entry: a missing bracket must not
    // swallow every later line. The parser then says what is missing, with a caret.
    if (this.pending.length > 0 && line.trim() === '' && !inString) {
      const unfinished = this.takePending();
      this.remember(unfinished);
      await this.session.run(unfinished);
      return;
    }
    this.pending.push(line);
    const text = this.pending.join('\n');
    if (scan(text).length === 0) {
      this.pending = []; // blank line or only a comment
      return;
    }
    if (needsMoreInput(text)) {
      if (this.pending.length === 1) this.continuationHint();
      return;
    }
    this.pending = [];
    this.remember(text);
    await this.session.run(text);
  }

  /** Said once per unfinished entry, when the continuation prompt first shows: how to finish it or get out. */
  private continuationHint(): void {
    if (!this.opts.terminal) return;
    this.env.out(this.env.style.dim(t('repl.continuation')) + '\n');
  }

  private takePending(): string {
    const text = this.pending.join('\n');
    this.pending = [];
    return text;
  }

  private prompt(): void {
    if (!this.opts.terminal) return;
    this.rl.setPrompt(this.pending.length > 0 ? CONTINUATION_PROMPT : this.session.prompt());
    this.rl.prompt();
  }

  /** Records a whole entry: readline added each line of it; replace those with the entry. */
  private remember(raw: string): void {
    if (!this.opts.terminal) return;
    // `.server https://user:pass@host?api_key=k`: credentials never reach the history.
    const entry = redactEntry(raw);
    this.entries = [entry, ...this.entries.filter((e) => e !== entry)].slice(0, HISTORY_LIMIT);
    const live = (this.rl as unknown as { history: string[] }).history;
    live.splice(0, live.length, ...this.entries);
    const err = this.historyFile?.add(entry);
    if (err && !this.warnedHistory) {
      this.warnedHistory = true;
      this.env.err(this.env.style.warn(t('repl.historyNotSaved', { message: err.message })) + '\n');
    }
  }

  /** Ctrl-C: cancel the running query, else drop the typed input, else say how to quit. */
  private interrupt(): void {
    if (this.session.cancel()) return;
    const typed = this.rl.line !== '' || this.pending.length > 0;
    this.rl.write(null, { ctrl: true, name: 'e' }); // to the end of the line before leaving it
    this.pending = [];
    this.env.out(typed ? '^C\n' : `\n${this.env.style.dim(t('repl.toLeave'))}\n`);
    setLine(this.rl, '', false);
    this.prompt();
  }

  private async complete(line: string): Promise<[string[], string]> {
    if (this.pending.length === 0 && /^\s*\.\w*$/.test(line)) {
      const word = line.trim();
      const hits = META_NAMES.filter((n) => n.startsWith(word));
      return [hits.length === 1 ? [hits[0] + ' '] : hits, word];
    }
    const fmtArg = /^\s*\.fmt\s+/.exec(line);
    const text = fmtArg ? line.slice(fmtArg[0].length) : [...this.pending, line].join('\n');
    return complete(text, this.session.source);
  }

  clear(): void {
    this.pending = [];
    if (this.opts.terminal) {
      cursorTo(this.opts.output, 0, 0);
      clearScreenDown(this.opts.output);
    }
  }

  async suspend<T>(fn: () => Promise<T>): Promise<T> {
    this.router?.detach();
    this.rl.pause();
    try {
      return await fn();
    } finally {
      this.router?.attach();
      this.router?.setRawMode(true);
      this.rl.resume();
    }
  }
}
