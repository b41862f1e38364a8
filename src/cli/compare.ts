// `promlearn compare '<expected>' '<actual>'`: do two queries give the same
// results on the current dataset (its whole time range at a fixed step, or
// the instants and range the time flags give)?
// Exit 0 same, 1 different, 2 a query that does not parse or type-check.

import { t } from '../util/messages/index.js';
import { Option, type Command } from 'commander';
import { ExitError, PromlearnError, QueryError, UsageError } from '../errors.js';
import type { BackendOptions } from '../backends/options.js';
import type { Backend } from '../backends/backend.js';
import type { Plan } from '../lessons/observe.js';
import { humanDuration, parseTimeArg } from '../util/time.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';
import { addRangeOptions } from './query-flags.js';
import { withSpinner } from '../util/spinner.js';

/** A query the parser rejects: shown with its caret like any QueryError, but exit 2 (bad input). */
class BadQueryError extends QueryError {
  override readonly exitCode: number = 2;
}

interface CompareOptions extends BackendOptions {
  output: 'text' | 'json';
  /** --time, repeatable: compare at these instants. */
  time?: string[];
  range?: string;
  start?: string;
  end?: string;
  step?: string;
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('compare')
    .description(t('cli.compare.description'))
    .argument('<expected>', t('cli.compare.expected'))
    .argument('<actual>', t('cli.compare.actual'))
    .option('-t, --time <time>', t('cli.compare.time'), (v: string, prev: string[] = []) => [...prev, v]);
  addRangeOptions(cmd, t('cli.compare.rangeDefault'));
  cmd.addOption(new Option('-o, --output <format>', t('cli.opt.output')).choices(['text', 'json']).default('text'));
  addBackendOptions(cmd)
    .addHelpText('after', t('cli.compare.help'))
    .action((expected: string, actual: string, opts: CompareOptions) => runCompare(deps, expected, actual, opts));
}

/** Where to compare: the time flags' instants or range, else the whole data range (the judge's plan). */
async function comparePlan(backend: Backend, opts: CompareOptions, now: number): Promise<Plan> {
  const { planFor } = await import('../lessons/judge.js');
  const { rangePlan } = await import('../lessons/observe.js');
  const { resolveRange } = await import('./range-args.js');
  const info = await backend.info();
  const ref = info.kind === 'local' && info.dataRange ? info.dataRange.end : now;
  const ranged = [opts.range, opts.start, opts.end, opts.step].some((o) => o !== undefined);
  if (!ranged && opts.time?.length) return { kind: 'instant', times: opts.time.map((t) => parseTimeArg(t, ref)) };
  if (!ranged) return planFor(backend);
  if ((opts.time?.length ?? 0) > 1) throw new UsageError(t('usage.compareTimes'), t('usage.eg', { example: '--range 1h --time -30m' }));
  const r = resolveRange({ ...opts, time: opts.time?.[0] }, ref);
  return opts.step !== undefined ? { kind: 'range', ...r } : rangePlan(r.start, r.end);
}

function describePlan(plan: Plan, formatTimeUtc: (t: number) => string): string {
  return plan.kind === 'range'
    ? t('compare.range', { start: formatTimeUtc(plan.start), end: formatTimeUtc(plan.end), step: humanDuration(plan.step * 1000) })
    : t('compare.at', { times: plan.times.map(formatTimeUtc).join(', ') });
}

async function runCompare(deps: CommandDeps, expected: string, actual: string, opts: CompareOptions): Promise<void> {
  const { io } = deps;
  const { Judge } = await import('../lessons/judge.js');
  const { formatTimeUtc } = await import('../util/time.js');
  await withBackend(deps, opts, async (backend) => {
    const plan = await comparePlan(backend, opts, deps.clock());
    const judge = new Judge(backend, plan);
    const verdict = await withSpinner(io, t('compare.running'), async () => {
      for (const q of [expected, actual]) {
        const o = await judge.outcome(q);
        if (!o.ok) throw asBadQuery(o.error);
      }
      return judge.compare(expected, actual);
    });
    const where = describePlan(plan, formatTimeUtc);
    if (opts.output === 'json') {
      const out = { same: verdict.correct, expected, actual, plan, differences: verdict.messages, notes: verdict.notes ?? [] };
      io.out(JSON.stringify(out) + '\n');
    } else if (verdict.correct) {
      io.out(t('compare.same', { same: io.style.ok(t('compare.sameWord')), where }) + '\n');
      for (const n of verdict.notes ?? []) io.out(`  ${io.style.dim(n)}\n`);
    } else {
      const different = t('compare.different', { different: io.style.warn(t('compare.differentWord')), where });
      io.out(`${different}\n${verdict.messages.map((m) => `  ${m}`).join('\n')}\n`);
    }
    // The differences are printed already: only the exit code is left to give.
    if (!verdict.correct) throw new ExitError(1);
  });
}

/** Parse and type errors are the caller's bad input (exit 2); execution errors stay exit 1. */
export function asBadQuery(e: PromlearnError): PromlearnError {
  if (!(e instanceof QueryError) || e.errorType !== 'bad_data') return e;
  return new BadQueryError(e.message, { errorType: e.errorType, query: e.query, position: e.position, hint: e.hint });
}
