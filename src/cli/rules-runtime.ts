// What `rules eval` and `alerts route` share: checking the rule files (all
// problems at once, nothing evaluated when there is one), opening a backend
// whose store can take the recorded series, and running the timeline.

import { t } from '../util/messages/index.js';
import type { Backend } from '../backends/backend.js';
import { QueryError, UsageError } from '../errors.js';
import type { MemoryStore } from '../storage/store.js';
import { ruleDependencies } from '../rules/dependencies.js';
import { RuleEvaluator, type SeriesWriter } from '../rules/evaluate.js';
import { allProblems, checkRuleFile, formatProblem, groupsOf, RuleFileReadError, type CheckedFile } from '../rules/files.js';
import type { GroupDef } from '../rules/model.js';
import { parseModelDuration } from '../rules/duration.js';
import { backendQuerier, backendRangeQuerier, storeWriter } from '../rules/querier.js';
import { buildReport, type EvalReport } from '../rules/report.js';
import { runTimeline } from '../rules/timeline.js';
import { ExitError } from '../errors.js';
import type { BackendOptions } from '../backends/options.js';
import type { IO } from '../util/io.js';
import { parseTimeArg } from '../util/time.js';
import type { CommandDeps } from './deps.js';

export interface TimelineFlags extends BackendOptions {
  start?: string;
  end?: string;
  interval?: string;
  externalUrl?: string;
  externalLabel?: string[];
}

/** Reads and checks every file; prints all problems and exits 1 if there is any. */
export function loadCheckedRules(paths: string[], io: IO): { files: CheckedFile[]; groups: GroupDef[] } {
  const files: CheckedFile[] = [];
  for (const p of paths) {
    try {
      files.push(checkRuleFile(p));
    } catch (e) {
      if (e instanceof RuleFileReadError) throw new UsageError(e.message, t('usage.rulePath.hint'));
      throw e;
    }
  }
  const bad = files.filter((f) => allProblems(f).length > 0);
  if (bad.length) {
    for (const f of bad) for (const p of allProblems(f)) io.err(formatProblem(f.path, p, io.errStyle, io.columns) + '\n');
    const n = bad.reduce((k, f) => k + allProblems(f).length, 0);
    const found = { n, files: bad.map((f) => f.path).join(', ') };
    io.err(io.errStyle.dim((n === 1 ? t('rules.problems.one', found) : t('rules.problems.many', found)) + '\n'));
    throw new ExitError(1);
  }
  return { files, groups: groupsOf(files) };
}

interface OpenedBackend {
  backend: Backend;
  store?: MemoryStore;
  close(): Promise<void>;
}

/** The sample (or --dataset) in this thread, so recorded series can be written to its store; or --server. */
async function openForRules(opts: BackendOptions, deps: CommandDeps): Promise<OpenedBackend> {
  if (opts.server ?? deps.io.env.PROMETHEUS_URL) {
    const backend = await deps.openBackend(opts);
    return { backend, close: async () => backend.close?.() };
  }
  const { createLocalBackend } = await import('../backends/local.js');
  const { SAMPLE_BACKEND_OPTIONS, loadDatasetFile } = await import('../backends/open.js');
  const { hostFromIO } = await import('../backends/options.js');
  const { freshSampleStore } = await import('../dataset/index.js');
  // A fresh store: recorded series must not leak into the process-wide sample cache.
  const store = opts.dataset ? await loadDatasetFile(opts.dataset, hostFromIO(deps.io), opts.nhcb) : freshSampleStore();
  const name = opts.dataset ? opts.dataset : 'sample';
  const backend = createLocalBackend(store, opts.dataset ? { name, description: `${name} (embedded engine)` } : SAMPLE_BACKEND_OPTIONS);
  return { backend, store, close: async () => {} };
}

