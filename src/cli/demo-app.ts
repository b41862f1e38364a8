// `promlearn demo-app`: a small shop instrumented with prom-client, with its
// own traffic and incident switches, to scrape with `promlearn scrape` or a
// real Prometheus. Runs until Ctrl-C (or `q` in a terminal).

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseDurationArg } from '../util/time.js';
import type { CommandDeps } from './deps.js';
import { collect } from './flags.js';

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

/** `5%`, `0.05` → 0.05 */
export function parseRate(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(s.trim());
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(v >= 0 && v <= 1)) throw new UsageError(t('usage.invalidFlag', { flag: '--errors', value: s }), t('usage.errorsShare.hint'));
  return v;
}

export function parsePort(s: string, flag = '--port'): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new UsageError(t('usage.invalidFlag', { flag, value: s }), t('usage.port.hint'));
  return n;
}

export function register(program: Command, deps: CommandDeps): void {
  const { io } = deps;
  program
    .command('demo-app')
    .description(t('cli.demoApp.description'))
    .option('-p, --port <port>', t('cli.opt.port'), '8080')
    .option('--listen <host>', t('cli.opt.listen'), '127.0.0.1')
    .option('--rps <n>', t('cli.demoApp.rps'), '10')
    .option('--errors <share>', t('cli.demoApp.errors'))
    .option('--slow <route>', t('cli.demoApp.slow'), collect)
    .option('--leak', t('cli.demoApp.leak'))
    .option('--raw-paths', t('cli.demoApp.rawPaths'))
    .option('--restart-delay <duration>', t('cli.demoApp.restartDelay'), '5s')
    .option('--no-keys', t('cli.demoApp.noKeys'))
    .addHelpText('after', t('cli.demoApp.help'))
    .action(async (opts: DemoAppCommandOptions) => {
      const port = parsePort(opts.port);
      const rps = Number(opts.rps);
      if (!(rps >= 0) || !Number.isFinite(rps))
        throw new UsageError(t('usage.invalidFlag', { flag: '--rps', value: opts.rps }), t('usage.rps.hint'));
      const [{ DemoApp, ROUTES }, { TrafficGenerator }, keys] = await Promise.all([
        import('../demo/app.js'),
        import('../demo/traffic.js'),
        import('../demo/keys.js'),
      ]);
      for (const s of opts.slow ?? []) {
        if (!ROUTES.some((r) => r.template === s))
          throw new UsageError(
            t('usage.slowRoute', { route: s }),
            t('usage.slowRoute.hint', { routes: ROUTES.map((r) => r.template).join(', ') }),
          );
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
      io.out(t('demo.listening', { url: app.url, rps }) + '\n');
      const stdin = io.stdin as NodeJS.ReadStream;
      const interactive = opts.keys !== false && io.stdinIsTTY && typeof stdin.setRawMode === 'function';
      if (interactive) io.out(io.style.dim(keys.keyHelp()) + '\n');
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
      const stopped = { sent: traffic.sent, restarts: app.restarts };
      io.out((app.restarts === 1 ? t('demo.stopped.one', stopped) : t('demo.stopped.many', stopped)) + '\n');
    });
}
