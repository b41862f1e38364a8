// `promlearn compare '<expected>' '<actual>'`: do two queries give the same
// results on the current dataset (its whole time range at a fixed step)?
// Exit 0 same, 1 different, 2 a query that does not parse or type-check.

import type { Command } from 'commander';
import { ExitError, PromlearnError, QueryError } from '../errors.js';
import type { BackendOptions } from '../backends/options.js';
import { humanDuration } from '../util/time.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';

/** A query the parser rejects: shown with its caret like any QueryError, but exit 2 (bad input). */
class BadQueryError extends QueryError {
  override readonly exitCode: number = 2;
}

export function register(program: Command, deps: CommandDeps): void {
  addBackendOptions(
    program
      .command('compare')
      .description('say whether two queries give the same results over the whole dataset, and how they differ')
      .argument('<expected>', 'the query you trust')
      .argument('<actual>', 'the query to check'),
  )
    .addHelpText(
      'after',
      "\nExample:\n  $ promlearn compare 'sum by (job) (rate(http_requests_total[5m]))' 'sum without (instance) (rate(http_requests_total[5m]))'",
    )
    .action((expected: string, actual: string, opts: BackendOptions) => runCompare(deps, expected, actual, opts));
}

async function runCompare(deps: CommandDeps, expected: string, actual: string, opts: BackendOptions): Promise<void> {
  const { io } = deps;
  const { Judge, planFor } = await import('../lessons/judge.js');
  const { formatTimeUtc } = await import('../util/time.js');
  await withBackend(deps, opts, async (backend) => {
    const judge = new Judge(backend, await planFor(backend));
    for (const q of [expected, actual]) {
      const o = await judge.outcome(q);
      if (!o.ok) throw asBadQuery(o.error);
    }
    const verdict = await judge.compare(expected, actual);
    const plan = judge.plan;
    const where =
      plan.kind === 'range'
        ? `from ${formatTimeUtc(plan.start)} to ${formatTimeUtc(plan.end)} every ${humanDuration(plan.step * 1000)}`
        : `at ${plan.times.map(formatTimeUtc).join(', ')}`;
    if (verdict.correct) {
      io.out(`${io.style.ok('same')}: both queries give the same results ${where}\n`);
      return;
    }
    io.out(`${io.style.warn('different')} (${where}):\n${verdict.messages.map((m) => `  ${m}`).join('\n')}\n`);
    throw new ExitError(1, 'the queries give different results');
  });
}

/** Parse and type errors are the caller's bad input (exit 2); execution errors stay exit 1. */
export function asBadQuery(e: PromlearnError): PromlearnError {
  if (!(e instanceof QueryError) || e.errorType !== 'bad_data') return e;
  return new BadQueryError(e.message, { errorType: e.errorType, query: e.query, position: e.position, hint: e.hint });
}
