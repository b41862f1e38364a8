// The learner's language: --lang (copied into PROMLEARN_LANG by main), then
// PROMLEARN_LANG, then LC_ALL / LC_MESSAGES / LANG as POSIX ranks them,
// English by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { langFromLocale, langOf } from '../../src/util/lang.js';

const LOCALES: [string | undefined, string | undefined][] = [
  ['ko', 'ko'],
  ['ko_KR.UTF-8', 'ko'],
  ['ko-KR', 'ko'],
  ['KO_kr.utf8', 'ko'],
  ['ko_KR.EUC-KR@euro', 'ko'],
  ['en_US.UTF-8', 'en'],
  ['en', 'en'],
  ['C', undefined],
  ['C.UTF-8', undefined],
  ['POSIX', undefined],
  ['de_DE.UTF-8', undefined],
  ['kok_IN', undefined], // Konkani is not Korean
  ['', undefined],
  [undefined, undefined],
];

for (const [locale, want] of LOCALES) {
  test(`locale ${JSON.stringify(locale)} -> ${want ?? 'no lessons language'}`, () => {
    assert.equal(langFromLocale(locale), want);
  });
}

const ENVS: [NodeJS.ProcessEnv, string][] = [
  [{}, 'en'],
  [{ LANG: 'ko_KR.UTF-8' }, 'ko'],
  [{ LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }, 'ko'],
  [{ LC_ALL: 'C', LANG: 'ko_KR.UTF-8' }, 'en'], // LC_ALL overrides LANG, even with a language without lessons
  [{ LC_ALL: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'ko'],
  [{ LC_ALL: '', LANG: 'ko_KR.UTF-8' }, 'ko'], // an empty variable is unset
  [{ PROMLEARN_LANG: 'en', LANG: 'ko_KR.UTF-8' }, 'en'],
  [{ PROMLEARN_LANG: 'ko', LC_ALL: 'en_US.UTF-8' }, 'ko'],
  [{ PROMLEARN_LANG: 'fr', LANG: 'ko_KR.UTF-8' }, 'en'], // a chosen language without lessons is English
];

for (const [env, want] of ENVS) {
  test(`env ${JSON.stringify(env)} -> ${want}`, () => {
    assert.equal(langOf(env), want);
  });
}
