// The one-line docs of the functions, aggregations and keywords tables exist
// in Korean as well as English (tsc requires both columns; this checks that
// neither is empty, that the Korean is Korean and not a copy, and that it keeps
// the PromQL words the English names), and explain reads them in the run's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS, type Doc } from '../../src/promql/functions.js';
import { AGGREGATIONS } from '../../src/promql/aggregations.js';
import { KEYWORDS } from '../../src/promql/keywords.js';
import { parse } from '../../src/promql/index.js';
import { sentenceFor } from '../../src/explain/sentences.js';
import { currentLang, setLang } from '../../src/util/messages/index.js';

const HANGUL = /[\uAC00-\uD7A3]/;
/** Three English words in a row: a sentence left untranslated. */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,}\b/;
/** PromQL the English names, which the Korean must name too: `le`, time(), to_nearest, [min, max]. */
const CODE = /`[^`]+`|\b\w+\(\)|\b\w+_\w+\b|\[min, max\]|[φπ]/g;

function problems(kind: string, rows: Iterable<{ name: string; doc: Doc }>): string[] {
  const out: string[] = [];
  for (const { name, doc } of rows) {
    const where = `${kind} ${name}`;
    if (!doc.en.trim()) out.push(`${where}: no English doc`);
    if (!HANGUL.test(doc.ko)) out.push(`${where}: the Korean doc has no Hangul: ${JSON.stringify(doc.ko)}`);
    if (doc.ko === doc.en) out.push(`${where}: the Korean doc is the English one`);
    if (ENGLISH_SENTENCE.test(doc.ko.replace(/`[^`]*`/g, ' '))) out.push(`${where}: English left in ${JSON.stringify(doc.ko)}`);
    for (const code of doc.en.match(CODE) ?? []) {
      if (!doc.ko.includes(code)) out.push(`${where}: the Korean doc drops ${code}: ${JSON.stringify(doc.ko)}`);
    }
  }
  return out;
}

test('every function, aggregation and keyword has a Korean one-line doc', () => {
  assert.ok(FUNCTIONS.size > 80 && AGGREGATIONS.size > 10 && KEYWORDS.size > 10);
  assert.deepEqual(
    [
      ...problems('function', FUNCTIONS.values()),
      ...problems('aggregation', AGGREGATIONS.values()),
      ...problems('keyword', KEYWORDS.values()),
    ],
    [],
  );
});

test('the check finds a missing or English Korean doc', () => {
  assert.equal(problems('function', [{ name: 'x', doc: { en: 'absolute value', ko: '' } }]).length, 1);
  assert.equal(problems('function', [{ name: 'x', doc: { en: 'abs', ko: 'abs' } }]).length, 2);
  assert.equal(problems('function', [{ name: 'x', doc: { en: 'day; default time()', ko: '날짜; the default value' } }]).length, 2);
});

test("explain reads a function's doc in the run's language", () => {
  const before = currentLang();
  try {
    setLang('en');
    assert.equal(sentenceFor(parse('sqrt(up)')), 'sqrt: square root; the metric name is dropped');
    setLang('ko');
    assert.equal(sentenceFor(parse('sqrt(up)')), 'sqrt: 제곱근; 메트릭 이름은 빠져요');
    assert.equal(sentenceFor(parse('last_over_time(up[5m])')), '최근 5m 동안 각 시계열 샘플의 가장 최근 값; 메트릭 이름은 유지돼요');
  } finally {
    setLang(before);
  }
});
