// The `repl` command (also what `promlearn` alone runs in a terminal).
import { t } from '../util/messages/index.js';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { BackendOptions } from '../backends/options.js';
import { addBackendOptions, addMaxSamplesOption } from './backend-flags.js';
import { ExitError, UsageError } from '../errors.js';
import { addGrafanaOptions, parseVarFlags, type GrafanaOptions } from './query-flags.js';
import { withBackend, type CommandDeps } from './deps.js';
import { addScrapeOptions, type ScrapeFlags } from './scrape.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program.command('repl').description(t('cli.repl.description')).addHelpText('after', t('cli.repl.help'));
  cmd.option('--rules <files...>', t('cli.repl.rules'));
  addGrafanaOptions(cmd);
  addScrapeOptions(addMaxSamplesOption(addBackendOptions(cmd)), true).action(
    async (opts: BackendOptions & GrafanaOptions & ScrapeFlags & { scrape?: string[]; rules?: string[] }) => {
      const { io } = deps;
      const { parseTimeoutArg } = await import('../util/time.js');
      const grafana = {
        vars: parseVarFlags(opts.var),
        scrapeIntervalMs: opts.scrapeInterval === undefined ? undefined : parseTimeoutArg(opts.scrapeInterval, '--scrape-interval'),
      };
      const { startRepl } = await import('../repl/repl.js');
      const { wantsScrape, startLiveBackend } = await import('./scrape.js');
      const terminal = io.stdinIsTTY && io.isTTY;
      // --scrape: the live store (scraping until the REPL ends) is the first backend; .server/.sample still switch away.
      // --rules: the data plus the recorded series and ALERTS (local data only).
      const rules = opts.rules;
      if (rules?.length && wantsScrape(opts)) throw new UsageError(t('usage.rulesScrape'), t('usage.rulesScrape.hint'));
      const first = wantsScrape(opts)
        ? await startLiveBackend(opts, io)
        : rules?.length
          ? await (await import('./rules-runtime.js')).openBackendWithRules(rules, withoutScrapeInterval(opts), deps)
          : undefined;
      const opening = first ? { ...deps, openBackend: async () => first } : deps;
      await withBackend(opening, opts, async (backend) => {
        const code = await startRepl({
          input: io.stdin,
          // A terminal needs the real stream (size, resize events); piped output goes through io.out.
          output: terminal ? io.stdout : new Writable({ write: (chunk, _enc, done) => (io.out(String(chunk)), done()) }),
          terminal,
          backend,
          io,
          grafana,
          // `.sample` must not fall back to PROMETHEUS_URL: it asks for the local dataset.
          // --max-samples is the embedded engine's: a server switched to keeps its own limit.
          openBackend: (server) =>
            deps.openBackend({
              ...opts,
              server,
              dataset: undefined,
              local: server === undefined,
              maxSamples: server === undefined ? opts.maxSamples : undefined,
            }),
        });
        // The failures were already shown one by one: only the exit code is left to give.
        if (code !== 0) throw new ExitError(code, `exit ${code}`);
      });
    },
  );
}

/** repl's --interval is the scrape interval; rule groups without one keep Prometheus's default (1m). */
function withoutScrapeInterval<T extends { interval?: string }>(opts: T): Omit<T, 'interval'> {
  const { interval: _scrapeInterval, ...rest } = opts;
  return rest;
}
