// Go RE2 regular expressions, as PromQL label matchers use them, turned into
// JavaScript RegExps. Prometheus 3 anchors matchers fully and lets `.` match
// newlines: the pattern p becomes ^(?s:p)$.
//
// The translation walks the pattern once and writes JS syntax for what RE2
// spells differently: inline flags anywhere ((?i), (?i:...), (?-s)), POSIX
// classes ([[:alpha:]]), \z, \A, \Q...\E, \pL, \x{...}, RE2's \s. What RE2
// rejects (backreferences, lookarounds) is rejected with Go's wording.

const cache = new Map<string, RegExp>();

export class RegexSyntaxError extends Error {}

/** Compile a matcher regex (anchored). Throws RegexSyntaxError on a bad pattern. */
export function compileMatcherRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  const body = translateRE2(pattern);
  try {
    re = new RegExp(`^(?:${body})$`, 'u');
  } catch (e) {
    throw new RegexSyntaxError(`error parsing regexp: invalid regexp: \`${pattern}\`: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
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
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
}

const fail = (msg: string, at: string): never => {
  throw new RegexSyntaxError(`error parsing regexp: ${msg}: \`${at}\``);
};

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const JS_CLASS_SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split(''));

/** A literal character in JS regex syntax (u mode), case-folded when flag i is on. */
function literal(c: string, f: Flags, inClass = false): string {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  const esc = (x: string) => ((inClass ? JS_CLASS_SYNTAX : JS_SYNTAX).has(x) ? '\\' + x : x);
  if (f.i && lower !== upper && [...lower].length === 1 && [...upper].length === 1) {
    return inClass ? esc(lower) + esc(upper) : `[${esc(lower)}${esc(upper)}]`;
  }
  return esc(c);
}

/** Translates an RE2 pattern to a JS (u-mode) pattern; throws RegexSyntaxError with Go's wording. */
export function translateRE2(p: string): string {
  const chars = [...p];
  let out = '';
  const stack: Flags[] = [];
  let f: Flags = { i: false, s: true, m: false };
  let lastAtom = false; // whether a repetition operator may follow
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    switch (c) {
      case '\\': {
        const [js, used] = escape(chars, i, f, false);
        out += js;
        i += used;
        lastAtom = true;
        continue;
      }
      case '(': {
        if (chars[i + 1] === '?') {
          const rest = chars.slice(i + 2).join('');
          const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
          if (named) {
            stack.push(f);
            f = { ...f };
            out += `(?<${named[1]}>`;
            i += 1 + named[0].length;
            lastAtom = false;
            continue;
          }
          const fl = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
          if (!fl || (fl[1] === '' && fl[2] === undefined && fl[3] === ')')) {
            fail('invalid or unsupported Perl syntax', chars.slice(i, i + 3).join(''));
          }
          const nf = { ...f };
          for (const x of fl![1]) if (x !== 'U') nf[x as 'i' | 's' | 'm'] = true;
          for (const x of fl![2] ?? '') if (x !== 'U') nf[x as 'i' | 's' | 'm'] = false;
          i += 1 + fl![0].length;
          if (fl![3] === ')') {
            f = nf; // flags for the rest of the current group
          } else {
            stack.push(f);
            f = nf;
            out += '(?:';
          }
          lastAtom = false;
          continue;
        }
        stack.push(f);
        f = { ...f };
        out += '(';
        lastAtom = false;
        continue;
      }
      case ')':
        if (stack.length === 0) fail('unexpected )', `^(?s:${p})$`);
        f = stack.pop()!;
        out += ')';
        lastAtom = true;
        continue;
      case '[': {
        const [js, used] = charClass(chars, i, f);
        out += js;
        i += used;
        lastAtom = true;
        continue;
      }
      case '.':
        out += f.s ? '[\\s\\S]' : '[^\\n]';
        lastAtom = true;
        continue;
      case '^':
        out += f.m ? '(?<![^\\n])' : '^';
        lastAtom = false;
        continue;
      case '$':
        out += f.m ? '(?![^\\n])' : '$';
        lastAtom = false;
        continue;
      case '*':
      case '+':
      case '?': {
        if (!lastAtom) fail('missing argument to repetition operator', c);
        out += c;
        if (chars[i + 1] === '?') {
          out += '?';
          i++;
        }
        if (chars[i + 1] !== undefined && '*+?'.includes(chars[i + 1])) fail('invalid nested repetition operator', c + chars[i + 1]);
        lastAtom = false;
        continue;
      }
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i).join(''));
        if (!m) {
          out += '\\{';
          lastAtom = true;
          continue;
        }
        if (!lastAtom) fail('missing argument to repetition operator', m[0]);
        if (Number(m[1]) > 1000 || (m[3] && Number(m[3]) > 1000) || (m[3] && Number(m[3]) < Number(m[1]))) fail('invalid repeat count', m[0]);
        out += m[0];
        i += m[0].length - 1;
        if (chars[i + 1] === '?') {
          out += '?';
          i++;
        }
        lastAtom = false;
        continue;
      }
      case '|':
        out += '|';
        lastAtom = false;
        continue;
      default:
        out += literal(c, f);
        lastAtom = true;
    }
  }
  // Prometheus compiles ^(?s:p)$, and Go quotes that whole text here.
  if (stack.length > 0) fail('missing closing )', `^(?s:${p})$`);
  return out;
}

