import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLesson } from '../../src/lessons/parse.js';
import { exercisesOf } from '../../src/lessons/model.js';

const GOOD = `# Counters
summary: Why request graphs go up forever.

## Raw samples
Counters only go up.

\`\`\`js
new client.Counter({ name: 'http_requests_total' })
\`\`\`

\`\`\`promql at=-1h range=30m
http_requests_total
\`\`\`

\`\`\`predict
question: How many series?
choice: 1
choice: 3
answer: 3
explain: One per instance.
\`\`\`

## Try it
\`\`\`exercise
id: per-second
task: Requests per second,
  per series.
hint: rate()
hint: [5m]
answer: rate(http_requests_total[5m])
wrong: http_requests_total
feedback: That is the raw counter.
wrong: increase(http_requests_total[5m])
feedback: increase is per window.
at: -1h, -30m
\`\`\`
`;

test('a well-formed lesson parses into steps and blocks', () => {
  const { lesson, problems } = parseLesson(GOOD, 'lessons/05-rate.md');
  assert.deepEqual(problems, []);
  assert.ok(lesson);
  assert.equal(lesson.id, 'rate');
  assert.equal(lesson.number, 5);
  assert.equal(lesson.title, 'Counters');
  assert.equal(lesson.summary, 'Why request graphs go up forever.');
  assert.deepEqual(lesson.steps.map((s) => s.title), ['Raw samples', 'Try it']);
  assert.deepEqual(lesson.steps[0].blocks.map((b) => b.kind), ['text', 'example', 'predict']);
  const text = lesson.steps[0].blocks[0];
  assert.ok(text.kind === 'text', 'ordinary code blocks stay prose');
  assert.ok(text.text.includes('client.Counter'), 'ordinary code blocks stay prose');
  const ex = lesson.steps[0].blocks[1];
  assert.deepEqual(ex, { kind: 'example', line: 11, query: 'http_requests_total', at: '-1h', range: '30m' });
  const [exercise] = exercisesOf(lesson);
  assert.equal(exercise.task, 'Requests per second,\nper series.');
  assert.deepEqual(exercise.hints, ['rate()', '[5m]']);
  assert.equal(exercise.answerLine, 30);
  assert.deepEqual(exercise.wrong.map((w) => [w.line, w.query]), [[31, 'http_requests_total'], [33, 'increase(http_requests_total[5m])']]);
  assert.deepEqual(exercise.at, ['-1h', '-30m']);
});

// Each case: a change to GOOD (or a whole text) and the problems expected, by line.
const BAD: [name: string, text: string, expected: string[]][] = [
  ['unknown exercise field', GOOD.replace('hint: rate()', 'hnit: rate()'), ['28: unknown field "hnit"']],
  ['wrong without feedback', GOOD.replace('feedback: That is the raw counter.\n', ''), ['31: "wrong:" must be followed by its "feedback:"']],
  ['feedback without wrong', GOOD.replace('at: -1h, -30m', 'feedback: stray'), ['35: "feedback:" must follow a "wrong:"']],
  ['no hints', GOOD.replace(/hint: .*\n/g, ''), ['24: exercise "per-second" has no "hint:"']],
  ['no wrong answers', GOOD.replace(/(wrong|feedback): .*\n/g, ''), ['24: exercise "per-second" lists no "wrong:" answers']],
  ['missing answer', GOOD.replace('answer: rate(http_requests_total[5m])\n', ''), ['24: missing field "answer"']],
  ['bad example attribute', GOOD.replace('at=-1h range=30m', 'when=-1h'), ['11: unknown promql block attribute "when=-1h"']],
  ['bad time', GOOD.replace('at: -1h, -30m', 'at: yesterday'), ['35: bad time "yesterday"']],
  ['predict answer not a choice', GOOD.replace('answer: 3\n', 'answer: 4\n'), ['15: the answer "4" is not one of the choices']],
  ['unclosed fence', GOOD.slice(0, GOOD.lastIndexOf('```')), ['24: unclosed ``` block']],
  ['text before first step', GOOD.replace('## Raw samples\n', ''), ['4: text before the first "## Step" heading']],
  ['no summary', GOOD.replace('summary: Why request graphs go up forever.\n', ''), ['3: the title must be followed by a "summary: ..." line']],
  ['no title', GOOD.replace('# Counters\n', ''), ['1: a lesson starts with a "# Title" line']],
  ['duplicate exercise id', GOOD + GOOD.slice(GOOD.indexOf('```exercise')), ['37: exercise id "per-second" is used twice']],
  ['bad exercise id', GOOD.replace('id: per-second', 'id: Per Second'), ['25: exercise id "Per Second" must be lowercase']],
];

for (const [name, text, expected] of BAD) {
  test(`format error: ${name}`, () => {
    const { lesson, problems } = parseLesson(text, 'lessons/05-rate.md');
    assert.equal(lesson, undefined);
    const got = problems.map((p) => `${p.line}: ${p.message}`);
    for (const e of expected) assert.ok(got.some((g) => g.startsWith(e)), `expected "${e}" in:\n${got.join('\n')}`);
    assert.ok(problems.every((p) => p.file === 'lessons/05-rate.md'));
  });
}

test('a badly named lesson file is reported', () => {
  const { problems } = parseLesson(GOOD, 'lessons/rate.md');
  assert.match(problems[0].message, /file names look like "05-rate.md"/);
});

test('a step heading may name its id: a translation keeps the English step ids', () => {
  const text = '# 카운터\nsummary: 요약\n\n## 먼저 rate, 그다음 sum {#rate-first-then-sum}\n본문\n\n## 제목만\n본문\n\n## Plain title\n';
  const { lesson, problems } = parseLesson(text, 'lessons/ko/06-aggregation.md');
  assert.deepEqual(problems, []);
  assert.deepEqual(lesson?.steps.map((s) => [s.id, s.title]), [
    ['rate-first-then-sum', '먼저 rate, 그다음 sum'],
    ['step', '제목만'],
    ['plain-title', 'Plain title'],
  ]);
  const bad = parseLesson('# T\nsummary: s\n\n## 제목 {#Rate First}\n', 'lessons/ko/06-aggregation.md');
  assert.deepEqual(bad.problems.map((p) => `${p.line}: ${p.message}`), ['4: step id "Rate First" must be lowercase letters, digits and dashes']);
});
