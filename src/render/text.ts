// Terminal text helpers: wrapping and label-set text. Widths, padding and
// truncation are in terminal columns (src/util/width.ts, re-exported here).

import { splitColumns, visibleWidth } from '../util/width.js';

export { padEnd, padStart, sliceColumns, truncate, visibleWidth } from '../util/width.js';

/** Wrap plain text at spaces (or hard-cut long words) to lines of at most `width` columns. */
export function wrap(s: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const indentWidth = visibleWidth(indent);
  let line = '';
  let lineWidth = 0;
  for (const word of s.split(' ')) {
    const wordWidth = visibleWidth(word);
    if (line === '') {
      line = word;
      lineWidth = wordWidth;
    } else if (indentWidth + lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
    } else {
      lines.push(line);
      line = word;
      lineWidth = wordWidth;
    }
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((l, i) => splitColumns((i > 0 ? indent : '') + l, width));
}

/** Prometheus's label-set text: {a="x", b="y"} with values escaped as Go %q does for common cases. */
function formatLabelValue(v: string): string {
  return JSON.stringify(v);
}

export function formatLabels(metric: Record<string, string>, names?: string[]): string {
  const keys =
    names ??
    Object.keys(metric)
      .filter((k) => k !== '__name__')
      .sort();
  return '{' + keys.map((k) => `${k}=${formatLabelValue(metric[k] ?? '')}`).join(', ') + '}';
}

/** Series text as Prometheus prints it: name{labels}, or just {labels}. */
export function formatSeries(metric: Record<string, string>): string {
  const name = metric.__name__ ?? '';
  const keys = Object.keys(metric)
    .filter((k) => k !== '__name__')
    .sort(compareBytes);
  if (name && keys.length === 0) return name;
  return name + formatLabels(metric, keys);
}

/** Byte-wise string order, as Go compares strings. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
