// The one table of PromQL keywords: the words that are neither functions nor
// aggregations (src/promql/functions.ts, src/promql/aggregations.ts). The lexer
// classifies words with it, the parser knows which may still name a metric,
// and the REPL knows which end an unfinished line and which start a label list.

import type { Doc } from './functions.js';

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
  /** One line for completion and docs, in each language. */
  doc: Doc;
}

function kw<const N extends string>(
  name: N,
  token: KeywordFacts['token'],
  doc: Doc,
  facts: Partial<KeywordFacts> = {},
): KeywordFacts & { name: N } {
  return { ...facts, name, token, doc };
}

const ROWS = [
  kw(
    'by',
    'KEYWORD',
    { en: 'aggregate keeping only the listed labels', ko: '나열한 레이블만 남기고 집계' },
    { labelList: true, metricName: true, wantsMore: true },
  ),
  kw(
    'without',
    'KEYWORD',
    { en: 'aggregate dropping the listed labels', ko: '나열한 레이블을 빼고 집계' },
    { labelList: true, metricName: true, wantsMore: true },
  ),
  kw(
    'on',
    'KEYWORD',
    { en: 'match the operands on the listed labels only', ko: '나열한 레이블로만 양쪽을 매칭' },
    { labelList: true, vectorMatching: true, wantsMore: true },
  ),
  kw(
    'ignoring',
    'KEYWORD',
    { en: 'match the operands ignoring the listed labels', ko: '나열한 레이블을 무시하고 양쪽을 매칭' },
    { labelList: true, vectorMatching: true, wantsMore: true },
  ),
  kw(
    'group_left',
    'KEYWORD',
    { en: 'many-to-one matching, keeping the listed labels of the right side', ko: 'many-to-one 매칭; 나열한 레이블은 오른쪽에서 가져옴' },
    {
      labelList: true,
      vectorMatching: true,
      wantsMore: true,
    },
  ),
  kw(
    'group_right',
    'KEYWORD',
    { en: 'one-to-many matching, keeping the listed labels of the left side', ko: 'one-to-many 매칭; 나열한 레이블은 왼쪽에서 가져옴' },
    {
      labelList: true,
      vectorMatching: true,
      wantsMore: true,
    },
  ),
  kw(
    'bool',
    'KEYWORD',
    { en: 'comparison returns 0 or 1 instead of filtering', ko: '비교 결과로 거르지 않고 0 또는 1을 돌려줌' },
    { wantsMore: true },
  ),
  kw(
    'offset',
    'KEYWORD',
    { en: 'shift the selection back in time', ko: '선택하는 시점을 과거로 옮김' },
    { metricName: true, wantsMore: true },
  ),
  kw(
    'anchored',
    'KEYWORD',
    { en: 'range modifier: include the sample before the range start', ko: '범위 수정자: 범위 시작 전의 샘플도 포함' },
    { metricName: true },
  ),
  kw(
    'smoothed',
    'KEYWORD',
    { en: 'range modifier: interpolate at the range boundaries', ko: '범위 수정자: 범위 경계에서 보간' },
    { metricName: true },
  ),
  kw('start', 'KEYWORD', { en: '@ start(): the start of the range query', ko: '@ start(): 범위 쿼리의 시작' }, { metricName: true }),
  kw('end', 'KEYWORD', { en: '@ end(): the end of the range query', ko: '@ end(): 범위 쿼리의 끝' }, { metricName: true }),
  kw(
    'step',
    'KEYWORD',
    { en: 'step(): the step of the range query, in duration expressions', ko: 'step(): 범위 쿼리의 스텝, 기간 식에서' },
    { metricName: true },
  ),
  kw(
    'range',
    'KEYWORD',
    { en: 'range(): the range of the range query, in duration expressions', ko: 'range(): 범위 쿼리의 범위, 기간 식에서' },
    { metricName: true },
  ),
  kw(
    'and',
    'OP',
    { en: 'intersection: left series that have a match on the right', ko: '교집합: 오른쪽에 짝이 있는 왼쪽 시계열' },
    { metricName: true, wantsMore: true },
  ),
  kw(
    'or',
    'OP',
    { en: 'union: left series plus right series without a match', ko: '합집합: 왼쪽 시계열과, 짝이 없는 오른쪽 시계열' },
    { metricName: true, wantsMore: true },
  ),
  kw(
    'unless',
    'OP',
    { en: 'complement: left series without a match on the right', ko: '차집합: 오른쪽에 짝이 없는 왼쪽 시계열' },
    { metricName: true, wantsMore: true },
  ),
  kw('atan2', 'OP', { en: 'arctangent of left / right, by quadrant', ko: '왼쪽 / 오른쪽의 아크탄젠트(사분면 고려)' }, { wantsMore: true }),
];

export const KEYWORDS: ReadonlyMap<string, KeywordFacts> = new Map(ROWS.map((k) => [k.name, k]));

/** The keywords with a fact: `keywordsWhere((k) => k.labelList)`. */
export function keywordsWhere(test: (k: KeywordFacts) => boolean | undefined): ReadonlySet<string> {
  return new Set(ROWS.filter((k) => test(k)).map((k) => k.name));
}
