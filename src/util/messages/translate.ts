// What `t()` does with the catalog: the run's language, and a message's text
// in it with its `%{name}` parameters filled in. The texts come from a source
// that index.ts installs (the catalog's area modules, both languages parsed at
// start) or, in the CLI bundle, bundled.ts (one language's texts from a JSON
// file written beside the chunks, read on first use: start-up, see
// scripts/build-bundle.ts). Import all of this from index.ts.

import { DEFAULT_LANG, langOf, type Lang } from '../lang.js';
import type { ArgsOf, MessageKey } from './index.js';

/** A message's text in a language; undefined for a key the catalog does not have. */
export type TextSource = (lang: Lang, key: string) => string | undefined;

/** The CLI bundle's file of one language's texts, `{ key: text }` (written by scripts/build-bundle.ts, read by bundled.ts). */
export function bundledTextsFile(lang: Lang): string {
  return `messages.${lang}.json`;
}

let texts: TextSource = () => {
  throw new Error('the message catalog is not loaded: import t() from util/messages/index.js');
};

/** Where t() reads texts from (index.ts or bundled.ts, once, as they load). */
export function useTexts(source: TextSource): void {
  texts = source;
}

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
  const template = texts(lang, key);
  if (template === undefined) throw new Error(`no message ${JSON.stringify(key)} in the catalog`);
  return fill(template, args[0] as Record<string, string | number> | undefined);
}
