// `promlearn status`: which backend is in use, and a one-line health check.
//
//   backend: remote (--server)
//   connected to Prometheus 2.42.0 at http://127.0.0.1:9090 (1234 head series, 3 ms)

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';
import type { Backend } from '../backends/backend.js';
import type { RemoteBackend } from '../backends/remote.js';
import type { BackendOptions } from '../backends/options.js';
import { formatRfc3339 } from '../util/time.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';

function isoSeconds(unix: number): string {
  return formatRfc3339(Math.round(unix));
}

function span(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h}h${m}m` : h ? `${h}h` : `${m}m`;
}

async function remoteLine(backend: Backend): Promise<string> {
  const started = Date.now();
  const info = await backend.info();
  const ms = Date.now() - started;
  // A type-only import keeps undici out of startup for local commands.
  const remote = backend as Partial<RemoteBackend>;
  const head = typeof remote.headSeries === 'function' ? await remote.headSeries() : undefined;
  const extras = [head !== undefined ? t('status.headSeries', { n: head.toLocaleString('en-US') }) : undefined, `${ms} ms`].filter(Boolean);
  return t('status.connected', { description: info.description, extras: extras.join(', ') });
}

async function localLines(backend: Backend): Promise<string[]> {
  const info = await backend.info();
  const lines = [`${info.description}`];
  const metrics = await backend.labelValues('__name__');
  if (info.dataRange) {
    const { start, end } = info.dataRange;
    lines.push(t('status.dataFrom', { start: isoSeconds(start), end: isoSeconds(end), span: span(end - start), n: metrics.length }));
    lines.push(t('status.relative', { end: isoSeconds(end) }));
  } else {
    lines.push(t('status.metrics', { n: metrics.length }));
  }
  return lines;
}

async function runStatus(opts: BackendOptions, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const server = opts.server ?? io.env.PROMETHEUS_URL;
  if (server) io.out(t('status.backendRemote', { source: opts.server ? '--server' : 'PROMETHEUS_URL' }) + '\n');
  else io.out((opts.dataset ? t('status.backendLocalFile', { file: opts.dataset }) : t('status.backendLocal')) + '\n');
  await withBackend(deps, opts, async (backend) => {
    if (server) io.out(`${await remoteLine(backend)}\n`);
    else for (const line of await localLines(backend)) io.out(`${line}\n`);
  });
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program.command('status').description(t('cli.status.description')).addHelpText('after', t('cli.status.help'));
  addBackendOptions(cmd).action(async (opts: BackendOptions) => runStatus(opts, deps));
}
