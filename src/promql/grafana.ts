// Grafana's template variables in a pasted query, replaced as Grafana's
// Prometheus data source would before the query reaches Prometheus:
//   rate(x[$__rate_interval])  {job=~"$job"}  ${job:regex}  [[job]]
// Text-level, before parsing (a `$` is not PromQL). Built-ins come from the
// query's step, range and the scrape interval; user variables from `--var
// name=value` (`.var` in the REPL). Values are formatted as Grafana formats
// them, then encoded for the string literal they land in (a regex escape
// `\.` inside "..." must be written `\\.`).

import { UsageError } from '../errors.js';
import { humanDuration } from '../util/time.js';
import { t } from '../util/messages/index.js';

export interface GrafanaContext {
  /** The data source's scrape interval (Grafana's "Scrape interval" setting). */
  scrapeIntervalMs: number;
  /** A range query's step and length; undefined for an instant query. */
  range?: { stepMs: number; rangeMs: number };
  /** User variables: one value, or several (a multi-value variable). */
  vars: Record<string, string[]>;
}

export interface Substitution {
  /** As written in the query: `$__rate_interval`, `${job:regex}`. */
  text: string;
  value: string;
}

/** Grafana's default dashboard range ("Last 6 hours"), for `$__range` in an instant query. */
export const DEFAULT_DASHBOARD_RANGE_MS = 6 * 3600_000;

/** The variable syntaxes Grafana accepts (its template_srv regex): $var, [[var]], [[var:fmt]], ${var}, ${var:fmt}. */
const VARIABLE_RE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

export const GRAFANA_FORMATS = [
  'csv',
  'distributed',
  'doublequote',
  'glob',
  'json',
  'lucene',
  'percentencode',
  'pipe',
  'queryparam',
  'raw',
  'regex',
  'singlequote',
  'sqlstring',
  'text',
] as const;

/** Whether the query holds anything that looks like a Grafana variable. */
export function hasGrafanaVariables(query: string): boolean {
  return findVariables(query).length > 0;
}

interface Found {
  text: string;
  index: number;
  name: string;
  format?: string;
}

function findVariables(query: string): Found[] {
  const out: Found[] = [];
  for (const m of query.matchAll(VARIABLE_RE)) {
    const name = m[1] ?? m[2] ?? m[4]!;
    // `$1`, `${2}`: label_replace's group references, never a Grafana variable.
    if (/^\d+$/.test(name)) continue;
    out.push({ text: m[0], index: m.index, name, format: m[3] ?? m[6] });
  }
  return out;
}

/** The built-in variables' values for this query. */
export function builtinValues(ctx: GrafanaContext): Record<string, string> {
  const scrape = ctx.scrapeIntervalMs;
  // A range query's step is Grafana's interval; an instant query has no step, so the smallest, the scrape interval.
  const interval = ctx.range ? Math.max(ctx.range.stepMs, 1) : scrape;
  const rateInterval = Math.max(interval + scrape, 4 * scrape);
  const rangeMs = ctx.range?.rangeMs ?? DEFAULT_DASHBOARD_RANGE_MS;
  const rangeS = Math.round(rangeMs / 1000);
  return {
    __interval: humanDuration(interval),
    __interval_ms: String(Math.round(interval)),
    __rate_interval: humanDuration(rateInterval),
    __rate_interval_ms: String(Math.round(rateInterval)),
    __range: `${rangeS}s`,
    __range_s: String(rangeS),
    __range_ms: String(Math.round(rangeMs)),
  };
}

/**
 * Replaces every Grafana variable; returns the query and what was replaced.
 * An unknown user variable is a UsageError saying how to set it, except in a
 * query using label_replace, where `$name` may be a named group reference.
 */
