// The functions a Prometheus alert template can call: Go's text/template
// builtins and Prometheus's own (template/template.go), one table, as data.
// Numbers are formatted with Go's fmt rules (%.4g), so `humanize` prints what
// Prometheus prints.

import { compileGoRegexp, type GoRegexp } from '../../promql/regex.js';
import { sprintf, formatG } from './printf.js';
import { GoDuration, GoMap, GoTime, QuerySample, SafeHTML, goTypeName, sprint, truth } from './values.js';
import type { TemplateFunction } from './exec.js';

/** What the Prometheus functions need from the outside world. */
export interface TemplateEnv {
  /** Instant query at the evaluation time; returns samples (labels, value). */
  query(q: string): Promise<Array<{ labels: Record<string, string>; value: number }>>;
  /** Evaluation time, ms. */
  nowMs: number;
  externalURL: string;
}

/** common_templates.ConvertToFloat */
export function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const t = v.trim() === v ? v : '';
    const f = /^[+-]?(inf|infinity)$/i.test(t)
      ? t.startsWith('-')
        ? -Infinity
        : Infinity
      : /^nan$/i.test(t)
        ? NaN
        : t === ''
          ? NaN
          : Number(t);
    if (Number.isNaN(f) && !/^nan$/i.test(t)) throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
    return f;
  }
  if (v instanceof GoDuration) return v.ns / 1e9;
  throw new Error(`can't convert ${goTypeName(v)} to float`);
}

const SI_UP = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SI_DOWN = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

export function humanize(i: unknown): string {
  let v = toFloat(i);
  if (v === 0 || !Number.isFinite(v)) return formatG(v, 4);
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of SI_UP) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return formatG(v, 4) + prefix;
  }
  for (const p of SI_DOWN) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return formatG(v, 4) + prefix;
}

export function humanize1024(i: unknown): string {
  let v = toFloat(i);
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return formatG(v, 4);
  let prefix = '';
  for (const p of ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi']) {
    if (Math.abs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return formatG(v, 4) + prefix;
}

export function humanizeDuration(i: unknown): string {
  let v = toFloat(i);
  if (!Number.isFinite(v)) return formatG(v, 4);
  if (v === 0) return formatG(v, 4) + 's';
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    v = Math.abs(v);
    const d = Math.trunc(v);
    const seconds = d % 60;
    const minutes = Math.trunc(d / 60) % 60;
    const hours = Math.trunc(d / 3600) % 24;
    const days = Math.trunc(d / 86400);
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${formatG(v, 4)}s`;
  }
  let prefix = '';
  for (const p of SI_DOWN) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${formatG(v, 4)}${prefix}s`;
}

function floatToTime(v: number): GoTime {
  if (!Number.isFinite(v)) throw new Error('value is NaN or Inf');
  return new GoTime(Math.round(v * 1000));
}

/** A string argument, or Go's complaint about its type. */
function str(v: unknown, _fn?: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof SafeHTML) return v.s;
  throw new Error(`wrong type for value; expected string; got ${goTypeName(v)}`);
}

function goRegexp(pattern: string): GoRegexp {
  try {
    return compileGoRegexp(pattern);
  } catch (e) {
    // re2js words it as Go does: "error parsing regexp: ...".
    throw new Error((e as Error).message);
  }
}

function arity(name: string, args: unknown[], n: number): void {
  if (args.length !== n) throw new Error(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}

function sample(v: unknown): QuerySample {
  if (v instanceof QuerySample) return v;
  throw new Error(`wrong type for value; expected *template.sample; got ${goTypeName(v)}`);
}

function basicKind(v: unknown): string {
  if (typeof v === 'number') return 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof SafeHTML) return 'string';
  return 'invalid';
}

function unwrap(v: unknown): unknown {
  return v instanceof SafeHTML ? v.s : v;
}

/** Go's eq/lt: same basic kind, or "incompatible types for comparison". */
function compare(a: unknown, b: unknown, ordered: boolean): number {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'invalid' || kb === 'invalid') {
    if (!ordered && (a === null || b === null)) return a === b ? 0 : 1;
    throw new Error(ordered ? 'invalid type for comparison' : 'non-comparable types');
  }
  if (ka !== kb) throw new Error('incompatible types for comparison');
  if (ordered && ka === 'bool') throw new Error('invalid type for comparison');
  const x = unwrap(a) as number | bigint | string | boolean;
  const y = unwrap(b) as number | bigint | string | boolean;
  return x === y ? 0 : x < y ? -1 : x > y ? 1 : NaN;
}

