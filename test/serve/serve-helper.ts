// `promlearn serve`'s server in-process over any backend, on a free loopback port.
import type { Server } from 'node:http';
import type { Backend } from '../../src/backends/backend.js';
import type { ApiContext, RulesHook } from '../../src/serve/api.js';
import { startServer } from '../../src/serve/server.js';
import type { TargetSource } from '../../src/scrape/live.js';

export interface Served {
  url: string;
  ctx: ApiContext;
  close(): Promise<void>;
}

export async function serveBackend(backend: Backend, extra: { targets?: TargetSource; rules?: RulesHook } = {}): Promise<Served> {
  const info = await backend.info();
  const ctx: ApiContext = {
    backend,
    ...extra,
    version: '3.0.0+promlearn.test',
    startTime: new Date(),
    defaultTime: async () => (info.dataRange ? info.dataRange.end : Date.now() / 1000),
  };
  const server: Server = await startServer(ctx, { host: '127.0.0.1', port: 0 });
  const a = server.address();
  const url = `http://127.0.0.1:${a && typeof a === 'object' ? a.port : 0}`;
  return {
    url,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ code: number; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { code: res.status, body: JSON.parse(text) as Record<string, unknown> };
}
