// The flags that choose and configure a backend (--server, --dataset and the
// connection flags), shared by every command that talks to one.

import { t } from '../util/messages/index.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { collect } from './flags.js';

/** Adds --server, --dataset and the remote connection flags to a command. */
export function addBackendOptions(cmd: Command): Command {
  return cmd
    .option('-s, --server <url>', t('cli.opt.server'))
    .option('--dataset <file>', t('cli.opt.dataset'))
    .option('--nhcb', t('cli.opt.nhcb'))
    .option('--bearer-token-file <file>', t('cli.opt.bearerTokenFile'))
    .option('-u, --user <name>', t('cli.opt.user'))
    .option('-H, --header <header>', t('cli.opt.header'), collect)
    .option('--ca-file <file>', t('cli.opt.caFile'))
    .option('--insecure-skip-verify', t('cli.opt.insecure'))
    .addOption(new Option('--timeout <duration>', t('cli.opt.timeout')).default('2m'))
    .option('-v, --verbose', t('cli.opt.verbose'));
}

/** Prometheus's default --query.max-samples. */
const DEFAULT_MAX_SAMPLES = 50_000_000;

function parseMaxSamples(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(t('usage.maxSamples'));
  return n;
}

/** --max-samples, for the commands that run queries on the embedded engine (like Prometheus's --query.max-samples). */
export function addMaxSamplesOption(cmd: Command): Command {
  return cmd.option('--max-samples <n>', t('cli.opt.maxSamples', { n: DEFAULT_MAX_SAMPLES }), parseMaxSamples);
}