export function substituteGrafana(query: string, ctx: GrafanaContext): { query: string; substitutions: Substitution[] } {
  const found = findVariables(query);
  if (found.length === 0) return { query, substitutions: [] };
  const builtins = builtinValues(ctx);
  const substitutions: Substitution[] = [];
  let out = '';
  let last = 0;
  for (const f of found) {
    const values = f.name in builtins ? [builtins[f.name]!] : ctx.vars[f.name];
    if (values === undefined) {
      if (/\blabel_replace\s*\(/.test(query)) continue;
      throw unknownVariable(f.name);
    }
    const formatted = formatValues(values, f.format, f.name, !(f.name in builtins) && values.length > 1);
    const value = encodeForContext(formatted, stringContext(query, f.index));
    out += query.slice(last, f.index) + value;
    last = f.index + f.text.length;
    if (!substitutions.some((s) => s.text === f.text)) substitutions.push({ text: f.text, value });
  }
  return { query: out + query.slice(last), substitutions };
}

function unknownVariable(name: string): UsageError {
  const builtin = name.startsWith('__')
    ? t('grafana.builtins', {
        names: Object.keys(builtinValues({ scrapeIntervalMs: 1, vars: {} }))
          .map((n) => '$' + n)
          .join(', '),
      })
    : '';
  return new UsageError(t('grafana.noValue', { name, builtin }), t('grafana.noValueHint', { name }));
}

/** Grafana's formats (docs: "Variable syntax → Advanced variable format options"). */
function formatValues(values: string[], format: string | undefined, name: string, multi: boolean): string {
  const many = values.length > 1;
  switch (format) {
    case undefined:
      // The Prometheus data source: a multi-value variable becomes a regex alternation.
      return multi ? `(${values.map(regexEscape).join('|')})` : values.join(',');
    case 'regex':
      return many ? `(${values.map(regexEscape).join('|')})` : regexEscape(values[0] ?? '');
    case 'csv':
    case 'raw':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'glob':
      return many ? `{${values.join(',')}}` : (values[0] ?? '');
    case 'json':
      return JSON.stringify(many ? values : (values[0] ?? ''));
    case 'doublequote':
      return values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return values.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'sqlstring':
      return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
    case 'lucene':
      return many ? `(${values.map((v) => `"${luceneEscape(v)}"`).join(' OR ')})` : luceneEscape(values[0] ?? '');
    case 'percentencode':
      return encodeURIComponent(values.join(','));
    case 'distributed':
      return values.map((v, i) => (i === 0 ? v : `${name}=${v}`)).join(',');
    case 'text':
      return values.join(' + ');
    case 'queryparam':
      return values.map((v) => `var-${name}=${encodeURIComponent(v)}`).join('&');
    default:
      throw new UsageError(
        t('grafana.unknownFormat', { format, where: `\${${name}:${format}}` }),
        t('grafana.formats', { formats: GRAFANA_FORMATS.join(', ') }),
      );
  }
}

function regexEscape(v: string): string {
  return v.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
}

function luceneEscape(v: string): string {
  return v.replace(/[\\+\-!(){}[\]^"~*?:/&|]/g, '\\$&');
}

type StringContext = '"' | "'" | '`' | undefined;

/** The string literal open at `index` (PromQL's three quotes, with backslash escapes in the first two). */
function stringContext(query: string, index: number): StringContext {
  let open: StringContext;
  for (let i = 0; i < index; i++) {
    const c = query[i];
    if (open === undefined) {
      if (c === '#') {
        const nl = query.indexOf('\n', i);
        if (nl < 0 || nl > index) return undefined;
        i = nl;
      } else if (c === '"' || c === "'" || c === '`') open = c;
    } else if (c === '\\' && open !== '`') i++;
    else if (c === open) open = undefined;
  }
  return open;
}

/** A value placed inside "..." or '...' is escaped for that literal; raw strings and bare text take it as is. */
function encodeForContext(value: string, ctx: StringContext): string {
  if (ctx !== '"' && ctx !== "'") return value;
  const quote = ctx;
  return value.replace(/[\\"']/g, (c) => (c === '\\' || c === quote ? '\\' + c : c));
}

/** "substituted $__rate_interval=1m, $job=api" for a note on stderr. */
export function describeSubstitutions(subs: Substitution[], scrapeIntervalMs: number): string {
  const list = subs.map((s) => `${s.text} = ${s.value}`).join(', ');
  const usesInterval = subs.some((s) => s.text.includes('__rate_interval') || s.text.includes('__interval'));
  const why = usesInterval ? t('grafana.intervalWhy', { interval: humanDuration(scrapeIntervalMs) }) : '';
  return t('grafana.substituted', { list, why });
}