/** An escape at chars[i] ('\\'); returns the JS text and how many extra chars were used. */
function escape(chars: string[], i: number, f: Flags, inClass: boolean): [string, number] {
  const n = chars[i + 1];
  if (n === undefined) fail('trailing backslash at end of expression', '');
  switch (n) {
    case 'z':
      if (inClass) break;
      return ['$', 1];
    case 'A':
      if (inClass) break;
      return ['^', 1];
    case 'Q': {
      let j = i + 2;
      let lit = '';
      while (j < chars.length && !(chars[j] === '\\' && chars[j + 1] === 'E')) lit += chars[j++];
      const used = (j < chars.length ? j + 1 : j - 1) - i;
      return [[...lit].map((c) => literal(c, f, inClass)).join(''), used];
    }
    case 's':
      return [inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]', 1];
    case 'S':
      if (inClass) return ['\\S', 1];
      return ['[^\\t\\n\\f\\r ]', 1];
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 'n':
    case 't':
    case 'r':
    case 'f':
    case 'v':
      return ['\\' + n, 1];
    case 'b':
    case 'B':
      if (inClass) break;
      return ['\\' + n, 1];
    case 'a':
      return ['\\x07', 1];
    case 'x': {
      const rest = chars.slice(i + 2).join('');
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(rest);
      if (braced) return [`\\u{${braced[1]}}`, 1 + braced[0].length];
      const two = /^[0-9A-Fa-f]{2}/.exec(rest);
      if (two) return [`\\x${two[0]}`, 3];
      break;
    }
    case 'p':
    case 'P': {
      const rest = chars.slice(i + 2).join('');
      const m = /^\{(\^?)([A-Za-z_]+)\}|^([A-Za-z])/.exec(rest);
      if (!m) break;
      const name = m[2] ?? m[3];
      const neg = (n === 'P') !== (m[1] === '^');
      const prop = name.length <= 2 || name === 'Any' ? name : `Script=${name}`;
      const js = name === 'Any' ? (neg ? '[^\\s\\S]' : '[\\s\\S]') : `\\${neg ? 'P' : 'p'}{${prop}}`;
      return [js, 1 + m[0].length];
    }
    case '0': {
      const m = /^[0-7]{0,2}/.exec(chars.slice(i + 2).join(''))!;
      return [`\\u{${parseInt('0' + m[0], 8).toString(16)}}`, 1 + m[0].length];
    }
  }
  if (/[0-9A-Za-z]/.test(n)) fail('invalid escape sequence', '\\' + n);
  // Escaped punctuation is itself.
  return [literal(n, f, inClass), 1];
}

/** A bracket class at chars[i] ('['); returns the JS text and how many extra chars were used. */
function charClass(chars: string[], i: number, f: Flags): [string, number] {
  let j = i + 1;
  let out = '[';
  if (chars[j] === '^') {
    out += '^';
    j++;
  }
  let first = true;
  for (;;) {
    const c = chars[j];
    // Go quotes the rest of the anchored pattern it compiled, ^(?s:p)$.
    if (c === undefined) fail('missing closing ]', chars.slice(i).join('') + ')$');
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && chars[j + 1] === ':') {
      const rest = chars.slice(j).join('');
      const m = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (m && POSIX[m[2]]) {
        if (m[1]) fail('invalid character class range', m[0]); // [[:^alpha:]] is rare; keep it honest
        out += POSIX[m[2]];
        j += m[0].length;
        continue;
      }
      if (m) fail('invalid character class range', m[0]);
    }
    let lo: string;
    if (c === '\\') {
      const [js, used] = escape(chars, j, f, true);
      j += used + 1;
      if (chars[j] === '-' && chars[j + 1] !== ']' && js.length <= 2) {
        lo = js;
      } else {
        out += js;
        continue;
      }
    } else {
      lo = c;
      j++;
    }
    if (chars[j] === '-' && chars[j + 1] !== undefined && chars[j + 1] !== ']') {
      let hi = chars[j + 1];
      j += 2;
      if (hi === '\\') {
        hi = chars[j];
        j++;
      }
      const loC = lo.length === 2 && lo[0] === '\\' ? lo[1] : lo;
      if ((hi.codePointAt(0) ?? 0) < (loC.codePointAt(0) ?? 0)) fail('invalid character class range', `${loC}-${hi}`);
      out += `${escClass(loC)}-${escClass(hi)}`;
      if (f.i) out += caseRange(loC, hi);
      continue;
    }
    out += literal(lo.length === 2 && lo[0] === '\\' ? lo[1] : lo, f, true);
  }
  return [out + ']', j - i];
}

function escClass(c: string): string {
  return JS_CLASS_SYNTAX.has(c) ? '\\' + c : c;
}

/** The other-case counterpart of a range, for (?i). */
function caseRange(lo: string, hi: string): string {
  const a = lo.codePointAt(0)!;
  const b = hi.codePointAt(0)!;
  let out = '';
  const lowA = Math.max(a, 97);
  const lowB = Math.min(b, 122);
  if (lowA <= lowB) out += `${String.fromCharCode(lowA - 32)}-${String.fromCharCode(lowB - 32)}`;
  const upA = Math.max(a, 65);
  const upB = Math.min(b, 90);
  if (upA <= upB) out += `${String.fromCharCode(upA + 32)}-${String.fromCharCode(upB + 32)}`;
  return out;
}
