// A spinner on stderr while something slow runs (a query, a listing, a
// search), so a terminal user sees that promlearn is working and that Ctrl-C
// is there. Only where stderr is a terminal (never in pipes, files or tests),
// only after a delay (fast commands never flash it), and always cleared
// before anything else is written: while it spins, the IO's out() and err()
// first erase its line, so results, warnings and -v logs never share it.
// It uses no colour, so NO_COLOR does not concern it.

import type { IO } from './io.js';

export interface SpinnerOptions {
  /** Nothing is drawn for work that ends sooner (ms). */
  delayMs?: number;
  /** Time between frames (ms). */
  intervalMs?: number;
}

const UNICODE_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ASCII_FRAMES = ['|', '/', '-', '\\'];

/** IOs with a spinner running: a nested one (a search inside a query) adds nothing. */
const spinning = new WeakSet<IO>();

function frames(env: IO['env']): string[] {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale) ? UNICODE_FRAMES : ASCII_FRAMES;
}

/**
 * Runs `work` with a spinner and `label` on stderr once it has taken longer than
 * the delay (300 ms by default); the spinner's line is erased before `work` settles.
 */
export async function withSpinner<T>(io: IO, label: string, work: () => Promise<T>, opts: SpinnerOptions = {}): Promise<T> {
  if (!io.stderrIsTTY || spinning.has(io)) return work();
  const { out, err } = io;
  const shapes = frames(io.env);
  const started = Date.now();
  let drawn = 0; // width of the spinner line now on screen
  let n = 0;
  const erase = () => {
    if (drawn === 0) return;
    err('\r' + ' '.repeat(drawn) + '\r');
    drawn = 0;
  };
  const draw = () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // One line, narrower than the terminal: a wrapped line could not be erased with \r.
    const text = `${shapes[n++ % shapes.length]} ${label} ${seconds}s`.slice(0, Math.max(10, io.columns - 1));
    err('\r' + text + ' '.repeat(Math.max(0, drawn - text.length)));
    drawn = Math.max(drawn, text.length);
  };
  let interval: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, opts.intervalMs ?? 100);
    interval.unref();
  }, opts.delayMs ?? 300);
  delay.unref();
  spinning.add(io);
  io.out = (text) => (erase(), out(text));
  io.err = (text) => (erase(), err(text));
  try {
    return await work();
  } finally {
    clearTimeout(delay);
    clearInterval(interval);
    erase();
    io.out = out;
    io.err = err;
    spinning.delete(io);
  }
}
