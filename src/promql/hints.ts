// Hints: advice shown under a parse error. Prometheus's message stays exact;
// the hint is ours and only given when we can say something useful.

import type { PositionRange } from './ast.js';
import { FUNCTIONS } from './functions.js';
import { AGGREGATIONS, AGGREGATION_NAMES } from './aggregations.js';
import { editDistance } from '../util/edit-distance.js';

interface HintContext {
  readonly query: string;
}

/** The closest known function or aggregation names. */
function suggestFunctions(name: string): string[] {
  const names = [...FUNCTIONS.keys(), ...AGGREGATION_NAMES];
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  const scored = names.map((n) => ({ n, d: editDistance(name.toLowerCase(), n) })).filter((x) => x.d <= limit);
  scored.sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  const out = scored.slice(0, 3).map((x) => x.n);
  // Prefix matches ("histogram" -> histogram_quantile) help too.
  if (out.length === 0 && name.length >= 4) out.push(...names.filter((n) => n.startsWith(name)).slice(0, 3));
  return out;
}

const RULES: Array<[RegExp, (m: RegExpMatchArray, q: string, pos: PositionRange) => string | undefined]> = [
  [
    /^expected type range vector in call to function "(\w+)", got instant vector$/,
    (_m, q, pos) => {
      const arg = q.slice(pos.start, pos.end);
      if (/^[\w:]+(\{.*\})?$/s.test(arg)) return `add a range such as [5m]: ${arg}[5m]`;
      return `add a range such as [5m]; for an expression that is not a selector use a subquery: (${arg})[5m:1m]`;
    },
  ],
  [
    /^expected type instant vector in call to function "(\w+)", got range vector$/,
    () => 'this function takes an instant vector: drop the [range], or wrap the range in a *_over_time function or rate()',
  ],
  [
    /^expected type instant vector in aggregation expression, got range vector$/,
    () => 'aggregations take an instant vector: use rate(x[5m]) or sum_over_time(x[5m]) inside, not x[5m]',
  ],
  [
    /^ranges only allowed for vector selectors$/,
    () => 'to apply a range to an expression use a subquery, e.g. rate(sum(x)[5m:1m]) becomes sum(rate(x[5m])) or (expr)[5m:1m]',
  ],
  [
    /^unknown function with name "([^"]*)"$/,
    (m) => {
      const s = suggestFunctions(m[1]);
      return s.length ? `did you mean ${s.join(', ')}?` : 'see `promlearn fmt --help` or the PromQL function list';
    },
  ],
  [
    /^function "(\w+)" is not enabled$/,
    () => 'this is an experimental function: pass --experimental (Prometheus: --enable-feature=promql-experimental-functions)',
  ],
  [/is experimental and must be enabled/, () => 'pass --experimental (Prometheus: --enable-feature=promql-experimental-functions)'],
  [/^comparisons between scalars must use BOOL modifier$/, () => 'write `1 > bool 0`: between scalars a comparison returns 0 or 1'],
  [/^unclosed left parenthesis$/, () => 'a "(" is never closed: add ")"'],
  [/^unexpected right parenthesis/, () => 'there is one ")" too many'],
  [/^unclosed left bracket$/, () => 'a "[" is never closed: add "]"'],
  [/^unexpected end of input inside braces$/, () => 'a "{" is never closed: add "}"'],
  [
    /^vector selector must contain at least one non-empty matcher$/,
    () => 'add a metric name or a matcher that cannot match an empty value, e.g. {job=~".+"}',
  ],
  [/^set operator "(\w+)" not allowed in binary scalar expression$/, () => 'and/or/unless work on instant vectors only'],
  [/^offset modifier must be preceded by/, () => 'put offset right after the selector: sum(rate(x[5m] offset 1h))'],
  [/^@ modifier must be preceded by/, () => 'put @ right after the selector: sum(x @ 1700000000)'],
  [/^no offset modifiers allowed before range$/, () => 'write the range first: x[5m] offset 1h'],
  [/^no @ modifiers allowed before range$/, () => 'write the range first: x[5m] @ 1700000000'],
  [/^bad number or duration syntax/, () => 'durations are like 30s, 5m, 1h30m, 2d (units ms s m h d w y)'],
  [/^not a valid duration string/, () => 'units go from large to small, each once: 1h30m, not 30m1h'],
  [/^duration must be greater than 0$/, () => 'ranges and steps must be positive, e.g. [5m]'],
  [
    /^unexpected <(by|without)>/,
    (m, q, pos) => {
      const before = q.slice(0, pos.start);
      const call = /([a-z_]+)\([^]*\)\s*$/.exec(before);
      if (call && FUNCTIONS.has(call[1]) && !AGGREGATIONS.has(call[1])) {
        return `${m[1]} only applies to aggregations such as sum or avg, not to the function ${call[1]}(): e.g. sum ${m[1]} (job) (${call[1]}(...))`;
      }
      return 'by/without go right after the aggregation name or right after its closing parenthesis: sum by (job) (x)';
    },
  ],
  [
    /^unexpected (identifier|metric identifier) "([^"]*)"( in aggregation)?$/,
    (m) => {
      if (m[3]) return 'aggregation arguments go in parentheses: sum(x), topk(5, x)';
      return 'two expressions need an operator between them, e.g. a + b';
    },
  ],
  [/^unexpected "=" in label matching, expected string$/, () => 'use a single "=" between label and value: {job="api"}'],
  [/^unexpected identifier "[^"]*" in label matching, expected string$/, () => 'label values are quoted strings: {job="api"}'],
  [/^unexpected character inside braces: '([^']*)'/, () => 'matchers are label="value", label!="value", label=~"regex" or label!~"regex"'],
  [
    /^wrong number of arguments for aggregate expression provided, expected 2/,
    () => 'this aggregation takes a parameter first, e.g. topk(5, x), quantile(0.9, x)',
  ],
  [
    /^wrong number of arguments for aggregate expression provided, expected 1/,
    () => 'this aggregation takes one expression; functions with more arguments are not aggregations',
  ],
  [/^expected type string in aggregation parameter/, () => 'count_values takes a label name first: count_values("value", x)'],
  [/^many-to-many matching not allowed|^multiple matches for labels/, () => 'use on(...)/ignoring(...) with group_left or group_right'],
  [/^no grouping allowed for/, () => 'group_left/group_right only apply to arithmetic and comparison operators'],
  [/^bool modifier can only be used on comparison operators$/, () => 'drop "bool": it only applies to ==, !=, >, <, >=, <='],
  [/^subquery is only allowed on instant vector/, () => 'a subquery [range:step] needs an instant-vector expression inside'],
  [/^unexpected end of input$/, () => 'the query ends too early: an operand or a closing token is missing'],
  [/^unexpected <aggr:(\w+)>/, () => 'an aggregation needs parentheses: sum(x)'],
  [
    /^unexpected <(on|ignoring|group_left|group_right|bool|atan2)>/,
    (m) =>
      `"${m[1]}" is a keyword: it goes right after a binary operator (a * on(job) group_left b); to select a metric with that name write {__name__="${m[1]}"}`,
  ],
];

