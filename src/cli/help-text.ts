// Commander's own words in the learner's language: the help's headings
// (Usage:, Options:, ...), the "(choices: ..., default: ...)" it adds after an
// option, its own help and version flags, and its error messages (unknown
// option, missing argument, ...). The words are catalog keys (`help.*` in
// src/util/messages/cli.ts, `commander.*` in errors.ts); this file applies them.
//
// English is commander's text untouched: nothing here runs unless the language
// is another one, so English help and errors stay what commander writes.
// Errors are translated by their code (commander.unknownOption, ...), keeping
// the parts that name the user's input ('--outptu', 'frobnicate') as they were.

import type { Argument, Command, HelpConfiguration, Option } from 'commander';
import { currentLang, t } from '../util/messages/index.js';
import { commandIndex } from './argv.js';

/** The headings commander passes to styleTitle. */
const TITLES = new Map<string, 'help.usage' | 'help.arguments' | 'help.options' | 'help.commands' | 'help.globalOptions'>([
  ['Usage:', 'help.usage'],
  ['Arguments:', 'help.arguments'],
  ['Options:', 'help.options'],
  ['Commands:', 'help.commands'],
  ['Global Options:', 'help.globalOptions'],
]);

/** Descriptions commander writes itself (its -h/--help, the help command, -V/--version). */
const OWN_DESCRIPTIONS = new Map<string, 'help.helpFlag' | 'help.version'>([
  ['display help for command', 'help.helpFlag'],
  ['output the version number', 'help.version'],
]);

function ownDescription(description: string): string {
  const key = OWN_DESCRIPTIONS.get(description);
  return key ? t(key) : description;
}

/** Commander's "(choices: ..., default: ...)" after a description, in the run's language. */
function withExtras(description: string, extras: string[]): string {
  if (extras.length === 0) return description;
  const tail = `(${extras.join(', ')})`;
  return description ? `${description} ${tail}` : tail;
}

function choicesOf(choices: readonly string[] | undefined): string[] {
  return choices ? [t('help.choices', { choices: choices.map((c) => JSON.stringify(c)).join(', ') })] : [];
}

function defaultOf(value: unknown, shown: string | undefined): string {
  return t('help.default', { value: shown || JSON.stringify(value) });
}

/** Help.optionDescription with its words translated (the same rules for which extras show). */
function optionDescription(option: Option): string {
  const extras = choicesOf(option.argChoices);
  if (option.defaultValue !== undefined) {
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (showDefault) extras.push(defaultOf(option.defaultValue, option.defaultValueDescription));
  }
  if (option.presetArg !== undefined && option.optional) extras.push(t('help.preset', { value: JSON.stringify(option.presetArg) }));
  if (option.envVar !== undefined) extras.push(t('help.env', { name: option.envVar }));
  return withExtras(ownDescription(option.description), extras);
}

function argumentDescription(argument: Argument): string {
  const extras = choicesOf(argument.argChoices);
  if (argument.defaultValue !== undefined) extras.push(defaultOf(argument.defaultValue, argument.defaultValueDescription));
  return withExtras(argument.description, extras);
}

/** The help overrides for a language other than English; `width`, when given, measures terminal columns (Hangul takes 2). */
function translatedHelp(width: ((s: string) => number) | undefined): HelpConfiguration {
  const help: HelpConfiguration = {
    styleTitle: (title: string) => {
      const key = TITLES.get(title);
      return key ? t(key) : title;
    },
    optionDescription,
    argumentDescription,
    subcommandDescription: (cmd: Command) => ownDescription(cmd.summary() || cmd.description()),
    // Commander leaves a description unwrapped when fewer than 40 columns are left beside the
    // terms (the command list of `promlearn --help`); Korean, two columns a syllable, is wrapped there too.
    minWidthToWrap: 30,
  };
  // Commander counts UTF-16 units; wrapping Korean at 80 columns needs terminal columns.
  // eslint-disable-next-line no-control-regex -- ESC starts the colour codes, which take no columns
  if (width) help.displayWidth = (s: string) => width(s.replace(/\u001b\[[0-9;]*m/g, ''));
  return help;
}

/**
 * Whether this run may print help: -h/--help, `promlearn help ...`, or a command alone
 * (`promlearn dataset` lists its subcommands; `promlearn` alone is --help already).
 */
function mayShowHelp(argv: string[]): boolean {
  const c = commandIndex(argv);
  return argv.length <= c + 1 || argv[c] === 'help' || argv.some((a) => a === '-h' || a === '--help');
}

const SUGGESTION = /^\(Did you mean (one of )?(.*)\?\)$/;

/** The first line of a commander error (without "error: ") in the run's language, or undefined when it is not one we know. */
function translateFirstLine(line: string, code: string | undefined): string | undefined {
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      m = /^unknown option '(.*)'$/s.exec(line);
      return m ? t('commander.unknownOption', { flag: m[1]! }) : undefined;
    case 'commander.unknownCommand':
      m = /^unknown command '(.*)'$/s.exec(line);
      return m ? t('commander.unknownCommand', { name: m[1]! }) : undefined;
    case 'commander.missingArgument':
      m = /^missing required argument '(.*)'$/s.exec(line);
      return m ? t('commander.missingArgument', { name: m[1]! }) : undefined;
    case 'commander.optionMissingArgument':
      m = /^option '(.*)' argument missing$/s.exec(line);
      return m ? t('commander.optionMissingArgument', { flags: m[1]! }) : undefined;
    case 'commander.missingMandatoryOptionValue':
      m = /^required option '(.*)' not specified$/s.exec(line);
      return m ? t('commander.missingMandatoryOption', { flags: m[1]! }) : undefined;
    case 'commander.excessArguments':
      m = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(line);
      if (!m) return undefined;
      return m[1] === undefined
        ? t('commander.excessArguments', { expected: m[2]!, got: m[3]! })
        : t('commander.excessArgumentsFor', { command: m[1], expected: m[2]!, got: m[3]! });
    case 'commander.conflictingOption':
      m = /^(.*) cannot be used with (.*)$/s.exec(line);
      return m ? t('commander.conflictingOption', { a: conflictSide(m[1]!), b: conflictSide(m[2]!) }) : undefined;
    case 'commander.invalidArgument':
      return invalidArgument(line);
    default:
      return undefined;
  }
}

