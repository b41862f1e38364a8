// The IO object commands write to: real streams in the CLI, buffers in tests.
import { isatty } from 'node:tty';
import { makeStyle, wantColor, type Style } from './style.js';

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /**
   * Terminal size of stdout; when unknown or not a TTY, $COLUMNS/$LINES, else 80x24.
   * Tables written to a pipe ignore it (they are never cut); charts use it.
   */
  columns: number;
  rows: number;
  /** stdout is a terminal (tables fitted to the screen, progress shown). */
  isTTY: boolean;
  /** stdin is a terminal (interactive prompts allowed). */
  stdinIsTTY: boolean;
  /** stderr is a terminal (progress lines shown); stdout may be piped while it is. */
  stderrIsTTY: boolean;
  style: Style;
  /** Style for stderr (it may be a TTY while stdout is piped). */
  errStyle: Style;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

export function processIO(): IO {
  const color = wantColor(process.stdout);
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    columns: terminalSize(process.stdout.isTTY ? process.stdout.columns : undefined, process.env.COLUMNS, 80),
    rows: terminalSize(process.stdout.isTTY ? process.stdout.rows : undefined, process.env.LINES, 24),
    isTTY: Boolean(process.stdout.isTTY),
    // Asked of the file descriptor: process.stdin makes a stream (a millisecond or two) that most commands never read.
    stdinIsTTY: isatty(0),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    style: makeStyle(color),
    errStyle: makeStyle(wantColor(process.stderr)),
    env: process.env,
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
  };
}

/** The real terminal size, else a positive integer from the environment ($COLUMNS, $LINES), else the default. */
export function terminalSize(real: number | undefined, fromEnv: string | undefined, fallback: number): number {
  if (real && real > 0) return real;
  const n = Number(fromEnv);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** An IO that records output, for tests. */
export function bufferIO(
  opts: Partial<Pick<IO, 'columns' | 'rows' | 'isTTY' | 'env' | 'stdinIsTTY' | 'stderrIsTTY'>> & { color?: boolean } = {},
) {
  const chunks = { out: '', err: '' };
  const style = makeStyle(Boolean(opts.color));
  const io: IO & { output: typeof chunks } = {
    out: (t) => void (chunks.out += t),
    err: (t) => void (chunks.err += t),
    columns: opts.columns ?? 80,
    rows: opts.rows ?? 24,
    isTTY: opts.isTTY ?? false,
    stdinIsTTY: opts.stdinIsTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? opts.isTTY ?? false,
    style,
    errStyle: style,
    env: opts.env ?? {},
    stdin: process.stdin,
    stdout: process.stdout,
    output: chunks,
  };
  return io;
}
