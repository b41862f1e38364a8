// `promlearn rules check|eval|test`: Prometheus rule files checked as
// promtool does, evaluated over the sample (or --dataset, or --server) as
// the rule manager does, and unit-tested in promtool's test format.

import { t } from '../util/messages/index.js';
import { Option, type Command } from 'commander';
import { ExitError, UsageError } from '../errors.js';
import { PLAIN } from '../util/style.js';
import type { IO } from '../util/io.js';
import { addBackendOptions } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import type { TimelineFlags } from './rules-runtime.js';
import { addTimelineOptions, collect } from './flags.js';

interface OutputFlag {
  output?: 'table' | 'json';
  color?: boolean;
}

function style(io: IO, flags: OutputFlag) {
  return flags.color === false ? PLAIN : io.style;
}

async function runCheck(paths: string[], flags: OutputFlag, io: IO): Promise<void> {
  const { checkRuleFile, allProblems, formatProblem, RuleFileReadError } = await import('../rules/files.js');
  let failed = false;
  let missing = false;
  const json: unknown[] = [];
  for (const path of paths) {
    let f;
    try {
      f = checkRuleFile(path);
    } catch (e) {
      if (!(e instanceof RuleFileReadError)) throw e;
      missing = true;
      if (flags.output === 'json') json.push({ file: path, ok: false, rules: 0, problems: [{ line: 0, col: 0, message: e.message }] });
      else io.err(`Checking ${path}\n  FAILED:\n${io.errStyle.error(e.message)}\n\n`);
      continue;
    }
    const problems = allProblems(f);
    failed ||= problems.length > 0;
    if (flags.output === 'json') {
      json.push({
        file: path,
        ok: problems.length === 0,
        rules: f.ruleCount,
        problems: problems.map((p) => ({ line: p.line, col: p.col, message: p.message })),
      });
      continue;
    }
    io.out(`Checking ${path}\n`);
    if (problems.length === 0) io.out(`  ${style(io, flags).ok('SUCCESS')}: ${f.ruleCount} rules found\n\n`);
    else {
      io.err(`  ${io.errStyle.error('FAILED')}:\n`);
      for (const p of problems) io.err(formatProblem(path, p, io.errStyle, io.columns) + '\n');
      io.err('\n');
    }
  }
  if (flags.output === 'json') io.out(JSON.stringify(json, null, 2) + '\n');
  // An unreadable file is a wrong argument (2); a problem in a file is 1.
  if (missing) throw new ExitError(2);
  if (failed) throw new ExitError(1);
}

async function runEval(paths: string[], flags: TimelineFlags & OutputFlag, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const { loadCheckedRules, runRulesTimeline } = await import('./rules-runtime.js');
  const { groups } = loadCheckedRules(paths, io);
  const { report } = await runRulesTimeline(groups, flags, deps);
  const { renderReport, renderErrors, reportJSON } = await import('../rules/report.js');
  if (flags.output === 'json') io.out(JSON.stringify(reportJSON(report), null, 2) + '\n');
  else io.out(renderReport(report, style(io, flags)));
  if (!report.complete) {
    io.err(renderErrors(report, io.errStyle, io.columns));
    throw new ExitError(1);
  }
}

async function runTest(paths: string[], flags: OutputFlag & { run?: string[] }, io: IO): Promise<void> {
  const { runTestFiles } = await import('../rules/unittest/run.js');
  const { renderTestResults, testResultsJSON } = await import('../rules/unittest/report.js');
  const results = await runTestFiles(paths, { run: flags.run });
  if (flags.output === 'json') io.out(JSON.stringify(testResultsJSON(results), null, 2) + '\n');
  else renderTestResults(results, io, style(io, flags));
  if (results.some((r) => !r.ok)) throw new ExitError(1);
}

export function register(program: Command, deps: CommandDeps): void {
  const { io } = deps;
  const rules = program.command('rules').description(t('cli.rules.description')).addHelpText('after', t('cli.rules.help'));

  const outputOption = () => new Option('-o, --output <format>', t('cli.opt.output')).choices(['table', 'json']).default('table');

  rules
    .command('check')
    .description(t('cli.rules.check.description'))
    .argument('<files...>', t('cli.rules.files'))
    .addOption(outputOption())
    .option('--no-color', t('cli.opt.noColors'))
    .addHelpText('after', t('cli.rules.check.help'))
    .action(async (files: string[], flags: OutputFlag) => runCheck(files, flags, io));

  const evalCmd = addTimelineOptions(
    rules.command('eval').description(t('cli.rules.eval.description')).argument('<files...>', t('cli.rules.files')),
    'cli.rules.eval',
  )
    .addOption(outputOption())
    .option('--no-color', t('cli.opt.noColors'));
  addBackendOptions(evalCmd);
  evalCmd.addHelpText('after', t('cli.rules.eval.help'));
  evalCmd.action(async (files: string[], flags: TimelineFlags & OutputFlag) => runEval(files, flags, deps));

  rules
    .command('test')
    .description(t('cli.rules.test.description'))
    .argument('<files...>', t('cli.rules.test.files'))
    .option('--run <regex>', t('cli.rules.test.run'), collect)
    .addOption(outputOption())
    .option('--no-color', t('cli.opt.noColors'))
    .addHelpText('after', t('cli.rules.test.help'))
    .action(async (files: string[], flags: OutputFlag & { run?: string[] }) => {
      if (files.length === 0) throw new UsageError(t('usage.noTestFiles'), t('usage.noTestFiles.hint'));
      return runTest(files, flags, io);
    });
}
