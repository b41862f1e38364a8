// What the pieces of a rendering share, resolved once from RenderOptions.
import type { Unit } from './format.js';
import type { Style } from '../util/style.js';
import { wrap } from './text.js';
import { t } from '../util/messages/index.js';

export interface RenderContext {
  style: Style;
  columns: number;
  rows: number;
  /** Max rows (tables) or series (charts); Infinity = no limit. */
  limit: number;
  /** Whether `limit` was fitted to the screen (changes the note's advice). */
  fitted: boolean;
  /** Unit of values whose series lost their name, read from the query. */
  queryUnit: Unit;
  query?: string;
  advice: Advice;
}

/** How to say "see more" where the result is shown: flags on the CLI, meta-commands in the REPL. */
export interface Advice {
  showAll: string;
  csv: string;
  listMetrics: string;
  listSeries: (selector: string) => string;
}

export const CLI_ADVICE: Advice = {
  showAll: '--limit 0',
  csv: '--output csv',
  listMetrics: '`promlearn metrics`',
  listSeries: (sel) => `\`promlearn series '${sel}'\``,
};

export const REPL_ADVICE: Advice = {
  showAll: '.limit 0',
  csv: '.output csv',
  listMetrics: '`.metrics`',
  listSeries: (selector) => t('render.advice.replSeries', { selector }),
};

/** Rows for a table when no --limit was given: the screen less room for headers and notes. */
export function fittedRowLimit(rows: number): number {
  return Math.max(5, rows - 6);
}

/** The note under a cut table: how many were left out and how to see them (wrapped to fit). */
export function limitNote(shown: number, total: number, what: 'series' | 'histograms', ctx: RenderContext): string[] {
  const text = t('render.limit', {
    more: total - shown,
    what: t(what === 'series' ? 'render.what.series' : 'render.what.histograms'),
    shown,
    total,
    showAll: ctx.advice.showAll,
    csv: ctx.advice.csv,
  });
  return wrap(text, ctx.columns, '  ').map((l) => ctx.style.dim(l));
}
