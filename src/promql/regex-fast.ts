// Prometheus's fast paths for label-matcher regexes (model/labels/regexp.go,
// FastRegexMatcher): most matchers are a literal, an alternation of literals,
// or literals around `.*`, and a string comparison answers those without a
// regex engine. Everything else runs through RE2 (regex.ts), after a cheap
// literal-prefix check where the pattern has one.
//
// This works on the pattern text, not on a syntax tree: a pattern is only
// taken when every character is a plain literal, an escaped punctuation
// character, `.*`, `.+` or a top-level `|`; anything else returns undefined
// and the caller uses RE2. So a fast path can never accept an invalid regex.

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

/** A matcher for the whole (anchored) pattern when one of the fast shapes fits, else undefined. */
export function fastMatcher(pattern: string): ((s: string) => boolean) | undefined {
  let p = pattern;
  const caseless = p.startsWith('(?i)');
  if (caseless) p = p.slice(4);
  const tokens = tokenize(stripGroup(p));
  if (!tokens) return undefined;
  const alts = literalAlternatives(tokens);
  if (caseless) {
    if (!alts || alts.some((a) => !ASCII_ONLY.test(a))) return undefined;
    const set = new Set(alts.map((a) => a.toLowerCase()));
    const lengths = new Set(alts.map((a) => a.length));
    return (s) => {
      if (!lengths.has(s.length)) return false; // folds to ASCII keep the UTF-16 length
      const f = ASCII_ONLY.test(s) ? s.toLowerCase() : foldAscii(s);
      return f !== undefined && set.has(f);
    };
  }
  if (alts) {
    if (alts.length === 1) {
      const lit = alts[0];
      return (s) => s === lit;
    }
    const set = new Set(alts);
    return (s) => set.has(s);
  }
  const seq = sequence(tokens);
  if (!seq) return undefined;
  if (seq.lits.length === 0) {
    const min = seq.gaps[0] ?? 0;
    return min === 0 ? () => true : (s) => s.length > 0;
  }
  return (s) => matchSequence(seq, s);
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
