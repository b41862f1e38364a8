import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyProgress, lessonProgress, loadProgress, progressFile, saveProgress } from '../../src/lessons/progress.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'promlearn-progress-'));
}

test('a missing file is a fresh start; saved progress reads back', () => {
  const dir = join(tempDir(), 'nested', 'state');
  const warnings: string[] = [];
  assert.deepEqual(loadProgress(dir, (w) => warnings.push(w)), emptyProgress());
  const p = emptyProgress();
  Object.assign(lessonProgress(p, 'rate'), { step: 2, solved: ['a'] });
  saveProgress(dir, p);
  assert.deepEqual(loadProgress(dir, (w) => warnings.push(w)), p);
  assert.deepEqual(warnings, []);
  assert.deepEqual(readdirSync(dir), ['progress.json'], 'no temp files left behind');
});

test('a write that fails leaves the old file intact and no temp file', () => {
  const dir = tempDir();
  const p = emptyProgress();
  lessonProgress(p, 'rate').step = 1;
  saveProgress(dir, p);
  const before = readFileSync(progressFile(dir), 'utf8');
  const bad = emptyProgress() as unknown as Record<string, unknown>;
  bad.cycle = bad; // JSON.stringify throws mid-save
  assert.throws(() => saveProgress(dir, bad as never));
  assert.equal(readFileSync(progressFile(dir), 'utf8'), before);
  assert.deepEqual(readdirSync(dir), ['progress.json']);
});

test('a corrupt or truncated file is reported, backed up and replaced by a fresh start', () => {
  for (const text of ['{"version":1,"lessons":{"rate":{"st', 'null', '{"version":2,"lessons":{}}', '{"version":1,"lessons":{"x":{"step":"2"}}}']) {
    const dir = tempDir();
    writeFileSync(progressFile(dir), text);
    const warnings: string[] = [];
    assert.deepEqual(loadProgress(dir, (w) => warnings.push(w)), emptyProgress());
    assert.match(warnings[0], /was damaged; it was moved to .*progress\.json\.corrupt-/);
    const backup = readdirSync(dir).find((n) => n.startsWith('progress.json.corrupt-'));
    assert.ok(backup);
    assert.equal(readFileSync(join(dir, backup), 'utf8'), text, 'the damaged file is kept for the learner');
  }
});

test('an unreadable file warns instead of crashing', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, () => {
  const dir = tempDir();
  saveProgress(dir, emptyProgress());
  chmodSync(progressFile(dir), 0o000);
  const warnings: string[] = [];
  assert.deepEqual(loadProgress(dir, (w) => warnings.push(w)), emptyProgress());
  assert.match(warnings[0], /cannot read/);
  rmSync(dir, { recursive: true, force: true });
});
