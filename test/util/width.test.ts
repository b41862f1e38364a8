// Terminal columns: wide (Hangul, CJK, fullwidth) 2, combining marks and
// colour codes 0; padding, cutting and slicing never split a character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fastColumns, padEnd, padStart, sliceColumns, splitColumns, truncate, visibleWidth } from '../../src/util/width.js';

test('visibleWidth: ASCII, Hangul, CJK, fullwidth, combining marks, emoji, colour codes', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['api-1:8080', 10],
    ['결제', 4],
    ['{service="결제"}', 16],
    ['日本語', 6],
    ['ＡＢ', 4],
    ['e\u0301', 1],
    ['\u1100\u1161', 2], // a Hangul syllable from conjoining jamo
    ['👍', 2],
    ['\u001b[31m결제\u001b[39m', 4],
    ['…', 1],
    ['┤│─', 3],
  ];
  for (const [s, want] of cases) assert.equal(visibleWidth(s), want, JSON.stringify(s));
});

test('padEnd/padStart fill to columns, not characters', () => {
  assert.equal(padEnd('결제', 6), '결제  ');
  assert.equal(padStart('결제', 6), '  결제');
  assert.equal(padEnd('abc', 2), 'abc', 'never cuts');
});

test('truncate: at most the width, with …, never half a wide character', () => {
  assert.equal(truncate('상품 목록', 9), '상품 목록');
  assert.equal(truncate('상품 목록', 8), '상품 목…');
  assert.equal(truncate('상품 목록', 6), '상품 …');
  assert.equal(truncate('상품목록', 6), '상품…', 'the third syllable would straddle: left out');
  assert.equal(visibleWidth(truncate('상품목록', 6)), 5);
  assert.equal(truncate('abcdef', 4), 'abc…');
  assert.equal(truncate('abc', 1), '…');
  assert.equal(truncate('abc', 0), '');
});

test('sliceColumns: by columns; wide characters across an edge are left out; colour codes kept', () => {
  assert.equal(sliceColumns('ab결제cd', 0, 4), 'ab결');
  assert.equal(sliceColumns('ab결제cd', 0, 3), 'ab');
  assert.equal(sliceColumns('ab결제cd', 3), '제cd');
  assert.equal(sliceColumns('abcdef', 2, 4), 'cd');
  assert.equal(sliceColumns('\u001b[1m결제\u001b[22m', 0, 2), '\u001b[1m결\u001b[22m');
  assert.equal(sliceColumns('e\u0301x', 0, 1), 'e\u0301', 'a combining mark stays with its letter');
});

test('splitColumns: pieces of at most the width, Hangul never split', () => {
  assert.deepEqual(splitColumns('결제서비스', 4), ['결제', '서비', '스']);
  assert.deepEqual(splitColumns('a결제', 2), ['a', '결', '제']);
  assert.deepEqual(splitColumns('abcdefg', 3), ['abc', 'def', 'g']);
  assert.deepEqual(splitColumns('short', 10), ['short']);
});

test('a table of many ASCII cells is measured on the fast path', () => {
  // Whether the fast path was taken is checked without a clock: the next-but-one test
  // watches string-width's module stay unloaded; this one checks the sums.
  const cells = Array.from({ length: 200_000 }, (_, i) => `instance-${i}:8080`);
  let total = 0;
  for (const c of cells) total += visibleWidth(c);
  assert.equal(
    total,
    cells.reduce((a, c) => a + c.length, 0),
  );
  assert.ok(cells.every((c) => fastColumns(c) === c.length));
});

test('the fast path (no string-width) agrees with string-width on every BMP character, alone and beside others', async () => {
  const { default: stringWidth } = await import('string-width');
  const segmenter = new Intl.Segmenter();
  const clusters = (s: string) => [...segmenter.segment(s)].length;
  const covered: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    // Thousands of string-width calls: let other tests in this process run between blocks.
    if (cp % 32 === 0) await new Promise(setImmediate);
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    const cols = fastColumns(c);
    if (cols === undefined) continue;
    covered.push(c);
    const at = `U+${cp.toString(16).padStart(4, '0')}`;
    assert.equal(cols, stringWidth(c), at);
    // A character the fast path takes never joins a neighbour into one cluster (combining
    // marks, joiners, conjoining jamo, variation selectors stay with string-width).
    const mix = `a${c}${c}가${c}a`;
    assert.equal(clusters(mix), mix.length, `${at} joins a neighbour in ${JSON.stringify(mix)}`);
  }
  // The ranges the renderers print (and the brief names) are all covered.
  for (const s of ['결제 ㄱ 日本 、「」 ＡＢ', '─│┤╭╯ ▁▂▃▄▅▆▇█ ▏▌ ▸ ← → ↵', '· … — – ’ × ± ≤ ≥ − ² µ Σ φ π ſ ⋮ ✓ ⠋⠙']) {
    assert.notEqual(fastColumns(s), undefined, s);
  }
  // Long mixes of everything covered, shuffled (deterministically), with colour codes.
  let seed = 42;
  const pick = () => covered[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % covered.length]!;
  for (let n = 0; n < 200; n++) {
    const s = Array.from({ length: 40 }, (_, i) => (i % 9 === 0 ? `\u001b[${i % 2 ? '1;31' : '39'}m` : pick())).join('');
    assert.equal(fastColumns(s), stringWidth(s), JSON.stringify(s));
    assert.equal(visibleWidth(s), stringWidth(s), JSON.stringify(s));
  }
  assert.ok(covered.length > 30_000, `${covered.length} characters on the fast path`);
});

test('text outside the fast path is measured by string-width (loaded on demand)', async () => {
  const { default: stringWidth } = await import('string-width');
  for (const s of ['e\u0301', '\u1100\u1161', '👍', '❤\ufe0f', 'ｶﾞ', '\u00ad', 'a\u200bb', '\u001b]8;;x\u0007link\u001b]8;;\u0007']) {
    assert.equal(fastColumns(s), undefined, JSON.stringify(s));
    assert.equal(visibleWidth(s), stringWidth(s), JSON.stringify(s));
  }
});

// string-width takes ~40 ms to load, so it is loaded only for text off the fast path;
// where require() of an ES module is missing (Node before 20.19) it is imported up front.
const WIDTH_MODULE = new URL('../../src/util/width.js', import.meta.url).href;

function runNode(flags: string[], code: string): string {
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

test('string-width is loaded only when text off the fast path is measured', () => {
  const out = runNode(
    [],
    `import { createRequire } from 'node:module';
const { visibleWidth } = await import(${JSON.stringify(WIDTH_MODULE)});
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('string-width'));
const a = [visibleWidth('{service="결제"} ─│ ▁█ → · … \u001b[31m≤\u001b[39m'), loaded()];
const b = [visibleWidth('👍'), loaded()];
console.log(JSON.stringify([a, b]));`,
  );
  assert.equal(
    out,
    JSON.stringify([
      [30, false],
      [2, true],
    ]),
  );
});

test('without require() of ES modules, string-width is imported up front and measures the same', () => {
  const out = runNode(
    ['--no-experimental-require-module'],
    `const { visibleWidth } = await import(${JSON.stringify(WIDTH_MODULE)});
console.log(process.features.require_module, visibleWidth('👍e\u0301결'));`,
  );
  assert.equal(out, 'false 5');
});
