// Korean around the numbers, at 80 columns, as a learner reads it: an empty
// result with its hints, a cut table's note, a chart's caption, legend and
// notes, --when's intervals, `learn`'s list with progress, an alert
// exercise's flow and feedback, and the REPL's .help. Besides the goldens,
// every line is checked to fit 80 terminal columns (Hangul takes two).
// Regenerate with UPDATE_GOLDEN=1 and read the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { makeStyle } from '../../src/util/style.js';
import { setLang } from '../../src/util/messages/index.js';
import { visibleWidth } from '../../src/util/width.js';
import { renderRangeNotes, renderRangeResults } from '../../src/render/chart-results.js';
import type { RenderOptions } from '../../src/render/index.js';
import { renderWhen } from '../../src/render/when.js';
import { wrap } from '../../src/render/text.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { loadCourse } from '../../src/lessons/load.js';
import { runAlertExercise } from '../../src/lessons/alert-exercise.js';
import type { AlertExerciseBlock } from '../../src/lessons/model.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { compareGolden } from '../helpers/golden.js';
import { piped } from '../repl/fake.js';
import * as fx from '../render/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIR = join(ROOT, 'test', 'golden', 'ko');
const COLUMNS = 80;

function golden(name: string, text: string): void {
  assert.match(text, /[\uAC00-\uD7A3]/, `${name}: the output is in Korean`);
  for (const line of text.split('\n')) assert.ok(visibleWidth(line) <= COLUMNS, `${name}: wider than ${COLUMNS} columns: ${line}`);
  compareGolden(join(DIR, name), text, name);
}

async function run(args: string[], stateDir = mkdtempSync(join(tmpdir(), 'promlearn-ko-render-'))) {
  const env = { PROMLEARN_STATE_DIR: stateDir, LANG: 'ko_KR.UTF-8' };
  const io = bufferIO({ env, columns: COLUMNS, rows: 24, isTTY: true });
  const code = await main(['node', 'promlearn', ...args], io, sampleDeps(io));
  return { code, text: io.output.out + io.output.err };
}

/** Runs `fn` with Korean messages, English again afterwards (tests in this process run one after another). */
async function inKorean<T>(fn: () => Promise<T> | T): Promise<T> {
  setLang('ko');
  try {
    return await fn();
  } finally {
    setLang('en');
  }
}

test('Korean at 80 columns: an empty instant result with its hints', async () => {
  const r = await run(['query', 'http_requests_total{job="nope", status_code=~"5.."} > 1']);
  assert.equal(r.code, 0, r.text);
  golden('empty-matchers.txt', r.text);
  const typo = await run(['query', 'http_request_total']);
  golden('empty-typo.txt', typo.text);
});

test('Korean at 80 columns: a table cut by --limit says how many are left out', async () => {
  const r = await run(['query', 'sum by (job, instance) (rate(http_requests_total[5m]))', '--limit', '3']);
  assert.equal(r.code, 0, r.text);
  golden('table-limit-80.txt', r.text);
});

const { points, matrix, CHART_RATE: RATE, chartByRoute: byRoute } = fx;

test('Korean at 80 columns: a range chart with its caption, legend headers, an ended series and the left-out note', async () => {
  const text = await inKorean(() => {
    const opts: RenderOptions = { format: 'table', columns: COLUMNS, rows: 24, range: fx.RANGE, style: makeStyle(false), limit: 4, inlineNotes: false };
    const results = [{ expr: RATE, result: byRoute, legend: '{{route}} {{status_code}}' }];
    return renderRangeResults(results, opts) + renderRangeNotes(results, opts);
  });
  golden('chart-notes-80.txt', text);
  assert.match(text, /최소 +최대 +평균 +마지막/);
  assert.match(text, /10:35에 끝남/);
});

