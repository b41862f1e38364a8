// Terminal text helpers: visible width (ignoring colour codes), padding and
// truncation with an ellipsis.

// eslint-disable-next-line no-control-regex -- ESC starts the colour codes it strips
const ANSI_RE = /\u001b\[[0-9;]*m/g;

function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, '');
}

/** Columns a string occupies (code points; colour codes count for nothing). */
export function visibleWidth(s: string): number {
  let n = 0;
  for (const _ of stripAnsi(s)) n++;
  return n;
}

/** Cut plain text to `width` columns, ending with … when cut. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width === 1) return '…';
  return chars.slice(0, width - 1).join('') + '…';
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(s))) + s;
}

/** Wrap plain text at spaces (or hard-cut long words) to lines of at most `width`. */
export function wrap(s: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (visibleWidth(indent + candidate) <= width || line === '') {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((l, i) => hardCut((i > 0 ? indent : '') + l, width));
}

function hardCut(s: string, width: number): string[] {
  if (width <= 0 || visibleWidth(s) <= width) return [s];
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
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
