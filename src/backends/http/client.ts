// One HTTP call to the Prometheus API on undici: total timeout and Ctrl-C
// cancellation through one AbortController, a capped streaming body read,
// a small retry on connection resets (reads only, never on timeouts), and
// --verbose logging with secrets redacted.

import { Agent, request } from 'undici';
import { QueryError } from '../../errors.js';
import type { Connection } from './config.js';
import {
  apiError,
  canceledError,
  formatBytes,
  httpError,
  isRetriable,
  timeoutError,
  tooLargeError,
  transportError,
  type ErrorContext,
} from './errors.js';
import { redactHeaders, scrub } from './redact.js';
import { t } from '../../util/messages/index.js';
import { formatDurationParam } from '../../util/time.js';

const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const RETRY_BACKOFF_MS = [100, 400];
const CONNECT_TIMEOUT_MS = 10_000;

/** The API envelope: {"status":"success","data":...,"warnings":[...]}. */
interface ApiSuccess {
  data: unknown;
  warnings?: string[];
  infos?: string[];
}

interface CallOptions {
  method?: 'GET' | 'POST';
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The PromQL text, for positions in parse errors. */
  query?: string;
  /** Send Prometheus's own `timeout` parameter (queries only). */
  serverTimeout?: boolean;
}

type Params = [string, string][];

class Aborted extends Error {
  constructor(readonly why: 'timeout' | 'canceled') {
    super(why);
  }
}

export class ApiClient {
  private readonly agent: Agent;
  private readonly maxBodyBytes: number;

  constructor(
    readonly conn: Connection,
    /** Where --verbose request logs go (a line each). */
    private readonly logLine: (line: string) => void,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  ) {
    this.maxBodyBytes = maxBodyBytes;
    this.agent = new Agent({
      connect: {
        timeout: Math.min(CONNECT_TIMEOUT_MS, conn.timeoutMs),
        ca: conn.tls.ca,
        rejectUnauthorized: conn.tls.rejectUnauthorized,
      },
      // Our own timer bounds the whole call; undici's must not fire first.
      headersTimeout: conn.timeoutMs + 5000,
      bodyTimeout: conn.timeoutMs + 5000,
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Calls `path` (e.g. /api/v1/query) and returns the success envelope, or throws a QueryError. */
  async call(path: string, params: Params, opts: CallOptions = {}): Promise<ApiSuccess> {
    const timeoutMs = opts.timeoutMs ?? this.conn.timeoutMs;
    const ctx: ErrorContext = {
      baseUrl: this.conn.baseUrl,
      endpoint: this.conn.baseUrl + path,
      query: opts.query,
      secrets: this.conn.secrets,
      authSent: 'Authorization' in this.conn.headers,
      timeoutMs,
    };
    if (opts.serverTimeout) params = [...params, ['timeout', formatDurationParam(timeoutMs)]];
    if (opts.signal?.aborted) throw canceledError(ctx);

    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(new Aborted('timeout')), timeoutMs);
    const onAbort = () => ctrl.abort(new Aborted('canceled'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.attempts(path, params, opts.method ?? 'GET', ctrl.signal, ctx);
    } catch (e) {
      if (ctrl.signal.aborted && !(e instanceof QueryError)) {
        const why = (ctrl.signal.reason as Aborted | undefined)?.why;
        throw why === 'canceled' ? canceledError(ctx) : timeoutError(ctx);
      }
      throw e;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async attempts(
    path: string,
    params: Params,
    method: 'GET' | 'POST',
    signal: AbortSignal,
    ctx: ErrorContext,
  ): Promise<ApiSuccess> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(path, params, method, signal, ctx);
      } catch (e) {
        // Only a reset connection is retried: every API call here is a read.
        if (e instanceof QueryError || signal.aborted || !isRetriable(e) || attempt >= RETRY_BACKOFF_MS.length) {
          if (e instanceof QueryError || signal.aborted) throw e;
          throw transportError(e, ctx);
        }
        this.log('  ' + t('conn.retrying', { ms: RETRY_BACKOFF_MS[attempt] }));
        await sleep(RETRY_BACKOFF_MS[attempt], signal);
      }
    }
  }

  private async once(path: string, params: Params, method: 'GET' | 'POST', signal: AbortSignal, ctx: ErrorContext): Promise<ApiSuccess> {
    const form = new URLSearchParams(params).toString();
    const url = this.conn.baseUrl + path + (method === 'GET' && form ? `?${form}` : '');
    const headers: Record<string, string> = { Accept: 'application/json', ...this.conn.headers };
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const started = Date.now();
    this.logRequest(method, ctx.endpoint, params, headers);

    const res = await request(url, {
      method,
      headers,
      body: method === 'POST' ? form : undefined,
      signal,
      dispatcher: this.agent,
    });
    const contentType = String(res.headers['content-type'] ?? '');
    // A server may echo a token or password anywhere (labels, warnings, errors): scrubbed before anything reads it.
    const body = scrub(await this.readBody(res.body, res.headers['content-length'], ctx), ctx.secrets);
    this.log(`← ${res.statusCode} ${contentType || '-'}, ${formatBytes(Buffer.byteLength(body))}, ${Date.now() - started} ms`);

    const envelope = parseEnvelope(body);
    if (envelope?.status === 'success' && res.statusCode < 300) {
      return { data: envelope.data, warnings: envelope.warnings, infos: envelope.infos };
    }
    if (envelope?.status === 'error' && typeof envelope.error === 'string') {
      throw apiError(String(envelope.errorType ?? ''), envelope.error, ctx);
    }
    const location = res.headers.location;
    throw httpError({ status: res.statusCode, contentType, body, location: typeof location === 'string' ? location : undefined }, ctx);
  }

  /** Reads the body as text, giving up (and closing the stream) past the cap. */
  private async readBody(body: AsyncIterable<Buffer> & { destroy(): void }, contentLength: unknown, ctx: ErrorContext): Promise<string> {
    if (Number(contentLength) > this.maxBodyBytes) {
      body.destroy();
      throw tooLargeError(ctx, this.maxBodyBytes);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        body.destroy();
        throw tooLargeError(ctx, this.maxBodyBytes);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private log(line: string): void {
    if (this.conn.verbose) this.logLine(line);
  }

  private logRequest(method: string, endpoint: string, params: Params, headers: Record<string, string>): void {
    if (!this.conn.verbose) return;
    const shown = params.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    this.log(`→ ${method} ${endpoint}${shown ? ' ' + shown : ''}`);
    const extra = redactHeaders(headers);
    delete extra.Accept;
    delete extra['Content-Type'];
    for (const [k, v] of Object.entries(extra)) this.log(`  ${k}: ${v}`);
  }
}

interface Envelope {
  status?: unknown;
  data?: unknown;
  errorType?: unknown;
  error?: unknown;
  warnings?: string[];
  infos?: string[];
}

function parseEnvelope(body: string): Envelope | undefined {
  try {
    const v = JSON.parse(body) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
