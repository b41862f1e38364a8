// The prebuilt sample snapshot is exactly the generator's output, and the
// column codec it uses is exact for every kind of value.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateSampleStore } from '../../src/dataset/generate.js';
import { VARIANT_INCIDENTS } from '../../src/dataset/incidents.js';
import { freshSampleStore, loadSampleStore, loadVariantStore } from '../../src/dataset/index.js';
import {
  decodeSnapshot,
  encodeSnapshot,
  generatorFingerprint,
  loadSnapshot,
  SNAPSHOT_URL,
  VARIANT_SNAPSHOT_URL,
} from '../../src/dataset/snapshot.js';
import { snapshotDifference } from '../../src/dataset/snapshot-check.js';
import { ByteReader, ByteWriter, decodeColumn, encodeColumn, sameColumn } from '../../src/storage/codec.js';
import { STALE_NAN } from '../../src/storage/store.js';

// The generator's output, made once for this file (it is deterministic: dataset.test.ts checks two generations agree).
let generated: ReturnType<typeof generateSampleStore> | undefined;
const generatedSample = () => (generated ??= generateSampleStore());

test('the built snapshot equals the generated sample dataset, bit for bit', () => {
  const bytes = readFileSync(SNAPSHOT_URL);
  assert.ok(bytes.length <= 3 * 2 ** 20, `snapshot is ${bytes.length} bytes`);
  assert.ok(loadSnapshot(), 'dist/src/dataset/sample.snapshot is out of date: run `npm run build`');
  assert.equal(snapshotDifference(generatedSample(), bytes), undefined);
});

test('the built variant snapshot equals the generated variant world, bit for bit, and the judge reads it', () => {
  const bytes = readFileSync(VARIANT_SNAPSHOT_URL);
  assert.ok(bytes.length <= 3 * 2 ** 20, `variant snapshot is ${bytes.length} bytes`);
  const variant = loadSnapshot(VARIANT_SNAPSHOT_URL);
  assert.ok(variant, 'dist/src/dataset/variant.snapshot is out of date: run `npm run build`');
  assert.equal(loadVariantStore(), variant);
  assert.equal(snapshotDifference(generateSampleStore(VARIANT_INCIDENTS), bytes), undefined);
});

test('freshSampleStore: a new store over the snapshot at each call, apart from the shared sample', () => {
  const a = freshSampleStore();
  const b = freshSampleStore();
  assert.notEqual(a, b);
  assert.notEqual(a, loadSampleStore());
  assert.equal(a.numSamples, loadSampleStore().numSamples);
  const id = a.getOrCreateSeries({ __name__: 'recorded_by_a_rule' });
  a.append(id, 1, 1);
  a.finish();
  assert.equal(a.numSeries, loadSampleStore().numSeries + 1);
  assert.equal(b.numSeries, loadSampleStore().numSeries);
});

test('a snapshot of another generator is not used', () => {
  const bytes = encodeSnapshot(generatedSample(), 'other');
  assert.equal(decodeSnapshot(bytes, generatorFingerprint()), undefined);
  assert.ok(decodeSnapshot(bytes, 'other'));
  assert.equal(decodeSnapshot(Buffer.from('not a snapshot'), 'other'), undefined);
});

test('column codec: exact for integers, decimals, specials and arbitrary floats', () => {
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  u[0] = 1;
  u[1] = 0x7ff80000;
  const otherNaN = f[0];
  const columns = [
    [],
    [0],
    [1767225600123, 1767225615119, 1767225630125, 1767225645121],
    [1, 2, 3, 1e15, 2 ** 53 - 1, -(2 ** 53) + 1, 0],
    [0.1, 0.25, 1.125, 123.456789, -0.001, 1e-9, 42],
    [NaN, STALE_NAN, otherNaN, Infinity, -Infinity, -0, 5, 0.5],
    [Math.PI, Math.E, 1 / 3, 1e300, 5e-324, 2 ** 60],
  ].map((xs) => Float64Array.from(xs));
  // Put the NaN payloads in with their bits (JS numbers may not keep them).
  new Uint32Array(columns[5].buffer).set([0x00000002, 0x7ff00000], 2);
  new Uint32Array(columns[5].buffer).set([0x00000001, 0x7ff80000], 4);
  for (const col of columns) {
    const w = new ByteWriter();
    w.varint(7);
    encodeColumn(w, col);
    const r = new ByteReader(w.bytes());
    assert.equal(r.varint(), 7);
    const back = decodeColumn(r, col.length);
    assert.ok(sameColumn(back, col), `${[...col]} came back as ${[...back]}`);
    assert.equal(r.pos, w.length);
  }
});
