// Progress at the edges: a step that is no index is a damaged file, and a state
// directory that cannot be written never costs the learner a verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyProgress, loadProgress, progressFile, saveProgress } from '../../src/lessons/progress.js';
import { PromlearnError } from '../../src/errors.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-progress-edges-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a step that is negative, fractional or not a number makes the file damaged, set aside', (t) => {
  for (const step of [-3, 1.5, '2', null, 1e300]) {
    const dir = tempDir(t);
    writeFileSync(progressFile(dir), JSON.stringify({ version: 1, lessons: { rate: { step, solved: [], skipped: [], done: false } } }));
    const warnings: string[] = [];
    assert.deepEqual(loadProgress(dir, (w) => warnings.push(w)), emptyProgress(), String(step));
    assert.match(warnings.join('\n'), /damaged/, String(step));
    assert.equal(existsSync(progressFile(dir)), false, 'moved aside');
  }
});

test('saving where nothing can be written is a clear error, not a stack trace', (t) => {
  const dir = tempDir(t);
  const notADir = join(dir, 'file');
  writeFileSync(notADir, 'x');
  assert.throws(
    () => saveProgress(join(notADir, 'state'), emptyProgress()),
    (e: unknown) => e instanceof PromlearnError && /cannot save progress in .*file\/state: ENOTDIR/.test(e.message) && /PROMLEARN_STATE_DIR/.test(e.hint ?? ''),
  );
});

test('learn check gives its verdict when the state directory cannot be written', async (t) => {
  const dir = tempDir(t);
  const notADir = join(dir, 'file');
  writeFileSync(notADir, 'x');
  const io = bufferIO({ env: { NO_COLOR: '1', PROMLEARN_STATE_DIR: join(notADir, 'state') } });
  const code = await main(
    ['node', 'promlearn', 'learn', 'check', '6', 'rps-per-job', 'sum without (instance, method, route, status_code) (rate(http_requests_total[5m]))'],
    io,
    sampleDeps(io),
  );
  assert.equal(code, 0, io.output.err);
  assert.match(io.output.out, /Right/);
  assert.match(io.output.err, /warning: cannot save progress in .*: ENOTDIR \(progress not saved;/);
  assert.doesNotMatch(io.output.err, /    at /);
  assert.deepEqual(readdirSync(dir), ['file']);
});

test('"lessons": [] is a damaged file, set aside with a warning: saves are never silently dropped', (t) => {
  const dir = tempDir(t);
  writeFileSync(progressFile(dir), JSON.stringify({ version: 1, lessons: [] }));
  const warnings: string[] = [];
  const p = loadProgress(dir, (w) => warnings.push(w));
  assert.match(warnings.join('\n'), /damaged/);
  p.lessons.rate = { step: 2, solved: ['a'], skipped: [], done: false };
  saveProgress(dir, p);
  const again = loadProgress(dir, (w) => warnings.push(w));
  assert.deepEqual(again.lessons.rate, { step: 2, solved: ['a'], skipped: [], done: false }, 'the save is kept');
});

test('temp files a crashed save left behind are removed by the next save; a live writer’s are kept', (t) => {
  const dir = tempDir(t);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  const orphan = `progress.json.${dead}.0badc0de.tmp`;
  const ownOld = `progress.json.${process.pid}.00000001.tmp`;
  const live = `progress.json.${process.ppid}.0000beef.tmp`;
  const liveOld = `progress.json.${process.ppid}.0000dead.tmp`;
  for (const name of [orphan, ownOld, live, liveOld, 'progress.json.notes.tmp']) writeFileSync(join(dir, name), '{"version":1,');
  const old = new Date(Date.now() - 3600_000);
  utimesSync(join(dir, liveOld), old, old);
  saveProgress(dir, emptyProgress());
  assert.deepEqual(readdirSync(dir).sort(), [live, 'progress.json', 'progress.json.notes.tmp'].sort());
});
