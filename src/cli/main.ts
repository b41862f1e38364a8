// The wiring: declares commands, maps errors to exit codes. Only this file
// decides how the process ends (bin/promlearn.js sets process.exitCode).
//
// Each command lives in its own file and exports `register(program, deps)`;
// declaring it loads only commander and its flags: the code that runs it
// (engine, dataset, backends, lessons, REPL) is imported inside its action.

import { t } from '../util/messages/index.js';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ExitError, isUserError } from '../errors.js';
import { processIO, type IO } from '../util/io.js';
import { LANGS } from '../util/lang.js';
import { currentLang, setLang, setLangFromEnv } from '../util/messages/index.js';
import { chooseZone, setDisplayZone, zoneName } from '../util/time.js';
import { defaultDeps, type CommandDeps } from './deps.js';
import { commandIndex } from './argv.js';
import { localizeCommander } from './help-text.js';

interface CommandModule {
  register(program: Command, deps: CommandDeps): void;
}

/**
 * Every command, in the order `--help` lists them, with the file that declares
 * it. A run of one command (`promlearn fmt x`) loads only that file; help, an
 * unknown command and `promlearn help` load them all (each module is small: the
 * code that runs a command is imported inside its action).
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<CommandModule>])[] = [
  ['query', () => import('./query.js')],
  ['range', () => import('./range.js')],
  ['fmt', () => import('./fmt.js')],
  ['metrics', () => import('./metrics.js')],
  ['series', () => import('./series.js')],
  ['labels', () => import('./labels.js')],
  ['dataset', () => import('./dataset.js')],
  ['status', () => import('./status.js')],
  ['repl', () => import('./repl.js')],
  ['learn', () => import('./learn.js')],
  ['compare', () => import('./compare.js')],
  ['explain', () => import('./explain.js')],
  ['demo-app', () => import('./demo-app.js')],
  ['scrape', () => import('./scrape.js')],
  ['serve', () => import('./serve.js')],
  ['rules', () => import('./rules.js')],
  ['alerts', () => import('./alerts.js')],
];

/** The declarations a run needs: its command's alone when argv names one, else all. */
async function commandModules(argv: string[]): Promise<CommandModule[]> {
  const command = argv[commandIndex(argv)];
  const named = COMMANDS.filter(([name]) => name === command);
  return Promise.all((named.length > 0 ? named : COMMANDS).map(([, load]) => load()));
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** `'--name=value'` in commander's messages -> `'--name=…'`: a mistyped option's value may be a secret. */
function hideOptionValues(message: string): string {
  return message.replace(/'(--?[A-Za-z0-9][\w-]*)=[^']*'/g, "'$1=…'");
}

function buildProgram(deps: CommandDeps, commands: CommandModule[]): Command {
  const { io } = deps;
  const program = new Command('promlearn')
    .description(t('cli.program'))
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('--lang <lang>', t('cli.lang')).choices(LANGS))
    .option('--tz <zone>', t('cli.tz'))
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
    setLangFromEnv(io.env);
    // One display zone for the whole run (src/util/time.ts); set on every run, so a test's earlier run leaves nothing behind.
    setDisplayZone(chooseZone(program.opts<{ tz?: string }>().tz, io.env));
  });

  for (const cmd of commands) {
    cmd.register(program, deps);
  }

  program.addHelpText('after', t('cli.program.help'));
  return program;
}

/** The environment with a valid `--lang X` / `--lang=X` of the command line as PROMLEARN_LANG (an invalid one is commander's error). */
function envWithLangFlag(argv: string[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.startsWith('--lang=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  return value && (LANGS as readonly string[]).includes(value) ? { ...env, PROMLEARN_LANG: value } : env;
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
  const c = commandIndex(argv);
  const [cmd, first] = [argv[c], argv[c + 1]];
  if (cmd === undefined || !EXPR_COMMANDS.has(cmd) || first === undefined) return argv;
  if (!/^-(?!-)/.test(first) || !/^-\s*[\d.(]|[\s(){}[\]"'`+*/%^<>=!~,]/.test(first)) return argv;
  return [...argv.slice(0, c + 1), ' ' + first, ...argv.slice(c + 2)];
}

function leadingMinusHint(argv: string[]): string | undefined {
  const c = commandIndex(argv);
  const [cmd, first] = [argv[c], argv[c + 1]];
  if (cmd === undefined || !EXPR_COMMANDS.has(cmd) || first === undefined || !/^-[^-\s]{2,}/.test(first)) return undefined;
  return t('error.hint', { hint: t('cli.hint.leadingMinus', { first, cmd }) });
}

/** Runs the CLI; resolves to the exit code. Tests may replace the backend opener and the clock. */
export async function main(argv: string[], io: IO = processIO(), deps: Partial<Omit<CommandDeps, 'io'>> = {}): Promise<number> {
  // The language and the display zone are the process's for the length of a run; a caller that
  // runs main() several times (tests) gets its own back, so one run's --lang ko leaks into nothing.
  const [lang, zone] = [currentLang(), zoneName()];
  try {
    return await run(argv, io, deps);
  } finally {
    setLang(lang);
    setDisplayZone(zone);
  }
}

async function run(argv: string[], io: IO, deps: Partial<Omit<CommandDeps, 'io'>>): Promise<number> {
  // Help texts are written when commands are declared, so the language is chosen first (preAction confirms it).
  setLangFromEnv(envWithLangFlag(argv, io.env));
  // No command (perhaps only --lang/--tz): the REPL in a terminal, help otherwise.
  if (commandIndex(argv) >= argv.length) {
    argv = [...argv, io.stdinIsTTY && io.isTTY ? 'repl' : '--help'];
  }
  argv = protectLeadingMinus(argv);
  const program = buildProgram({ ...defaultDeps(io), ...deps }, await commandModules(argv));
  await localizeCommander(program, argv);
  try {
    await program.parseAsync(argv);
    // Not process.exitCode: that belongs to whoever runs main() (a test runner sets it after a failing test).
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const hint = leadingMinusHint(argv);
      if (hint) io.err(io.errStyle.dim(hint) + '\n');
      return 2;
    }
    if (e instanceof ExitError) return e.exitCode;
    // The error renderer is loaded only when there is an error to show.
    const { formatError } = await import('../render/error.js');
    io.err(formatError(e, io.errStyle) + '\n');
    return isUserError(e) ? e.exitCode : 1;
  }
}
