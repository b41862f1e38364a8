// The one table of PromQL functions, as Prometheus's promql/parser/functions.go.
//
// The parser type-checks calls against it, the REPL completes from it and shows
// the signatures, the renderer infers units and ordering from its columns, and
// the engine keys its implementations by the same names (IMPLEMENTATIONS in
// src/engine/functions.ts, typed by FunctionName so `tsc` fails when a row has
// no implementation or an implementation has no row).

import type { Lang } from '../util/lang.js';
import type { ValueType } from './ast.js';

/**
 * A one-line doc in every language promlearn speaks (English is the source),
 * kept in the row it describes so a new row cannot miss a translation: the
 * reader picks the run's language (`doc[currentLang()]`). Data rather than a
 * catalog entry, so the parser's tables load no message catalog.
 */
export type Doc = Readonly<Record<Lang, string>>;

/**
 * What the values of a call's result measure, relative to its argument, for
 * presentation (src/render/query-text.ts) and explanations.
 * - 'argument': the unit of the argument (the default: abs, min_over_time, sum...)
 * - 'none': a count, flag, calendar part or transcendental value; no unit
 * - 'per-second': the argument's unit per second (rate, irate, deriv)
 * - 'ratio': a fraction between 0 and 1
 * - 'timestamp': seconds since the epoch
 * - 'observations': the unit of the observations of the histogram argument (histogram_quantile)
 */
export type ResultUnit = 'argument' | 'none' | 'per-second' | 'ratio' | 'timestamp' | 'observations';

/** The facts of one function besides its signature; every column is read by more than one layer. */
interface FunctionFacts {
  /**
   * As Prometheus: 0 (the default) means exactly argTypes.length arguments.
   * Otherwise the last argument is optional and repeatable: at least
   * argTypes.length - 1 arguments, at most argTypes.length - 1 + variadic (no
   * limit when -1); extra arguments take the last argument's type.
   */
  variadic?: number;
  /** Behind Prometheus's `promql-experimental-functions` flag. */
  experimental?: boolean;
  /**
   * Reads a counter: resets within the window are compensated (the engine
   * precomputes them), and the engine notes metric names that do not look like
   * counters (no _total/_sum/_count/_bucket suffix), as Prometheus does.
   */
  readsCounter?: boolean;
  /** Keeps the metric name of its input (it acts like an offset), where other functions drop it. */
  keepsName?: boolean;
  /** Accepts the `anchored` range modifier (Prometheus 3 extended range selectors). */
  anchored?: boolean;
  /** Accepts the `smoothed` range modifier. */
  smoothed?: boolean;
  /** Unit of the result relative to the argument (see ResultUnit); 'argument' when absent. */
  unit?: ResultUnit;
  /** Returns its series in a meaningful order (sort...), which presentation must keep. */
  ordersResult?: boolean;
}

export interface FunctionSignature extends Omit<FunctionFacts, 'variadic'> {
  name: string;
  argTypes: ValueType[];
  /** See FunctionFacts.variadic. */
  variadic: number;
  returnType: ValueType;
  /** One line for completion, `.help` and docs, in each language. */
  doc: Doc;
}

const V: ValueType = 'vector';
const M: ValueType = 'matrix';
const S: ValueType = 'scalar';
const STR: ValueType = 'string';

function fn<const N extends string>(
  name: N,
  argTypes: ValueType[],
  returnType: ValueType,
  doc: Doc,
  facts: FunctionFacts = {},
): FunctionSignature & { name: N } {
  return { ...facts, name, argTypes, returnType, doc, variadic: facts.variadic ?? 0 };
}

