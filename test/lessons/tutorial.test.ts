import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';

function setup(answers: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-tutorial-'));
  const file = join(dir, 'answers.txt');
  writeFileSync(file, answers.join('\n') + '\n');
  const io = bufferIO({ env: { PROMLEARN_STATE_DIR: join(dir, 'state') } });
  const progress = () => JSON.parse(readFileSync(join(dir, 'state', 'progress.json'), 'utf8'));
  return { dir, file, io, progress };
}

// Lesson 1, one answer per prompt: Enter moves on, a query answers an exercise.
const LESSON_1 = [
  '', // step 1: next
  '11', // step 2: predict
  '', // run the `up` example
  '.hint',
  'up', // wrong
  'count(up)', // right
  '', // next step
  '', // step 3: run the example
  'up{job="api"}',
  '',
  '', // step 4: run the example
  '.skip',
  '', // finish
];

test('lesson 1 walked through non-interactively from an answers file', async () => {
  const { file, io, progress } = setup(LESSON_1);
  const code = await main(['node', 'promlearn', 'learn', '1', '--answers', file], io, sampleDeps(io));
  const out = io.output.out;
  assert.equal(code, 0, io.output.err);
  assert.match(out, /Lesson 1: Metrics and the data model/);
  assert.match(out, /Step 2\/4: Samples and time series/);
  assert.match(out, /Yes\. One `up` series per scrape target/);
  assert.match(out, /hint 1\/2: `up` has one series per target/);
  assert.match(out, /Not yet\. That lists every target; the task wants how many/);
  assert.match(out, /Right: your results match/);
  assert.match(out, /api-1:8080/, 'examples are run and rendered');
  assert.match(out, /Lesson complete: 2\/3 exercises solved/);
  const p = progress().lessons['data-model'];
  assert.deepEqual(p, { step: 0, solved: ['count-targets', 'api-up'], skipped: ['heap-frontend-1'], done: true });
});

test('quitting saves the step; the next run resumes there', async () => {
  const { file, io, progress } = setup(['', '.quit']);
  assert.equal(await main(['node', 'promlearn', 'learn', 'data-model', '--answers', file], io, sampleDeps(io)), 0);
  assert.match(io.output.out, /Progress saved\. Resume with: promlearn learn data-model/);
  assert.equal(progress().lessons['data-model'].step, 1);
  assert.equal(progress().current, 'data-model');

  const again = bufferIO({ env: io.env });
  writeFileSync(file, ''); // end of input right away counts as quitting
  assert.equal(await main(['node', 'promlearn', 'learn', '1', '--answers', file], again, sampleDeps(again)), 0);
  assert.match(again.output.out, /Resuming at step 2/);
  assert.match(again.output.out, /Step 2\/4/);

  const list = bufferIO({ env: io.env });
  assert.equal(await main(['node', 'promlearn', 'learn'], list, sampleDeps(list)), 0);
  assert.match(list.output.out, /▸  1  Metrics and the data model +0\/3 solved · at step 2\/4/);
});

test('learn check judges one answer: exit 0 right, 1 wrong, 2 bad usage or query', async () => {
  const { io } = setup([]);
  const run = async (...args: string[]) => {
    const o = bufferIO({ env: io.env });
    return { code: await main(['node', 'promlearn', 'learn', 'check', ...args], o, sampleDeps(o)), out: o.output.out, err: o.output.err };
  };
  const right = await run('6', 'rps-per-job', 'sum without (instance, method, route, status_code) (rate(http_requests_total[5m]))');
  assert.equal(right.code, 0, right.err);
  assert.match(right.out, /Right/);
  const wrong = await run('aggregation', '1', 'sum(rate(http_requests_total[5m]))');
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /That is the whole shop as one number/);
  assert.match(wrong.out, /lost the `job` label/);
  assert.equal((await run('6', 'rps-per-job', 'sum(rate(http_requests_total[5m])')).code, 2);
  assert.equal((await run('99', '1', 'up')).code, 2);
  assert.equal((await run('6', 'nope', 'up')).code, 2);
});

test('--reset forgets progress', async () => {
  const { file, io, progress } = setup(['', '.quit']);
  await main(['node', 'promlearn', 'learn', '1', '--answers', file], io, sampleDeps(io));
  assert.equal(await main(['node', 'promlearn', 'learn', '--reset'], bufferIO({ env: io.env }), sampleDeps(io)), 0);
  assert.deepEqual(progress().lessons, {});
});
