// `promlearn demo-app`: a small shop instrumented with prom-client, with its
// own traffic and incident switches, to scrape with `promlearn scrape` or a
// real Prometheus. Runs until Ctrl-C (or `q` in a terminal).

import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseDurationArg } from '../util/time.js';
import type { CommandDeps } from './deps.js';

interface DemoAppCommandOptions {
  port: string;
  listen: string;
  rps: string;
  errors?: string;
  slow?: string[];
  leak?: boolean;
  rawPaths?: boolean;
  restartDelay: string;
  keys?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `5%`, `0.05` → 0.05 */
export function parseRate(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(s.trim());
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(v >= 0 && v <= 1)) throw new UsageError(`invalid --errors "${s}"`, 'give a share of requests, e.g. --errors 5% or --errors 0.05');
  return v;
}

export function parsePort(s: string, flag = '--port'): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new UsageError(`invalid ${flag} "${s}"`, 'give a port number from 0 to 65535, e.g. --port 8080');
  return n;
}

export function register(program: Command, deps: CommandDeps): void {
  const { io } = deps;
  program
    .command('demo-app')
    .description('run a demo Node.js shop instrumented with prom-client, with built-in traffic and incident switches')
    .option('-p, --port <port>', 'port to listen on', '8080')
    .option('--listen <host>', 'address to listen on', '127.0.0.1')
    .option('--rps <n>', 'requests per second of built-in traffic (0 for none)', '10')
    .option('--errors <share>', 'answer this share of requests with 500, e.g. 5%')
    .option('--slow <route>', 'make a route template slow, e.g. /api/products (repeatable)', collect)
    .option('--leak', 'start with the memory leak on (it crashes the app at 256 MB and restarts)')
    .option('--raw-paths', 'label requests by raw path (user ids in the route label: a cardinality explosion)')
    .option('--restart-delay <duration>', 'how long a crashed app stays down', '5s')
    .option('--no-keys', 'do not read incident keys from the terminal')
    .addHelpText(
      'after',
      `
Routes: GET /  GET /api/products  GET /api/products/:id  POST /api/cart  GET /api/users/:id  GET /metrics

Keys while it runs (in a terminal):
  e  errors off → 5% → 25%      s  slow /api/products       l  memory leak
  c  crash and restart          u  user ids in route label  q  quit (or Ctrl-C)

Examples:
  $ promlearn demo-app                                   # http://127.0.0.1:8080/metrics
  $ promlearn demo-app --port 9100 --rps 50 --errors 5%
  $ promlearn demo-app --slow /api/products
  $ curl -H 'Accept: application/openmetrics-text' http://127.0.0.1:8080/metrics
  # in another terminal:
  $ promlearn scrape http://127.0.0.1:8080/metrics --interval 5s`,
    )
    .action(async (opts: DemoAppCommandOptions) => {
      const port = parsePort(opts.port);
      const rps = Number(opts.rps);
      if (!(rps >= 0) || !Number.isFinite(rps))
        throw new UsageError(`invalid --rps "${opts.rps}"`, 'give requests per second, e.g. --rps 10');
      const [{ DemoApp, ROUTES }, { TrafficGenerator }, keys] = await Promise.all([
        import('../demo/app.js'),
        import('../demo/traffic.js'),
        import('../demo/keys.js'),
      ]);
      for (const s of opts.slow ?? []) {
        if (!ROUTES.some((r) => r.template === s))
          throw new UsageError(`unknown route "${s}" for --slow`, `routes: ${ROUTES.map((r) => r.template).join(', ')}`);
      }
      const log = (line: string) => io.err(`${io.errStyle.dim(new Date().toISOString().slice(11, 19))} ${line}\n`);
      const app = new DemoApp({
        host: opts.listen,
        port,
        restartDelayMs: parseDurationArg(opts.restartDelay),
        incidents: {
          errorRate: opts.errors ? parseRate(opts.errors) : 0,
          slow: new Set(opts.slow ?? []),
          leak: Boolean(opts.leak),
          rawPaths: Boolean(opts.rawPaths),
        },
        log,
      });
      await app.start();
      const traffic = new TrafficGenerator({ url: app.url, rps });
      traffic.start();
      io.out(`demo app listening on ${app.url}  (metrics: ${app.url}/metrics, ${rps} requests/s of traffic)\n`);
      const stdin = io.stdin as NodeJS.ReadStream;
      const interactive = opts.keys !== false && io.stdinIsTTY && typeof stdin.setRawMode === 'function';
      if (interactive) io.out(io.style.dim(keys.KEY_HELP) + '\n');
      await new Promise<void>((resolve) => {
        const signals = ['SIGINT', 'SIGTERM'] as const;
        let restore = (): void => undefined;
        const quit = () => {
          for (const s of signals) process.off(s, quit);
          restore();
          resolve();
        };
        for (const s of signals) process.on(s, quit);
        if (interactive) {
          restore = keys.listenKeys(stdin, (key, ctrl) => {
            if (ctrl && (key === 'c' || key === 'd')) return quit();
            const msg = keys.applyKey(app, key);
            if (msg === 'quit') quit();
            else if (msg) log(msg);
          });
        }
      });
      traffic.stop();
      await app.stop();
      io.out(`stopped (${traffic.sent} requests sent, ${app.restarts} restart${app.restarts === 1 ? '' : 's'})\n`);
    });
}
