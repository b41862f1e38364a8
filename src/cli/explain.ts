// `promlearn explain '<expr>'`: the query taken apart, node by node — what
// each part does, what it returns at the evaluation time, why a selector
// matches nothing, how a binary operator matched, what an aggregation
// grouped — and with --samples the arithmetic of rate() & co and
// histogram_quantile() on one series, down to the number `query` returns.

import { t } from '../util/messages/index.js';
import { Option, type Command } from 'commander';
import type { BackendOptions } from '../backends/options.js';
import { addBackendOptions } from './backend-flags.js';
import { addGrafanaOptions, type GrafanaOptions } from './query-flags.js';
import type { CommandDeps } from './deps.js';

export interface ExplainCommandOptions extends BackendOptions, GrafanaOptions {
  time?: string;
  samples?: boolean;
  series?: string;
  output?: 'table' | 'json';
  color?: boolean;
  width?: string;
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('explain')
    .description(t('cli.explain.description'))
    .argument('<expr>', t('cli.query.expr'))
    .option('-t, --time <time>', t('cli.query.time'))
    .option('--samples', t('cli.explain.samples'))
    .option('--series <selector>', t('cli.explain.series'))
    .addOption(new Option('-o, --output <format>', t('cli.opt.output')).choices(['table', 'json']).default('table'))
    .option('--width <columns>', t('cli.explain.width'))
    .option('--no-color', t('cli.opt.noColor'));
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  cmd.addHelpText('after', t('cli.explain.help'));
  cmd.action(async (expr: string, opts: ExplainCommandOptions) => {
    const { runExplain } = await import('./run-explain.js');
    await runExplain(expr, opts, deps);
  });
}
