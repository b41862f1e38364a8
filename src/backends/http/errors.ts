// Errors a person can act on: transport failures, HTTP statuses and
// Prometheus API errors become QueryErrors with the right errorType and a
// hint. Prometheus parse errors keep their position so the CLI can draw the
// same caret display as for local parse errors.

import { QueryError, type QueryErrorType } from '../../errors.js';
import type { PositionRange } from '../../promql/ast.js';
import { redactUrl, scrub, scrubAndCut } from './redact.js';
import { runtimeErrorHint } from '../../promql/hints.js';
import { ALL_FEATURES, ParseError, parse } from '../../promql/index.js';
import { t } from '../../util/messages/index.js';

export interface ErrorContext {
  /** Base URL as shown to the user (no credentials). */
  baseUrl: string;
  /** Endpoint URL without query string, e.g. http://host/api/v1/query. */
  endpoint: string;
  query?: string;
  secrets: readonly string[];
  authSent: boolean;
  timeoutMs: number;
}

/** The first error code found on an error, its cause, or an AggregateError's members. */
function errorCode(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== 'object' || depth > 4) return undefined;
  const err = e as { code?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof err.code === 'string') return err.code;
  return errorCode(err.cause, depth + 1) ?? (Array.isArray(err.errors) ? errorCode(err.errors[0], depth + 1) : undefined);
}

