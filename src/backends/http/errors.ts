// Errors a person can act on: transport failures, HTTP statuses and
// Prometheus API errors become QueryErrors with the right errorType and a
// hint. Prometheus parse errors keep their position so the CLI can draw the
// same caret display as for local parse errors.

import { QueryError, type QueryErrorType } from '../../errors.js';
import type { PositionRange } from '../../promql/ast.js';
import { redactUrl, scrub, scrubAndCut } from './redact.js';
import { runtimeErrorHint } from '../../promql/hints.js';
import { ALL_FEATURES, ParseError, parse } from '../../promql/index.js';

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
    return "the server's certificate is not signed by a CA this machine trusts: pass it with --ca-file ca.pem (or, knowingly, --insecure-skip-verify)";
  }
  if (/ALTNAME|HOSTNAME/.test(code)) return 'the certificate does not match the host name in --server';
  if (/EXPIRED|NOT_YET_VALID/.test(code)) return "the server's certificate is expired or not yet valid";
  if (/WRONG_VERSION|EPROTO|PACKET_LENGTH/.test(code)) return 'is the server speaking plain HTTP? try http:// instead of https://';
  return 'check the server certificate, or pass its CA with --ca-file';
}

/** A failure below HTTP: refused, DNS, TLS, reset, connect timeout. */
export function transportError(e: unknown, ctx: ErrorContext): QueryError {
  const code = errorCode(e) ?? '';
  const host = hostOf(ctx.baseUrl);
  const detail = scrub((e as Error)?.message ?? String(e), ctx.secrets);
  if (code === 'ECONNREFUSED') {
    return new QueryError(`cannot connect to ${ctx.baseUrl}: connection refused`, {
      errorType: 'unavailable',
      hint: `is Prometheus running at ${ctx.baseUrl}? (check --server / PROMETHEUS_URL)`,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new QueryError(`cannot resolve host ${JSON.stringify(hostOf(ctx.baseUrl).replace(/:\d+$/, ''))} (DNS lookup failed)`, {
      errorType: 'unavailable',
      hint: 'check the host name in --server, and your network / DNS',
    });
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return new QueryError(`cannot reach ${host} (${code})`, { errorType: 'unavailable', hint: 'check the network path to the server' });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new QueryError(`connecting to ${ctx.baseUrl} timed out`, {
      errorType: 'timeout',
      hint: 'is the host up and the port open (no firewall dropping packets)?',
    });
  }
  if (TLS_CODES.test(code)) {
    return new QueryError(`TLS connection to ${host} failed: ${detail}`, { errorType: 'unavailable', hint: tlsHint(code) });
  }
  if (isRetriable(e)) {
    return new QueryError(`the connection to ${ctx.baseUrl} was closed by the server`, {
      errorType: 'unavailable',
      hint: ctx.baseUrl.startsWith('http:')
        ? 'the server or a proxy dropped the request; if it speaks HTTPS, use https:// in --server'
        : 'the server or a proxy dropped the request; try again, or check its logs',
    });
  }
  return new QueryError(`request to ${ctx.endpoint} failed: ${detail}${code ? ` (${code})` : ''}`, { errorType: 'unavailable' });
}

export function timeoutError(ctx: ErrorContext): QueryError {
  return new QueryError(`no answer from ${ctx.baseUrl} within ${formatMs(ctx.timeoutMs)}`, {
    errorType: 'timeout',
    query: ctx.query,
    hint: 'raise --timeout, or narrow the query (fewer series, a shorter range, a larger step)',
  });
}

export function canceledError(ctx: ErrorContext): QueryError {
  return new QueryError('query canceled', { errorType: 'canceled', query: ctx.query });
}

export function tooLargeError(ctx: ErrorContext, limit: number): QueryError {
  return new QueryError(`the response from ${ctx.endpoint} is larger than ${formatBytes(limit)}; stopped reading it`, {
    errorType: 'bad_response',
    hint: 'narrow the query: add label matchers, aggregate with sum by (...), or use a shorter range / larger step',
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
  if (/maximum resolution|too many points/i.test(msg)) return 'use a larger --step or a shorter range';
  if (type === 'timeout') return 'the server gave up: narrow the query, or raise the server-side timeout';
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
    return 'wrong path prefix? --server should be the URL Prometheus is served at, e.g. http://localhost:9090';
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path) {
    return `wrong path prefix? --server has the sub-path ${path}: if Prometheus is served at the root, remove it: --server ${url.origin}`;
  }
  return `wrong path prefix? If Prometheus is served under a sub-path, add it: --server ${url.origin}/prometheus`;
}

/** An HTTP response that is not a Prometheus API answer. */
export function httpError(r: RawResponse, ctx: ErrorContext): QueryError {
  const where = `${ctx.endpoint}`;
  if (r.status === 401) {
    return new QueryError(`${where}: 401 Unauthorized`, {
      errorType: 'auth',
      hint: ctx.authSent
        ? 'the server rejected the credentials: check the bearer token or password'
        : 'the server wants credentials: use --bearer-token-file FILE (or PROMETHEUS_BEARER_TOKEN), or --user NAME',
    });
  }
  if (r.status === 403) {
    return new QueryError(`${where}: 403 Forbidden`, {
      errorType: 'auth',
      hint: "these credentials may not read this API (wrong tenant? multi-tenant servers need -H 'X-Scope-OrgID: tenant')",
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
      hint: r.location
        ? `the server redirects to ${redactUrl(scrub(r.location, ctx.secrets))}: use that base URL as --server`
        : 'use the final URL as --server',
    });
  }
  if (r.status === 503 || r.status === 502 || r.status === 504 || r.status === 429) {
    const why = r.status === 429 ? 'rate limited' : r.status === 503 ? 'unavailable' : 'bad gateway / gateway timeout';
    return new QueryError(`${where}: HTTP ${r.status} (${why})`, {
      errorType: 'unavailable',
      hint: r.status === 503 ? 'Prometheus may be starting up (replaying its WAL) or overloaded; try again shortly' : 'try again shortly',
    });
  }
  // Scrubbed before it is cut: a secret across the cut must not show in part.
  const snippet = scrubAndCut(r.body, ctx.secrets, 200).replace(/\s+/g, ' ').trim();
  const plainToTls = /HTTP request to an HTTPS server/i.test(r.body);
  return new QueryError(
    `unexpected response from ${where}: HTTP ${r.status}, content-type ${r.contentType || '(none)'}: ${JSON.stringify(snippet)}`,
    {
      errorType: r.status >= 500 ? 'internal' : 'bad_response',
      hint: plainToTls
        ? 'the server speaks HTTPS: use https:// in --server'
        : 'is this a Prometheus API? --server should be the base URL, e.g. http://localhost:9090',
    },
  );
}
