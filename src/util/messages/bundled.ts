// index.ts as the CLI bundle has it (scripts/build-bundle.ts puts this module
// in its place): the same functions, but the texts of one language at a time,
// read from messages.<lang>.json beside the bundle's chunks the first time a
// message in that language is asked for. Parsing every area's module, both
// languages, was about a third of `promlearn fmt x`'s own start-up time;
// JSON.parse of one language is a tenth of that. The JSON files are written
// from index.ts's CATALOG by the same build, so they always match it.

import { readFileSync } from 'node:fs';
import type { Lang } from '../lang.js';
import { bundledTextsFile, useTexts } from './translate.js';

export { currentLang, placeholdersOf, setLang, setLangFromEnv, t, tIn } from './translate.js';

const tables = new Map<Lang, Record<string, string>>();

useTexts((lang, key) => {
  let table = tables.get(lang);
  if (!table)
    tables.set(
      lang,
      (table = JSON.parse(readFileSync(new URL(bundledTextsFile(lang), import.meta.url), 'utf8')) as Record<string, string>),
    );
  return table[key];
});
