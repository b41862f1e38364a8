// String literal values and number literals, decoded as Go does
// (strconv.Unquote, strconv.ParseInt(s, 0, 64) then ParseFloat).

import { parsePromDuration } from '../util/time.js';

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };

/**
 * The value of a STRING token (quotes included). The lexer has validated the
 * escapes. `\x` and octal escapes are bytes, as in Go; bytes that do not form
 * valid UTF-8 become lone surrogates U+DC80..U+DCFF ("surrogate escapes"), so
 * that label-name checks can reject them as Go rejects invalid UTF-8.
 */
export function unquote(tok: string): string {
  const q = tok[0];
  const body = tok.slice(1, -1);
  if (q === '`' || !body.includes('\\')) return body;
  const bytes: number[] = [];
  const pushStr = (s: string) => {
    for (const b of Buffer.from(s, 'utf8')) bytes.push(b);
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      // Copy a run of plain characters at once.
      let j = i;
      while (j < body.length && body[j] !== '\\') j++;
      pushStr(body.slice(i, j));
      i = j - 1;
      continue;
    }
    const e = body[++i];
    if (e in SIMPLE) bytes.push(SIMPLE[e]);
    else if (e >= '0' && e <= '7') {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else if (e === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      pushStr(String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + n), 16)));
      i += n;
    }
  }
  return decodeUtf8Escaped(Uint8Array.from(bytes));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 to a JS string; each byte of an invalid sequence becomes U+DC00+byte. */
function decodeUtf8Escaped(b: Uint8Array): string {
  try {
    return strictUtf8.decode(b);
  } catch {
    let out = '';
    for (let i = 0; i < b.length;) {
      const n = validSeqLen(b, i);
      if (n === 0) {
        out += String.fromCharCode(0xdc00 + b[i]);
        i++;
      } else {
        out += strictUtf8.decode(b.subarray(i, i + n));
        i += n;
      }
    }
    return out;
  }
}

/** Length of the valid UTF-8 sequence at b[i], or 0. */
function validSeqLen(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  const c1 = b[i + 1];
  // Overlong forms, surrogates and code points above U+10FFFF.
  if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
  return n;
}

const INT_RE = /^(0[xX](_?[0-9a-fA-F])+|0[oO]?(_?[0-7])*|0[bB](_?[01])+|[1-9](_?[0-9])*)$/;
const FLOAT_RE = /^(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;

/** Go's p.number(): ParseInt(s, 0, 64), else ParseFloat. Returns undefined when both fail. */
export function parseGoNumber(s: string): number | undefined {
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity') return Infinity;
  if (lower === 'nan') return NaN;
  if (INT_RE.test(s)) {
    const clean = s.replace(/_/g, '');
    if (/^0[xX]/.test(clean)) return Number(clean);
    if (/^0[bB]/.test(clean)) return Number(clean);
    if (/^0[oO]/.test(clean)) return parseInt(clean.slice(2), 8);
    if (clean.length > 1 && clean[0] === '0') return parseInt(clean, 8);
    return Number(clean);
  }
  if (FLOAT_RE.test(s)) return Number(s.replace(/_/g, ''));
  return undefined;
}

/** Parses a Prometheus duration (1h30m, 500ms) to ms; throws with Prometheus's wording. */
export function parseDurationMs(s: string): number {
  const ms = parsePromDuration(s);
  if (ms === undefined) throw new Error(`not a valid duration string: ${JSON.stringify(s)}`);
  if (ms > Number.MAX_SAFE_INTEGER) throw new Error(`duration out of range`);
  return ms;
}

/** Go's %q for a whole string (strconv.Quote), as the printer and messages quote strings. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0xdc80 && cp <= 0xdcff)
      out += `\\x${(cp & 0xff).toString(16)}`; // an invalid byte
    else if ((cp >= 0x80 && cp < 0xa0) || cp === 0xfffd || (cp >= 0xd800 && cp < 0xe000)) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}