function stripPort(hostPort: string): string {
  const m = /^\[([^\]]+)\]:(\d*)$/.exec(hostPort) ?? /^([^:]*):(\d*)$/.exec(hostPort);
  return m ? m[1]! : hostPort;
}

function stripDomain(hostPort: string): string {
  const m = /^\[([^\]]+)\]:(\d*)$/.exec(hostPort) ?? /^([^:]*):(\d*)$/.exec(hostPort);
  const host = m ? m[1]! : hostPort;
  const port = m ? m[2]! : '';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':')) return hostPort;
  const short = host.split('.')[0]!;
  return port ? `${short}:${port}` : short;
}

/** Prometheus's model.ParseDurationAllowNegative, in seconds. */
function parseDurationSeconds(d: string): number {
  const neg = d.startsWith('-');
  const body = neg ? d.slice(1) : d;
  const units: Record<string, number> = { y: 31536000, w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = body.match(/\d+(ms|[ywdhms])/g);
  if (body === '0') return 0;
  if (!parts || parts.join('') !== body) throw new Error(`not a valid duration string: ${JSON.stringify(d)}`);
  const total = parts.reduce((acc, p) => {
    const u = p.endsWith('ms') ? 'ms' : p.slice(-1);
    return acc + Number(p.slice(0, p.length - u.length)) * units[u]!;
  }, 0);
  return neg ? -total : total;
}

const pathEscape = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');

/** Builds the function table for one expansion: Go's builtins, then Prometheus's. */
export function templateFunctions(env: TemplateEnv): Map<string, TemplateFunction> {
  const f = new Map<string, TemplateFunction>();
  addGoBuiltins(f);
  addPrometheusFunctions(f, env);
  return f;
}

/** text/template's own functions (and, or, not, len, index, print*, html, js, urlquery, comparisons). */
function addGoBuiltins(f: Map<string, TemplateFunction>): void {
  f.set('and', () => undefined); // short-circuited by the executor
  f.set('or', () => undefined);
  f.set('not', (a) => (arity('not', a, 1), !truth(a[0])));
  f.set('len', (a) => {
    arity('len', a, 1);
    const v = unwrap(a[0]);
    if (typeof v === 'string') return BigInt(Buffer.byteLength(v));
    if (Array.isArray(v)) return BigInt(v.length);
    if (v instanceof GoMap) return BigInt(v.entries.size);
    throw new Error(`len of type ${goTypeName(v)}`);
  });
  f.set('index', (a) => {
    let v = a[0];
    for (const k of a.slice(1)) {
      if (v instanceof GoMap) v = v.entries.has(String(unwrap(k))) ? v.entries.get(String(unwrap(k))) : v.zero;
      else if (Array.isArray(v) && typeof k === 'bigint') {
        if (k < 0n || k >= BigInt(v.length)) throw new Error(`error calling index: index out of range: ${k}`);
        v = v[Number(k)];
      } else throw new Error(`can't index item of type ${goTypeName(v)}`);
    }
    return v;
  });
  f.set('print', (a) => a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + sprint(x)).join(''));
  f.set('println', (a) => a.map(sprint).join(' ') + '\n');
  f.set('printf', (a) => sprintf(str(a[0], 'printf'), a.slice(1)));
  f.set('html', (a) =>
    a
      .map(sprint)
      .join('')
      .replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c]!),
  );
  f.set('js', (a) =>
    a
      .map(sprint)
      .join('')
      .replace(/[\\'"<>&=]/g, (c) =>
        c === '\\' || c === "'" || c === '"' ? '\\' + c : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      ),
  );
  f.set('urlquery', (a) => pathEscape(a.map(sprint).join('')));
  f.set('eq', (a) => {
    if (a.length < 2) throw new Error('missing argument for comparison');
    return a.slice(1).some((b) => compare(a[0], b, false) === 0);
  });
  f.set('ne', (a) => (arity('ne', a, 2), compare(a[0], a[1], false) !== 0));
  f.set('lt', (a) => (arity('lt', a, 2), compare(a[0], a[1], true) < 0));
  f.set('le', (a) => (arity('le', a, 2), compare(a[0], a[1], true) <= 0));
  f.set('gt', (a) => (arity('gt', a, 2), compare(a[0], a[1], true) > 0));
  f.set('ge', (a) => (arity('ge', a, 2), compare(a[0], a[1], true) >= 0));
}

