// TextKeys gives each distinct series text one key, comparing texts eight
// bytes at a time as doubles: the words where equal doubles are not equal
// bytes (0 and -0) or equal bytes are not equal doubles (NaN) must still
// give one key a text and distinct keys to distinct texts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextKeys } from '../../src/storage/text-keys.js';

function keyOf(keys: TextKeys, bytes: number[]): number {
  const b = Uint8Array.from(bytes);
  const view = new DataView(b.buffer);
  return keys.keyHashed(view, b, 0, b.length, TextKeys.hash(view, b, 0, b.length));
}

const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

test('TextKeys: one key a text, whatever its length', () => {
  const keys = new TextKeys();
  const texts = ['a', 'up{job="x"}', 'http_requests_total{code="200",instance="host:9100",job="api"}', 'abcdefgh', 'abcdefghi'];
  const first = texts.map((t) => keyOf(keys, ascii(t)));
  assert.equal(new Set(first).size, texts.length);
  assert.deepEqual(
    texts.map((t) => keyOf(keys, ascii(t))),
    first,
  );
  assert.equal(keys.size, texts.length);
});

test('TextKeys: eight zero bytes and seven zeros then 0x80 (0 and -0 as little-endian doubles) are two texts', () => {
  const keys = new TextKeys();
  // Words are compared from the end: the eight bytes before the last eight are the zeros (or zeros and 0x80).
  const zeros = [...ascii('a{x="'), 0, 0, 0, 0, 0, 0, 0, 0, ...ascii('abcdef"}')];
  const minus = [...ascii('a{x="'), 0, 0, 0, 0, 0, 0, 0, 0x80, ...ascii('abcdef"}')];
  const a = keyOf(keys, zeros);
  const b = keyOf(keys, minus);
  assert.notEqual(a, b);
  assert.equal(keyOf(keys, zeros), a);
  assert.equal(keyOf(keys, minus), b);
  const z = Uint8Array.from(zeros);
  const word = Uint8Array.from(minus.slice(-16, -8));
  assert.ok(Object.is(new DataView(word.buffer).getFloat64(0, true), -0));
  assert.equal(keys.same(b, new DataView(z.buffer), z, 0, z.length), false);
});

test('TextKeys: a text holding a NaN word (a byte from 0xf0, then 0x7f) is found again, not made twice', () => {
  const keys = new TextKeys();
  // The eight bytes before the last eight end 0xf4 0x7f: as a little-endian double, exponent all ones and a mantissa: NaN.
  const text = [...ascii('a{x="'), 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0xf4, 0x7f, ...ascii('abcdef"}')];
  const other = [...ascii('a{x="'), 0x41, 0x42, 0x43, 0x44, 0x45, 0x47, 0xf4, 0x7f, ...ascii('abcdef"}')];
  const word = Uint8Array.from(text.slice(-16, -8));
  assert.ok(Number.isNaN(new DataView(word.buffer).getFloat64(0, true)));
  const k = keyOf(keys, text);
  assert.equal(keyOf(keys, text), k);
  const o = keyOf(keys, other);
  assert.notEqual(o, k);
  assert.equal(keyOf(keys, other), o);
  assert.equal(keys.size, 2);
  const t = Uint8Array.from(text);
  assert.equal(keys.same(k, new DataView(t.buffer), t, 0, t.length), true);
  assert.equal(keys.same(o, new DataView(t.buffer), t, 0, t.length), false);
});
