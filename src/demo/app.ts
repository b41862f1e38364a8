// The demo shop: a real HTTP service on node:http, instrumented with
// prom-client, with switches that cause the incidents the lessons teach:
// an error burst, one slow route, a memory leak (which ends in a crash), a
// crash with restart (counters start again from 0), and a `route` label
// holding raw paths with user ids (a cardinality explosion).
// With `simulated` (scripts/record-demo-session.ts) the same app runs on a
// simulated clock and a seeded random source: no sleeping, each request's
// drawn latency is what the histogram observes, and only metrics that do not
// depend on the machine are exposed, so a recorded session is reproducible.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UsageError } from '../errors.js';
import { createDemoMetrics, type DemoMetrics } from './metrics.js';
import { t } from '../util/messages/index.js';

/** The routes the app serves, with their normal latency (ms) and how often the traffic generator calls them. */
export const ROUTES: ReadonlyArray<{
  method: string;
  template: string;
  example: (random?: () => number) => string;
  minMs: number;
  maxMs: number;
  weight: number;
}> = [
  { method: 'GET', template: '/', example: () => '/', minMs: 2, maxMs: 15, weight: 3 },
  { method: 'GET', template: '/api/products', example: () => '/api/products', minMs: 15, maxMs: 80, weight: 4 },
  {
    method: 'GET',
    template: '/api/products/:id',
    example: (random = Math.random) => `/api/products/${1 + Math.floor(random() * 50)}`,
    minMs: 5,
    maxMs: 40,
    weight: 3,
  },
  { method: 'POST', template: '/api/cart', example: () => '/api/cart', minMs: 20, maxMs: 120, weight: 1 },
  {
    method: 'GET',
    template: '/api/users/:id',
    example: (random = Math.random) => `/api/users/${1000 + Math.floor(random() * 9000)}`,
    minMs: 3,
    maxMs: 25,
    weight: 1,
  },
];

/** Picks a route by the traffic weights. */
export function pickRoute(random: () => number = Math.random): (typeof ROUTES)[number] {
  const total = ROUTES.reduce((s, r) => s + r.weight, 0);
  let pick = random() * total;
  return ROUTES.find((r) => (pick -= r.weight) < 0) ?? ROUTES[0];
}

export interface Incidents {
  /** Fraction of requests answered 500 (0..1). */
  errorRate: number;
  /** Route templates answering 300-1500 ms late. */
  slow: Set<string>;
  leak: boolean;
  /** Label requests by raw path instead of route template. */
  rawPaths: boolean;
}

export interface DemoAppOptions {
  host: string;
  port: number;
  incidents?: Partial<Incidents>;
  /** How long a crashed app stays down before it restarts (ms). */
  restartDelayMs?: number;
  /** Leak this many bytes per second while the leak is on. */
  leakBytesPerSec?: number;
  /** The leak "runs out of memory" (crash and restart) at this size. */
  leakLimitBytes?: number;
  /** Status lines for the user. */
  log?: (line: string) => void;
  /** Run on a simulated clock (recorded sessions): see the file comment. A crash then waits for restart(). */
  simulated?: { now: () => number; random: () => number };
}

function matchRoute(method: string, path: string): (typeof ROUTES)[number] | undefined {
  return ROUTES.find((r) => r.method === method && new RegExp(`^${r.template.replace(/:id/g, '[^/]+')}$`).test(path));
}

export class DemoApp {
  readonly incidents: Incidents;
  private metrics: DemoMetrics;
  private server?: Server;
  private leaked: Buffer[] = [];
  private leakTimer?: NodeJS.Timeout;
  private restartTimer?: NodeJS.Timeout;
  private stopped = false;
  /** Times the app has "crashed" and come back. */
  restarts = 0;
  up = false;

  constructor(private readonly opts: DemoAppOptions) {
    this.incidents = { errorRate: 0, slow: new Set(), leak: false, rawPaths: false, ...opts.incidents };
    const sim = opts.simulated;
    this.metrics = sim ? createDemoMetrics(Math.round(sim.now() / 1000), true) : createDemoMetrics();
    this.setLeak(this.incidents.leak);
  }

  get url(): string {
    const a = this.server?.address();
    const port = a && typeof a === 'object' ? a.port : this.opts.port;
    return `http://${this.opts.host.includes(':') ? `[${this.opts.host}]` : this.opts.host}:${port}`;
  }

