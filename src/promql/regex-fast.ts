// Prometheus's fast paths for label-matcher regexes (model/labels/regexp.go,
// FastRegexMatcher): most matchers are a literal, an alternation of literals,
// a few characters from small classes (`job[0-4]`), or literals around `.*`,
// and a string comparison answers those without a regex engine. A pattern
// that matches a finite set of strings says so (`set`), so the store can look
// those values up instead of testing every value of the label. Everything
// else runs through RE2 (regex.ts), after a cheap literal-prefix check where
// the pattern has one.
//
// This works on the pattern text, not on a syntax tree: a pattern is only
// taken when every character is a plain literal, an escaped punctuation
// character, a class of printable ASCII characters and ranges, `.*`, `.+` or
// a top-level `|`; anything else returns undefined and the caller uses RE2.
// So a fast path can never accept an invalid regex.

type Token = { lit: string } | { any: 0 | 1 } | '|';

const META = new Set('\\.+*?()|[]{}^$'.split(''));
const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** The pattern as literal runs, wildcards (.* / .+) and top-level bars; undefined for anything else. */
function tokenize(p: string): Token[] | undefined {
  const out: Token[] = [];
  let lit = '';
  const flush = () => {
    if (lit !== '') out.push({ lit });
    lit = '';
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined || !ASCII_PUNCT.test(n)) return undefined;
      lit += n;
      i++;
    } else if (c === '.') {
      const q = p[i + 1];
      if ((q !== '*' && q !== '+') || (p[i + 2] !== undefined && '*+?{'.includes(p[i + 2]))) return undefined;
      flush();
      out.push({ any: q === '+' ? 1 : 0 });
      i++;
    } else if (c === '|') {
      flush();
      out.push('|');
    } else if (META.has(c)) {
      return undefined;
    } else {
      lit += c;
    }
  }
  flush();
  return out;
}

/** Strips one group around the whole pattern: (a|b) and (?:a|b) mean a|b for a full match. */
function stripGroup(p: string): string {
  if (p.endsWith(')') && !p.endsWith('\\)')) {
    if (p.startsWith('(?:')) return p.slice(3, -1);
    if (p.startsWith('(') && !p.startsWith('(?')) return p.slice(1, -1);
  }
  return p;
}

/** Alternatives when every one is a plain literal (an empty alternative is ""). */
function literalAlternatives(tokens: Token[]): string[] | undefined {
  const alts: string[] = [''];
  for (const t of tokens) {
    if (t === '|') alts.push('');
    else if ('lit' in t) alts[alts.length - 1] += t.lit;
    else return undefined;
  }
  return alts;
}

/** Literals and the wildcard gaps around them: a sequence like `.*a.+b`. */
interface Sequence {
  lits: string[];
  /** gaps[k] precedes lits[k]; gaps[lits.length] follows the last; null = no wildcard there. */
  gaps: (number | null)[];
}

function sequence(tokens: Token[]): Sequence | undefined {
  const lits: string[] = [];
  const gaps: (number | null)[] = [null];
  for (const t of tokens) {
    if (t === '|') return undefined;
    if ('lit' in t) {
      lits.push(t.lit);
      gaps.push(null);
    } else {
      const g = gaps[gaps.length - 1];
      gaps[gaps.length - 1] = (g ?? 0) + t.any;
    }
  }
  // `.+.+` needs two code points, which a UTF-16 length cannot tell: leave it to RE2.
  if (gaps.some((g) => g !== null && g > 1)) return undefined;
  return { lits, gaps };
}

function matchSequence(seq: Sequence, s: string): boolean {
  const { lits, gaps } = seq;
  const n = lits.length;
  let pos = 0;
  let end = s.length;
  let first = 0;
  let last = n - 1;
  if (n > 0 && gaps[0] === null) {
    if (!s.startsWith(lits[0])) return false;
    pos = lits[0].length;
    first = 1;
  }
  if (last >= first && gaps[n] === null) {
    if (!s.endsWith(lits[last])) return false;
    end = s.length - lits[last].length;
    if (end < pos) return false;
    last--;
  }
  // Leftmost placement of each middle literal leaves the most room for the rest.
  for (let k = first; k <= last; k++) {
    const at = s.indexOf(lits[k], pos + (gaps[k] ?? 0));
    if (at < 0) return false;
    pos = at + lits[k].length;
  }
  const tail = last + 1 < n ? gaps[last + 1] : gaps[n];
  return end - pos >= (tail ?? 0);
}

/**
 * Folds a string for comparison with ASCII literals under (?i): RE2 folds
 * K (U+212A, Kelvin) to k and ſ (U+017F) to s; any other non-ASCII
 * character cannot equal an ASCII letter, so the string cannot match.
 */
function foldAscii(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
    else if (c === 0x212a) out += 'k';
    else if (c === 0x17f) out += 's';
    else return undefined;
  }
  return out;
}

/** What the fast paths know of a pattern: a test, and the strings it matches when finitely many. */
export interface FastShape {
  test: (s: string) => boolean;
  /** Every string the pattern matches (distinct), when it matches finitely many. */
  set?: readonly string[];
  /** The pattern matches every string (`.*`). */
  any?: boolean;
}

