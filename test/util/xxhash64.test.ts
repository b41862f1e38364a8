// xxHash64 known answers (the reference implementation's published values,
// seed 0) across every code path: empty, tail bytes, 4- and 8-byte lanes,
// and the 32-byte stripes; then Prometheus 3's label-set encoding.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xxhash64 } from '../../src/util/xxhash64.js';
import { addRatioSample, encodeLabels } from '../../src/engine/ratio-sampler.js';

const h = (s: string) => xxhash64(new TextEncoder().encode(s));

test('xxHash64 known answers', () => {
  const cases: [string, bigint][] = [
    ['', 0xef46db3751d8e999n],
    ['a', 0xd24ec4f1a98c6e5bn],
    ['ab', 7347350983217793633n],
    ['abc', 0x44bc2cf5ad770999n],
    ['1', 0xb7b41276360564d4n],
    ['1234', 0xd8316e61d84f6ba4n],
    ['12345', 0xc6f2d2dd0ad64fb6n],
    ['12345678', 0xd2d02f08cf7cfd4an],
    ['123456789ABC', 0x226a8b511223db6cn],
    ['123456789ABCDEF', 0xa66df83f00e9202dn],
    ['123456789ABCDEF123456789ABCDEF', 0x69074f0a41e0947fn],
    ['123456789ABCDEF123456789ABCDEF1', 0x107dc0d6700d877bn],
    ['123456789ABCDEF123456789ABCDEF12', 0xc5b09bebb8cd6667n],
    ['123456789ABCDEF123456789ABCDEF123', 0xb5709dfccee2dd11n],
    ['123456789ABCDEF123456789ABCDEF1234567', 0xcd9a7970503a478an],
    ['123456789ABCDEF123456789ABCDEF123456789', 0xc42d1e348e671d65n],
  ];
  for (const [input, want] of cases) assert.equal(h(input), want, input);
});

test("labels encode as Prometheus 3's stringlabels: sorted by name, size-prefixed", () => {
  assert.deepEqual(
    [...encodeLabels({ job: 'a', __name__: 'up' })],
    [8, ...Buffer.from('__name__'), 2, ...Buffer.from('up'), 3, ...Buffer.from('job'), 1, 97],
  );
  const long = 'x'.repeat(300);
  assert.deepEqual([...encodeLabels({ a: long })].slice(0, 6), [1, 97, 255, 300 & 0xff, 300 >> 8, 0]);
  // Byte order, not UTF-16 order: U+FF5E sorts before U+1F600 in UTF-8 only.
  const names = (m: Record<string, string>) => Buffer.from(encodeLabels(m)).toString('utf8');
  assert.ok(names({ '😀': '', '～': '' }).indexOf('～') < names({ '😀': '', '～': '' }).indexOf('😀'));
  assert.ok(encodeLabels({}).length === 0);
});

test('ratio sampling keeps offsets below r, or from 1+r for negative r', () => {
  assert.equal(addRatioSample(0.4, 0.3), true);
  assert.equal(addRatioSample(0.4, 0.4), false);
  assert.equal(addRatioSample(-0.6, 0.3), false);
  assert.equal(addRatioSample(-0.6, 0.4), true);
  assert.equal(addRatioSample(1, 0.999), true);
  assert.equal(addRatioSample(-1, 0), true);
});