/** Prometheus's template/template.go functions. */
function addPrometheusFunctions(f: Map<string, TemplateFunction>, env: TemplateEnv): void {
  f.set('query', async (a) => {
    arity('query', a, 1);
    const rows = await env.query(str(a[0], 'query'));
    return rows.map((r) => new QuerySample(GoMap.ofLabels(r.labels), r.value));
  });
  f.set('first', (a) => {
    const v = a[0];
    if (!Array.isArray(v)) throw new Error(`wrong type for value; expected template.queryResult; got ${goTypeName(v)}`);
    if (v.length === 0) throw new Error('first() called on vector with no elements');
    return v[0];
  });
  f.set('label', (a) => (arity('label', a, 2), sample(a[1]).Labels.entries.get(str(a[0], 'label')) ?? ''));
  f.set('value', (a) => (arity('value', a, 1), sample(a[0]).Value));
  f.set('strvalue', (a) => (arity('strvalue', a, 1), sample(a[0]).Labels.entries.get('__value__') ?? ''));
  f.set('args', (a) => new GoMap(new Map(a.map((x, i) => [`arg${i}`, x])), null, 'map[string]interface {}'));
  f.set('reReplaceAll', (a) => (arity('reReplaceAll', a, 3), goRegexp(str(a[0], '')).replaceAll(str(a[2], ''), str(a[1], ''))));
  f.set('safeHtml', (a) => (arity('safeHtml', a, 1), new SafeHTML(str(a[0], ''))));
  f.set('match', (a) => (arity('match', a, 2), goRegexp(str(a[0], '')).test(str(a[1], ''))));
  f.set('title', (a) => str(a[0], '').replace(/(^|[^\p{L}\p{N}'’])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()));
  f.set('toUpper', (a) => str(a[0], '').toUpperCase());
  f.set('toLower', (a) => str(a[0], '').toLowerCase());
  const link = (tab: number) => (a: unknown[]) => {
    const expr = encodeURIComponent(str(a[0], '')).replace(/%20/g, '+');
    return `/graph?g0.expr=${expr}&g0.tab=${tab}`;
  };
  f.set('graphLink', link(0));
  f.set('tableLink', link(1));
  f.set('sortByLabel', (a) => {
    const l = str(a[0], '');
    const v = a[1];
    if (!Array.isArray(v)) throw new Error(`wrong type for value; expected template.queryResult; got ${goTypeName(v)}`);
    return [...v].sort((x: QuerySample, y: QuerySample) => {
      const p = x.Labels.entries.get(l) ?? '';
      const q = y.Labels.entries.get(l) ?? '';
      return p < q ? -1 : p > q ? 1 : 0;
    });
  });
  f.set('stripPort', (a) => stripPort(str(a[0], '')));
  f.set('stripDomain', (a) => stripDomain(str(a[0], '')));
  f.set('humanize', (a) => humanize(a[0]));
  f.set('humanize1024', (a) => humanize1024(a[0]));
  f.set('humanizeDuration', (a) => humanizeDuration(a[0]));
  f.set('humanizePercentage', (a) => formatG(toFloat(a[0]) * 100, 4) + '%');
  f.set('humanizeTimestamp', (a) => {
    const v = toFloat(a[0]);
    return Number.isFinite(v) ? sprint(floatToTime(v)) : formatG(v, 4);
  });
  f.set('toTime', (a) => floatToTime(toFloat(a[0])));
  f.set('toDuration', (a) => new GoDuration(toFloat(a[0]) * 1e9));
  f.set('now', () => env.nowMs / 1000);
  f.set('pathPrefix', () => {
    try {
      return new URL(env.externalURL).pathname.replace(/^\/$/, '');
    } catch {
      return '';
    }
  });
  f.set('externalURL', () => env.externalURL);
  f.set('parseDuration', (a) => parseDurationSeconds(str(a[0], '')));
  f.set('urlQueryEscape', (a) => pathEscape(str(a[0], '')));
}

/** Every function name a template may call (parse-time check). */
export const TEMPLATE_FUNCTION_NAMES: ReadonlySet<string> = new Set(
  templateFunctions({ query: async () => [], nowMs: 0, externalURL: '' }).keys(),
);