const ROWS = [
  fn('abs', [V], V, { en: 'absolute value of each sample', ko: '각 샘플의 절댓값' }),
  fn(
    'absent',
    [V],
    V,
    { en: '1-element vector if the argument has no series, else empty', ko: '인자에 시계열이 없으면 원소 하나짜리 벡터, 있으면 빈 결과' },
    { unit: 'none' },
  ),
  fn(
    'absent_over_time',
    [M],
    V,
    { en: '1-element vector if the range has no samples, else empty', ko: '범위 안에 샘플이 없으면 원소 하나짜리 벡터, 있으면 빈 결과' },
    { unit: 'none' },
  ),
  fn('acos', [V], V, { en: 'arccosine', ko: '아크코사인' }, { unit: 'none' }),
  fn('acosh', [V], V, { en: 'inverse hyperbolic cosine', ko: '역쌍곡코사인' }, { unit: 'none' }),
  fn('asin', [V], V, { en: 'arcsine', ko: '아크사인' }, { unit: 'none' }),
  fn('asinh', [V], V, { en: 'inverse hyperbolic sine', ko: '역쌍곡사인' }, { unit: 'none' }),
  fn('atan', [V], V, { en: 'arctangent', ko: '아크탄젠트' }, { unit: 'none' }),
  fn('atanh', [V], V, { en: 'inverse hyperbolic tangent', ko: '역쌍곡탄젠트' }, { unit: 'none' }),
  fn('avg_over_time', [M], V, { en: 'average of all samples in the range', ko: '범위 안 모든 샘플의 평균' }),
  fn('ceil', [V], V, { en: 'round up to the nearest integer', ko: '가장 가까운 정수로 올림' }),
  fn(
    'changes',
    [M],
    V,
    { en: 'number of times the value changed within the range', ko: '범위 안에서 값이 바뀐 횟수' },
    { unit: 'none', anchored: true },
  ),
  fn('clamp', [V, S, S], V, { en: 'clamp values to [min, max]', ko: '값을 [min, max] 범위로 제한' }),
  fn('clamp_max', [V, S], V, { en: 'clamp values to at most max', ko: '값이 max를 넘지 않게 제한' }),
  fn('clamp_min', [V, S], V, { en: 'clamp values to at least min', ko: '값이 min보다 작아지지 않게 제한' }),
  fn('cos', [V], V, { en: 'cosine', ko: '코사인' }, { unit: 'none' }),
  fn('cosh', [V], V, { en: 'hyperbolic cosine', ko: '쌍곡코사인' }, { unit: 'none' }),
  fn('count_over_time', [M], V, { en: 'number of samples in the range', ko: '범위 안 샘플 개수' }, { unit: 'none' }),
  fn(
    'days_in_month',
    [V],
    V,
    { en: 'days in the month of each timestamp (UTC); default time()', ko: '각 타임스탬프가 속한 달의 일수(UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn(
    'day_of_month',
    [V],
    V,
    { en: 'day of the month (1-31, UTC); default time()', ko: '그 달의 며칠째인지(1-31, UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn(
    'day_of_week',
    [V],
    V,
    { en: 'day of the week (0 = Sunday, UTC); default time()', ko: '요일(0 = 일요일, UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn(
    'day_of_year',
    [V],
    V,
    { en: 'day of the year (1-366, UTC); default time()', ko: '그 해의 며칠째인지(1-366, UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn('deg', [V], V, { en: 'radians to degrees', ko: '라디안을 도(degree)로 변환' }, { unit: 'none' }),
  fn(
    'delta',
    [M],
    V,
    {
      en: 'difference between first and last value of a gauge over the range, extrapolated',
      ko: '게이지의 범위 안 처음 값과 마지막 값의 차이(외삽)',
    },
    {
      anchored: true,
      smoothed: true,
    },
  ),
  fn(
    'deriv',
    [M],
    V,
    { en: 'per-second derivative of a gauge by linear regression', ko: '선형 회귀로 구한 게이지의 초당 변화율' },
    { unit: 'per-second' },
  ),
  fn(
    'double_exponential_smoothing',
    [M, S, S],
    V,
    { en: 'smoothed value of a gauge (smoothing factor, trend factor)', ko: '이중 지수 평활로 구한 게이지 값(평활 계수, 추세 계수)' },
    { experimental: true },
  ),
  fn('end', [], S, { en: 'end time of the range query (seconds)', ko: '범위 쿼리의 끝 시각(초)' }, { experimental: true }),
  fn('exp', [V], V, { en: 'e raised to each value', ko: 'e를 각 값만큼 거듭제곱' }, { unit: 'none' }),
  fn('first_over_time', [M], V, { en: 'oldest sample in the range', ko: '범위 안 가장 오래된 샘플' }, { keepsName: true }),
  fn('floor', [V], V, { en: 'round down to the nearest integer', ko: '가장 가까운 정수로 내림' }),
  fn(
    'histogram_avg',
    [V],
    V,
    { en: 'average of observations in native histograms', ko: '네이티브 히스토그램 관측값의 평균' },
    { unit: 'observations' },
  ),
  fn(
    'histogram_count',
    [V],
    V,
    { en: 'count of observations in native histograms', ko: '네이티브 히스토그램 관측값의 개수' },
    { unit: 'none' },
  ),
  fn(
    'histogram_fraction',
    [S, S, V],
    V,
    { en: 'fraction of observations between lower and upper bound', ko: '관측값 중 하한과 상한 사이에 있는 비율' },
    { unit: 'ratio' },
  ),
  fn(
    'histogram_quantile',
    [S, V],
    V,
    {
      en: 'φ-quantile from histogram buckets (classic `le` buckets or native)',
      ko: '히스토그램 버킷(클래식 `le` 버킷 또는 네이티브)으로 구한 φ 분위수',
    },
    { unit: 'observations' },
  ),
  fn(
    'histogram_quantiles',
    [V, STR, S, S],
    V,
    { en: 'several quantiles at once, in a label', ko: '여러 분위수를 한 번에 구해 레이블에 담음' },
    { variadic: 9, experimental: true },
  ),
  fn('histogram_stddev', [V], V, {
    en: 'standard deviation of observations in native histograms',
    ko: '네이티브 히스토그램 관측값의 표준편차',
  }),
  fn(
    'histogram_stdvar',
    [V],
    V,
    { en: 'variance of observations in native histograms', ko: '네이티브 히스토그램 관측값의 분산' },
    { unit: 'none' },
  ),
  fn('histogram_sum', [V], V, { en: 'sum of observations in native histograms', ko: '네이티브 히스토그램 관측값의 합' }),
  fn(
    'hour',
    [V],
    V,
    { en: 'hour of the day (0-23, UTC); default time()', ko: '하루 중 시(0-23, UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn('idelta', [M], V, { en: 'difference between the last two samples of a gauge', ko: '게이지의 마지막 두 샘플의 차이' }),
  fn(
    'increase',
    [M],
    V,
    { en: 'increase of a counter over the range, extrapolated; handles resets', ko: '카운터의 범위 안 증가량(외삽, 리셋 보정)' },
    {
      readsCounter: true,
      anchored: true,
      smoothed: true,
    },
  ),
  fn(
    'info',
    [V, V],
    V,
    { en: 'add labels from info metrics such as target_info', ko: 'target_info 같은 info 메트릭의 레이블을 덧붙임' },
    { variadic: 1, experimental: true },
  ),
  fn(
    'irate',
    [M],
    V,
    { en: 'per-second rate from the last two samples of a counter', ko: '카운터의 마지막 두 샘플로 구한 초당 증가율' },
    { unit: 'per-second' },
  ),
  fn(
    'label_join',
    [V, STR, STR, STR],
    V,
    { en: 'join the values of source labels into a destination label', ko: '소스 레이블들의 값을 이어 붙여 대상 레이블에 넣음' },
    { variadic: -1 },
  ),
  fn('label_replace', [V, STR, STR, STR, STR], V, {
    en: 'set a label from a regex match on another label',
    ko: '다른 레이블 값에 정규식을 맞춰 레이블을 설정',
  }),
  fn('last_over_time', [M], V, { en: 'most recent sample in the range', ko: '범위 안 가장 최근 샘플' }, { keepsName: true }),
  fn('ln', [V], V, { en: 'natural logarithm', ko: '자연로그' }, { unit: 'none' }),
  fn('log10', [V], V, { en: 'decimal logarithm', ko: '상용로그' }, { unit: 'none' }),
  fn('log2', [V], V, { en: 'binary logarithm', ko: '이진 로그' }, { unit: 'none' }),
  fn(
    'mad_over_time',
    [M],
    V,
    { en: 'median absolute deviation of the samples in the range', ko: '범위 안 샘플의 중앙값 절대 편차' },
    { experimental: true },
  ),
  fn('max_of', [S, S], S, { en: 'the larger of two scalars', ko: '두 스칼라 중 큰 값' }, { experimental: true }),
  fn('max_over_time', [M], V, { en: 'maximum sample in the range', ko: '범위 안 샘플의 최댓값' }),
  fn('min_of', [S, S], S, { en: 'the smaller of two scalars', ko: '두 스칼라 중 작은 값' }, { experimental: true }),
  fn('min_over_time', [M], V, { en: 'minimum sample in the range', ko: '범위 안 샘플의 최솟값' }),
  fn(
    'minute',
    [V],
    V,
    { en: 'minute of the hour (0-59, UTC); default time()', ko: '분(0-59, UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn(
    'month',
    [V],
    V,
    { en: 'month of the year (1-12, UTC); default time()', ko: '월(1-12, UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
  fn('pi', [], S, { en: 'the number π', ko: '원주율 π' }, { unit: 'none' }),
  fn('predict_linear', [M, S], V, { en: 'predicted value t seconds from now, by linear regression', ko: '선형 회귀로 예측한 t초 뒤의 값' }),
  fn(
    'present_over_time',
    [M],
    V,
    { en: '1 for every series with a sample in the range', ko: '범위 안에 샘플이 있는 시계열마다 1' },
    { unit: 'none' },
  ),
  fn('quantile_over_time', [S, M], V, { en: 'φ-quantile of the samples in the range', ko: '범위 안 샘플의 φ 분위수' }),
  fn('rad', [V], V, { en: 'degrees to radians', ko: '도(degree)를 라디안으로 변환' }, { unit: 'none' }),
  fn('range', [], S, { en: 'range of the range query (seconds)', ko: '범위 쿼리의 범위(초)' }, { experimental: true }),
  fn(
    'rate',
    [M],
    V,
    {
      en: 'per-second average rate of increase of a counter, extrapolated; handles resets',
      ko: '카운터의 초당 평균 증가율(외삽, 리셋 보정)',
    },
    {
      unit: 'per-second',
      readsCounter: true,
      anchored: true,
      smoothed: true,
    },
  ),
  fn(
    'resets',
    [M],
    V,
    { en: 'number of counter resets within the range', ko: '범위 안 카운터 리셋 횟수' },
    { unit: 'none', anchored: true },
  ),
  fn(
    'round',
    [V, S],
    V,
    { en: 'round to the nearest integer, or multiple of to_nearest', ko: '가장 가까운 정수, 또는 to_nearest의 배수로 반올림' },
    { variadic: 1 },
  ),
  fn('scalar', [V], S, {
    en: 'the single sample of a 1-element vector as a scalar, else NaN',
    ko: '원소 하나짜리 벡터의 샘플을 스칼라로, 아니면 NaN',
  }),
  fn('sgn', [V], V, { en: 'sign: 1, -1 or 0', ko: '부호: 1, -1 또는 0' }, { unit: 'none' }),
  fn('sin', [V], V, { en: 'sine', ko: '사인' }, { unit: 'none' }),
  fn('sinh', [V], V, { en: 'hyperbolic sine', ko: '쌍곡사인' }, { unit: 'none' }),
  fn(
    'sort',
    [V],
    V,
    { en: 'sort by value, ascending (instant queries only)', ko: '값 오름차순 정렬(인스턴트 쿼리에서만)' },
    { ordersResult: true },
  ),
  fn(
    'sort_by_label',
    [V, STR],
    V,
    { en: 'sort by label values, ascending', ko: '레이블 값 오름차순 정렬' },
    { variadic: -1, experimental: true, ordersResult: true },
  ),
  fn(
    'sort_by_label_desc',
    [V, STR],
    V,
    { en: 'sort by label values, descending', ko: '레이블 값 내림차순 정렬' },
    { variadic: -1, experimental: true, ordersResult: true },
  ),
  fn(
    'sort_desc',
    [V],
    V,
    { en: 'sort by value, descending (instant queries only)', ko: '값 내림차순 정렬(인스턴트 쿼리에서만)' },
    { ordersResult: true },
  ),
  fn('sqrt', [V], V, { en: 'square root', ko: '제곱근' }, { unit: 'none' }),
  fn('start', [], S, { en: 'start time of the range query (seconds)', ko: '범위 쿼리의 시작 시각(초)' }, { experimental: true }),
  fn(
    'start_timestamp',
    [V],
    V,
    { en: 'start timestamp (created time) of each sample, in seconds', ko: '각 샘플의 시작 타임스탬프(created time), 초 단위' },
    { experimental: true },
  ),
  fn('stddev_over_time', [M], V, { en: 'population standard deviation of the samples in the range', ko: '범위 안 샘플의 모표준편차' }),
  fn('stdvar_over_time', [M], V, { en: 'population variance of the samples in the range', ko: '범위 안 샘플의 모분산' }, { unit: 'none' }),
  fn('step', [], S, { en: 'step of the range query (seconds)', ko: '범위 쿼리의 스텝(초)' }, { experimental: true }),
  fn('sum_over_time', [M], V, { en: 'sum of the samples in the range', ko: '범위 안 샘플의 합' }),
  fn('tan', [V], V, { en: 'tangent', ko: '탄젠트' }, { unit: 'none' }),
  fn('tanh', [V], V, { en: 'hyperbolic tangent', ko: '쌍곡탄젠트' }, { unit: 'none' }),
  fn('time', [], S, { en: 'evaluation time in seconds since the epoch', ko: '평가 시각(에포크 이후 초)' }, { unit: 'timestamp' }),
  fn('timestamp', [V], V, { en: 'timestamp of each sample, in seconds', ko: '각 샘플의 타임스탬프(초)' }, { unit: 'timestamp' }),
  fn(
    'ts_of_first_over_time',
    [M],
    V,
    { en: 'timestamp of the oldest sample in the range', ko: '범위 안 가장 오래된 샘플의 타임스탬프' },
    { experimental: true },
  ),
  fn(
    'ts_of_last_over_time',
    [M],
    V,
    { en: 'timestamp of the most recent sample in the range', ko: '범위 안 가장 최근 샘플의 타임스탬프' },
    { experimental: true },
  ),
  fn(
    'ts_of_max_over_time',
    [M],
    V,
    { en: 'timestamp of the maximum sample in the range', ko: '범위 안 최댓값 샘플의 타임스탬프' },
    { experimental: true },
  ),
  fn(
    'ts_of_min_over_time',
    [M],
    V,
    { en: 'timestamp of the minimum sample in the range', ko: '범위 안 최솟값 샘플의 타임스탬프' },
    { experimental: true },
  ),
  fn(
    'vector',
    [S],
    V,
    { en: 'the scalar as a 1-element vector without labels', ko: '스칼라를 레이블 없는 원소 하나짜리 벡터로' },
    { unit: 'none' },
  ),
  fn(
    'year',
    [V],
    V,
    { en: 'year of each timestamp (UTC); default time()', ko: '각 타임스탬프의 연도(UTC); 기본값 time()' },
    { variadic: 1, unit: 'none' },
  ),
];

/** The name of a PromQL function: a row of the table. */
export type FunctionName = (typeof ROWS)[number]['name'];

export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map(ROWS.map((f) => [f.name, f]));

export function getFunction(name: string): FunctionSignature | undefined {
  return FUNCTIONS.get(name);
}

/** Names of the functions with a fact, in table (alphabetical) order: `functionsWhere((f) => f.anchored)`. */
export function functionsWhere(test: (f: FunctionSignature) => boolean | undefined): FunctionName[] {
  return ROWS.filter((f) => test(f)).map((f) => f.name);
}

/** Human signature for completion and messages: `rate(v range-vector) instant-vector`. */
export function formatSignature(f: FunctionSignature): string {
  const names: Record<string, string> = {
    vector: 'instant-vector',
    matrix: 'range-vector',
    scalar: 'scalar',
    string: 'string',
    none: 'none',
  };
  const args = f.argTypes.map((t) => names[t]);
  if (f.variadic === -1 && args.length > 0) args[args.length - 1] = `${args[args.length - 1]}...`;
  else if (f.variadic === 1 && args.length > 0) args[args.length - 1] = `[${args[args.length - 1]}]`;
  else if (f.variadic > 1 && args.length > 0) args[args.length - 1] = `[${args[args.length - 1]}...]`;
  return `${f.name}(${args.join(', ')}) ${names[f.returnType]}`;
}
