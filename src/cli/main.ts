// The wiring: declares commands, maps errors to exit codes. Only this file
// decides how the process ends (bin/promlearn.js sets process.exitCode).
//
// Each command lives in its own file and exports `register(program, deps)`;
// declaring it loads only commander and its flags: the code that runs it
// (engine, dataset, backends, lessons, REPL) is imported inside its action.

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ExitError, isUserError } from '../errors.js';
import { formatError } from '../render/error.js';
import { processIO, type IO } from '../util/io.js';
import { LANGS } from '../util/lang.js';
import { chooseZone, setDisplayZone } from '../util/time.js';
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
import * as rulesCmd from './rules.js';
import * as alertsCmd from './alerts.js';
import * as explainCmd from './explain.js';
import * as demoAppCmd from './demo-app.js';
import * as scrapeCmd from './scrape.js';
import * as serveCmd from './serve.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** `'--name=value'` in commander's messages -> `'--name=…'`: a mistyped option's value may be a secret. */
function hideOptionValues(message: string): string {
  return message.replace(/'(--?[A-Za-z0-9][\w-]*)=[^']*'/g, "'$1=…'");
}

function buildProgram(deps: CommandDeps): Command {
  const { io } = deps;
  const program = new Command('promlearn')
    .description('Learn PromQL by doing: query a bundled sample dataset with an embedded PromQL engine, or your own Prometheus.')
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('--lang <lang>', 'language of the lessons (default: $PROMLEARN_LANG, else the locale, else en)').choices(LANGS))
    .option('--tz <zone>', 'show times, and read times without a zone, in this IANA zone, e.g. Asia/Seoul (default: $TZ, else UTC)')
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // `--bearer-token=S3CRET` (no such option): the option is named, its value never echoed.
      outputError: (s, write) => write(io.errStyle.error(hideOptionValues(s))),
    })
    .showSuggestionAfterError(true)
    .exitOverride();
  // --lang outranks $PROMLEARN_LANG: commands read the language from their env (src/util/lang.ts).
  program.hook('preAction', () => {
    const { lang } = program.opts<{ lang?: string }>();
    if (lang) io.env = { ...io.env, PROMLEARN_LANG: lang };
    // One display zone for the whole run (src/util/time.ts); set on every run, so a test's earlier run leaves nothing behind.
    setDisplayZone(chooseZone(program.opts<{ tz?: string }>().tz, io.env));
  });

  for (const cmd of [
    queryCmd,
    rangeCmd,
    fmtCmd,
    metricsCmd,
    seriesCmd,
    labelsCmd,
    datasetCmd,
    statusCmd,
    replCmd,
    learnCmd,
    compareCmd,
    explainCmd,
    demoAppCmd,
    scrapeCmd,
    serveCmd,
    rulesCmd,
    alertsCmd,
  ]) {
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

/** Commands whose first argument is a PromQL expression. */
const EXPR_COMMANDS = new Set(['query', 'range', 'fmt', 'explain']);

/**
 * `promlearn query '-sum(up)'`: an expression starting with "-" reads as a flag
 * to commander. One that cannot be a flag (brackets, quotes, spaces, operators,
 * a number) gets a leading space, which PromQL ignores; `-up` could be `-u p`,
 * so that one is left alone and the usage error says to put -- before it.
 */
function protectLeadingMinus(argv: string[]): string[] {
  const [cmd, first] = [argv[2], argv[3]];
  if (cmd === undefined || !EXPR_COMMANDS.has(cmd) || first === undefined) return argv;
  if (!/^-(?!-)/.test(first) || !/^-\s*[\d.(]|[\s(){}[\]"'`+*/%^<>=!~,]/.test(first)) return argv;
  return [...argv.slice(0, 3), ' ' + first, ...argv.slice(4)];
}

function leadingMinusHint(argv: string[]): string | undefined {
  const [cmd, first] = [argv[2], argv[3]];
  if (cmd === undefined || !EXPR_COMMANDS.has(cmd) || first === undefined || !/^-[^-\s]{2,}/.test(first)) return undefined;
  return `hint: if ${first} is the query, put -- before it: promlearn ${cmd} -- '${first}'`;
}

/** Runs the CLI; resolves to the exit code. Tests may replace the backend opener and the clock. */
export async function main(argv: string[], io: IO = processIO(), deps: Partial<Omit<CommandDeps, 'io'>> = {}): Promise<number> {
  const program = buildProgram({ ...defaultDeps(io), ...deps });
  // No command: the REPL in a terminal, help otherwise.
  if (argv.length <= 2) {
    argv = [...argv, io.stdinIsTTY && io.isTTY ? 'repl' : '--help'];
  }
  argv = protectLeadingMinus(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const hint = leadingMinusHint(argv);
      if (hint) io.err(io.errStyle.dim(hint) + '\n');
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
