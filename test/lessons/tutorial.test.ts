import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { lessonMenu, openSession } from '../../src/lessons/index.js';
import { loadCourse, defaultLessonsDir } from '../../src/lessons/load.js';
import { parseLesson } from '../../src/lessons/parse.js';
import type { Prompter } from '../../src/lessons/prompter.js';
import { resumeIndex } from '../../src/lessons/tutorial.js';

function setup(answers: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-tutorial-'));
  const file = join(dir, 'answers.txt');
  writeFileSync(file, answers.join('\n') + '\n');
  const io = bufferIO({ env: { PROMLEARN_STATE_DIR: join(dir, 'state') } });
  const progress = () => JSON.parse(readFileSync(join(dir, 'state', 'progress.json'), 'utf8'));
  return { dir, file, io, progress };
}

// Lesson 1 from an answers file: one line per EXERCISE, nothing else.
const LESSON_1 = [
  'up', // node-up: wrong
  'http_requests_total{route="/api/products", instance="api-1:8080"}', // one-route: right
  '.skip', // heap-frontend-1
  'nodejs_heap_size_total_bytes{job="checkout"}', // checkout-reserved: right
];

test('--answers takes one line per exercise; examples run, predictions are shown with their answer', async () => {
  const { file, io, progress } = setup(LESSON_1);
  const code = await main(['node', 'promlearn', 'learn', '1', '--answers', file], io, sampleDeps(io));
  const out = io.output.out;
  assert.equal(code, 0, io.output.err);
  assert.match(out, /Lesson 1: Metrics and the data model/);
  assert.match(out, /Step 2\/5: Samples and time series/);
  assert.match(out, /Predict: The shop runs frontend[\s\S]*The answer: 11\. One `up` series per scrape target/);
  assert.match(out, /Not yet\. That is every target\. Keep only the node_exporter hosts/);
  assert.match(out, /Your answer is judged by its results over the whole dataset,\s+2026-01-15\s+06:00\s+UTC\s+to\s+12:00\s+UTC/);
  assert.match(out, /Right: your results match/);
  assert.match(out, /api-1:8080/, 'examples are run and rendered');
  assert.match(out, /Lesson complete: 2\/4 exercises solved/);
  assert.match(out, /Next: promlearn learn 2 \(Metric types\)/);
  const p = progress().lessons['data-model'];
  assert.deepEqual(p.solved, ['one-route', 'checkout-reserved']);
  assert.deepEqual(p.skipped.sort(), ['heap-frontend-1', 'node-up']);
  assert.equal(p.done, true);
});

test('an answer that does not parse gets the caret under its character, never a stack trace', async () => {
  const { file, io } = setup(['up{job="node"', '.quit']);
  assert.equal(await main(['node', 'promlearn', 'learn', '1', '--answers', file], io, sampleDeps(io)), 0, io.output.err);
  const lines = io.output.out.split('\n');
  const at = lines.findIndex((l) => l.startsWith('error: ') && /unexpected end of input|unclosed|expected/.test(l));
  assert.ok(at >= 0, io.output.out.slice(-800));
  assert.equal(lines[at + 1], '  up{job="node"');
  const caret = lines[at + 2].indexOf('^');
  assert.ok(caret >= 2 && caret <= lines[at + 1].length, `caret at ${caret}: ${lines[at + 2]}`);
  assert.doesNotMatch(io.output.out + io.output.err, /\n\s+at .*\.js:\d+/);
});

test('quitting saves the step by id; the next run resumes there', async () => {
  const { file, io, progress } = setup(['.quit']);
  assert.equal(await main(['node', 'promlearn', 'learn', 'data-model', '--answers', file], io, sampleDeps(io)), 0, io.output.err);
  assert.match(io.output.out, /Progress saved\. Resume with: promlearn learn data-model/);
  assert.equal(progress().lessons['data-model'].stepId, 'labels-select-series');
  assert.equal(progress().current, 'data-model');

  const again = bufferIO({ env: io.env });
  writeFileSync(file, ''); // end of input right away counts as quitting
  assert.equal(await main(['node', 'promlearn', 'learn', '1', '--answers', file], again, sampleDeps(again)), 0);
  assert.match(again.output.out, /Resuming at step 3: Labels select series/);

  const list = bufferIO({ env: io.env });
  assert.equal(await main(['node', 'promlearn', 'learn'], list, sampleDeps(list)), 0);
  assert.match(list.output.out, /▸  1  Metrics and the data model +0\/4 solved · at step 3\/5/);
});

