// The flags that choose and configure a backend (--server, --dataset and the
// connection flags), shared by every command that talks to one.

import { Command, InvalidArgumentError, Option } from 'commander';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds --server, --dataset and the remote connection flags to a command. */
export function addBackendOptions(cmd: Command): Command {
  return cmd
    .option('-s, --server <url>', 'query a Prometheus-compatible server instead of the sample dataset (env PROMETHEUS_URL)')
    .option(
      '--dataset <file>',
      'use your own OpenMetrics / text-format file (with timestamps; .gz read as gzip) instead of the sample dataset',
    )
    .option(
      '--nhcb',
      "with --dataset: also store each classic histogram (x_bucket{le}) as a native histogram with custom buckets named x, as Prometheus 3's convert_classic_histograms_to_nhcb does",
    )
    .option('--bearer-token-file <file>', 'file holding a bearer token for --server (env PROMETHEUS_BEARER_TOKEN)')
    .option('-u, --user <name>', 'basic-auth user for --server; password from PROMETHEUS_PASSWORD or a prompt')
    .option('-H, --header <header>', "extra HTTP header for --server, e.g. 'X-Scope-OrgID: tenant' (repeatable)", collect)
    .option('--ca-file <file>', 'CA certificate (PEM) to trust for --server')
    .option('--insecure-skip-verify', 'do not verify the server certificate (explicit choice, never the default)')
    .addOption(new Option('--timeout <duration>', 'query timeout, e.g. 30s, 2m (longer than 0, locally and on a server)').default('2m'))
    .option('-v, --verbose', 'print requests and timings to stderr (secrets are never printed)');
}

/** Prometheus's default --query.max-samples. */
const DEFAULT_MAX_SAMPLES = 50_000_000;

function parseMaxSamples(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number of samples above 0, e.g. 1000000');
  return n;
}

/** --max-samples, for the commands that run queries on the embedded engine (like Prometheus's --query.max-samples). */
export function addMaxSamplesOption(cmd: Command): Command {
  return cmd.option(
    '--max-samples <n>',
    `most samples a query may hold in memory at once, intermediate results included (embedded engine; default ${DEFAULT_MAX_SAMPLES})`,
    parseMaxSamples,
  );
}
