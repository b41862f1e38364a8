// What Prometheus's annotations mean (src/promql/annotation-hints.ts) and the
// engine's own hints, in Korean: every annotation text the engine raises has a
// meaning, explain shows it beside the English annotation, and the engine's
// hints reach a Korean learner in Korean, from the query worker's thread too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotationHint } from '../../src/promql/annotation-hints.js';
import { histNotes } from '../../src/engine/hist-notes.js';
import { currentLang, setLang } from '../../src/util/messages/index.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';

const HANGUL = /[\uAC00-\uD7A3]/;

/** The annotation texts of the engine outside hist-notes.ts, as it raises them (and a server returns them). */
const ENGINE_TEXTS = [
  'PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "process_resident_memory_bytes" (1:6)',
  'quantile value should be between 0 and 1, got 1.5',
  'ratio value should be between -1 and 1, got 2, capping to 1',
  'bucket label "le" is missing or has a malformed value of "x" for metric name "foo"',
  'vector contains a mix of classic and native histograms for metric name "foo"',
  'input to histogram_quantile has NaN observations, result is NaN',
  'input to histogram_quantile has NaN observations, result is skewed higher',
  'input to histogram_fraction has NaN observations, which are excluded from all fractions',
  'input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for metric name "foo", from buckets 1 to 2, with a max diff of 3, over 1 samples from 2026-01-15T00:00:00Z to 2026-01-15T00:00:00Z',
  'sample has start time that overlaps with previous sample timestamp for metric "foo"',
  'PromQL warning: sort is ineffective for range queries since results are always ordered by labels (1:1)',
];

/** Every text of hist-notes.ts, each function called with sample arguments. */
function histogramTexts(): string[] {
  return Object.values(histNotes).map((f) => (f as (...a: string[]) => string)('foo', '+', 'bar'));
}

function inLang<T>(lang: 'en' | 'ko', f: () => T): T {
  const before = currentLang();
  setLang(lang);
  try {
    return f();
  } finally {
    setLang(before);
  }
}

test('every annotation the engine raises has a meaning, in Korean and in English', () => {
  const texts = [...ENGINE_TEXTS, ...histogramTexts()];
  assert.ok(texts.length >= 22);
  for (const text of texts) {
    const ko = inLang('ko', () => annotationHint(text));
    const en = inLang('en', () => annotationHint(text));
    assert.ok(ko && HANGUL.test(ko), `no Korean meaning for: ${text}`);
    assert.ok(en && !HANGUL.test(en), `no English meaning for: ${text}`);
  }
  assert.equal(annotationHint('something Prometheus may say one day'), undefined);
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO({ columns: 80, rows: 24, env: {} });
  const code = await main(['node', 'promlearn', ...args], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

test("explain in Korean says what an annotation means beside Prometheus's English text; English is unchanged", async () => {
  const query = 'rate(process_resident_memory_bytes[5m])';
  const ko = await run(['--lang', 'ko', 'explain', query]);
  assert.equal(ko.code, 0, ko.err);
  assert.match(
    ko.out,
    /│ 정보: metric might not be a counter, name does not end in\n│ {3}_total\/_sum\/_count\/_bucket: "process_resident_memory_bytes"\n│ 설명: rate, increase 같은 함수는 카운터용이고/,
  );
  const en = await run(['--lang', 'en', 'explain', query]);
  assert.match(en.out, /│ info: metric might not be a counter/);
  assert.doesNotMatch(en.out, /meaning:/);
});

test('query in Korean: the meaning under the annotation on stderr; English prints the annotation alone', async () => {
  const query = 'rate(process_resident_memory_bytes[5m])';
  const ko = await run(['--lang', 'ko', 'query', query]);
  assert.equal(ko.code, 0, ko.err);
  assert.match(ko.err, /metric might not be a counter[^\n]*\n {2}설명: rate, increase 같은 함수는 카운터용이고/);
  const en = await run(['--lang', 'en', 'query', query]);
  assert.match(
    en.err,
    /^info: metric might not be a counter, name does not end in _total\/_sum\/_count\/_bucket: "process_resident_memory_bytes" \(1:6\)\n$/,
  );
});

test("the engine's sample-limit hint in Korean, from the query worker's thread", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-hints-ko-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const lines = ['# TYPE m gauge'];
  for (let s = 0; s < 10; s++) for (let i = 0; i <= 100; i++) lines.push(`m{i="${s}"} ${i * s} ${1_700_000_000_000 + i * 15_000}`);
  const file = join(dir, 'data.prom');
  writeFileSync(file, lines.join('\n') + '\n');
  const args = ['query', 'count_values("v", m)', '--dataset', file, '--range', '20m', '--step', '15s', '--max-samples', '2000'];
  // No test deps: --dataset opens the worker-thread backend, as for a learner.
  const ioKo = bufferIO({ columns: 100, rows: 24, env: { NO_COLOR: '1' } });
  assert.equal(await main(['node', 'promlearn', '--lang', 'ko', ...args], ioKo), 1);
  assert.match(
    ioKo.output.err,
    /query processing would load too many samples into memory in query execution/,
    "the error stays Prometheus's",
  );
  assert.match(
    ioKo.output.err,
    /count_values\("v", m\) 부분이 한 번에 샘플을 2000개 넘게 메모리에 올려야 해요\(이게 한도이고, --max-samples로 늘릴 수 있어요\)/,
  );
  const ioEn = bufferIO({ columns: 100, rows: 24, env: { NO_COLOR: '1' } });
  assert.equal(await main(['node', 'promlearn', '--lang', 'en', ...args], ioEn), 1);
  assert.match(
    ioEn.output.err,
    /count_values\("v", m\) needs more than 2000 samples in memory at once \(the limit; --max-samples raises it\)/,
  );
});