test('resume points survive a step inserted before them', () => {
  const text = (extra: string) => `# T\nsummary: s\n\n${extra}## Alpha\nx\n\n## Beta\ny\n`;
  const before = parseLesson(text(''), '01-t.md').lesson!;
  const after = parseLesson(text('## New first step\nz\n\n'), '01-t.md').lesson!;
  assert.equal(before.steps[1].id, 'beta');
  assert.equal(resumeIndex(after, 'beta', 1), 2);
  assert.equal(resumeIndex(after, 'gone', 1), 1, 'an unknown id falls back to the saved index');
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
  const hard = await run('9', 'target-down', 'up{instance="api-2:8080"} == 0');
  assert.equal(hard.code, 1);
  assert.match(hard.out, /Right on this data, but not in general/);
  assert.equal((await run('6', 'rps-per-job', 'sum(rate(http_requests_total[5m])')).code, 2);
  assert.equal((await run('99', '1', 'up')).code, 2);
  assert.equal((await run('6', 'nope', 'up')).code, 2);
});

test('--reset forgets progress', async () => {
  const { file, io, progress } = setup(['.quit']);
  await main(['node', 'promlearn', 'learn', '1', '--answers', file], io, sampleDeps(io));
  assert.equal(await main(['node', 'promlearn', 'learn', '--reset'], bufferIO({ env: io.env })), 0);
  assert.deepEqual(progress().lessons, {});
});

test('--export json prints the whole course as data', async () => {
  const io = bufferIO();
  assert.equal(await main(['node', 'promlearn', 'learn', '--export', 'json'], io, sampleDeps(io)), 0, io.output.err);
  const course = JSON.parse(io.output.out);
  assert.equal(course.format, 'promlearn-course');
  const lessons = loadCourse(defaultLessonsDir()).lessons;
  assert.equal(course.lessons.length, lessons.length);
  const rate = course.lessons.find((l: { id: string }) => l.id === 'rate');
  const ex = rate.steps.flatMap((s: { blocks: { kind: string }[] }) => s.blocks).find((b: { kind: string; id?: string }) => b.id === 'per-second');
  assert.equal(ex.answer, 'rate(http_requests_total{job="frontend"}[5m])');
  assert.ok(ex.hints.length >= 2 && ex.wrong.length >= 2 && ex.wrong[0].feedback);
  assert.equal((await main(['node', 'promlearn', 'learn', '--export', 'yaml'], bufferIO())), 2);
});

test('the lesson menu continues where the learner left off and offers the next lesson', async () => {
  const { io } = setup([]);
  const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const s = openSession(io, backend);
  s.progress.current = 'data-model';
  const asked: { message: string; default?: string }[] = [];
  const answers = ['data-model', 'next', '.quit'];
  const inputs = ['.quit'];
  const prompter: Prompter = {
    kind: 'lines',
    input: async () => inputs.shift(),
    select: async (message, choices, def) => {
      asked.push({ message, default: def });
      const a = answers.shift();
      assert.ok(choices.some((c) => c.value === a), `${a} offered in ${message}`);
      return a;
    },
    close: () => {},
  };
  // Finish lesson 1 by walking it with Enter everywhere, then quit lesson 2 at once.
  let enters = 400;
  prompter.input = async (m) => (m.startsWith('Your answer') ? '.skip' : enters-- > 0 ? (inputs.length && m.includes('Predict') ? inputs.shift() : '') : undefined);
  prompter.select = async (message, choices, def) => {
    asked.push({ message, default: def });
    if (message.startsWith('Predict')) return choices[0].value;
    const a = answers.shift();
    if (a === 'next') {
      answers.unshift('.quit');
      enters = 0; // lesson 2 ends at its first prompt
    }
    return a;
  };
  await lessonMenu(s, prompter);
  assert.equal(asked[0].default, 'data-model', 'the current lesson is preselected');
  assert.ok(asked.some((a) => /Continue with lesson 2: Metric types\?/.test(a.message)));
  assert.equal(s.progress.lessons['data-model'].done, true);
  assert.equal(s.progress.current, 'metric-types');
});

test('a lesson file with a mistake is reported as file:line: what is wrong', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-lessons-'));
  writeFileSync(join(dir, '01-broken.md'), '# Broken\nsummary: s\n\n## Step\n```exercise\nid: x\ntask: t\nanswer: up\nwrong: down\n```\n');
  const io = bufferIO({ env: { PROMLEARN_LESSONS_DIR: dir, PROMLEARN_STATE_DIR: join(dir, 'state') } });
  assert.equal(await main(['node', 'promlearn', 'learn', '1'], io, sampleDeps(io)), 2);
  assert.match(io.output.err, /01-broken\.md:5: exercise "x" has no "hint:"/);
  assert.match(io.output.err, /01-broken\.md:9: "wrong:" must be followed by its "feedback:"/);
  assert.doesNotMatch(io.output.err, /\n\s+at .*\.js:\d+/);
});
