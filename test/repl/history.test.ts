import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryFile, decodeEntry, dedupe, encodeEntry } from '../../src/repl/history.js';
import { drive } from './fake.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'promlearn-hist-'));
}

test('multi-line entries round-trip as one line', () => {
  const e = 'sum(\n  rate(x{a="b\\\\n"}[5m])\n)';
  assert.equal(encodeEntry(e).includes('\n'), false);
  assert.equal(decodeEntry(encodeEntry(e)), e);
});

test('dedupe keeps the newest copy and caps the size', () => {
  assert.deepEqual(dedupe(['a', 'b', 'a', 'c', ' ']), ['b', 'a', 'c']);
  assert.deepEqual(dedupe(['a', 'b', 'c', 'd'], 2), ['c', 'd']);
});

test('history file: created 0600 in a new directory, de-duplicated, capped, persistent', () => {
  const dir = join(tmp(), 'nested', 'promlearn');
  try {
    const h = new HistoryFile(dir, 3);
    assert.deepEqual(h.load(), []);
    for (const e of ['up', 'sum(\n  up\n)', 'up', 'rate(x[5m])', 'time()']) assert.equal(h.add(e), undefined);
    assert.equal(statSync(h.path).mode & 0o777, 0o600);
    assert.deepEqual(new HistoryFile(dir, 3).load(), ['up', 'rate(x[5m])', 'time()']);
    assert.equal(readFileSync(h.path, 'utf8').split('\n').length, 4);
  } finally {
    rmSync(join(dir, '..', '..'), { recursive: true, force: true });
  }
});

test('an unwritable history directory is reported, not thrown', () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'file'), '');
    const h = new HistoryFile(join(dir, 'file', 'promlearn')); // a file where a directory should be
    assert.ok(h.add('up') instanceof Error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('credentials in a .server URL never reach the history file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-hist-'));
  try {
    const d = drive({ stateDir: dir, openBackend: () => Promise.reject(new Error('no server here')) });
    await d.waitFor('> ');
    d.type('.server https://alice:s3cret@prom.example/\r');
    await d.waitFor('no server here');
    d.type('.quit\r');
    await d.done;
    const text = readFileSync(join(dir, 'history'), 'utf8');
    assert.doesNotMatch(text, /s3cret|alice/);
    assert.match(text, /\.server https:\/\/\*\*\*@prom\.example\//);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