export function hintFor(detail: string, ctx: HintContext): string | undefined;
export function hintFor(detail: string, query: string, pos: PositionRange, _ctx?: unknown): string | undefined;
export function hintFor(detail: string, a: string | HintContext, pos?: PositionRange): string | undefined {
  const query = typeof a === 'string' ? a : a.query;
  const p = pos ?? { start: 0, end: 0 };
  for (const [re, f] of RULES) {
    const m = detail.match(re);
    if (m) return f(m, queryBytes(query, p), p);
  }
  return undefined;
}

/** Returns the query in a form where `pos` (byte offsets) can slice it directly. */
function queryBytes(query: string, pos: PositionRange): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(query)) return query;
  const b = Buffer.from(query, 'utf8');
  const text = b.subarray(pos.start, pos.end).toString('utf8');
  return ' '.repeat(pos.start) + text;
}

/**
 * Advice for PromQL runtime errors, shared by both backends (the embedded
 * engine and a server's 422 answers carry the same messages).
 */
export function runtimeErrorHint(message: string): string | undefined {
  if (/many-to-many matching not allowed/.test(message)) {
    return 'restrict the match with on(...) or ignoring(...) so each series pairs with one on the other side, or aggregate that side first, e.g. sum by (job) (...)';
  }
  if (/found duplicate series for the match group/.test(message)) {
    return 'for many-to-one matching add group_left(...) / group_right(...), or match on fewer labels with on(...)';
  }
  if (/same labelset/.test(message))
    return 'the result would have duplicate series: keep a distinguishing label (e.g. sum by (...) or label_replace)';
  if (/too many samples/i.test(message)) return 'narrow the query: fewer series (more label matchers) or a shorter range';
  return undefined;
}
