// Progress at the edges: a step that is no index is a damaged file, and a state
// directory that cannot be written never costs the learner a verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
