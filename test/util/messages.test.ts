// The message catalog: every key in both languages with the same parameters,
// Korean that is Korean (Hangul in every sentence that has words), parameters
// filled in, and the run's language from the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG, placeholdersOf, setLang, setLangFromEnv, t, tIn, type Message } from '../../src/util/messages/index.js';
import { LANGS } from '../../src/util/lang.js';

const entries = Object.entries(CATALOG as Record<string, Message>);

test('every message has every language, with the same parameters as the English', () => {
  const problems: string[] = [];
  for (const [key, m] of entries) {
    for (const lang of LANGS) {
      if (typeof m[lang] !== 'string') problems.push(`${key}: no ${lang}`);
      else if (placeholdersOf(m[lang]).join() !== placeholdersOf(m.en).join())
        problems.push(`${key}: ${lang} has {${placeholdersOf(m[lang]).join(', ')}}, en has {${placeholdersOf(m.en).join(', ')}}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('a Korean message with English words in it also has Hangul (it was translated, not copied)', () => {
  // Messages that are only names, symbols or PromQL may be the same in both languages.
  const words = /[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/;
  const copied = entries
    .filter(([, m]) => words.test(m.en.replace(/%\{\w+\}|`[^`]*`/g, '')) && !/[\uAC00-\uD7A3]/.test(m.ko))
    .map(([k]) => k);
  assert.deepEqual(copied, []);
});

test('parameters are filled in; the language is the run’s', () => {
  setLang('en');
  assert.equal(t('explain.number', { n: 42 }), 'the number 42');
  setLang('ko');
  assert.equal(t('explain.number', { n: 42 }), '숫자 42');
  assert.equal(tIn('en', 'explain.number', { n: 1 }), 'the number 1');
  assert.equal(setLangFromEnv({ LANG: 'ko_KR.UTF-8' }), 'ko');
  assert.equal(setLangFromEnv({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C' }), 'en');
  assert.equal(setLangFromEnv({ PROMLEARN_LANG: 'ko', LANG: 'en_US.UTF-8' }), 'ko');
  setLang('en');
});

test('keys are namespaced by area (area.name)', () => {
  const bad = entries.map(([k]) => k).filter((k) => !/^[a-z]+\.[\w.+\-*/%^=!<>]+$/.test(k));
  assert.deepEqual(bad, []);
});
