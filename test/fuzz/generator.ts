// A seeded random generator of PromQL queries over the fuzz sample: every
// matcher kind, range and instant functions, aggregations with parameters,
// binary operators with every matching modifier, set operators, subqueries,
// offset and @. Only syntax both Prometheus 2.42 and 3.x accept is generated
// (see known-differences.ts for why some is left out).

import { CODES, FUZZ_END, FUZZ_START, INSTANCES, JOBS, rng } from './sample.js';

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rand, p: number): boolean => r() < p;

/**
 * Query times and @ times sit a quarter second off the whole second, where
 * subquery steps (multiples of the step since the epoch) and samples (x.5 s)
 * never are: no window edge meets a point (see sample.ts).
 */
const PHASE_S = 0.25;

const RANGES = ['1m', '2m', '5m', '10m', '90s'];
const OFFSETS = ['1m', '5m', '90s', '-2m', '1h'];

const REGEXES: Record<string, string[]> = {
  job: ['api', 'api|web', 'a.*', '.*b', '.+', '(?i)API', '[aw].*', '', 'nope|api'],
  instance: ['a', 'a|b', '[bc]', '.*', 'b.*', '(a|c)'],
  code: ['2..', '5.*', '200|500', '[0-9]+'],
};

const VALUES: Record<string, string[]> = { job: [...JOBS, 'nope', ''], instance: [...INSTANCES, ''], code: [...CODES] };

function matcher(r: Rand, label: string): string {
  const op = pick(r, ['=', '!=', '=~', '!~']);
  const value = op.includes('~') ? pick(r, REGEXES[label]) : pick(r, VALUES[label]);
  return `${label}${op}${JSON.stringify(value)}`;
}

interface Metric {
  name: string;
  labels: string[];
  counter: boolean;
}

const METRICS: Metric[] = [
  { name: 'fz_requests_total', labels: ['job', 'instance', 'code'], counter: true },
  { name: 'fz_temperature', labels: ['job', 'instance'], counter: false },
  { name: 'fz_up', labels: ['job', 'instance'], counter: false },
  { name: 'fz_sparse', labels: ['job'], counter: false },
  { name: 'fz_latency_seconds_count', labels: ['job'], counter: true },
];

function modifiers(r: Rand): string {
  let s = '';
  if (chance(r, 0.12))
    s += ` @ ${pick(r, ['start()', 'end()', String(FUZZ_START + 3600 + Math.floor(r() * 5000) + PHASE_S), String(FUZZ_END - 1 + PHASE_S)])}`;
  if (chance(r, 0.15)) s += ` offset ${pick(r, OFFSETS)}`;
  return s;
}

function selector(r: Rand, m: Metric): string {
  const ms: string[] = [];
  for (const l of m.labels) if (chance(r, 0.3)) ms.push(matcher(r, l));
  if (chance(r, 0.05)) return `{__name__=~"${m.name}|fz_nope"${ms.map((x) => ',' + x).join('')}}`;
  return ms.length ? `${m.name}{${ms.join(',')}}` : m.name;
}

const RANGE_FNS_COUNTER = ['rate', 'increase', 'irate', 'resets'];
const RANGE_FNS_GAUGE = [
  'delta',
  'idelta',
  'deriv',
  'changes',
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
  'stddev_over_time',
  'stdvar_over_time',
  'last_over_time',
  'present_over_time',
];
const INSTANT_FNS = [
  'abs',
  'ceil',
  'floor',
  'sgn',
  'sort',
  'sort_desc',
  'timestamp',
  'exp',
  'sqrt',
  'ln',
  'log2',
  'log10',
  'cos',
  'sin',
  'atan',
  'deg',
  'rad',
  'minute',
  'hour',
  'day_of_week',
  'month',
  'year',
  'days_in_month',
  'day_of_month',
  'day_of_year',
];
const AGGS = ['sum', 'avg', 'min', 'max', 'count', 'stddev', 'stdvar', 'group'];
const ARITH = ['+', '-', '*', '/', '%', '^', 'atan2'];
const CMP = ['==', '!=', '>', '<', '>=', '<='];
const SETS = ['and', 'or', 'unless'];

