// Go RE2 regular expressions, as PromQL label matchers use them, turned into
// JavaScript RegExps. Prometheus 3 anchors matchers fully and lets `.` match
// newlines: the pattern p becomes ^(?s:p)$.
//
// The translation covers what RE2 accepts and JavaScript spells differently:
// leading inline flags such as (?i), POSIX classes ([[:alpha:]]), \z, \Q...\E.

const cache = new Map<string, RegExp>();

export class RegexSyntaxError extends Error {}

/** Compile a matcher regex (anchored). Throws RegexSyntaxError on a bad pattern. */
export function compileMatcherRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  let flags = 'su';
  let body = pattern;
  // Leading inline flags: (?i), (?s), (?is) ...
  const m = /^\(\?([imsU]+)\)/.exec(body);
  if (m) {
    if (m[1].includes('i')) flags += 'i';
    if (m[1].includes('m')) flags += 'm';
    body = body.slice(m[0].length);
  }
  body = translate(body);
  try {
    re = new RegExp(`^(?:${body})$`, flags);
  } catch (e) {
    throw new RegexSyntaxError(`error parsing regexp: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (cache.size > 10000) cache.clear();
  cache.set(pattern, re);
  return re;
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function translate(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === 'z') {
        out += '$';
        i++;
        continue;
      }
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const lit = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      out += c + (n ?? '');
      i++;
      continue;
    }
    if (c === '[' && p[i + 1] === '[' && p[i + 2] === ':') {
      // [[:alpha:]] at the start of a class is handled below via '[:'.
    }
    if (c === '[' && p[i + 1] === ':') {
      const end = p.indexOf(':]', i + 2);
      if (end > 0) {
        const name = p.slice(i + 2, end);
        const neg = name.startsWith('^');
        const cls = POSIX[neg ? name.slice(1) : name];
        if (cls && !neg) {
          out += cls;
          i = end + 1;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}