  /** Listens; a port in use is a UsageError naming the port. */
  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE')
          reject(new UsageError(t('listen.portInUse', { port: this.opts.port, host: this.opts.host }), t('listen.portInUseProgramHint')));
        else if (e.code === 'EACCES')
          reject(new UsageError(t('listen.noPermission', { host: this.opts.host, port: this.opts.port }), t('listen.noPermissionHint')));
        else reject(e);
      });
      server.listen(this.opts.port, this.opts.host, () => resolve());
    });
    this.server = server;
    // Later starts (after a crash) must reuse the same port.
    const a = server.address();
    if (a && typeof a === 'object') this.opts.port = a.port;
    this.up = true;
  }

  /** A crash: the server goes away mid-flight, the metrics die with it; back after the restart delay with counters at zero. */
  async crash(reason = t('demo.crashed')): Promise<void> {
    if (!this.up || this.stopped) return;
    this.up = false;
    this.log(t('demo.down', { reason, sec: ((this.opts.restartDelayMs ?? 5000) / 1000).toFixed(0) }));
    await this.closeServer();
    this.leaked = [];
    if (this.opts.simulated) return;
    this.restartTimer = setTimeout(() => {
      this.restart().then(
        () => this.log(t('demo.restarted')),
        (e: Error) => this.log(t('demo.restartFailed', { message: e.message })),
      );
    }, this.opts.restartDelayMs ?? 5000);
  }

  /** The new process after a crash: a fresh registry (counters at 0), a new start time, the same port. */
  async restart(): Promise<void> {
    if (this.stopped || this.up) return;
    const sim = this.opts.simulated;
    this.metrics = createDemoMetrics(Math.round((sim ? sim.now() : Date.now()) / 1000), Boolean(sim));
    this.restarts++;
    await this.start();
  }

  setLeak(on: boolean): void {
    this.incidents.leak = on;
    clearInterval(this.leakTimer);
    this.leakTimer = undefined;
    if (!on) {
      this.leaked = [];
      this.metrics.leakedBytes.set(0);
      return;
    }
    const perTick = Math.round((this.opts.leakBytesPerSec ?? 2 * 1024 * 1024) / 4);
    this.leakTimer = setInterval(() => {
      if (!this.up) return;
      // Filled, so the pages are really resident (RSS grows, as a real leak's would).
      this.leaked.push(Buffer.alloc(perTick, 1));
      const held = this.leaked.length * perTick;
      this.metrics.leakedBytes.set(held);
      if (held >= (this.opts.leakLimitBytes ?? 256 * 1024 * 1024)) void this.crash(t('demo.outOfMemory'));
    }, 250);
    this.leakTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.leakTimer);
    await this.closeServer();
    this.up = false;
  }

  private async closeServer(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && req.method === 'GET') {
      const { contentType, body } = await this.metrics.render(req.headers.accept);
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    req.resume();
    const route = matchRoute(req.method ?? 'GET', path);
    const m = this.metrics;
    const sim = this.opts.simulated;
    const random = sim?.random ?? Math.random;
    const end = m.duration.startTimer();
    m.inFlight.inc();
    let status = 404;
    let body = JSON.stringify({ error: 'not found' });
    let ms = 0;
    if (route) {
      ms = route.minMs + random() * (route.maxMs - route.minMs);
      if (this.incidents.slow.has(route.template)) ms += 300 + random() * 1200;
      // Simulated time does not pass while a request is served.
      if (!sim) await new Promise((r) => setTimeout(r, ms));
      const fail = random() < this.incidents.errorRate;
      status = fail ? 500 : route.method === 'POST' ? 201 : 200;
      body = fail
        ? JSON.stringify({ error: 'internal error' })
        : JSON.stringify({ ok: true, path, items: Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => i) });
    }
    const labelRoute = !route ? 'unmatched' : this.incidents.rawPaths ? path : route.template;
    const labels = { method: req.method ?? 'GET', route: labelRoute, status_code: String(status) };
    if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    // A crashed app's registry is gone: only the live one counts.
    if (m === this.metrics) {
      m.requests.inc(labels);
      if (sim) m.duration.observe(labels, ms / 1000);
      else end(labels);
      m.inFlight.dec();
      m.responseSize.observe({ route: labelRoute }, Buffer.byteLength(body));
    }
  }
}
