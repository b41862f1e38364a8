// Text measured in terminal columns, the one place that knows how wide text is
// on screen: East Asian Wide and Fullwidth characters (Hangul, CJK, fullwidth
// forms) take 2 columns, combining marks and other zero-width characters 0,
// ANSI colour codes 0 (string-width, with its Unicode tables). Everything that
// aligns or cuts text for a terminal (tables, chart legends and axes, wrapping,
// carets under a query, the explain tree, the REPL's search line) goes through
// here, so a label value like {service="결제"} lines up with ASCII ones.
//
// string-width costs ~40 ms to load (its emoji regular expression and a
// grapheme segmenter are built when it is imported), half of a short command's
// own time, so it is loaded only for text it is needed for. The text our
// renderers print (ASCII, Hangul, CJK, Latin-1, Greek, dashes and quotes,
// arrows, maths, box drawing, blocks, the spinner's Braille, colour codes) takes
// a fast path: one column or two per UTF-16 unit, no segmentation; a test checks
// it gives what string-width gives on every character it covers.

import { requireEsm } from './esm-require.js';

type StringWidth = (s: string) => number;

let stringWidth: StringWidth | undefined;

/** string-width's answer, loading it the first time. */
function libraryWidth(s: string): number {
  stringWidth ??= requireEsm<{ default: StringWidth }>(import.meta.url, 'string-width').default;
  return stringWidth(s);
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
// Characters one column wide on their own and in any sequence of fast-path
// characters: no combining marks, joiners, conjoining jamo, emoji or
// zero-width characters among them (their grapheme clusters are single code
// points), none outside the BMP (one UTF-16 unit each). The soft hyphen U+00AD
// (0 columns) and the emoji-presentation squares U+25FD/U+25FE are left out.
const NARROW =
  '\\x20-\\x7e\\xa0-\\xac\\xae-\\u017f\\u0391-\\u03a1\\u03a3-\\u03a9\\u03b1-\\u03c9\\u2010-\\u2027\\u2030-\\u205e' +
  '\\u2190-\\u22ff\\u2500-\\u25fc\\u2713\\u2717\\u2800-\\u28ff';
// Two columns: CJK punctuation, Hangul compatibility jamo (but the filler U+3164),
// CJK ideographs, Hangul syllables, fullwidth forms.
const WIDE = '\\u3000-\\u3029\\u3131-\\u3163\\u3165-\\u318e\\u4e00-\\u9fff\\uac00-\\ud7a3\\uff01-\\uff60';
const FAST_TEXT = new RegExp(`^[${NARROW}${WIDE}]*$`);
const WIDE_CHAR = new RegExp(`[${WIDE}]`);
// eslint-disable-next-line no-control-regex -- ESC starts the colour (SGR) codes kept whole when cutting
const ANSI_RE = /\u001b\[[0-9;]*m/g;

let segmenter: Intl.Segmenter | undefined;

function isPlainAscii(s: string): boolean {
  return !NOT_PRINTABLE_ASCII.test(s);
}

/**
 * Columns of `s` without string-width, or undefined when `s` holds text
 * outside the fast path: one column per UTF-16 unit, two for the wide ones,
 * colour codes none (string-width strips them the same way).
 */
export function fastColumns(s: string): number | undefined {
  if (isPlainAscii(s)) return s.length;
  const plain = s.includes('\u001b') ? s.replace(ANSI_RE, '') : s;
  if (!FAST_TEXT.test(plain)) return undefined;
  let n = 0;
  for (let i = 0; i < plain.length; i++) n += unitColumns(plain, i);
  return n;
}

/** Columns of the UTF-16 unit at `i` of fast-path text. */
function unitColumns(s: string, i: number): number {
  return s.charCodeAt(i) >= 0x3000 && WIDE_CHAR.test(s[i]!) ? 2 : 1;
}

/** Columns `s` occupies on a terminal (wide characters 2, combining marks and colour codes 0). */
export function visibleWidth(s: string): number {
  return fastColumns(s) ?? libraryWidth(s);
}

/** One piece of text and its columns: a grapheme cluster, or a colour code (0 columns). */
type Unit = [text: string, columns: number];

function* graphemes(s: string): Generator<Unit> {
  if (FAST_TEXT.test(s)) {
    for (let i = 0; i < s.length; i++) yield [s[i]!, unitColumns(s, i)];
    return;
  }
  segmenter ??= new Intl.Segmenter();
  for (const { segment } of segmenter.segment(s)) yield [segment, libraryWidth(segment)];
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