test('Korean at 80 columns: --when lists the intervals, and says when there are none', async () => {
  const above = matrix([
    { metric: { job: 'checkout', route: '/api/products' }, values: points(81, 96, () => 9).concat(points(110, 121, () => 1.5)) },
    { metric: { job: 'checkout', route: '/cart' }, values: points(0, 12, () => 0.6) },
  ]);
  const text = await inKorean(() => {
    const opts = { format: 'table' as const, columns: COLUMNS, rows: 24, range: fx.RANGE, style: makeStyle(false) };
    return (
      renderWhen([{ expr: 'sum by (job, route) (rate(http_requests_total{status_code=~"5.."}[5m])) > 0.5', result: above }], opts) +
      renderWhen([{ expr: 'up == 0', result: matrix([]) }], opts)
    );
  });
  golden('when-80.txt', text);
});

test('Korean at 80 columns: `learn` lists the lessons with progress', async () => {
  const state = mkdtempSync(join(tmpdir(), 'promlearn-ko-learn-'));
  mkdirSync(state, { recursive: true });
  const progress = {
    version: 1,
    lessons: {
      'data-model': { step: 0, solved: [], skipped: [], done: true },
      'metric-types': { step: 2, solved: [], skipped: [], done: false },
    },
    current: 'metric-types',
  };
  writeFileSync(join(state, 'progress.json'), JSON.stringify(progress));
  const check = await run(['learn', 'check', '6', 'rps-per-job', 'sum by (job) (rate(http_requests_total[5m]))'], state);
  assert.equal(check.code, 0, check.text);
  const r = await run(['learn'], state);
  assert.equal(r.code, 0, r.text);
  golden('learn-list-80.txt', r.text);
  assert.match(r.text, /^레슨$/m);
});

test("Korean at 80 columns: an alert exercise's hint, feedback on wrong rules and the verdict", async () => {
  const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const course = loadCourse(join(ROOT, 'lessons', 'ko'), join(ROOT, 'lessons'));
  const lesson = course.lessons.find((l) => l.number === 11)!;
  const ex = lesson.steps.flatMap((s) => s.blocks).find((b): b is AlertExerciseBlock => b.kind === 'alert-exercise')!;
  const answers = ['.hint', ex.wrong[0]!.query, ex.wrong[2]!.query, ex.answer];
  const lines: string[] = [];
  let solved = false;
  await inKorean(() =>
    runAlertExercise(
      {
        backend,
        ask: async (message) => {
          const answer = answers.shift()!;
          lines.push(...wrap(`? ${message} ${answer}`, COLUMNS, '  '));
          return answer;
        },
        say: (text) => lines.push(...text.split('\n').flatMap((l) => wrap(l, COLUMNS))),
        solved: () => (solved = true),
        skipped: () => assert.fail('skipped'),
      },
      ex,
    ),
  );
  assert.ok(solved);
  const text = lines.join('\n') + '\n';
  golden('alert-exercise-80.txt', text);
  assert.match(text, /정답이에요/);
});

test('Korean at 80 columns: the REPL .help', async () => {
  const r = await inKorean(() => piped('.help\n', { io: bufferIO({ columns: COLUMNS, env: {} }) }));
  golden('repl-help-80.txt', r.out);
  // Descriptions start at one column, Korean or not.
  const starts = r.out
    .split('\n')
    .map((l) => /^ {2}\.(?!explain)\w+(?: \S+)? +/.exec(l)?.[0])
    .filter((lead) => lead !== undefined)
    .map((lead) => visibleWidth(lead));
  assert.ok(starts.length > 10 && starts.every((s) => s === 28), starts.join(','));
});

test("Korean: learn --validate's problems with a lesson file's format, in Korean with the format's words kept", async () => {
  const { parseLesson } = await import('../../src/lessons/parse.js');
  const text = ['# 제목', 'summary: 요약', '', '## 단계 {#Bad_Id}', '', '```exercise', 'id: x', 'task: 과제', 'answer: up', 'wrong: down', '```', ''].join('\n');
  const problems = await inKorean(() => parseLesson(text, 'lessons/ko/bad.md').problems.map((p) => p.message));
  assert.deepEqual(problems, [
    '레슨 파일 이름은 "05-rate.md"처럼 번호, 대시, 소문자 id로 써야 하는데 "bad.md"이에요',
    '단계 id "Bad_Id"에는 영문 소문자, 숫자, 대시만 쓸 수 있어요',
    '"wrong:" 다음에는 그 오답의 "feedback:"이 와야 해요',
    '연습문제 "x"에 "hint:"가 없어요',
  ]);
});
