// `promlearn serve`'s HTTP server (node:http): routes /api/v1/* to the API
// handlers, reads urlencoded POST bodies, writes Prometheus's JSON envelope
// ({status, data, warnings, infos} / {status, errorType, error}) with its
// status codes, answers CORS preflights, and /-/ready and /-/healthy.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UsageError } from '../errors.js';
import { ROUTES, type ApiContext, type ApiResult } from './api.js';
import { ApiError, Form, statusFor } from './params.js';
import { t } from '../util/messages/index.js';

/** POST bodies above this are refused (Prometheus's form parser caps at 10 MB). */
const MAX_BODY = 10 * 1024 * 1024;

export interface ServeOptions {
  host: string;
  port: number;
  /** One line per request (for --verbose). */
  log?: (line: string) => void;
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, e: ApiError): void {
  send(res, statusFor(e.errorType), { status: 'error', errorType: e.errorType, error: e.message });
}

function sendResult(res: ServerResponse, r: ApiResult): void {
  const body: Record<string, unknown> = { status: 'success', data: r.data };
  if (r.warnings?.length) body.warnings = r.warnings;
  if (r.infos?.length) body.infos = r.infos;
  send(res, 200, body);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (req.method !== 'POST' || !/^application\/x-www-form-urlencoded/i.test(type)) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > MAX_BODY) {
        reject(new ApiError('bad_data', 'error parsing form values: http: POST too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Handles one request; never throws (a bug becomes a 500 with an internal error). */
export async function handleRequest(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'Accept, Authorization, Content-Type, Origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-expose-headers', 'Date');
  if (url.pathname === '/-/ready' || url.pathname === '/-/healthy') {
    res
      .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      .end(url.pathname === '/-/ready' ? 'Prometheus Server is Ready.\n' : 'Prometheus Server is Healthy.\n');
    return;
  }
  if (!url.pathname.startsWith('/api/v1/')) {
    // `/` is read by a person (in the learner's language); other texts are Prometheus's, which clients may match.
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(url.pathname === '/' ? `${t('serve.root')}\n` : '404 page not found\n');
    return;
  }
  const sub = url.pathname.slice('/api/v1'.length);
  for (const route of ROUTES) {
    const m = route.path.exec(sub);
    if (!m) continue;
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (!route.methods.includes(req.method ?? 'GET')) {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: route.methods.join(', ') }).end('Method Not Allowed\n');
      return;
    }
    try {
      const body = await readBody(req);
      const params: Record<string, string> = {};
      route.keys?.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      sendResult(res, await route.handler(ctx, Form.from(url, body), params));
    } catch (e) {
      sendError(res, e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e)));
    }
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
}

/** Listens; a port in use or a bad address is a UsageError that says so. */
export async function startServer(ctx: ApiContext, opts: ServeOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const started = Date.now();
    void handleRequest(ctx, req, res).finally(() => opts.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(new UsageError(t('listen.portInUse', { port: opts.port, host: opts.host }), t('listen.portInUseServerHint')));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
        reject(new UsageError(t('listen.noAddress', { host: opts.host }), t('listen.noAddressHint')));
      else if (e.code === 'EACCES')
        reject(new UsageError(t('listen.noPermission', { host: opts.host, port: opts.port }), t('listen.noPermissionHint')));
      else reject(e);
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  return server;
}