/** A range-vector expression over m: a range selector or a subquery. */
function rangeExpr(r: Rand, m: Metric, depth: number): string {
  if (chance(r, 0.8) || depth <= 0) return `${selector(r, m)}[${pick(r, RANGES)}]${modifiers(r)}`;
  const step = pick(r, ['', '1m', '30s', '2m']);
  return `${instantOf(r, m, depth - 1)}[${pick(r, ['5m', '10m', '15m'])}:${step}]${modifiers(r)}`;
}

/** An instant vector whose series carry m's labels. */
function instantOf(r: Rand, m: Metric, depth: number): string {
  const k = r();
  if (depth <= 0 || k < 0.3) return `${selector(r, m)}${modifiers(r)}`;
  if (k < 0.55) {
    const fn = m.counter && chance(r, 0.7) ? pick(r, RANGE_FNS_COUNTER) : pick(r, RANGE_FNS_GAUGE);
    return `${fn}(${rangeExpr(r, m, depth - 1)})`;
  }
  if (k < 0.62) return `quantile_over_time(${pick(r, ['0', '0.5', '0.9', '1', '1.5'])}, ${rangeExpr(r, m, depth - 1)})`;
  if (k < 0.66) return `predict_linear(${rangeExpr(r, m, depth - 1)}, ${pick(r, ['60', '600', '-300'])})`;
  if (k < 0.8) return `${pick(r, INSTANT_FNS)}(${instantOf(r, m, depth - 1)})`;
  if (k < 0.84) return `round(${instantOf(r, m, depth - 1)}, ${pick(r, ['0.5', '10', '1'])})`;
  if (k < 0.88) {
    const f = pick(r, ['clamp', 'clamp_min', 'clamp_max']);
    return f === 'clamp' ? `clamp(${instantOf(r, m, depth - 1)}, -5, 50)` : `${f}(${instantOf(r, m, depth - 1)}, 10)`;
  }
  if (k < 0.93) {
    const src = pick(r, m.labels);
    return `label_replace(${instantOf(r, m, depth - 1)}, "dst", "${pick(r, ['$1', 'x-$1', '${1}y', '$name', '$$'])}", "${src}", "${pick(r, ['(.*)', '(a|w).*', '(?P<name>.)(.*)', '([0-9])00'])}")`;
  }
  if (k < 0.96)
    return `label_join(${instantOf(r, m, depth - 1)}, "joined", "${pick(r, ['-', ',', ''])}", ${m.labels.map((l) => `"${l}"`).join(', ')})`;
  return `-${instantOf(r, m, depth - 1)}`;
}

function grouping(r: Rand, m: Metric): string {
  if (chance(r, 0.35)) return '';
  const ls = m.labels.filter(() => chance(r, 0.5));
  return ` ${chance(r, 0.7) ? 'by' : 'without'} (${ls.join(', ')})`;
}

function aggregate(r: Rand, m: Metric, depth: number): string {
  const inner = instantOf(r, m, depth - 1);
  const k = r();
  if (k < 0.6) return `${pick(r, AGGS)}${grouping(r, m)} (${inner})`;
  if (k < 0.75) return `${pick(r, ['topk', 'bottomk'])}${grouping(r, m)} (${pick(r, ['1', '2', '5', '0'])}, ${inner})`;
  if (k < 0.88) return `quantile${grouping(r, m)} (${pick(r, ['0.5', '0.99', '0', '1', '-1'])}, ${inner})`;
  return `count_values${grouping(r, m)} ("value", ${pick(r, ['fz_up', 'round(fz_temperature)', 'ceil(fz_sparse)'])})`;
}

