// `promlearn fmt '<expr>'`: the canonical form of a query, as Prometheus
// prints it, or with --tree the syntax tree with each node's static type.
// A bad query exits 1 with Prometheus's message, a caret and a hint.

import { t } from '../util/messages/index.js';
import { Option, type Command } from 'commander';
import { lex } from '../promql/index.js';
import { tooDeepAt } from '../promql/depth.js';
import { formatNow, formatOnDeepStack } from './fmt-deep.js';
import { UsageError } from '../errors.js';
import type { CommandDeps } from './deps.js';

/** Nesting the main thread's stack surely holds (about 2,500 levels fit). */
const MAIN_THREAD_NESTING = 1000;

interface FmtOptions {
  tree?: boolean;
  experimental?: boolean;
  output: 'text' | 'json';
}

export function register(program: Command, { io }: CommandDeps): void {
  program
    .command('fmt')
    .description(t('cli.fmt.description'))
    .argument('<expr>', t('cli.fmt.expr'))
    .option('--tree', t('cli.fmt.tree'))
    .option('--experimental', t('cli.fmt.experimental'))
    .addOption(new Option('-o, --output <format>', t('cli.fmt.output')).choices(['text', 'json']).default('text'))
    .addHelpText('after', t('cli.fmt.help'))
    .action(async (expr: string, opts: FmtOptions) => {
      if (expr.trim() === '') throw new UsageError(t('usage.emptyExpression'), t('usage.giveQuery', { command: 'fmt', example: 'up' }));
      const job = { expr, tree: opts.tree === true, experimental: opts.experimental === true, json: opts.output === 'json' };
      // The main thread's stack holds a few thousand levels; deeper ones go to a worker.
      const text = tooDeepAt(lex(expr), MAIN_THREAD_NESTING) ? await formatOnDeepStack(job) : formatNow(job);
      io.out(text + '\n');
    });
}
