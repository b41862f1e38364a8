// Colour only where it helps, and never with NO_COLOR or when not on a TTY.
// chalk is loaded only when colour is on (src/util/esm-require.ts): a run in a
// pipe or with NO_COLOR never imports it.
import { requireEsm } from './esm-require.js';

type ChalkModule = typeof import('chalk');
let chalk: ChalkModule | undefined;

export interface Style {
  color: boolean;
  error: (s: string) => string;
  warn: (s: string) => string;
  info: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  name: (s: string) => string;
  label: (s: string) => string;
  value: (s: string) => string;
  ok: (s: string) => string;
  /** Distinct colours for chart series, by index. */
  series: (i: number, s: string) => string;
}

/** Whether to colour a stream: NO_COLOR (any non-empty value) wins, then FORCE_COLOR, then TTY. */
export function wantColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const SERIES_COLORS = [
  'cyan',
  'magenta',
  'yellow',
  'green',
  'blue',
  'red',
  'cyanBright',
  'magentaBright',
  'yellowBright',
  'greenBright',
] as const;

const same = (s: string): string => s;

export function makeStyle(color: boolean): Style {
  if (!color) {
    return {
      color,
      error: same,
      warn: same,
      info: same,
      dim: same,
      bold: same,
      name: same,
      label: same,
      value: same,
      ok: same,
      series: (_i, s) => s,
    };
  }
  chalk ??= requireEsm<ChalkModule>(import.meta.url, 'chalk');
  const c = new chalk.Chalk({ level: 1 });
  return {
    color,
    error: c.red,
    warn: c.yellow,
    info: c.cyan,
    dim: c.dim,
    bold: c.bold,
    name: c.bold,
    label: c.cyan,
    value: same,
    ok: c.green,
    series: (i, s) => c[SERIES_COLORS[i % SERIES_COLORS.length]](s),
  };
}

export const PLAIN: Style = makeStyle(false);
