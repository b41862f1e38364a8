// What every command that talks to a backend shares: the options that choose
// and configure the backend, and opening it.

import { Command, Option } from 'commander';
import type { Backend } from '../backends/backend.js';
import type { IO } from './io.js';

export interface BackendOptions {
  server?: string;
  dataset?: string;
  bearerTokenFile?: string;
  user?: string;
  header?: string[];
  caFile?: string;
  insecureSkipVerify?: boolean;
  timeout?: string;
  verbose?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds --server, --dataset and the remote connection flags to a command. */
export function addBackendOptions(cmd: Command): Command {
  return cmd
    .option('-s, --server <url>', 'query a Prometheus-compatible server instead of the sample dataset (env PROMETHEUS_URL)')
    .option('--dataset <file>', 'use your own OpenMetrics / text-format file (with timestamps) instead of the sample dataset')
    .option('--bearer-token-file <file>', 'file holding a bearer token for --server (env PROMETHEUS_BEARER_TOKEN)')
    .option('-u, --user <name>', 'basic-auth user for --server; password from PROMETHEUS_PASSWORD or a prompt')
    .option('-H, --header <header>', "extra HTTP header for --server, e.g. 'X-Scope-OrgID: tenant' (repeatable)", collect)
    .option('--ca-file <file>', 'CA certificate (PEM) to trust for --server')
    .option('--insecure-skip-verify', 'do not verify the server certificate (explicit choice, never the default)')
    .addOption(new Option('--timeout <duration>', 'query timeout, e.g. 30s, 2m').default('2m'))
    .option('-v, --verbose', 'print requests and timings to stderr (secrets are never printed)');
}

/** Opens the backend the options choose: remote with --server / PROMETHEUS_URL, else local. */
export async function openBackend(opts: BackendOptions, io: IO): Promise<Backend> {
  const server = opts.server ?? io.env.PROMETHEUS_URL;
  if (server && opts.dataset) {
    const { UsageError } = await import('../errors.js');
    throw new UsageError('--server and --dataset cannot be used together', 'drop one of them (PROMETHEUS_URL counts as --server)');
  }
  if (server) {
    const { createRemoteBackend } = await import('../backends/remote.js');
    return createRemoteBackend({ ...opts, server }, io);
  }
  const { openLocalDataset } = await import('../dataset/open.js');
  return openLocalDataset({ file: opts.dataset }, io);
}
