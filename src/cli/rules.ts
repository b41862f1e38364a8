// `promlearn rules check|eval|test`: Prometheus rule files checked as
// promtool does, evaluated over the sample (or --dataset, or --server) as
// the rule manager does, and unit-tested in promtool's test format.

import { Option, type Command } from 'commander';
import { ExitError, UsageError } from '../errors.js';
import { PLAIN } from '../util/style.js';
import type { IO } from '../util/io.js';
import { addBackendOptions } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import type { TimelineFlags } from './rules-runtime.js';

interface OutputFlag {
  output?: 'table' | 'json';
  color?: boolean;
}

function style(io: IO, flags: OutputFlag) {
  return flags.color === false ? PLAIN : io.style;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
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
      for (const p of problems) io.err(formatProblem(path, p, io.errStyle) + '\n');
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
    io.err(renderErrors(report, io.errStyle));
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
  const rules = program
    .command('rules')
    .description('check, evaluate and unit-test Prometheus recording and alerting rule files')
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn rules check rules.yml
  $ promlearn rules eval rules.yml                      # over the 6-hour sample, every group interval
  $ promlearn rules eval rules.yml --start -1h30m --end -30m -o json    # relative to the end of the data
  $ promlearn rules test tests.yml                      # promtool's unit-test format

Exit codes: 0 ok, 1 a problem in a file, a failed evaluation or a failed test, 2 usage error.`,
    );

  const outputOption = () => new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table');

  rules
    .command('check')
    .description('check rule files as `promtool check rules` does: YAML, fields, PromQL, templates, duplicates')
    .argument('<files...>', 'rule files (YAML)')
    .addOption(outputOption())
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn rules check rules.yml
  $ promlearn rules check rules/*.yml -o json

Problems are printed as FILE:LINE:COL: message (promtool's wording), with a
caret under PromQL errors. Duplicate rules (same name and labels), which
promtool only lints, are errors here. Exit codes: 0 valid, 1 a problem, 2 usage error.`,
    )
    .action(async (files: string[], flags: OutputFlag) => runCheck(files, flags, io));

  const evalCmd = rules
    .command('eval')
    .description('evaluate rule groups over time: alert timelines (pending, firing, resolved) and recorded series')
    .argument('<files...>', 'rule files (YAML)')
    .option(
      '--start <time>',
      'first evaluation: RFC 3339, unix seconds or relative such as -2h (default: start of the data; --server: 1h before --end)',
    )
    .option('--end <time>', 'last evaluation (default: end of the data; --server: now)')
    .option('--interval <duration>', "interval of groups that set none (Prometheus's global evaluation_interval)", '1m')
    .option('--external-url <url>', 'what {{ externalURL }} and $externalURL give', 'http://localhost:9090')
    .option('--external-label <name=value>', 'external label for $externalLabels (repeatable)', collect)
    .addOption(outputOption())
    .option('--no-color', 'no colours');
  addBackendOptions(evalCmd);
  evalCmd.addHelpText(
    'after',
    `
Examples:
  $ promlearn rules eval rules.yml
  $ promlearn rules eval rules.yml --start 2026-01-15T10:30:00Z --end 2026-01-15T11:30:00Z
  $ promlearn rules eval rules.yml -o json | jq '.alerts[].episodes'
  $ promlearn rules eval rules.yml --server http://localhost:9090 --start -1h

Groups run at multiples of their interval (Prometheus adds a per-group
offset; promlearn does not). Recording rules write into the sample's store,
so later rules read them; a server cannot be written to, so rules that read
other rules' output are refused with --server. Failed evaluations are
listed and make the exit code 1: the output then says it is INCOMPLETE.`,
  );
  evalCmd.action(async (files: string[], flags: TimelineFlags & OutputFlag) => runEval(files, flags, deps));

  rules
    .command('test')
    .description("run unit tests in promtool's format (rule_files, input_series, alert_rule_test, promql_expr_test)")
    .argument('<files...>', 'test files (YAML)')
    .option('--run <regex>', 'only the test groups whose name matches (repeatable)', collect)
    .addOption(outputOption())
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn rules test tests.yml
  $ promlearn rules test tests.yml --run checkout -o json

Same verdicts as \`promtool test rules\`: input series in expanding notation
('0+10x30', '1 _ stale 3x2'), all groups evaluated every evaluation_interval
in group_eval_order, firing alerts compared at each eval_time, PromQL
results compared sample by sample. Exit codes: 0 all passed, 1 a failure, 2 usage error.`,
    )
    .action(async (files: string[], flags: OutputFlag & { run?: string[] }) => {
      if (files.length === 0) throw new UsageError('no test files given', 'promlearn rules test tests.yml');
      return runTest(files, flags, io);
    });
}
