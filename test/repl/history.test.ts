import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryFile, decodeEntry, dedupe, encodeEntry } from '../../src/repl/history.js';
import { drive } from './fake.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A separate process adding `n` entries `<tag>-<i>` to the history in `dir`. */
function writer(dir: string, tag: string, n: number, limit: number): Promise<number | null> {
  const mod = fileURLToPath(new URL('../../src/repl/history.js', import.meta.url));
  const code = `const { HistoryFile } = await import(${JSON.stringify(mod)});
    const h = new HistoryFile(${JSON.stringify(dir)}, ${limit});
    h.load();
    for (let i = 0; i < ${n}; i++) { const e = h.add('${tag}-' + i); if (e) throw e; }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => child.on('exit', resolve));
}

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
    // Appended, compacted once it holds twice the limit.
    assert.ok(readFileSync(h.path, 'utf8').split('\n').length - 1 <= 6);
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

test('two sessions writing history at once lose nothing (issue 15 item 5)', async () => {
  const dir = tmp();
  try {
    const codes = await Promise.all([writer(dir, 'a', 300, 1000), writer(dir, 'b', 300, 1000)]);
    assert.deepEqual(codes, [0, 0]);
    const all = new HistoryFile(dir, 1000).load();
    assert.equal(all.length, 600);
    for (const tag of ['a', 'b']) {
      const mine = all.filter((e) => e.startsWith(tag + '-'));
      assert.deepEqual(
        mine,
        Array.from({ length: 300 }, (_, i) => `${tag}-${i}`),
      ); // each in its own order
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('history under compaction with two writers: capped, the newest of each kept, no lock left behind', async () => {
  const dir = tmp();
  try {
    const codes = await Promise.all([writer(dir, 'a', 400, 50), writer(dir, 'b', 400, 50)]);
    assert.deepEqual(codes, [0, 0]);
    const h = new HistoryFile(dir, 50);
    const all = h.load();
    assert.equal(all.length, 50);
    // The newest 50 of the interleaving: for each writer a run without gaps that ends at its last entry.
    assert.ok(all.at(-1) === 'a-399' || all.at(-1) === 'b-399', all.at(-1));
    for (const tag of ['a', 'b']) {
      const mine = all.filter((e) => e.startsWith(tag + '-')).map((e) => Number(e.slice(2)));
      if (mine.length > 0)
        assert.deepEqual(
          mine,
          Array.from({ length: mine.length }, (_, i) => 400 - mine.length + i),
        );
    }
    assert.ok(readFileSync(h.path, 'utf8').split('\n').length - 1 <= 2 * 50 + 2);
    assert.throws(() => statSync(join(dir, 'history.lock')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
