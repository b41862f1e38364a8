// Small lexing helpers for the PromQL test-script language
// (see ../shared/promql-conformance/FORMAT.md §2, §3.2): Prometheus durations,
// the PromQL number syntax of series values, Go strconv numbers for expected
// scalar lines, and Go string literals.

export class ScriptSyntaxError extends Error {}

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86400000, 7 * 86400000, 86400000, 3600000, 60000, 1000, 1];

/** A Prometheus duration (`1m30s`, `0`) in ms. No sign, no fractions. */
export function parseDuration(s: string): number {
  if (s === '0') return 0;
  const m = s === '' ? null : DURATION_RE.exec(s);
  if (!m) throw new ScriptSyntaxError(`not a valid duration string: "${s}"`);
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) if (m[i + 1] !== undefined) ms += Number(m[i + 1]) * UNIT_MS[i];
  return ms;
}

/** A duration that may carry a sign (`-59999ms`, `-0ms`), as in `@st` lines. */
export function parseSignedDuration(s: string): number {
  if (s.startsWith('-')) return -parseDuration(s.slice(1));
  if (s.startsWith('+')) return parseDuration(s.slice(1));
  return parseDuration(s);
}

/** The PromQL number lexer's unsigned forms (no hex in series values). */
export const UNSIGNED_NUM = String.raw`(?:[iI][nN][fF]|[nN][aA][nN]|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)`;

/** Parse a PromQL number token (optionally signed) as Go's parser does. */
export function parsePromNumber(text: string): number {
  let s = text;
  let sign = 1;
  if (s[0] === '+' || s[0] === '-') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  const lower = s.toLowerCase();
  if (lower === 'inf') return sign * Infinity;
  if (lower === 'nan') return NaN;
  s = s.replace(/_/g, '');
  // Go parses integers with base detection first: a leading 0 means octal.
  if (/^0[0-7]+$/.test(s)) return sign * parseInt(s, 8);
  const v = Number(s);
  if (s === '' || Number.isNaN(v)) throw new ScriptSyntaxError(`bad number or duration syntax: "${text}"`);
  return sign * v;
}

const GO_FLOAT_RE = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F_]+|inf|infinity|nan)$/i;

/**
 * An expected scalar line: the whole line is a number by Go strconv rules
 * (ParseInt base 0, else ParseFloat). Returns undefined when it is not one.
 */
export function parseGoNumber(line: string): number | undefined {
  if (!GO_FLOAT_RE.test(line)) return undefined;
  let s = line;
  let sign = 1;
  if (s[0] === '+' || s[0] === '-') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === 'infinity') return sign * Infinity;
  if (lower === 'nan') return NaN;
  // Go only allows `_` separators after a base prefix.
  if (s.includes('_') && !/^0[xX]/.test(s)) return undefined;
  s = s.replace(/_/g, '');
  if (/^0[xX]/.test(s)) return sign * parseInt(s.slice(2), 16);
  if (/^0[0-7]+$/.test(s)) return sign * parseInt(s, 8);
  if (/^0\d+$/.test(s)) return undefined; // invalid octal integer, and ParseFloat accepts it: keep it simple
  return sign * Number(s);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * Read a Go/PromQL string literal starting at `s[start]` (`"`, `'` or a
 * backquote). Returns the value and the index after the closing quote.
 */
export function readStringLiteral(s: string, start: number): { value: string; end: number } {
  const q = s[start];
  if (q === '`') {
    const end = s.indexOf('`', start + 1);
    if (end < 0) throw new ScriptSyntaxError('unterminated raw string');
    return { value: s.slice(start + 1, end), end: end + 1 };
  }
  if (q !== '"' && q !== "'") throw new ScriptSyntaxError(`expected string literal at ${start}`);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const pushText = (t: string) => {
    for (const b of enc.encode(t)) bytes.push(b);
  };
  let i = start + 1;
  for (;;) {
    if (i >= s.length) throw new ScriptSyntaxError('unterminated quoted string');
    const c = s[i];
    if (c === q) break;
    if (c !== '\\') {
      const cp = s.codePointAt(i)!;
      pushText(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const n = s[i + 1];
    if (n in SIMPLE_ESCAPES) {
      pushText(SIMPLE_ESCAPES[n]);
      i += 2;
    } else if (n === 'x') {
      bytes.push(parseInt(hex(s, i + 2, 2), 16));
      i += 4;
    } else if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      pushText(String.fromCodePoint(parseInt(hex(s, i + 2, len), 16)));
      i += 2 + len;
    } else if (n >= '0' && n <= '7') {
      const oct = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) throw new ScriptSyntaxError('invalid octal escape');
      bytes.push(parseInt(oct, 8));
      i += 4;
    } else {
      throw new ScriptSyntaxError(`unknown escape sequence \\${n ?? ''}`);
    }
  }
  return { value: new TextDecoder().decode(new Uint8Array(bytes)), end: i + 1 };
}

function hex(s: string, at: number, len: number): string {
  const h = s.slice(at, at + len);
  if (h.length !== len || !/^[0-9a-fA-F]+$/.test(h)) throw new ScriptSyntaxError('invalid hex escape');
  return h;
}
