// `promlearn range '<expr>' ['<expr>'...]`: range queries over --range (default
// the last hour of the data), drawn as one chart (or JSON/CSV), or with --when
// the intervals in which each series returned data. It runs in ./range-run.ts;
// `query --range` draws one expression the same way (./run-query.ts).

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';
import { addBackendOptions, addMaxSamplesOption } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import { addGrafanaOptions, addOutputOptions, addRangeOptions } from './query-flags.js';
import type { RangeCommandOptions } from './range-run.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('range')
    .description(t('cli.range.description'))
    .argument('<expr...>', t('cli.range.expr'))
    .option('-t, --time <time>', t('cli.range.time'))
    .option('--legend <format>', t('cli.range.legend'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--when', t('cli.range.when'));
  addRangeOptions(cmd, t('cli.range.rangeDefault'));
  addOutputOptions(cmd);
  addGrafanaOptions(cmd);
  addBackendOptions(cmd);
  addMaxSamplesOption(cmd);
  cmd.addHelpText('after', t('cli.range.help'));
  cmd.action(async (exprs: string[], opts: RangeCommandOptions) => {
    const { runRangeCommand } = await import('./range-run.js');
    await runRangeCommand(exprs, opts, deps);
  });
}
