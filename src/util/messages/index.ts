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
//
// An area of messages is a file here exporting one `const X_MESSAGES = {...}`;
// it is listed below with one import and one spread line. The functions (t,
// tIn, the language) are in translate.ts and exported from here; the CLI
// bundle replaces this file with bundled.ts, which reads one language's texts
// from JSON instead of parsing every area in both languages at start.

import { useTexts } from './translate.js';
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
export type ArgsOf<K extends MessageKey> = [Placeholders<(typeof CATALOG)[K]['en']>] extends [never] ? [] : [MessageParams<K>];

export { currentLang, placeholdersOf, setLang, setLangFromEnv, t, tIn } from './translate.js';

useTexts((lang, key) => (CATALOG as Record<string, Message>)[key]?.[lang]);
