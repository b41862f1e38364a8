// Terminal columns: wide (Hangul, CJK, fullwidth) 2, combining marks and
// colour codes 0; padding, cutting and slicing never split a character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { padEnd, padStart, sliceColumns, splitColumns, truncate, visibleWidth } from '../../src/util/width.js';

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

test('a table of many ASCII cells takes the fast path', () => {
  const cells = Array.from({ length: 200_000 }, (_, i) => `instance-${i}:8080`);
  const t0 = performance.now();
  let total = 0;
  for (const c of cells) total += visibleWidth(c);
  const ms = performance.now() - t0;
  assert.equal(
    total,
    cells.reduce((a, c) => a + c.length, 0),
  );
  // Not a timed test of speed, a guard against losing the fast path: string-width on
  // every cell takes seconds here, the fast path milliseconds.
  assert.ok(ms < 1500, `${ms} ms`);
});

test('the Hangul/CJK fast path agrees with string-width on every character it covers', async () => {
  const { default: stringWidth } = await import('string-width');
  for (const [from, to] of [
    [0x3131, 0x318e],
    [0x4e00, 0x9fff],
    [0xac00, 0xd7a3],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const s = `a${String.fromCodePoint(cp)}`;
      assert.equal(visibleWidth(s), stringWidth(s), `U+${cp.toString(16)}`);
    }
  }
});
