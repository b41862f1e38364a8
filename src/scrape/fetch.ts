// One HTTP scrape, as Prometheus's targetScraper does it: GET with the
// OpenMetrics-first Accept header, a deadline covering connect and body, a
// non-200 status as an error, and a body larger than the limit refused with
// "body size limit exceeded" (the body is never buffered past the limit).

import { STATUS_CODES } from 'node:http';
import { createGunzip } from 'node:zlib';
import { Agent, interceptors, request } from 'undici';
import { type TargetConfig, targetUrl } from './config.js';

/** Prometheus 2.x's Accept header: OpenMetrics first, the text format as fallback. */
export const SCRAPE_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

export const ERR_BODY_SIZE_LIMIT = 'body size limit exceeded';

export interface ScrapeResponse {
  body: string;
  contentType: string;
  bytes: number;
}

/** Which parser a Content-Type asks for; anything not OpenMetrics is the text format (as Prometheus 2). */
export function formatOf(contentType: string): 'openmetrics' | 'text' {
  return /^\s*application\/openmetrics-text/i.test(contentType) ? 'openmetrics' : 'text';
}

/** Go's wording for transport failures, so the error reads as on Prometheus's /targets page. */
function transportMessage(e: unknown, url: string, address: string, timedOut: boolean): string {
  if (timedOut) return `Get "${url}": context deadline exceeded`;
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  switch (err.code ?? err.cause?.code) {
    case 'ECONNREFUSED':
      return `Get "${url}": dial tcp ${address}: connect: connection refused`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Get "${url}": dial tcp: lookup ${address.replace(/:\d+$/, '')}: no such host`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `Get "${url}": read tcp ${address}: connection reset by peer`;
    default:
      return `Get "${url}": ${err.cause?.message ?? err.message}`;
  }
}

export class ScrapeFailure extends Error {}

// Prometheus follows redirects (follow_redirects defaults to true). undici's
// request has no "bad port" list, unlike fetch: any port a target uses works.
const dispatcher = new Agent({ keepAliveTimeout: 30_000 }).compose(interceptors.redirect({ maxRedirections: 10 }));

export async function fetchTarget(t: TargetConfig, userAgent: string, signal?: AbortSignal): Promise<ScrapeResponse> {
  const url = targetUrl(t);
  const timeout = AbortSignal.timeout(t.timeoutMs);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    accept: SCRAPE_ACCEPT,
    'accept-encoding': 'gzip',
    'user-agent': userAgent,
    'x-prometheus-scrape-timeout-seconds': String(t.timeoutMs / 1000),
  };
  if (t.authorization) headers.authorization = t.authorization;
  try {
    const res = await request(url, { method: 'GET', headers, signal: both, dispatcher });
    if (res.statusCode !== 200) {
      await res.body.dump().catch(() => undefined);
      throw new ScrapeFailure(`server returned HTTP status ${res.statusCode} ${STATUS_CODES[res.statusCode] ?? ''}`.trimEnd());
    }
    const gzip = String(res.headers['content-encoding'] ?? '').toLowerCase() === 'gzip';
    const stream: AsyncIterable<Buffer> = gzip ? res.body.pipe(createGunzip()) : res.body;
    const chunks: Buffer[] = [];
    let bytes = 0;
    const limit = t.bodySizeLimit > 0 ? t.bodySizeLimit : Infinity;
    for await (const chunk of stream) {
      bytes += chunk.length;
      // Prometheus reads at most `limit` (decompressed) bytes and fails when it got that many.
      if (bytes >= limit) {
        res.body.destroy();
        throw new ScrapeFailure(ERR_BODY_SIZE_LIMIT);
      }
      chunks.push(chunk);
    }
    const ct = res.headers['content-type'];
    return { body: Buffer.concat(chunks).toString('utf8'), contentType: (Array.isArray(ct) ? ct[0] : ct) ?? '', bytes };
  } catch (e) {
    if (e instanceof ScrapeFailure) throw e;
    throw new ScrapeFailure(transportMessage(e, url, t.address, timeout.aborted));
  }
}
