// StringTable: one id a string, whether it came as a JS string or as the
// bytes of a file line, before and after its JS string is made.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StringTable } from '../../src/storage/strings.js';

function bytesOf(s: string): [DataView, Buffer, number, number] {
  const b = Buffer.from(`  ${s}  `, 'latin1');
  return [new DataView(b.buffer, b.byteOffset, b.length), b, 2, 2 + s.length];
}

test('StringTable: the same id for a string from bytes, before and after its JS string is made', () => {
  const t = new StringTable();
  const id = t.internBytes(...bytesOf('instance'));
  assert.equal(t.internBytes(...bytesOf('instance')), id);
  assert.equal(t.get(id), 'instance');
  // Made: still found from bytes (compared as bytes), and from the JS string.
  assert.equal(t.internBytes(...bytesOf('instance')), id);
  assert.equal(t.intern('instance'), id);
  assert.notEqual(t.internBytes(...bytesOf('instancE')), id);
  assert.notEqual(t.internBytes(...bytesOf('instanc')), id);
});

test('StringTable: a string interned as a JS string is found from bytes; the empty string from bytes is one string', () => {
  const t = new StringTable();
  const name = t.intern('__name__');
  const job = t.intern('job');
  assert.equal(t.internBytes(...bytesOf('__name__')), name);
  assert.equal(t.internBytes(...bytesOf('job')), job);
  const empty = t.internBytes(...bytesOf(''));
  assert.equal(t.internBytes(...bytesOf('')), empty);
  assert.equal(t.get(empty), '');
  assert.notEqual(empty, job);
});

test('StringTable: values cycling at one position (more than fit its recent ways) keep their ids', () => {
  const t = new StringTable();
  const ids = new Map<string, number>();
  for (let round = 0; round < 3; round++)
    for (let i = 0; i < 40; i++) {
      const v = `job${i}`;
      const id = t.internBytesAt(5, ...bytesOf(v));
      if (round === 0) ids.set(v, id);
      else assert.equal(id, ids.get(v), v);
      assert.equal(t.get(id), v);
    }
  assert.equal(new Set(ids.values()).size, 40);
});
