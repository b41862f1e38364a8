// Tiny node:http servers that misbehave on purpose, for fault tests of the
// remote backend: refuse connections, hang, demand a bearer token, answer
// garbage, a huge body, 404, 503, or reset the connection.
//
//   const srv = await fakeServer(behaviours.unauthorized('s3cret'));
//   try { ... srv.url ... srv.requests[0].headers ... } finally { await srv.close(); }

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from './prometheus.js';

interface RecordedRequest {
  method: string;
  /** Path and query string, e.g. /api/v1/query */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;

export interface FakeServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with the given handler (n = 0-based request number). */
export async function fakeServer(handler: Handler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const n = requests.length;
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body, n);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests would keep close() waiting forever: destroy them.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing listens on (connection refused). */
export async function refusingUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A valid one-sample vector answer, as Prometheus renders it. */
export const OK_VECTOR = {
  status: 'success',
  data: { resultType: 'vector', result: [{ metric: { __name__: 'up', job: 'api' }, value: [1767229200, '1'] }] },
};

export const behaviours = {
  /** Answers every request with `body` (default: OK_VECTOR). */
  ok(body: unknown = OK_VECTOR): Handler {
    return (_req, res) => json(res, 200, body);
  },
  /** Reads the request and never answers. */
  hang(): Handler {
    return () => undefined;
  },
  /** 401 unless `Authorization: Bearer <token>`; then OK_VECTOR. */
  unauthorized(token: string): Handler {
    return (req, res) => {
      if (req.headers.authorization === `Bearer ${token}`) return json(res, 200, OK_VECTOR);
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' });
      res.end('Unauthorized\n');
    };
  },
  /** 200 with an HTML page instead of JSON. */
  garbage(): Handler {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Grafana</title></head><body>' + 'x'.repeat(500) + '</body></html>');
    };
  },
  /** 200 application/json, streaming `bytes` bytes of a never-ending JSON string. */
  huge(bytes: number): Handler {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success","data":{"resultType":"string","result":[0,"');
      const chunk = Buffer.alloc(1 << 20, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('"]}}');
      };
      res.on('error', () => undefined);
      pump();
    };
  },
  /** What a reverse proxy or Go's mux says for an unknown path. */
  notFound(): Handler {
    return (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 page not found\n');
    };
  },
  unavailable(): Handler {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('Service Unavailable\n');
    };
  },
  /** A Prometheus API error (e.g. 400 bad_data with a parse error). */
  apiError(status: number, errorType: string, error: string): Handler {
    return (_req, res) => json(res, status, { status: 'error', errorType, error });
  },
  /** Destroys the connection for the first `times` requests, then answers OK_VECTOR. */
  resetFirst(times: number): Handler {
    return (req, res, _body, n) => {
      if (n < times) return void req.socket.destroy();
      json(res, 200, OK_VECTOR);
    };
  },
};
