// The wiring: declares commands, maps errors to exit codes. Only this file
// decides how the process ends (bin/promlearn.js sets process.exitCode).
//
// Each command lives in its own file and exports `register(program, deps)`;
// declaring it loads only commander and its flags: the code that runs it
// (engine, dataset, backends, lessons, REPL) is imported inside its action.

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ExitError, isUserError } from '../errors.js';
import { formatError } from '../render/error.js';
import { processIO, type IO } from '../util/io.js';
import { defaultDeps, type CommandDeps } from './deps.js';

import * as queryCmd from './query.js';
import * as rangeCmd from './range.js';
import * as fmtCmd from './fmt.js';
import * as metricsCmd from './metrics.js';
import * as seriesCmd from './series.js';
import * as labelsCmd from './labels.js';
import * as datasetCmd from './dataset.js';
import * as statusCmd from './status.js';
import * as replCmd from './repl.js';
import * as learnCmd from './learn.js';
import * as compareCmd from './compare.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function buildProgram(deps: CommandDeps): Command {
  const { io } = deps;
  const program = new Command('promlearn')
    .description('Learn PromQL by doing: query a bundled sample dataset with an embedded PromQL engine, or your own Prometheus.')
    .version(packageVersion(), '-V, --version')
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(io.errStyle.error(s)),
    })
    .showSuggestionAfterError(true)
    .exitOverride();

  for (const cmd of [queryCmd, rangeCmd, fmtCmd, metricsCmd, seriesCmd, labelsCmd, datasetCmd, statusCmd, replCmd, learnCmd, compareCmd]) {
    cmd.register(program, deps);
  }

  program.addHelpText(
    'after',
    `
Examples:
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn range 'rate(http_requests_total{job="api"}[5m])' --range 1h
  $ promlearn learn                 # guided lessons
  $ promlearn                       # interactive REPL (in a terminal)
  $ promlearn query up --server http://localhost:9090

Exit codes: 0 ok, 1 query or server error, 2 usage error.`,
  );
  return program;
}

/** Runs the CLI; resolves to the exit code. Tests may replace the backend opener and the clock. */
export async function main(argv: string[], io: IO = processIO(), deps: Partial<Omit<CommandDeps, 'io'>> = {}): Promise<number> {
  const program = buildProgram({ ...defaultDeps(io), ...deps });
  // No command: the REPL in a terminal, help otherwise.
  if (argv.length <= 2) {
    argv = [...argv, io.stdinIsTTY && io.isTTY ? 'repl' : '--help'];
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof ExitError) return e.exitCode;
    if (isUserError(e)) {
      io.err(formatError(e, io.errStyle) + '\n');
      return e.exitCode;
    }
    io.err(formatError(e, io.errStyle) + '\n');
    return 1;
  }
}
