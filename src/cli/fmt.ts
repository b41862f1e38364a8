// `promlearn fmt '<expr>'`: the canonical form of a query, as Prometheus
// prints it, or with --tree the syntax tree with each node's static type.
// A bad query exits 1 with Prometheus's message, a caret and a hint.

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
    .description('check a PromQL expression and print it in canonical form (or as a typed syntax tree)')
    .argument('<expr>', 'the PromQL expression (quote it for the shell)')
    .option('--tree', 'print the syntax tree with the static type of every node')
    .option('--experimental', 'accept experimental syntax: experimental functions, limitk/limit_ratio, anchored/smoothed, fill()')
    .addOption(
      new Option(
        '-o, --output <format>',
        'text, or json: {query, formatted, type} and with --tree the tree as /api/v1/parse_query gives it',
      )
        .choices(['text', 'json'])
        .default('text'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn fmt 'sum(rate(http_requests_total[5m]))by(job)'
  sum by (job) (rate(http_requests_total[5m]))
  $ promlearn fmt --tree 'rate(http_requests_total[5m]) > 1'
  $ promlearn fmt 'rate(http_requests_total)'      # shows the error, where, and a hint
  $ promlearn fmt --experimental 'sort_by_label(up, "job")'
  $ promlearn fmt -o json 'sum(up)by(job)' | jq -r .formatted`,
    )
    .action(async (expr: string, opts: FmtOptions) => {
      if (expr.trim() === '') throw new UsageError('empty expression', `give a query, e.g. promlearn fmt 'up'`);
      const job = { expr, tree: opts.tree === true, experimental: opts.experimental === true, json: opts.output === 'json' };
      // The main thread's stack holds a few thousand levels; deeper ones go to a worker.
      const text = tooDeepAt(lex(expr), MAIN_THREAD_NESTING) ? await formatOnDeepStack(job) : formatNow(job);
      io.out(text + '\n');
    });
}
