// The message catalog: every sentence promlearn says to the learner, keyed,
// in English (the source of truth) and Korean. A message is a template whose
// parameters are written `%{name}`; TypeScript reads the names out of the
// English text, so `t('judge.wrongShape', { expected, got })` fails to compile
// when a parameter is missing or misspelt, and test/util/messages.test.ts checks
// that every key has both languages with the same parameters.
//
// The language is chosen once per run (`--lang`, $PROMLEARN_LANG, the locale:
// src/util/lang.ts) and kept here, so deep pure functions (explain's sentences,
// the judge's feedback) need no language argument. Prometheus's own error
// text is never translated: it is data, not a message (see render/error.ts).

import { DEFAULT_LANG, langOf, type Lang } from '../lang.js';
import { CLI_MESSAGES } from './cli.js';
import { CLI_DATA_MESSAGES } from './cli-data.js';
import { CLI_NOTES_MESSAGES } from './cli-notes.js';
import { CLI_RULES_MESSAGES } from './cli-rules.js';
import { CLI_TOOLS_MESSAGES } from './cli-tools.js';
import { ERROR_MESSAGES } from './errors.js';
import { EXPLAIN_MESSAGES, EXPLAIN_TREE_MESSAGES, SELECTOR_MESSAGES } from './explain.js';
import { HISTOGRAM_MESSAGES } from './histograms.js';
import { INCIDENT_MESSAGES } from './incidents.js';
import { LESSON_MESSAGES } from './lessons.js';
import { LESSON_FILE_MESSAGES } from './lesson-files.js';
import { REPL_MESSAGES } from './repl.js';
import { RENDER_MESSAGES } from './render.js';
import { WALK_MESSAGES } from './walkthrough.js';
import { HINT_MESSAGES } from './hints.js';
import { BACKEND_MESSAGES } from './backends.js';
import { CONNECTION_MESSAGES } from './connection.js';
import { RESPONSE_MESSAGES } from './response.js';
import { RULES_MESSAGES } from './rules.js';
import { SCRAPE_MESSAGES } from './scrape.js';

export interface Message {
  readonly en: string;
  readonly ko: string;
}

export const CATALOG = {
  ...EXPLAIN_MESSAGES,
  ...EXPLAIN_TREE_MESSAGES,
  ...SELECTOR_MESSAGES,
  ...LESSON_MESSAGES,
  ...LESSON_FILE_MESSAGES,
  ...REPL_MESSAGES,
  ...ERROR_MESSAGES,
  ...INCIDENT_MESSAGES,
  ...CLI_MESSAGES,
  ...CLI_DATA_MESSAGES,
  ...CLI_TOOLS_MESSAGES,
  ...CLI_RULES_MESSAGES,
  ...CLI_NOTES_MESSAGES,
  ...HISTOGRAM_MESSAGES,
  ...RENDER_MESSAGES,
  ...WALK_MESSAGES,
  ...HINT_MESSAGES,
  ...BACKEND_MESSAGES,
  ...CONNECTION_MESSAGES,
  ...RESPONSE_MESSAGES,
  ...RULES_MESSAGES,
  ...SCRAPE_MESSAGES,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof CATALOG;

/** The `%{name}` parameters of a template string type. */
type Placeholders<S extends string> = S extends `${string}%{${infer P}}${infer R}` ? P | Placeholders<R> : never;
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof CATALOG)[K]['en']>, string | number>;
type ArgsOf<K extends MessageKey> = [Placeholders<(typeof CATALOG)[K]['en']>] extends [never] ? [] : [MessageParams<K>];

let current: Lang = DEFAULT_LANG;

/** Sets the language of every later `t()` (main does, once it knows the flags). */
export function setLang(lang: Lang): void {
  current = lang;
}

/** The language of this run's messages. */
export function currentLang(): Lang {
  return current;
}

/** Sets the language from an environment (PROMLEARN_LANG, which --lang sets, then the locale). */
export function setLangFromEnv(env: NodeJS.ProcessEnv): Lang {
  current = langOf(env);
  return current;
}

const PLACEHOLDER = /%\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The parameter names a template uses, for the catalog's test. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

function fill(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** The message `key` in this run's language, its parameters filled in. */
export function t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
  return tIn(current, key, ...args);
}

/** The message `key` in a given language. */
export function tIn<K extends MessageKey>(lang: Lang, key: K, ...args: ArgsOf<K>): string {
  const entry: Message = CATALOG[key];
  return fill(entry[lang], args[0] as Record<string, string | number> | undefined);
}
