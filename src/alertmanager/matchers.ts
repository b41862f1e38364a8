// Alertmanager's label matchers: `matchers: ['severity="page"', 'job=~"api|web"']`
// (quoted or bare values, =, !=, =~, !~; regexes anchored as in Alertmanager),
// and the older `match:` / `match_re:` maps, turned into the same form.

import { compileMatcherRegex, type MatcherRegex } from '../promql/regex.js';
import type { Metric } from '../model/result.js';

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  type: MatchType;
  value: string;
  test(labels: Metric): boolean;
}

export function makeMatcher(name: string, type: MatchType, value: string): Matcher {
  let re: MatcherRegex | undefined;
  if (type === '=~' || type === '!~') {
    try {
      re = compileMatcherRegex(value);
    } catch (e) {
      throw new Error(`invalid regular expression ${JSON.stringify(value)}: ${(e as Error).message}`);
    }
  }
  const test = (labels: Metric) => {
    const v = labels[name] ?? '';
    switch (type) {
      case '=':
        return v === value;
      case '!=':
        return v !== value;
      case '=~':
        return re!.test(v);
      case '!~':
        return !re!.test(v);
    }
  };
  return { name, type, value, test };
}

const MATCHER_RE = /^\s*([a-zA-Z_][a-zA-Z0-9_]*|"(?:[^"\\]|\\.)*")\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** One matcher string as Alertmanager's config accepts it: name="value" or name=value. */
export function parseMatcher(s: string): Matcher {
  const text = s.trim().replace(/^\{/, '').replace(/\}$/, '');
  const m = MATCHER_RE.exec(text);
  if (!m) throw new Error(`bad matcher format: ${s}`);
  const name = m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!;
  let raw = m[3]!;
  if (raw.startsWith('"')) {
    if (!raw.endsWith('"') || raw.length < 2) throw new Error(`bad matcher format: ${s}`);
    try {
      raw = JSON.parse(raw) as string;
    } catch {
      throw new Error(`bad matcher format: ${s}: invalid escape in quoted value`);
    }
  }
  return makeMatcher(name, m[2] as MatchType, raw);
}

export function matchesAll(matchers: readonly Matcher[], labels: Metric): boolean {
  return matchers.every((m) => m.test(labels));
}

export function matcherText(m: Matcher): string {
  return `${m.name}${m.type}${JSON.stringify(m.value)}`;
}
