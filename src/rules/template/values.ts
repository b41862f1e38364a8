// Go values as templates see them, and how Go's fmt prints them.
//
//   float64 -> number      int -> bigint       string, bool
//   map[string]string -> GoMap      []T -> array      nil -> null
//   time.Time -> GoTime   time.Duration -> GoDuration   html.HTML -> SafeHTML
//
// The int/float split matters: Go refuses `gt $value 1` (float64 vs int),
// and learners should see that error here, not first in production.

import { formatGoFloat } from '../../promql/printer.js';

export class GoMap {
  constructor(
    readonly entries: Map<string, unknown>,
    /** What a missing key yields (missingkey=zero): "" for map[string]string. */
    readonly zero: unknown,
    readonly typeName = 'map[string]string',
  ) {}
  static ofLabels(labels: Record<string, string>): GoMap {
    return new GoMap(new Map(Object.entries(labels)), '');
  }
}

export class GoTime {
  constructor(readonly ms: number) {}
}

export class GoDuration {
  constructor(readonly ns: number) {}
}

export class SafeHTML {
  constructor(readonly s: string) {}
}

/** An element of `query`'s result: *template.sample{Labels, Value}. */
export class QuerySample {
  constructor(
    readonly Labels: GoMap,
    readonly Value: number,
  ) {}
}

export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoMap) return v.typeName;
  if (v instanceof GoTime) return '*time.Time';
  if (v instanceof GoDuration) return '*time.Duration';
  if (v instanceof SafeHTML) return 'template.HTML';
  if (v instanceof QuerySample) return '*template.sample';
  if (Array.isArray(v)) return v.every((x) => x instanceof QuerySample) ? 'template.queryResult' : '[]interface {}';
  // The dot of an alert template (template.AlertTemplateData's anonymous struct).
  if (typeof v === 'object' && 'ExternalLabels' in v)
    return 'struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }';
  return 'struct';
}

/** Go's truth: false, 0, nil, empty string / map / slice are false. */
export function truth(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0 || v === 0n) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  if (v instanceof SafeHTML) return v.s !== '';
  return true;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** time.Time.String(): 2026-01-15 10:45:00 +0000 UTC (fractional seconds when present). */
export function formatGoTime(ms: number): string {
  const d = new Date(ms);
  const frac =
    ms % 1000
      ? '.' +
        String(((ms % 1000) + 1000) % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')
      : '';
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${frac} +0000 UTC`;
}

/** time.Duration.String(): 1h2m3.5s, 150ms, 0s. */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    const [unit, div] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    out = `${trimFloat(u / div)}${unit}`;
  } else {
    const h = Math.floor(u / 3.6e12);
    u -= h * 3.6e12;
    const m = Math.floor(u / 6e10);
    u -= m * 6e10;
    const s = trimFloat(u / 1e9);
    out = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  }
  return neg ? '-' + out : out;
}

function trimFloat(x: number): string {
  return String(Number(x.toFixed(9)));
}

/** fmt.Sprint of one value (%v). */
export function sprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof SafeHTML) return v.s;
  if (v instanceof GoTime) return formatGoTime(v.ms);
  if (v instanceof GoDuration) return formatGoDuration(v.ns);
  if (v instanceof GoMap) {
    const keys = [...v.entries.keys()].sort();
    return `map[${keys.map((k) => `${k}:${sprint(v.entries.get(k))}`).join(' ')}]`;
  }
  if (v instanceof QuerySample) return `&{${sprint(v.Labels)} ${sprint(v.Value)}}`;
  if (Array.isArray(v)) return `[${v.map(sprint).join(' ')}]`;
  return String(v);
}

/** What a template action prints: like Sprint, but nil is "<no value>". */
export function printForTemplate(v: unknown): string {
  return v === null || v === undefined ? '<no value>' : sprint(v);
}
