// A scrape target whose answer each test sets: body, content type, status, delay.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface TargetReply {
  body: string;
  contentType?: string;
  status?: number;
  delayMs?: number;
}

export interface FakeTarget {
  url: string;
  address: string;
  reply: TargetReply;
  lastHeaders?: IncomingHttpHeaders;
  close(): Promise<void>;
}

export async function startFakeTarget(reply: TargetReply): Promise<FakeTarget> {
  const t = { reply } as FakeTarget;
  const server: Server = createServer((req, res) => {
    t.lastHeaders = req.headers;
    const r = t.reply;
    const answer = () => {
      res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(r.body);
    };
    if (r.delayMs) setTimeout(answer, r.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  const port = a && typeof a === 'object' ? a.port : 0;
  t.address = `127.0.0.1:${port}`;
  t.url = `http://${t.address}/metrics`;
  t.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return t;
}