function parseExternalLabels(list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new UsageError(t('usage.invalidFlag', { flag: '--external-label', value: kv }), t('usage.externalLabel.hint'));
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

/** A server cannot store recorded series: rules that read other rules' output cannot be evaluated there. */
function refuseChainsOnServer(groups: GroupDef[]): void {
  const deps = ruleDependencies(groups);
  if (deps.length === 0) return;
  const d = deps[0]!;
  throw new QueryError(t('rules.readsOutput', { rule: d.rule.name, via: d.via, on: d.on.name }), {
    errorType: 'bad_data',
    hint: t('rules.readsOutput.hint'),
  });
}

export interface TimelineRun {
  report: EvalReport;
  evaluator: RuleEvaluator;
  store?: MemoryStore;
}

/** Evaluates the groups over the chosen range; never throws for rule errors (they are in the report). */
export async function runRulesTimeline(groups: GroupDef[], flags: TimelineFlags, deps: CommandDeps): Promise<TimelineRun> {
  const interval = flags.interval ? durationFlag('--interval', flags.interval) : 60_000;
  const externalLabels = parseExternalLabels(flags.externalLabel);
  const opened = await openForRules(flags, deps);
  try {
    const info = await opened.backend.info();
    if (info.kind === 'remote') refuseChainsOnServer(groups);
    const range = info.dataRange;
    const ref = range ? range.end : deps.clock();
    const end = flags.end !== undefined ? parseTimeArg(flags.end, ref) : ref;
    const start = flags.start !== undefined ? parseTimeArg(flags.start, ref) : range ? range.start : end - 3600;
    if (start > end) throw new UsageError(t('usage.startAfterEnd'), t('usage.swapStartEnd'));
    const writer: SeriesWriter | undefined = opened.store ? storeWriter(opened.store) : undefined;
    const evaluator = new RuleEvaluator(groups, backendQuerier(opened.backend), {
      defaultIntervalMs: interval,
      externalLabels,
      externalURL: flags.externalUrl ?? 'http://localhost:9090',
      writer,
    });
    const mode = await runTimeline(evaluator, { startMs: start * 1000, endMs: end * 1000, range: backendRangeQuerier(opened.backend) });
    return { report: buildReport(evaluator, start * 1000, end * 1000, mode), evaluator, store: opened.store };
  } finally {
    await opened.close();
  }
}

function durationFlag(flag: string, s: string): number {
  try {
    const ms = parseModelDuration(s);
    if (ms <= 0) throw new Error(t('usage.longerThanZero'));
    return ms;
  } catch (e) {
    throw new UsageError(
      t('usage.invalidFlagDetail', { flag, value: s, detail: (e as Error).message }),
      t('usage.eg', { example: `${flag} 30s` }),
    );
  }
}

/**
 * For `repl --rules`: evaluates the rule files over the whole local dataset
 * and returns a backend over the store that now holds the recorded series
 * (and ALERTS). Local only: a server cannot be written to.
 */
export async function openBackendWithRules(paths: string[], opts: BackendOptions, deps: CommandDeps): Promise<Backend> {
  const { io } = deps;
  if (opts.server ?? io.env.PROMETHEUS_URL) {
    throw new UsageError(t('usage.rulesServer'), t('usage.rulesServer.hint'));
  }
  const { groups } = loadCheckedRules(paths, io);
  const run = await runRulesTimeline(groups, opts, deps);
  const { renderErrors } = await import('../rules/report.js');
  if (!run.report.complete) {
    io.err(renderErrors(run.report, io.errStyle, io.columns));
    throw new ExitError(1);
  }
  const { createLocalBackend } = await import('../backends/local.js');
  const { SAMPLE_BACKEND_OPTIONS } = await import('../backends/open.js');
  const names = run.report.recording.map((r) => r.record);
  const alerts = run.evaluator.alerting.size > 0 ? ['ALERTS', 'ALERTS_FOR_STATE'] : [];
  const recorded = [...names, ...alerts].join(', ') || t('rules.recordedNothing');
  io.err(io.errStyle.dim(t('rules.recorded', { n: run.report.evaluations, names: recorded }) + '\n'));
  const name = opts.dataset ? opts.dataset : 'sample';
  return createLocalBackend(
    run.store!,
    opts.dataset
      ? { name: `${name}+rules`, description: t('backend.fileRules', { name }) }
      : { ...SAMPLE_BACKEND_OPTIONS, name: 'sample+rules', description: t('backend.sampleRules') },
  );
}
