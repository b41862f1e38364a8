// Go RE2 patterns from `regex:` expectations, as unanchored JavaScript
// RegExps. RE2 lets any punctuation be escaped; JS without the `u` flag
// accepts the same identity escapes, so only a few forms need translating.

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\t\\n\\v\\f\\r ',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
  punct: '!-/:-@[-`{-~',
};

export function goRegex(pattern: string): RegExp {
  let flags = '';
  let body = pattern;
  const m = /^\(\?([imsU]+)\)/.exec(body);
  if (m) {
    if (m[1].includes('i')) flags += 'i';
    if (m[1].includes('m')) flags += 'm';
    if (m[1].includes('s')) flags += 's';
    body = body.slice(m[0].length);
  }
  body = body
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\\Q([^]*?)(?:\\E|$)/g, (_, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .replace(/\[:(\^?)([a-z]+):\]/g, (all, neg: string, name: string) => (!neg && POSIX[name] ? POSIX[name] : all));
  return new RegExp(body, flags);
}
