// The language promlearn speaks to the learner: `--lang ko|en`, then
// $PROMLEARN_LANG, then the locale ($LC_ALL, $LC_MESSAGES, $LANG, as POSIX
// ranks them), English by default. `main` copies `--lang` into the command's
// environment as PROMLEARN_LANG, so every module asks this one function with
// the env it already has (`langOf(io.env)`).

/** The languages there are lessons in; English is the source, the others are translations of it. */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** `ko`, `ko_KR.UTF-8`, `ko-KR`, `KO` → 'ko'; C, POSIX, unknown languages → undefined. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const m = /^([a-zA-Z]{2,3})(?:[_-]|\.|@|$)/.exec((locale ?? '').trim());
  const code = m?.[1].toLowerCase();
  return LANGS.find((l) => l === code);
}

/**
 * The language from the environment: the first of PROMLEARN_LANG (which
 * `--lang` sets), LC_ALL, LC_MESSAGES and LANG that is set decides, as POSIX
 * ranks the locale variables (LC_ALL=C means English even when LANG is
 * ko_KR.UTF-8); a language without lessons means English.
 */
export function langOf(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['PROMLEARN_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return langFromLocale(value) ?? DEFAULT_LANG;
  }
  return DEFAULT_LANG;
}
