// Go RE2 regular expressions, as PromQL uses them: label matchers and
// label_replace(). Matching runs on re2js, a JavaScript port of RE2, so it
// has Go's syntax, Unicode case folding, error wording and linear running
// time (no pattern can make a match backtrack for minutes). Common matcher
// shapes skip the regex engine as Prometheus's FastRegexMatcher does
// (regex-fast.ts).
//
// Prometheus 3 anchors matchers fully and lets `.` match newlines: the
// pattern p means ^(?s:p)$ (model/labels/regexp.go, NewFastRegexMatcher). A bad
// pattern's error quotes p itself, because Prometheus parses p alone first.

import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { fastShape, literalPrefix } from './regex-fast.js';

// re2js is a quarter of a megabyte of JavaScript. Most queries' matchers take
// the fast paths, and `promlearn fmt` only needs it for an unusual pattern,
// so it is loaded (synchronously, its CommonJS build) on the first pattern
// that needs the regex engine.
let re2js: typeof RE2JS | undefined;
function engine(): typeof RE2JS {
  re2js ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return re2js;
}

export class RegexSyntaxError extends Error {}

/** A compiled label-matcher regex: test() is a full (anchored) match. */
export interface MatcherRegex {
  test(value: string): boolean;
  /** Every string it matches, when finitely many (`a|b`, `job[0-4]`): the store looks these values up. */
  readonly set?: readonly string[];
  /** It matches every string (`.*`): a selection needs no work for it. */
  readonly any?: boolean;
}

const matcherCache = new Map<string, MatcherRegex>();
const replaceCache = new Map<string, ReplaceRegex>();
const CACHE_LIMIT = 10_000;

/** Compiles p as RE2 with dot-all, or throws RegexSyntaxError with Go's message for p. */
function compileRE2(pattern: string): RE2JS {
  try {
    const RE2 = engine();
    return RE2.compile(pattern, RE2.DOTALL);
  } catch (e) {
    // The DOTALL flag shows in re2js's message as a (?s) prefix; compiling p
    // alone gives Go's text for p.
    try {
      engine().compile(pattern);
    } catch (plain) {
      throw new RegexSyntaxError((plain as Error).message);
    }
    throw new RegexSyntaxError((e as Error).message);
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Compile a matcher regex (anchored). Throws RegexSyntaxError on a bad pattern. */
export function compileMatcherRegex(pattern: string): MatcherRegex {
  const cached = matcherCache.get(pattern);
  if (cached) return cached;
  const fast = fastShape(pattern);
  if (fast) return remember(matcherCache, pattern, fast);
  const re = compileRE2(pattern);
  const prefix = literalPrefix(pattern);
  const test = prefix === '' ? (s: string) => re.testExact(s) : (s: string) => s.startsWith(prefix) && re.testExact(s);
  return remember(matcherCache, pattern, { test });
}

/** A compiled label_replace() regex. */
export interface ReplaceRegex {
  /** Go's regexp.ExpandString of template for a full match of value; undefined when value does not match. */
  replace(value: string, template: string): string | undefined;
}

/** Compile a label_replace() regex (anchored, dot-all). Throws RegexSyntaxError on a bad pattern. */
export function compileReplaceRegex(pattern: string): ReplaceRegex {
  const cached = replaceCache.get(pattern);
  if (cached) return cached;
  const re = compileRE2(pattern);
  const names = re.namedGroups() as Record<string, number>;
  const replace = (value: string, template: string): string | undefined => {
    // The DFA answers "no match" fast; only a match pays for submatch positions.
    if (!re.testExact(value)) return undefined;
    const m = re.matcher(value);
    if (!m.matches()) return undefined;
    return expand(template, (k) => (k < 0 || k > m.groupCount() ? '' : (m.group(k) ?? '')), names);
  };
  return remember(replaceCache, pattern, { replace });
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/**
 * Go's Regexp.Expand: $$ is a dollar; $name and ${name} take the longest run
 * of letters, digits and underscores. A name that is a number without a
 * leading zero is a group index, any other (`01`, `x`) a group name; a
 * malformed reference leaves the `$` as text; unknown groups expand to "".
 */
export function expand(template: string, group: (index: number) => string, names: Record<string, number>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const ref = reference(template, i);
    if (!ref) {
      out += '$';
      continue;
    }
    i = ref.end;
    const num = groupNumber(ref.name);
    if (num >= 0) out += group(num);
    else if (Object.prototype.hasOwnProperty.call(names, ref.name)) out += group(names[ref.name]);
  }
  return out + template.slice(i);
}

/** The name of a $name / ${name} reference starting at i (just after the `$`), and where it ends. */
function reference(t: string, i: number): { name: string; end: number } | undefined {
  const brace = t[i] === '{';
  let j = brace ? i + 1 : i;
  const start = j;
  for (const ch of t.slice(start)) {
    if (!NAME_CHAR.test(ch)) break;
    j += ch.length;
  }
  if (j === start) return undefined;
  const name = t.slice(start, j);
  if (brace) {
    if (t[j] !== '}') return undefined;
    j++;
  }
  return { name, end: j };
}

/** Go's rule: all ASCII digits, below 1e8 while parsing, and no leading zero. */
function groupNumber(name: string): number {
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) return -1;
    num = num * 10 + (ch.charCodeAt(0) - 48);
  }
  if (name[0] === '0' && name.length > 1) return -1;
  return num;
}

/** A Go regexp as Prometheus's templates use it (regexp.MustCompile): unanchored, `.` stops at newlines. */
export interface GoRegexp {
  /** regexp.MatchString: a match anywhere in s. */
  test(s: string): boolean;
  /** Regexp.ReplaceAllString: template expanded per match ($1, ${name}, $$). */
  replaceAll(s: string, template: string): string;
}

/** Compile a Go regexp for templates. Throws RegexSyntaxError with Go's message. */
export function compileGoRegexp(pattern: string): GoRegexp {
  let re: RE2JS;
  try {
    re = engine().compile(pattern);
  } catch (e) {
    throw new RegexSyntaxError((e as Error).message);
  }
  const names = re.namedGroups() as Record<string, number>;
  const replaceAll = (s: string, template: string): string => {
    const m = re.matcher(s);
    let out = '';
    let last = 0;
    let prevEnd = -1;
    while (m.find()) {
      const start = m.start();
      const end = m.end();
      // Go ignores an empty match that abuts the previous match.
      if (start === end && start === prevEnd) continue;
      out += s.slice(last, start) + expand(template, (k) => (k < 0 || k > m.groupCount() ? '' : (m.group(k) ?? '')), names);
      last = end;
      prevEnd = end;
    }
    return out + s.slice(last);
  };
  return { test: (s) => re.matcher(s).find(), replaceAll };
}