function matching(r: Rand, m: Metric, op: string): string {
  const k = r();
  const ls = m.labels.filter(() => chance(r, 0.5)).join(', ');
  if (k < 0.45) return '';
  if (k < 0.7) return ` on (${ls})`;
  if (k < 0.85 || SETS.includes(op)) return ` ignoring (${ls})`;
  return ` on (${ls}) ${pick(r, ['group_left', 'group_right'])}${chance(r, 0.5) ? ` (${pick(r, m.labels)})` : ''}`;
}

function binary(r: Rand, depth: number): string {
  const m = pick(r, METRICS);
  const other = chance(r, 0.7) ? m : pick(r, METRICS);
  const k = r();
  const lhs = vectorExpr(r, m, depth - 1);
  if (k < 0.25)
    return `${lhs} ${pick(r, [...ARITH, ...CMP])}${chance(r, 0.3) ? ' bool' : ''} ${pick(r, ['2', '0.5', '-1', '0', '100'])}`.replace(
      /(atan2|[+*/%^-]) bool/,
      '$1',
    );
  if (k < 0.35) return `${pick(r, ['2', '1e3', '0'])} ${pick(r, ARITH)} ${lhs}`;
  const op = pick(r, [...ARITH, ...CMP, ...SETS]);
  const bool = CMP.includes(op) && chance(r, 0.3) ? ' bool' : '';
  return `${lhs} ${op}${bool}${matching(r, m, op)} ${vectorExpr(r, other, depth - 1)}`;
}

function vectorExpr(r: Rand, m: Metric, depth: number): string {
  const k = r();
  if (depth <= 0 || k < 0.55) return instantOf(r, m, depth);
  if (k < 0.85) return aggregate(r, m, depth);
  return `(${binary(r, depth - 1)})`;
}

function histogramQuery(r: Rand): string {
  const sel = `fz_latency_seconds_bucket${chance(r, 0.3) ? '{job="api"}' : ''}`;
  const inner = chance(r, 0.6) ? `sum by (le${chance(r, 0.5) ? ', job' : ''}) (rate(${sel}[${pick(r, RANGES)}]))` : `rate(${sel}[5m])`;
  return `histogram_quantile(${pick(r, ['0.5', '0.9', '0.99', '0', '1', '2', '-1'])}, ${inner})`;
}

function scalarQuery(r: Rand): string {
  const m = pick(r, METRICS);
  return pick(r, [
    `scalar(${aggregate(r, m, 1)})`,
    `vector(${pick(r, ['1', '0.00001', '-0', '1e21'])})`,
    `time() - ${pick(r, ['60', '3600'])}`,
    `absent(${selector(r, m)})`,
    `absent_over_time(${selector(r, m)}[5m])`,
    `${pick(r, ['1', '2.5'])} ${pick(r, ['+', '*', '>', '== bool'])} ${pick(r, ['3', '0'])}`,
  ]);
}

export interface FuzzQuery {
  query: string;
  /** Instant query at time, or a range query over [start, end] by step (seconds). */
  kind: 'instant' | 'range';
  time: number;
  start: number;
  end: number;
  step: number;
}

/** The n-th query of a seed: the same every run. */
export function generate(seed: number, count: number): FuzzQuery[] {
  const r = rng(seed);
  const out: FuzzQuery[] = [];
  for (let i = 0; i < count; i++) {
    const k = r();
    const query = k < 0.08 ? histogramQuery(r) : k < 0.14 ? scalarQuery(r) : k < 0.4 ? binary(r, 3) : vectorExpr(r, pick(r, METRICS), 3);
    const time = FUZZ_START + 1800 + Math.floor(r() * (FUZZ_END - FUZZ_START - 1800)) + PHASE_S;
    const step = pick(r, [15, 30, 60, 45, 37]);
    const end = FUZZ_START + 2400 + Math.floor(r() * (FUZZ_END - FUZZ_START - 2400)) + PHASE_S;
    const start = end - pick(r, [600, 1800, 3600]);
    out.push({ query, kind: chance(r, 0.4) ? 'range' : 'instant', time, start, end, step });
  }
  return out;
}