/** Prometheus's bound (maxSetMatches): a longer expansion is left to the other paths. */
const MAX_SET = 256;

/** The printable ASCII characters of the class opening at p[i] (`[a-c_]`) and where it ends; undefined for other classes. */
function classChars(p: string, i: number): { chars: string[]; end: number } | undefined {
  const chars: string[] = [];
  const plain = (c: string | undefined) => c !== undefined && c >= ' ' && c <= '~' && !'\\[]^-'.includes(c);
  for (let j = i + 1; j < p.length;) {
    const c = p[j];
    if (c === ']') return chars.length > 0 ? { chars, end: j } : undefined;
    if (!plain(c)) return undefined;
    if (p[j + 1] === '-') {
      const hi = p[j + 2];
      // `[a-]`, `[z-a]` (an error RE2 words) and ranges to non-ASCII go to RE2.
      if (!plain(hi) || hi < c) return undefined;
      for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      j += 3;
    } else {
      chars.push(c);
      j++;
    }
    if (chars.length > MAX_SET) return undefined;
  }
  return undefined;
}

/**
 * Every string the pattern matches, when it is alternatives of literals and
 * small character classes: `job[0-4]` -> job0 .. job4, `(a|b)c` is not
 * taken (only a group around the whole pattern is). At most MAX_SET strings.
 */
export function literalSet(pattern: string): string[] | undefined {
  const p = stripGroup(pattern);
  const out: string[] = [];
  let alt: string[] = [''];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    let chars: string[];
    if (c === '|') {
      out.push(...alt);
      alt = [''];
      continue;
    } else if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined || !ASCII_PUNCT.test(n)) return undefined;
      chars = [n];
      i++;
    } else if (c === '[') {
      const cls = classChars(p, i);
      if (!cls) return undefined;
      chars = cls.chars;
      i = cls.end;
    } else if (META.has(c)) {
      return undefined; // quantifiers, groups, anchors, `.`
    } else {
      chars = [c];
    }
    if (out.length + alt.length * chars.length > MAX_SET) return undefined;
    alt = chars.length === 1 ? alt.map((a) => a + chars[0]) : alt.flatMap((a) => chars.map((ch) => a + ch));
  }
  out.push(...alt);
  return [...new Set(out)];
}

/** A matcher for the whole (anchored) pattern when one of the fast shapes fits, else undefined. */
export function fastMatcher(pattern: string): ((s: string) => boolean) | undefined {
  return fastShape(pattern)?.test;
}

/** The fast shape of the whole (anchored) pattern, else undefined. */
export function fastShape(pattern: string): FastShape | undefined {
  if (pattern.startsWith('(?i)')) return caselessShape(pattern.slice(4));
  const set = literalSet(pattern);
  if (set) {
    if (set.length === 1) {
      const lit = set[0];
      return { test: (s) => s === lit, set };
    }
    const members = new Set(set);
    return { test: (s) => members.has(s), set };
  }
  const tokens = tokenize(stripGroup(pattern));
  const seq = tokens && sequence(tokens);
  if (!seq) return undefined;
  if (seq.lits.length === 0) {
    const min = seq.gaps[0] ?? 0;
    return min === 0 ? { test: () => true, any: true } : { test: (s) => s.length > 0 };
  }
  return { test: (s) => matchSequence(seq, s) };
}

/** (?i) over alternatives of ASCII literals: compared folded (no `set`: many strings fold alike). */
function caselessShape(p: string): FastShape | undefined {
  const tokens = tokenize(stripGroup(p));
  const alts = tokens && literalAlternatives(tokens);
  if (!alts || alts.some((a) => !ASCII_ONLY.test(a))) return undefined;
  const set = new Set(alts.map((a) => a.toLowerCase()));
  const lengths = new Set(alts.map((a) => a.length));
  return {
    test: (s) => {
      if (!lengths.has(s.length)) return false; // folds to ASCII keep the UTF-16 length
      const f = ASCII_ONLY.test(s) ? s.toLowerCase() : foldAscii(s);
      return f !== undefined && set.has(f);
    },
  };
}

/**
 * The literal text every match must start with, when the pattern has no
 * flags and no top-level alternation: `host[0-9]+` -> "host". A quantified
 * last character is not part of it (`ab*` -> "a").
 */
export function literalPrefix(pattern: string): string {
  if (hasTopLevelBar(pattern)) return '';
  const cps = [...pattern]; // code points: a quantifier applies to a whole one
  let lit = '';
  for (let i = 0; i < cps.length; i++) {
    let ch = cps[i];
    if (ch === '\\' && cps[i + 1] !== undefined && ASCII_PUNCT.test(cps[i + 1])) ch = cps[++i];
    else if (META.has(ch)) return lit;
    const next = cps[i + 1];
    if (next !== undefined && '*?{'.includes(next)) return lit;
    lit += ch;
  }
  return lit;
}

/** Whether `|` occurs outside every group and bracket class. */
function hasTopLevelBar(p: string): boolean {
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (p[i + 1] === 'Q') return true; // \Q...\E may hide anything: give up
      i++;
    } else if (c === '[') {
      i = classEnd(p, i);
      if (i < 0) return true;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** The index of the `]` closing the class that opens at i, or -1. */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close >= 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}
