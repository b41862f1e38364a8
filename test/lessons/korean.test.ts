// The course in Korean as a learner runs it: `--lang ko`, PROMLEARN_LANG or a
// Korean locale choose lessons/ko/; progress is kept by lesson and step id, so
// it is the same in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';

function setup(answers: string[], env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-ko-'));
  const file = join(dir, 'answers.txt');
  writeFileSync(file, answers.join('\n') + '\n');
  const io = bufferIO({ env: { PROMLEARN_STATE_DIR: join(dir, 'state'), ...env } });
  const progress = () => JSON.parse(readFileSync(join(dir, 'state', 'progress.json'), 'utf8'));
  return { dir, file, io, progress };
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const io = bufferIO({ env });
  return { code: await main(['node', 'promlearn', ...args], io, sampleDeps(io)), out: io.output.out, err: io.output.err };
}

test('learn --lang ko walks the Korean lesson, judged as the English one', async () => {
  const { file, io, progress } = setup(['up', 'http_requests_total{route="/api/products", instance="api-1:8080"}', '.skip', 'nodejs_heap_size_total_bytes{job="checkout"}']);
  const code = await main(['node', 'promlearn', 'learn', '1', '--lang', 'ko', '--answers', file], io, sampleDeps(io));
  const out = io.output.out;
  assert.equal(code, 0, io.output.err);
  assert.match(out, /1강: 메트릭과 데이터 모델/);
  assert.match(out, /2\/5단계: 샘플과 시계열/);
  assert.match(out, /`up`은 시계열을 몇 개 돌려줄까요\?[\s\S]*정답: 11\. 스크레이프 타깃마다/);
  assert.match(out, /아직이에요\. 그건 모든 타깃이에요\./);
  assert.match(out, /api-1:8080/, 'examples are run and rendered');
  assert.match(out, /레슨 완료: 연습문제 4개 중 2개를 풀었어요/);
  assert.match(out, /다음: promlearn learn 2 \(메트릭 타입\)/);
  const p = progress().lessons['data-model'];
  assert.deepEqual(p.solved, ['one-route', 'checkout-reserved']);
});

test('progress is shared between the languages: quit in Korean, resume in English and back', async () => {
  const { file, io, progress } = setup(['.quit'], { PROMLEARN_LANG: 'ko' });
  assert.equal(await main(['node', 'promlearn', 'learn', 'data-model', '--answers', file], io, sampleDeps(io)), 0, io.output.err);
  assert.equal(progress().lessons['data-model'].stepId, 'labels-select-series');

  writeFileSync(file, '');
  const english = await run(['learn', '1', '--answers', file], { ...io.env, PROMLEARN_LANG: 'en' });
  assert.match(english.out, /Resuming at step 3: Labels select series/);
  const korean = await run(['learn', '1', '--answers', file], { PROMLEARN_STATE_DIR: io.env.PROMLEARN_STATE_DIR, LANG: 'ko_KR.UTF-8' });
  assert.match(korean.out, /3단계부터 이어서 해요: 레이블로 시계열을 골라요/);
  const list = await run(['learn'], { PROMLEARN_STATE_DIR: io.env.PROMLEARN_STATE_DIR, LC_ALL: 'ko_KR.UTF-8' });
  assert.match(list.out, /▸  1  메트릭과 데이터 모델 +연습문제 0\/4 · 3\/5단계/);
});

test('learn check in Korean: the listed wrong answer gets its Korean feedback', async () => {
  const { io } = setup([]);
  const wrong = await run(['learn', 'check', 'aggregation', '1', 'sum(rate(http_requests_total[5m]))'], { ...io.env, LANG: 'ko_KR.UTF-8' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /그건 쇼핑몰 전체를 숫자 하나로 합친 거예요/);
  const right = await run(['--lang', 'ko', 'learn', 'check', '6', 'rps-per-job', 'sum by (job) (rate(http_requests_total[5m]))'], io.env);
  assert.equal(right.code, 0, right.err);
});

test('--lang outranks the environment; an unknown language is a usage error', async () => {
  const { io } = setup([]);
  const en = await run(['learn', '--lang', 'en'], { ...io.env, PROMLEARN_LANG: 'ko', LANG: 'ko_KR.UTF-8' });
  assert.match(en.out, /1  Metrics and the data model/);
  const bad = await run(['learn', '--lang', 'fr'], io.env);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /'fr' is invalid\. Allowed choices are en, ko/);
});

test('a course folder of ones own without a ko/ folder is shown in English', async () => {
  const { dir, io } = setup([]);
  writeFileSync(join(dir, '01-mine.md'), '# Mine\nsummary: my own lesson\n\n## Only step\nText.\n');
  const r = await run(['learn'], { ...io.env, PROMLEARN_LESSONS_DIR: dir, LANG: 'ko_KR.UTF-8' });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /1  Mine/);
});