/** Connection resets are worth one more try for an idempotent read; nothing else is. */
export function isRetriable(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function tlsHint(code: string): string {
  if (/SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO/.test(code)) {
    return t('conn.tls.untrusted');
  }
  if (/ALTNAME|HOSTNAME/.test(code)) return t('conn.tls.hostname');
  if (/EXPIRED|NOT_YET_VALID/.test(code)) return t('conn.tls.expired');
  if (/WRONG_VERSION|EPROTO|PACKET_LENGTH/.test(code)) return t('conn.tls.plain');
  return t('conn.tls.other');
}

/** A failure below HTTP: refused, DNS, TLS, reset, connect timeout. */
export function transportError(e: unknown, ctx: ErrorContext): QueryError {
  const code = errorCode(e) ?? '';
  const host = hostOf(ctx.baseUrl);
  const detail = scrub((e as Error)?.message ?? String(e), ctx.secrets);
  if (code === 'ECONNREFUSED') {
    return new QueryError(t('conn.refused', { url: ctx.baseUrl }), {
      errorType: 'unavailable',
      hint: t('conn.refusedHint', { url: ctx.baseUrl }),
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new QueryError(t('conn.dns', { host: JSON.stringify(hostOf(ctx.baseUrl).replace(/:\d+$/, '')) }), {
      errorType: 'unavailable',
      hint: t('conn.dnsHint'),
    });
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return new QueryError(t('conn.unreachable', { host, code }), { errorType: 'unavailable', hint: t('conn.unreachableHint') });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new QueryError(t('conn.connectTimeout', { url: ctx.baseUrl }), {
      errorType: 'timeout',
      hint: t('conn.connectTimeoutHint'),
    });
  }
  if (TLS_CODES.test(code)) {
    return new QueryError(t('conn.tls', { host, detail }), { errorType: 'unavailable', hint: tlsHint(code) });
  }
  if (isRetriable(e)) {
    return new QueryError(t('conn.closed', { url: ctx.baseUrl }), {
      errorType: 'unavailable',
      hint: ctx.baseUrl.startsWith('http:') ? t('conn.closedHttpHint') : t('conn.closedHint'),
    });
  }
  return new QueryError(t('conn.failed', { endpoint: ctx.endpoint, detail, code: code ? ` (${code})` : '' }), { errorType: 'unavailable' });
}

export function timeoutError(ctx: ErrorContext): QueryError {
  return new QueryError(t('conn.timeout', { url: ctx.baseUrl, limit: formatMs(ctx.timeoutMs) }), {
    errorType: 'timeout',
    query: ctx.query,
    hint: t('conn.timeoutHint'),
  });
}

export function canceledError(ctx: ErrorContext): QueryError {
  return new QueryError(t('conn.canceled'), { errorType: 'canceled', query: ctx.query });
}

export function tooLargeError(ctx: ErrorContext, limit: number): QueryError {
  return new QueryError(t('conn.tooLarge', { endpoint: ctx.endpoint, limit: formatBytes(limit) }), {
    errorType: 'bad_response',
    hint: t('conn.tooLargeHint'),
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${+(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Byte offset of a 1-based line:col (col counted in bytes, as Prometheus does). */
export function offsetOf(query: string, line: number, col: number): number {
  const bytes = Buffer.from(query, 'utf8');
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = bytes.indexOf(0x0a, off);
    if (nl < 0) break;
    off = nl + 1;
  }
  return Math.min(off + col - 1, bytes.length);
}

/**
 * Prometheus's `invalid parameter "query": 1:13: parse error: ...` →
 * message `1:13: parse error: ...` and the byte position in `query`.
 */
export function parsePromParseError(error: string, query?: string): { message: string; position?: PositionRange } {
  const stripped = error.replace(/^invalid parameter "query": /, '');
  const m = /^(\d+):(\d+): parse error: /.exec(stripped);
  if (!m || query === undefined) return { message: stripped };
  const start = offsetOf(query, Number(m[1]), Number(m[2]));
  const len = Buffer.byteLength(query);
  return { message: stripped, position: { start, end: Math.min(start + 1, Math.max(len, start)) } };
}

const API_TYPES: Record<string, QueryErrorType> = {
  bad_data: 'bad_data',
  execution: 'execution',
  timeout: 'timeout',
  canceled: 'canceled',
  internal: 'internal',
  unavailable: 'unavailable',
  not_found: 'not_found',
  not_acceptable: 'bad_response',
};

function apiHint(type: QueryErrorType, msg: string): string | undefined {
  const promql = runtimeErrorHint(msg);
  if (promql) return promql;
  if (/maximum resolution|too many points/i.test(msg)) return t('conn.stepHint');
  if (type === 'timeout') return t('conn.serverTimeoutHint');
  return undefined;
}

/** Our own parser's error for `query` when it says what the server said (its position spans the whole culprit). */
function localParseError(query: string, serverMessage: string): ParseError | undefined {
  try {
    parse(query, ALL_FEATURES);
  } catch (e) {
    if (e instanceof ParseError && e.message === serverMessage) return e;
  }
  return undefined;
}

/** A Prometheus API error body: {"status":"error","errorType":...,"error":...}. */
export function apiError(errorType: string, error: string, ctx: ErrorContext): QueryError {
  const text = scrub(error, ctx.secrets);
  let type = API_TYPES[errorType] ?? 'internal';
  if (/too many samples/i.test(text)) type = 'too_many_samples';
  if (type === 'bad_data') {
    const { message, position } = parsePromParseError(text, ctx.query);
    // The same caret and advice as for a local parse error, when our parser finds the same error.
    const local = ctx.query !== undefined ? localParseError(ctx.query, message) : undefined;
    return new QueryError(message, {
      errorType: type,
      query: ctx.query,
      position: local?.position ?? position,
      hint: local?.hint ?? apiHint(type, message),
    });
  }
  return new QueryError(text, { errorType: type, query: ctx.query, hint: apiHint(type, text) });
}

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

/** A 404 means a wrong path prefix: drop the one given, or add the one the server is served under. */
function notFoundHint(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return t('conn.notFound.plain');
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path) {
    return t('conn.notFound.subPath', { path, origin: url.origin });
  }
  return t('conn.notFound.root', { origin: url.origin });
}

/** An HTTP response that is not a Prometheus API answer. */
export function httpError(r: RawResponse, ctx: ErrorContext): QueryError {
  const where = `${ctx.endpoint}`;
  if (r.status === 401) {
    return new QueryError(`${where}: 401 Unauthorized`, {
      errorType: 'auth',
      hint: ctx.authSent ? t('conn.authRejected') : t('conn.authWanted'),
    });
  }
  if (r.status === 403) {
    return new QueryError(`${where}: 403 Forbidden`, {
      errorType: 'auth',
      hint: t('conn.forbidden'),
    });
  }
  if (r.status === 404) {
    return new QueryError(`${where}: 404 Not Found`, {
      errorType: 'not_found',
      hint: notFoundHint(ctx.baseUrl),
    });
  }
  if (r.status >= 300 && r.status < 400) {
    return new QueryError(`${where}: HTTP ${r.status} redirect`, {
      errorType: 'bad_response',
      hint: r.location ? t('conn.redirectTo', { location: redactUrl(scrub(r.location, ctx.secrets)) }) : t('conn.redirect'),
    });
  }
  if (r.status === 503 || r.status === 502 || r.status === 504 || r.status === 429) {
    const why = r.status === 429 ? 'rate limited' : r.status === 503 ? 'unavailable' : 'bad gateway / gateway timeout';
    return new QueryError(`${where}: HTTP ${r.status} (${why})`, {
      errorType: 'unavailable',
      hint: r.status === 503 ? t('conn.starting') : t('conn.retry'),
    });
  }
  // Scrubbed before it is cut: a secret across the cut must not show in part.
  const snippet = scrubAndCut(r.body, ctx.secrets, 200).replace(/\s+/g, ' ').trim();
  const plainToTls = /HTTP request to an HTTPS server/i.test(r.body);
  return new QueryError(
    t('conn.unexpected', { where, status: r.status, type: r.contentType || '(none)', snippet: JSON.stringify(snippet) }),
    {
      errorType: r.status >= 500 ? 'internal' : 'bad_response',
      hint: plainToTls ? t('conn.speaksHttps') : t('conn.notPrometheus'),
    },
  );
}
