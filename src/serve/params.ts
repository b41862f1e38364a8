// Request parameters as Prometheus's web/api/v1 reads them: form values from
// the URL and an urlencoded POST body (body first, as Go's r.FormValue),
// times as unix seconds or RFC 3339, durations as seconds or 1m30s, and
// errors worded as Prometheus words them.

import { parsePromDuration } from '../util/time.js';

/** An API error: Prometheus's errorType and message; the HTTP status follows from the type. */
export class ApiError extends Error {
  constructor(
    readonly errorType: 'bad_data' | 'execution' | 'timeout' | 'canceled' | 'internal' | 'not_found' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** getDefaultErrorCode in api.go. */
export function statusFor(errorType: ApiError['errorType']): number {
  switch (errorType) {
    case 'bad_data':
      return 400;
    case 'execution':
      return 422;
    case 'canceled':
      return 499;
    case 'timeout':
      return 503;
    case 'unavailable':
      return 503;
    case 'not_found':
      return 404;
    default:
      return 500;
  }
}

export function invalidParam(name: string, message: string): ApiError {
  return new ApiError('bad_data', `invalid parameter ${JSON.stringify(name)}: ${message}`);
}

export class Form {
  constructor(private readonly values: URLSearchParams) {}

  static from(url: URL, body: string | undefined): Form {
    const merged = new URLSearchParams(body ?? '');
    for (const [k, v] of url.searchParams) merged.append(k, v);
    return new Form(merged);
  }

  /** First value or '' (Go's FormValue). */
  get(name: string): string {
    return this.values.get(name) ?? '';
  }

  all(name: string): string[] {
    return this.values.getAll(name);
  }
}

// api.go's MinTime / MaxTime as RFC 3339 (what Grafana and the Prometheus UI send for "all time").
const MIN_TIME_TEXT = '-292273086-05-16T16:47:06Z';
const MAX_TIME_TEXT = '292277025-08-18T07:12:54.999999999Z';
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** parseTime in api.go: unix seconds (float, rounded to ms) or RFC 3339; returns unix seconds. */
export function parseTime(s: string): number {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim()) && s.trim() !== '') {
    const t = Number(s);
    const whole = Math.trunc(t);
    return whole + Math.round((t - whole) * 1000) / 1000;
  }
  const m = RFC3339.exec(s);
  if (m) {
    const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${(m[7] ?? '').slice(0, 4)}${m[8].toUpperCase()}`);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  if (s === MIN_TIME_TEXT) return -Infinity;
  if (s === MAX_TIME_TEXT) return Infinity;
  throw new Error(`cannot parse ${JSON.stringify(s)} to a valid timestamp`);
}

/** parseTimeParam: the default when absent; a bad value is `invalid parameter "x": invalid time value for 'x': …`. */
export function timeParam(form: Form, name: string, dflt: number): number {
  const v = form.get(name);
  if (v === '') return dflt;
  try {
    return parseTime(v);
  } catch (e) {
    throw invalidParam(name, `invalid time value for '${name}': ${(e as Error).message}`);
  }
}

/** parseDuration in api.go: seconds (float) or a Prometheus duration; returns seconds. */
export function parseDuration(s: string): number {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim()) && s.trim() !== '') return Number(s);
  const ms = parsePromDuration(s);
  if (ms === undefined) throw new Error(`cannot parse ${JSON.stringify(s)} to a valid duration`);
  return ms / 1000;
}

/** parseLimitParam: 0 means no limit. */
export function limitParam(form: Form): number {
  const s = form.get('limit');
  if (s === '') return 0;
  if (!/^[+-]?\d+$/.test(s)) throw invalidParam('limit', `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n < 0) throw invalidParam('limit', 'limit must be non-negative');
  return n;
}
