// String literal values and number literals, decoded as Go does
// (strconv.Unquote, strconv.ParseInt(s, 0, 64) then ParseFloat).

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };

/**
 * The value of a STRING token (quotes included). The lexer has validated the
 * escapes. `\x` and octal escapes are bytes, as in Go; bytes that do not form
 * valid UTF-8 become U+FFFD.
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
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
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
