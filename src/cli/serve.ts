// `promlearn serve`: the Prometheus HTTP API over the sample dataset, a
// --dataset file, or a live store scraped from --scrape URLs / --config, for
// Grafana, promtool and `promlearn --server`.

import { t } from '../util/messages/index.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Backend } from '../backends/backend.js';
import type { BackendOptions } from '../backends/options.js';
import { addBackendOptions } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addScrapeOptions, scraperFromFlags, untilStopped, type ScrapeFlags } from './scrape.js';
import { parsePort } from './demo-app.js';

interface ServeCommandOptions extends BackendOptions, ScrapeFlags {
  port: string;
  listen: string;
  scrape?: string[];
  shiftToNow?: boolean;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  // Semver that reads as Prometheus 3 to clients that check the version (Grafana), and says what it is.
  return `3.0.0+promlearn.${pkg.version}`;
}

export function register(program: Command, deps: CommandDeps): void {
  const { io } = deps;
  const cmd = program.command('serve').description(t('cli.serve.description'));
  addScrapeOptions(addBackendOptions(cmd), true)
    .option('-p, --port <port>', t('cli.opt.port'), '9090')
    .option('--listen <host>', t('cli.opt.listen'), '127.0.0.1')
    .option('--shift-to-now', t('cli.serve.shiftToNow'))
    .addHelpText('after', t('cli.serve.help'))
    .action(async (opts: ServeCommandOptions) => {
      const port = parsePort(opts.port);
      const live = Boolean(opts.scrape?.length || opts.config);
      let backend: Backend;
      let targets: import('../scrape/live.js').TargetSource | undefined;
      if (live) {
        if (opts.dataset || opts.server) {
          const { UsageError } = await import('../errors.js');
          throw new UsageError(t('usage.serveLiveAndDataset'), t('usage.serveLiveAndDataset.hint'));
        }
        const { createLiveBackend } = await import('../scrape/live.js');
        const scraper = await scraperFromFlags(opts.scrape ?? [], opts);
        const lb = createLiveBackend(scraper);
        backend = lb;
        targets = lb;
      } else {
        backend = await deps.openBackend(opts);
      }
      if (opts.shiftToNow) {
        const end = (await backend.info()).dataRange?.end;
        if (live || end === undefined) {
          const { UsageError } = await import('../errors.js');
          throw new UsageError(t('usage.shiftToNow'), t('usage.shiftToNow.hint'));
        }
        const { shiftBackend } = await import('../serve/shift.js');
        backend = shiftBackend(backend, Math.floor(deps.clock() - end));
      }
      const { startServer } = await import('../serve/server.js');
      const info = await backend.info();
      const ctx = {
        backend,
        targets,
        version: version(),
        startTime: new Date(),
        defaultTime: async () => (info.kind === 'local' && info.dataRange ? info.dataRange.end : deps.clock()),
      };
      let server;
      try {
        server = await startServer(ctx, { host: opts.listen, port, log: opts.verbose ? (l) => io.err(l + '\n') : undefined });
      } catch (e) {
        await backend.close?.();
        throw e;
      }
      if (targets && 'scraper' in backend) void (backend as import('../scrape/live.js').LiveBackend).scraper.start();
      const a = server.address();
      const url = `http://${opts.listen.includes(':') ? `[${opts.listen}]` : opts.listen}:${a && typeof a === 'object' ? a.port : port}`;
      io.out(t('serve.serving', { description: info.description, url }) + '\n');
      if (info.dataRange) {
        const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
        const range = { start: iso(info.dataRange.start), end: iso(info.dataRange.end) };
        io.out((opts.shiftToNow ? t('serve.dataShifted', range) : t('serve.data', range)) + '\n');
      }
      await untilStopped();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend.close?.();
    });
}
