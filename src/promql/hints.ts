// Hints: advice shown under a parse error. Prometheus's message stays exact;
// the hint is ours and only given when we can say something useful.

import { t } from '../util/messages/index.js';
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
      if (/^[\w:]+(\{.*\})?$/s.test(arg)) return t('hint.addRange', { arg });
      return t('hint.addRangeSubquery', { arg });
    },
  ],
  [/^expected type instant vector in call to function "(\w+)", got range vector$/, () => t('hint.wantsInstant')],
  [/^expected type instant vector in aggregation expression, got range vector$/, () => t('hint.aggWantsInstant')],
  [/^ranges only allowed for vector selectors$/, () => t('hint.rangeOnExpr')],
  [
    /^unknown function with name "([^"]*)"$/,
    (m) => {
      const s = suggestFunctions(m[1]);
      return s.length ? t('hint.didYouMean', { names: s.join(', ') }) : t('hint.seeFunctions');
    },
  ],
  [/^function "(\w+)" is not enabled$/, () => t('hint.experimentalFunction')],
  [/is experimental and must be enabled/, () => t('hint.experimental')],
  [/^comparisons between scalars must use BOOL modifier$/, () => t('hint.scalarBool')],
  [/^unclosed left parenthesis$/, () => t('hint.unclosedParen')],
  [/^unexpected right parenthesis/, () => t('hint.extraParen')],
  [/^unclosed left bracket$/, () => t('hint.unclosedBracket')],
  [/^unexpected end of input inside braces$/, () => t('hint.unclosedBrace')],
  [/^vector selector must contain at least one non-empty matcher$/, () => t('hint.emptyMatcher')],
  [/^set operator "(\w+)" not allowed in binary scalar expression$/, () => t('hint.setOperatorScalar')],
  [/^offset modifier must be preceded by/, () => t('hint.offsetPlace')],
  [/^@ modifier must be preceded by/, () => t('hint.atPlace')],
  [/^no offset modifiers allowed before range$/, () => t('hint.rangeBeforeOffset')],
  [/^no @ modifiers allowed before range$/, () => t('hint.rangeBeforeAt')],
  [/^bad number or duration syntax/, () => t('hint.durationSyntax')],
  [/^not a valid duration string/, () => t('hint.durationOrder')],
  [/^duration must be greater than 0$/, () => t('hint.durationPositive')],
  [
    /^unexpected <(by|without)>/,
    (m, q, pos) => {
      const before = q.slice(0, pos.start);
      const call = /([a-z_]+)\([^]*\)\s*$/.exec(before);
      if (call && FUNCTIONS.has(call[1]) && !AGGREGATIONS.has(call[1])) {
        return t('hint.groupingOnFunction', { kw: m[1]!, f: call[1]! });
      }
      return t('hint.groupingPlace');
    },
  ],
  [
    /^unexpected (identifier|metric identifier) "([^"]*)"( in aggregation)?$/,
    (m) => {
      if (m[3]) return t('hint.aggParens');
      return t('hint.needOperator');
    },
  ],
  [/^unexpected "=" in label matching, expected string$/, () => t('hint.singleEquals')],
  [/^unexpected identifier "[^"]*" in label matching, expected string$/, () => t('hint.quoteValues')],
  [/^unexpected character inside braces: '([^']*)'/, () => t('hint.matcherForms')],
  [/^wrong number of arguments for aggregate expression provided, expected 2/, () => t('hint.aggParam')],
  [/^wrong number of arguments for aggregate expression provided, expected 1/, () => t('hint.aggOneArg')],
  [/^expected type string in aggregation parameter/, () => t('hint.countValuesLabel')],
  [/^many-to-many matching not allowed|^multiple matches for labels/, () => t('hint.groupModifiers')],
  [/^no grouping allowed for/, () => t('hint.noGrouping')],
  [/^bool modifier can only be used on comparison operators$/, () => t('hint.boolOnlyCompare')],
  [/^subquery is only allowed on instant vector/, () => t('hint.subqueryInstant')],
  [/^unexpected end of input$/, () => t('hint.endsEarly')],
  [/^unexpected <aggr:(\w+)>/, () => t('hint.aggNeedsParens')],
  [/^unexpected <(on|ignoring|group_left|group_right|bool|atan2)>/, (m) => t('hint.keyword', { kw: m[1]! })],
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
    return t('hint.manyToMany');
  }
  if (/found duplicate series for the match group/.test(message)) {
    return t('hint.duplicateSeries');
  }
  if (/same labelset/.test(message)) return t('hint.sameLabelset');
  if (/too many samples/i.test(message)) return t('hint.tooManySamples');
  return undefined;
}
