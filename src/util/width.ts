// Text measured in terminal columns, the one place that knows how wide text is
// on screen: East Asian Wide and Fullwidth characters (Hangul, CJK, fullwidth
// forms) take 2 columns, combining marks and other zero-width characters 0,
// ANSI colour codes 0 (string-width, with its Unicode tables). Everything that
// aligns or cuts text for a terminal (tables, chart legends and axes, wrapping,
// carets under a query, the explain tree, the REPL's search line) goes through
// here, so a label value like {service="결제"} lines up with ASCII ones.
//
// Printable ASCII (almost every table cell) takes a fast path: one column per
// UTF-16 unit, no segmentation.

import stringWidth from 'string-width';

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
// Text of printable ASCII and the common wide letters (Hangul syllables and
// compatibility jamo but the filler U+3164, CJK ideographs) only: one column or two per UTF-16 unit,
// no segmentation needed (string-width's segmenting costs ~70 µs a cell).
const SIMPLE_WIDE = /^[\x20-\x7e\u3131-\u3163\u3165-\u318e\u4e00-\u9fff\uac00-\ud7a3]*$/;
const WIDE_CHAR = /[\u3131-\u3163\u3165-\u318e\u4e00-\u9fff\uac00-\ud7a3]/;
// eslint-disable-next-line no-control-regex -- ESC starts the colour (SGR) codes kept whole when cutting
const ANSI_RE = /\u001b\[[0-9;]*m/g;

let segmenter: Intl.Segmenter | undefined;

function isPlainAscii(s: string): boolean {
  return !NOT_PRINTABLE_ASCII.test(s);
}

/** Columns `s` occupies on a terminal (wide characters 2, combining marks and colour codes 0). */
export function visibleWidth(s: string): number {
  if (isPlainAscii(s)) return s.length;
  if (!SIMPLE_WIDE.test(s)) return stringWidth(s);
  let n = 0;
  for (let i = 0; i < s.length; i++) n += WIDE_CHAR.test(s[i]!) ? 2 : 1;
  return n;
}

/** One piece of text and its columns: a grapheme cluster, or a colour code (0 columns). */
type Unit = [text: string, columns: number];

function* graphemes(s: string): Generator<Unit> {
  if (isPlainAscii(s)) {
    for (let i = 0; i < s.length; i++) yield [s[i]!, 1];
    return;
  }
  if (SIMPLE_WIDE.test(s)) {
    for (let i = 0; i < s.length; i++) yield [s[i]!, WIDE_CHAR.test(s[i]!) ? 2 : 1];
    return;
  }
  segmenter ??= new Intl.Segmenter();
  for (const { segment } of segmenter.segment(s)) yield [segment, stringWidth(segment)];
}

/** Graphemes and colour codes of `s`, in order, each with its width. */
function* units(s: string): Generator<Unit> {
  let last = 0;
  for (const m of s.matchAll(ANSI_RE)) {
    yield* graphemes(s.slice(last, m.index));
    yield [m[0], 0];
    last = m.index + m[0].length;
  }
  yield* graphemes(s.slice(last));
}

/**
 * The part of `s` from column `start` up to column `end` (exclusive; to the end
 * when omitted). A wide character that straddles either edge is left out, so
 * the result never exceeds `end - start` columns. Colour codes are all kept.
 */
export function sliceColumns(s: string, start: number, end = Infinity): string {
  if (isPlainAscii(s)) return s.slice(Math.max(0, start), end === Infinity ? undefined : Math.max(0, end));
  let col = 0;
  let out = '';
  for (const [text, w] of units(s)) {
    // Colour codes are kept wherever they are, so a cut never leaves a colour switched on.
    if (text.charCodeAt(0) === 0x1b) out += text;
    else if (col >= start && col + w <= end && (w > 0 || col < end)) out += text;
    col += w;
  }
  return out;
}

/** `s` cut into pieces of at most `width` columns each (a wide character never split). */
export function splitColumns(s: string, width: number): string[] {
  if (width <= 0 || visibleWidth(s) <= width) return [s];
  const pieces: string[] = [];
  let piece = '';
  let col = 0;
  for (const [text, w] of units(s)) {
    if (col + w > width && col > 0) {
      pieces.push(piece);
      piece = '';
      col = 0;
    }
    piece += text;
    col += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Cut `s` to at most `width` columns, ending with … when cut. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (visibleWidth(s) <= width) return s;
  if (width === 1) return '…';
  return sliceColumns(s, 0, width - 1) + '…';
}

/** `s` followed by spaces to fill `width` columns. */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleWidth(s)));
}

/** Spaces then `s`, to fill `width` columns (right-aligned). */
export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(s))) + s;
}
