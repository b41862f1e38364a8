// A light reading of the query text, for presentation only: which metric
// names it selects, which functions it calls, whether it orders its result,
// and what unit its values are in. Renderers depend only on result types, so
// this deliberately does not use the parser; when it cannot tell, it says
// "no unit" rather than guess.

import { unitFromName, type Unit } from './format.js';

export interface QueryShape {
  /** Metric names selected (identifiers that are not calls, keywords or grouping labels). */
  metrics: string[];
  /** Functions and aggregations called. */
  calls: Set<string>;
  /** Binary operators used between operands: + - * / % ^ atan2 and comparisons. */
  ops: Set<string>;
}

const KEYWORDS = new Set([
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset',
  'and', 'or', 'unless', 'atan2', 'inf', 'nan', 'start', 'end',
]);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

/** Blank out strings, comments and the insides of {} and [] (label matchers, durations). */
function stripQuery(q: string): string {
  return q
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/#[^\n]*/g, '')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]');
}

export function readQuery(query: string): QueryShape {
  const tokens = stripQuery(query).match(/[A-Za-z_:][A-Za-z0-9_:]*|\d[\w.]*|==|!=|>=|<=|[-+*/%^()<>,{}@]/g) ?? [];
  const shape: QueryShape = { metrics: [], calls: new Set(), ops: new Set() };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (GROUPING.has(tok.toLowerCase()) && next === '(') {
      i = skipGroup(tokens, i + 1); // by (job, instance): labels, not metrics
      continue;
    }
    if (/^[A-Za-z_:]/.test(tok)) {
      if (tok.toLowerCase() === 'atan2') shape.ops.add('atan2');
      // `sum by (job) (...)`: an aggregation with its grouping first.
      if (next === '(' || /^(by|without)$/i.test(next ?? '')) shape.calls.add(tok);
      else if (!KEYWORDS.has(tok.toLowerCase()) && tokens[i - 1] !== '@') shape.metrics.push(tok);
    } else if (/^(==|!=|>=|<=|[-+*/%^<>])$/.test(tok)) {
      shape.ops.add(tok);
    }
  }
  shape.metrics = [...new Set(shape.metrics)];
  return shape;
}

function skipGroup(tokens: string[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j] === '(') depth++;
    else if (tokens[j] === ')' && --depth === 0) return j;
  }
  return tokens.length;
}

const ORDERING = /^[\s(]*(sort|sort_desc|sort_by_label|sort_by_label_desc|topk|bottomk|limitk|limit_ratio)\s*\(/;

/** Whether the query's outermost operation orders its result (so the backend's order is kept). */
export function queryOrdersResult(query: string | undefined): boolean {
  return query !== undefined && ORDERING.test(query);
}

// Functions whose result has no unit of their argument (counts, flags, calendar parts, logs...).
const UNITLESS_CALLS = new Set([
  'count', 'count_values', 'count_over_time', 'absent', 'absent_over_time', 'present_over_time', 'changes',
  'resets', 'group', 'sgn', 'day_of_week', 'day_of_month', 'day_of_year', 'days_in_month', 'hour', 'minute',
  'month', 'year', 'histogram_count', 'ln', 'log2', 'log10', 'exp', 'sqrt', 'stdvar', 'stdvar_over_time',
  'histogram_stdvar', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh',
  'atanh', 'deg', 'rad', 'pi', 'vector',
]);
const PER_SECOND_CALLS = ['rate', 'irate', 'deriv'];

/** The unit of a query's values when its series no longer carry a name. */
export function inferQueryUnit(query: string | undefined): Unit {
  if (!query) return 'none';
  const shape = readQuery(query);
  if (shape.calls.has('histogram_fraction')) return 'ratio';
  if ([...shape.calls].some((c) => UNITLESS_CALLS.has(c))) return 'none';
  const quantile = shape.calls.has('histogram_quantile') || shape.calls.has('histogram_avg');
  const units = shape.metrics.map((m) => metricUnit(m, quantile));
  if (shape.calls.has('time') || shape.calls.has('timestamp')) units.push('timestamp');
  const arith = ['*', '/', '%', '^', 'atan2'].some((op) => shape.ops.has(op));
  if (arith) return sumOverCount(shape) ?? ratioOf(query) ?? 'none';
  const distinct = new Set(units);
  if (distinct.size !== 1) return 'none';
  let unit = [...distinct][0]!;
  // The difference of two timestamps is a duration (time() - process_start_time_seconds).
  if (unit === 'timestamp' && shape.ops.has('-') && units.length > 1) unit = 'seconds';
  if (quantile) return unit;
  if (PER_SECOND_CALLS.some((c) => shape.calls.has(c))) return perSecond(unit);
  return unit;
}

function metricUnit(name: string, quantile: boolean): Unit {
  if (name.endsWith('_bucket')) return quantile ? unitFromName(name.slice(0, -'_bucket'.length)) : 'none';
  if (name.endsWith('_count')) return 'none';
  return unitFromName(name);
}

function perSecond(unit: Unit): Unit {
  if (unit === 'bytes') return 'bytes/s';
  if (unit === 'none') return 'per-second';
  return 'none'; // seconds per second, or a rate of a ratio: no honest unit
}

/** rate(x_seconds_sum[5m]) / rate(x_seconds_count[5m]) is an average in x's unit. */
function sumOverCount(shape: QueryShape): Unit | undefined {
  if (shape.metrics.length !== 2 || !shape.ops.has('/') || shape.ops.has('*')) return undefined;
  const [a, b] = shape.metrics as [string, string];
  if (a.endsWith('_sum') && b === a.slice(0, -4) + '_count') return unitFromName(a.slice(0, -4));
  return undefined;
}

/**
 * One division of like by like is a ratio: the same metric on both sides
 * (errors / all requests of http_requests_total) or two metrics of the same
 * unit (MemAvailable_bytes / MemTotal_bytes). Different counters divided
 * (requests per order) have no unit we can name.
 */
function ratioOf(query: string): Unit | undefined {
  const stripped = stripQuery(query);
  const parts = stripped.split('/');
  if (parts.length !== 2 || /[*%^]|atan2/.test(stripped)) return undefined;
  const [num, den] = parts.map((p) => readQuery(p).metrics) as [string[], string[]];
  if (num.length !== 1 || den.length !== 1) return undefined;
  if (num[0] === den[0]) return 'ratio';
  const unit = unitFromName(num[0]);
  return unit !== 'none' && unit !== 'timestamp' && unit === unitFromName(den[0]) ? 'ratio' : undefined;
}
