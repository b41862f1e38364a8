// The one table of PromQL keywords: the words that are neither functions nor
// aggregations (src/promql/functions.ts, src/promql/aggregations.ts). The lexer
// classifies words with it, the parser knows which may still name a metric,
// and the REPL knows which end an unfinished line and which start a label list.

interface KeywordFacts {
  name: string;
  /** How the lexer emits it: a KEYWORD token, or an OP token (the set operators and atan2). */
  token: 'KEYWORD' | 'OP';
  /** Where it stands alone (`offset`, `sum by`) it still selects a metric of that name, as in Prometheus. */
  metricName?: boolean;
  /** A parenthesised list of label names follows it: `by (job)`, `on (instance)`. */
  labelList?: boolean;
  /** Part of a binary operator's vector matching (`on`, `group_left`...): an operand follows its label list. */
  vectorMatching?: boolean;
  /** Ending a line with it leaves the expression unfinished (the REPL reads another line). */
  wantsMore?: boolean;
  /** One line for completion and docs. */
  doc: string;
}

function kw<const N extends string>(
  name: N,
  token: KeywordFacts['token'],
  doc: string,
  facts: Partial<KeywordFacts> = {},
): KeywordFacts & { name: N } {
  return { ...facts, name, token, doc };
}

const ROWS = [
  kw('by', 'KEYWORD', 'aggregate keeping only the listed labels', { labelList: true, metricName: true, wantsMore: true }),
  kw('without', 'KEYWORD', 'aggregate dropping the listed labels', { labelList: true, metricName: true, wantsMore: true }),
  kw('on', 'KEYWORD', 'match the operands on the listed labels only', { labelList: true, vectorMatching: true, wantsMore: true }),
  kw('ignoring', 'KEYWORD', 'match the operands ignoring the listed labels', { labelList: true, vectorMatching: true, wantsMore: true }),
  kw('group_left', 'KEYWORD', 'many-to-one matching, keeping the listed labels of the right side', {
    labelList: true,
    vectorMatching: true,
    wantsMore: true,
  }),
  kw('group_right', 'KEYWORD', 'one-to-many matching, keeping the listed labels of the left side', {
    labelList: true,
    vectorMatching: true,
    wantsMore: true,
  }),
  kw('bool', 'KEYWORD', 'comparison returns 0 or 1 instead of filtering', { wantsMore: true }),
  kw('offset', 'KEYWORD', 'shift the selection back in time', { metricName: true, wantsMore: true }),
  kw('anchored', 'KEYWORD', 'range modifier: include the sample before the range start', { metricName: true }),
  kw('smoothed', 'KEYWORD', 'range modifier: interpolate at the range boundaries', { metricName: true }),
  kw('start', 'KEYWORD', '@ start(): the start of the range query', { metricName: true }),
  kw('end', 'KEYWORD', '@ end(): the end of the range query', { metricName: true }),
  kw('step', 'KEYWORD', 'step(): the step of the range query, in duration expressions', { metricName: true }),
  kw('range', 'KEYWORD', 'range(): the range of the range query, in duration expressions', { metricName: true }),
  kw('and', 'OP', 'intersection: left series that have a match on the right', { metricName: true, wantsMore: true }),
  kw('or', 'OP', 'union: left series plus right series without a match', { metricName: true, wantsMore: true }),
  kw('unless', 'OP', 'complement: left series without a match on the right', { metricName: true, wantsMore: true }),
  kw('atan2', 'OP', 'arctangent of left / right, by quadrant', { wantsMore: true }),
];

export const KEYWORDS: ReadonlyMap<string, KeywordFacts> = new Map(ROWS.map((k) => [k.name, k]));

/** The keywords with a fact: `keywordsWhere((k) => k.labelList)`. */
export function keywordsWhere(test: (k: KeywordFacts) => boolean | undefined): ReadonlySet<string> {
  return new Set(ROWS.filter((k) => test(k)).map((k) => k.name));
}
