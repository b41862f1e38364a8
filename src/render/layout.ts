// A plain aligned table (no borders, two spaces between columns, like kubectl
// and gh) that fits a width: label columns shrink with an ellipsis before
// anything else, value columns never do.

import type { Style } from '../util/style.js';
import { padEnd, padStart, truncate, visibleWidth } from './text.js';

export interface Column {
  header: string;
  align: 'left' | 'right';
  /** Never shrunk (values). */
  fixed?: boolean;
  /** Narrowest this column may shrink to. */
  minWidth?: number;
  /** Colour for cells (applied after truncation). */
  paint?: (s: string) => string;
}

const GAP = 2;

/** Each column's widest cell or header, in terminal columns (nothing cut). */
export function naturalWidths(columns: Column[], rows: string[][]): number[] {
  return columns.map((c, i) => rows.reduce((w, r) => Math.max(w, visibleWidth(r[i] ?? '')), visibleWidth(c.header)));
}

/** Column widths that fit `maxWidth`, or undefined when even the minimums do not fit. */
export function fitWidths(columns: Column[], rows: string[][], maxWidth: number): number[] | undefined {
  const widths = naturalWidths(columns, rows);
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const mins = columns.map((c, i) => (c.fixed ? widths[i]! : Math.min(widths[i]!, c.minWidth ?? 8)));
  while (total() > maxWidth) {
    // Shrink the widest shrinkable column by one: keeps the table balanced.
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > mins[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) return undefined;
    widths[widest]!--;
  }
  return widths;
}

export function renderTable(columns: Column[], rows: string[][], widths: number[], style: Style): string[] {
  const cell = (text: string, i: number, header: boolean): string => {
    const col = columns[i]!;
    const cut = truncate(text, widths[i]!);
    const painted = header ? style.bold(cut) : col.paint ? col.paint(cut) : cut;
    const last = i === columns.length - 1;
    if (col.align === 'right') return padStart(painted, widths[i]!);
    return last ? painted : padEnd(painted, widths[i]!);
  };
  const line = (r: string[], header: boolean) =>
    r
      .map((t, i) => cell(t, i, header))
      .join(' '.repeat(GAP))
      .replace(/\s+$/, '');
  return [
    line(
      columns.map((c) => c.header),
      true,
    ),
    ...rows.map((r) => line(r, false)),
  ];
}
