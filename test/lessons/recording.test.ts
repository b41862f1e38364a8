// Lessons on their own recording (the `dataset:` / `variant:` header, src/lessons/dataset.ts):
// the header is parsed and checked with file:line problems, lesson 12 runs on the recorded demo
// session with its variant as the judge's second world, every reference is right and every
// listed wrong answer wrong there, and the shipped recording holds the incidents the lesson
// describes, at the times scripts/record-demo-session.ts puts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { MemoryStore } from '../../src/storage/store.js';
import { datasetProblems, lessonBackend } from '../../src/lessons/dataset.js';
import { defaultLessonsDir, findLesson, loadCourse } from '../../src/lessons/load.js';
import { exercisesOf, formatProblem } from '../../src/lessons/model.js';
import { parseLesson } from '../../src/lessons/parse.js';
import { judgeFor, variantBackend } from '../../src/lessons/worlds.js';

const STEP = '\n## Step\nText.\n```promql\nup\n```\n';

test('the dataset header: parsed after the summary, with file:line problems for mistakes', () => {
  const ok = parseLesson(`# T\nsummary: s\ndataset: data/x.om.gz\nvariant: data/x-variant.om\n${STEP}`, '12-x.md');
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.lesson?.dataset?.file, 'data/x.om.gz');
  assert.equal(ok.lesson?.dataset?.line, 3);
  assert.deepEqual(ok.lesson?.dataset?.variant, { file: 'data/x-variant.om', line: 4 });
  const problems = (text: string) => parseLesson(text, '12-x.md').problems.map(formatProblem);
  assert.deepEqual(problems(`# T\nsummary: s\ndataset: ../secret.om\n${STEP}`), [
    '12-x.md:3: bad dataset file "../secret.om": a path inside the lessons folder ending in .om, .txt or .prom (optionally .gz), e.g. dataset: data/12-session.om.gz',
  ]);
  assert.deepEqual(problems(`# T\nsummary: s\nvariant: data/v.om\n${STEP}`), ['12-x.md:3: "variant:" needs a "dataset:" line: the variant is a second world of the lesson\'s own data']);
  assert.deepEqual(problems(`# T\nsummary: s\ndataset: data/a.om\ndataset: data/b.om\n${STEP}`), ['12-x.md:4: "dataset:" given twice']);
  assert.equal(parseLesson(`# T\nsummary: s\n${STEP}`, '01-x.md').lesson?.dataset, undefined);
});

test('a missing or broken data file is a problem at its header line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-lessons-'));
  writeFileSync(join(dir, '12-x.md'), `# T\nsummary: s\ndataset: data/none.om\n${STEP}`);
  writeFileSync(join(dir, '13-y.md'), `# T\nsummary: s\n\ndataset: broken.om\n${STEP}`);
  writeFileSync(join(dir, 'broken.om'), 'up{job="a"} one 1\n# EOF\n');
  const { lessons, problems } = loadCourse(dir);
  assert.equal(problems.length, 1);
  assert.match(formatProblem(problems[0]), /12-x\.md:3: the data file data\/none\.om is not in /);
  const broken = await datasetProblems(findLesson(lessons, 'y'));
  assert.equal(broken.length, 1);
  assert.match(formatProblem(broken[0]), /13-y\.md:4: cannot load dataset .*broken\.om/);
});

const sample = await openLocalDataset({ inProcess: true }, QUIET_HOST);
const lesson12 = findLesson(loadCourse(defaultLessonsDir()).lessons, 'instrument-and-scrape');

test('lesson 12 runs on its recording, with the variant recording as the second world', async () => {
  const own = await lessonBackend(sample, lesson12);
  assert.notEqual(own, sample);
  const info = await own.info();
  assert.equal(info.name, '12-session.om.gz');
  assert.deepEqual(info.dataRange, { start: Date.UTC(2026, 1, 2, 10) / 1000, end: Date.UTC(2026, 1, 2, 11) / 1000 });
  const variant = await variantBackend(own);
  assert.equal((await variant!.info()).name, '12-session-variant.om.gz');
  // The learner's own choice (--dataset, --server) wins: one world, their data.
  const theirs = createLocalBackend(new MemoryStore(), { name: 'mine.om', description: 'a user file' });
  assert.equal(await lessonBackend(theirs, lesson12), theirs);
});

test('lesson 12: every reference is right and every listed wrong answer wrong on the recording', async () => {
  const own = await lessonBackend(sample, lesson12);
  const exercises = exercisesOf(lesson12);
  assert.ok(exercises.length >= 5, `${exercises.length} exercises`);
  for (const ex of exercises) {
    const judge = await judgeFor(own, ex);
    assert.ok((await judge.judge(ex, ex.answer)).correct, `${ex.id}: the reference`);
    assert.ok(ex.wrong.length >= 2, ex.id);
    for (const w of ex.wrong) {
      const v = await judge.judge(ex, w.query);
      assert.equal(v.correct, false, `${ex.id}: ${w.query}`);
      assert.equal(v.messages[0], w.feedback, `${ex.id}: ${w.query} gets its own feedback first`);
    }
  }
});

test('the recording holds the incidents the lesson describes, at their times', async () => {
  const own = await lessonBackend(sample, lesson12);
  const t = (hhmmss: string) => Date.parse(`2026-02-02T${hhmmss}Z`) / 1000;
  const series = async (q: string, at: string) => {
    const r = await own.instantQuery(q, t(at));
    assert.equal(r.data.resultType, 'vector');
    return (r.data.result as Array<{ metric: Record<string, string>; value: [number, string] }>).map((s) => [s.metric.instance ?? '', Number(s.value[1])]);
  };
  // Three targets of job shop, all up, before anything happens.
  assert.deepEqual(await series('up{job="shop"}', '10:05:00'), [['127.0.0.1:8081', 1], ['127.0.0.1:8082', 1], ['127.0.0.1:8083', 1]]);
  // 8081 crashed at 10:50 and was back at 10:51, with a new start time.
  assert.deepEqual(await series('up == 0', '10:50:30'), [['127.0.0.1:8081', 0]]);
  assert.deepEqual(await series('up == 0', '10:51:15'), []);
  assert.deepEqual(await series('changes(process_start_time_seconds[30m]) > 0', '11:00:00'), [['127.0.0.1:8081', 1]]);
  // 20% of 8083's requests failed between 10:38 and 10:45, and no one else's.
  const share = 'sum by (instance) (rate(http_requests_total{status_code="500"}[5m])) / sum by (instance) (rate(http_requests_total[5m]))';
  const during = await series(share, '10:44:00');
  assert.deepEqual(during.map(([i]) => i), ['127.0.0.1:8083']);
  assert.ok(Number(during[0][1]) > 0.1 && Number(during[0][1]) < 0.3, `share ${during[0][1]}`);
  assert.deepEqual(await series(`${share} > 0`, '10:37:00'), []);
  // /api/products was slow (300 ms more) from 10:15 to 10:30.
  const p99 = 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/api/products"}[5m])))';
  assert.ok(Number((await series(p99, '10:25:00'))[0][1]) > 0.5);
  assert.ok(Number((await series(p99, '10:10:00'))[0][1]) < 0.1);
});
