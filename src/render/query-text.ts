// A light reading of the query text, for presentation only: which metric
// names it selects, which functions it calls, whether it orders its result,
// and what unit its values are in. It reads the tokens of the PromQL lexer's
// tolerant mode (so a query the parser rejects still gets an answer) and the
// unit and ordering columns of the functions and aggregations tables; when it
// cannot tell, it says "no unit" rather than guess.

import { lexTolerant, type Token } from '../promql/lexer.js';
import { getFunction, type ResultUnit } from '../promql/functions.js';
import { getAggregation } from '../promql/aggregations.js';
import { keywordsWhere } from '../promql/keywords.js';
import { unitFromName, type Unit } from './format.js';

export interface QueryShape {
  /** Metric names selected (identifiers that are not calls, keywords or grouping labels). */
  metrics: string[];
  /** Functions and aggregations called. */
  calls: Set<string>;
  /** Binary operators used between operands: + - * / % ^ atan2 and comparisons. */
  ops: Set<string>;
}

/** Tokens outside strings, comments, label matchers `{...}` and ranges `[...]`, from the lexer's tolerant mode. */
function topLevelTokens(query: string): Token[] {
  const out: Token[] = [];
  let braces = 0;
  let brackets = 0;
  for (const t of lexTolerant(query)) {
    if (t.type === 'LEFT_BRACE') braces++;
    else if (t.type === 'RIGHT_BRACE') braces = Math.max(0, braces - 1);
    else if (t.type === 'LEFT_BRACKET') brackets++;
    else if (t.type === 'RIGHT_BRACKET') brackets = Math.max(0, brackets - 1);
    else if (braces === 0 && brackets === 0 && t.type !== 'STRING' && t.type !== 'COMMENT' && t.type !== 'EOF') out.push(t);
  }
  return out;
}

const WORDS: ReadonlySet<string> = new Set(['IDENTIFIER', 'METRIC_IDENTIFIER', 'AGGR', 'KEYWORD']);
const LABEL_LISTS = keywordsWhere((k) => k.labelList);
const BINARY_OPS = /^(==|!=|>=|<=|[-+*/%^<>])$/;

/** A word's text (names, keywords, word operators, inf/nan), or undefined for other tokens. */
function wordOf(t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (WORDS.has(t.type) || (t.type === 'OP' && t.kw) || (t.type === 'NUMBER' && /^[A-Za-z]/.test(t.val))) return t.val;
  return undefined;
}

function shapeOf(tokens: Token[]): QueryShape {
  const shape: QueryShape = { metrics: [], calls: new Set(), ops: new Set() };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1];
    const word = wordOf(tok);
    if (word !== undefined && LABEL_LISTS.has(word.toLowerCase()) && next?.type === 'LEFT_PAREN') {
      i = skipGroup(tokens, i + 1); // by (job, instance): labels, not metrics
      continue;
    }
    if (word !== undefined) {
      if (word.toLowerCase() === 'atan2') shape.ops.add('atan2');
      // `sum by (job) (...)`: an aggregation with its grouping first.
      if (next?.type === 'LEFT_PAREN' || /^(by|without)$/i.test(wordOf(next) ?? '')) shape.calls.add(word);
      else if (tok.type === 'IDENTIFIER' || tok.type === 'METRIC_IDENTIFIER') {
        if (tokens[i - 1]?.val !== '@') shape.metrics.push(word);
      }
    } else if (tok.type === 'OP' && BINARY_OPS.test(tok.val)) {
      shape.ops.add(tok.val);
    }
  }
  shape.metrics = [...new Set(shape.metrics)];
  return shape;
}

export function readQuery(query: string): QueryShape {
  return shapeOf(topLevelTokens(query));
}

function skipGroup(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].type === 'LEFT_PAREN') depth++;
    else if (tokens[j].type === 'RIGHT_PAREN' && --depth === 0) return j;
  }
  return tokens.length;
}

/** The facts of a function or aggregation named `name`, from the tables. */
function callFacts(name: string): { unit?: ResultUnit; ordersResult?: boolean } | undefined {
  return getFunction(name) ?? getAggregation(name);
}

/** Whether the query's outermost operation orders its result (so the backend's order is kept). */
export function queryOrdersResult(query: string | undefined): boolean {
  if (query === undefined) return false;
  const tokens = topLevelTokens(query);
  let i = 0;
  while (tokens[i]?.type === 'LEFT_PAREN') i++;
  const word = wordOf(tokens[i]);
  return word !== undefined && tokens[i + 1]?.type === 'LEFT_PAREN' && !!callFacts(word)?.ordersResult;
}

/** The unit of a query's values when its series no longer carry a name. */
export function inferQueryUnit(query: string | undefined): Unit {
  if (!query) return 'none';
  const tokens = topLevelTokens(query);
  const shape = shapeOf(tokens);
  const units = [...shape.calls].map((c) => callFacts(c)?.unit);
  if (units.includes('ratio')) return 'ratio';
  if (units.includes('none')) return 'none';
  const quantile = units.includes('observations');
  const metricUnits = shape.metrics.map((m) => metricUnit(m, quantile));
  if (units.includes('timestamp')) metricUnits.push('timestamp');
  const arith = ['*', '/', '%', '^', 'atan2'].some((op) => shape.ops.has(op));
  if (arith) return sumOverCount(shape) ?? ratioOf(tokens) ?? 'none';
  const distinct = new Set(metricUnits);
  if (distinct.size !== 1) return 'none';
  let unit = [...distinct][0]!;
  // The difference of two timestamps is a duration (time() - process_start_time_seconds).
  if (unit === 'timestamp' && shape.ops.has('-') && metricUnits.length > 1) unit = 'seconds';
  if (quantile) return unit;
  if (units.includes('per-second')) return perSecond(unit);
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
function ratioOf(tokens: Token[]): Unit | undefined {
  const slashes = tokens.filter((t) => t.type === 'OP' && t.val === '/');
  if (slashes.length !== 1 || tokens.some((t) => t.type === 'OP' && /^([*%^]|atan2)$/i.test(t.val))) return undefined;
  const at = tokens.indexOf(slashes[0]);
  const num = shapeOf(tokens.slice(0, at)).metrics;
  const den = shapeOf(tokens.slice(at + 1)).metrics;
  if (num.length !== 1 || den.length !== 1) return undefined;
  if (num[0] === den[0]) return 'ratio';
  const unit = unitFromName(num[0]);
  return unit !== 'none' && unit !== 'timestamp' && unit === unitFromName(den[0]) ? 'ratio' : undefined;
}