/** "option '--a'" or "environment variable 'A'", as the conflicting-option error names them. */
function conflictSide(side: string): string {
  const m = /^(option|environment variable) '(.*)'$/s.exec(side);
  if (!m) return side;
  return m[1] === 'option' ? t('commander.option', { flags: m[2]! }) : t('commander.envVariable', { name: m[2]! });
}

/**
 * A value an option or argument refused: commander's sentence, then either its
 * list of choices or the parser's own message (a catalog message already).
 */
function invalidArgument(line: string): string | undefined {
  const m =
    /^(?:option '(?<flags>.*?)' argument '(?<value>.*?)'|option '(?<envFlags>.*?)' value '(?<envValue>.*?)' from env '(?<env>.*?)'|command-argument value '(?<argValue>.*?)' is invalid for argument '(?<arg>.*?)')(?: is invalid)?\.(?: (?<rest>.*))?$/s.exec(
      line,
    );
  const g = m?.groups;
  if (!g) return undefined;
  const head =
    g.flags !== undefined
      ? t('commander.invalidOptionValue', { flags: g.flags, value: g.value! })
      : g.envFlags !== undefined
        ? t('commander.invalidEnvValue', { flags: g.envFlags, value: g.envValue!, env: g.env! })
        : t('commander.invalidArgumentValue', { name: g.arg!, value: g.argValue! });
  if (g.rest === undefined) return head;
  const choices = /^Allowed choices are (.*)\.$/s.exec(g.rest);
  return `${head} ${choices ? t('commander.allowedChoices', { choices: choices[1]! }) : g.rest}`;
}

/** A commander error message in the run's language (unchanged in English, or when its wording is not one we know). */
export function translateCommanderError(message: string, code: string | undefined): string {
  if (currentLang() === 'en') return message;
  const [first, ...rest] = message.split('\n');
  const body = /^error: (.*)$/s.exec(first!)?.[1];
  const translated = body === undefined ? undefined : translateFirstLine(body, code);
  if (translated === undefined) return message;
  const more = rest.map((line) => {
    const s = SUGGESTION.exec(line);
    if (!s) return line;
    return s[1] ? t('commander.didYouMeanOneOf', { names: s[2]! }) : t('commander.didYouMean', { names: s[2]! });
  });
  return [t('error.label', { message: translated }), ...more].join('\n');
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}

/**
 * Puts commander's words in the run's language on the program and every
 * command declared on it (call it once the commands are registered: a command
 * copies its parent's settings when it is created, and some set their own help
 * configuration, which this extends). English changes nothing and loads nothing.
 */
export async function localizeCommander(program: Command, argv: string[]): Promise<void> {
  if (currentLang() === 'en') return;
  // Measuring text loads string-width (~50 ms): only for a run that may print help, so `promlearn fmt x` stays fast.
  const width = mayShowHelp(argv) ? (await import('../util/width.js')).visibleWidth : undefined;
  const help = translatedHelp(width);
  for (const cmd of allCommands(program)) {
    cmd.configureHelp({ ...cmd.configureHelp(), ...help });
    const error = cmd.error.bind(cmd);
    cmd.error = (message, options) => error(translateCommanderError(message, options?.code), options);
  }
}
