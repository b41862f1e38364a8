// `explain --samples` in Korean at 80 columns, end to end through main() on
// the sample dataset: rate, increase over a counter reset, histogram_quantile,
// a binary operation (with its matching advice) and an aggregation over deriv.
// Golden files in test/golden/ko/explain-samples-*.txt; regenerate with
//   UPDATE_GOLDEN=1 node scripts/run-tests.mjs samples-ko
// and read the diff as a Korean reader would. Besides the goldens: every line
// fits 80 terminal columns, the sample and bucket tables line up, and every
// walk-through ends in the query's own number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { visibleWidth } from '../../src/util/width.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { compareGolden } from '../helpers/golden.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'golden', 'ko');
const COLUMNS = 80;

async function run(args: string[], lang = 'ko'): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO({ columns: COLUMNS, rows: 24, env: {} });
  const code = await main(['node', 'promlearn', '--lang', lang, 'explain', '--samples', ...args], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

const RESTART_SERIES = 'http_requests_total{instance="frontend-2:3000", route="/", method="GET", status_code="200"}';
// code 1: the binary operation's many-to-many error, which explain diagnoses.
const CASES: Array<{ name: string; args: string[]; walks: number; code?: number }> = [
  { name: 'rate', args: ['rate(http_requests_total[5m])'], walks: 1 },
  { name: 'increase-reset', args: [`increase(${RESTART_SERIES}[5m])`, '--time', '2026-01-15T07:15:00Z'], walks: 1 },
  {
    name: 'histogram-quantile',
    args: [
      'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))',
      '--time',
      '2026-01-15T10:00:00Z',
      '--series',
      '{job="api"}',
    ],
    walks: 2,
  },
  {
    name: 'binary',
    args: ['sum by (instance, job) (irate(http_requests_total[5m])) / on (job) up', '--series', '{instance="checkout-1:8080"}'],
    walks: 1,
    code: 1,
  },
  {
    name: 'aggregation',
    args: ['max by (job) (deriv(nodejs_heap_size_used_bytes[10m]))', '--time', '2026-01-15T11:00:00Z', '--series', '{job="frontend"}'],
    walks: 1,
  },
];

/** The walk-throughs' verdict lines (the catalog's Korean). */
const SAME = /^ {2}쿼리 결과도 \S+: 같은 값이에요$/;

for (const c of CASES) {
  test(`explain --samples in Korean at 80 columns: ${c.name}`, async () => {
    const r = await run(c.args);
    assert.equal(r.code, c.code ?? 0, r.err);
    compareGolden(join(DIR, `explain-samples-${c.name}.txt`), r.out, c.name);
    for (const line of r.out.split('\n')) assert.ok(visibleWidth(line) <= COLUMNS, `wider than ${COLUMNS} columns: ${line}`);
    const lines = r.out.split('\n');
    assert.equal(lines.filter((l) => SAME.test(l)).length, c.walks, r.out);
    assertTablesLineUp(lines);
  });
}

/** Sample rows (`    17  11:59:06.436  47551`) and bucket rows end their value where the header ends, Hangul header or not. */
function assertTablesLineUp(lines: string[]): void {
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if (!/^ {4}.*(VALUE|누적 개수)$/.test(header)) continue;
    tables++;
    const end = visibleWidth(header);
    for (let j = i + 1; j < lines.length && /^ {4}\s*[\d+…]/.test(lines[j]!); j++) {
      const row = lines[j]!;
      if (/^\s*…/.test(row)) continue;
      // Rows are ASCII up to their value; a mark in Korean may follow after three spaces.
      assert.match(row.slice(0, end), /[\dfN]$/, `not under the header:\n${header}\n${row}`);
      assert.ok(row.length === end || row[end] === ' ', `not under the header:\n${header}\n${row}`);
    }
  }
  assert.ok(tables > 0, 'no sample or bucket table');
}

test('explain --samples in English has no Hangul and the same walk-through', async () => {
  const r = await run(CASES[1]!.args, 'en');
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /[\uAC00-\uD7A3]/);
  assert.match(r.out, /1 counter reset: add the value before each drop, 185994/);
  assert.match(r.out, / {2}the query returns \S+: the same number\n$/);
});

test('--series matching nothing: a Korean usage error listing the candidates', async () => {
  const r = await run(['rate(http_requests_total{job="api"}[5m])', '--series', '{instance="nope"}']);
  assert.equal(r.code, 2, r.out);
  assert.match(r.err, /--series \{instance="nope"\}에 맞는 시계열이 http_requests_total\{job="api"\}\[5m\]의 시계열 27개 중에 없어요/);
  assert.match(r.err, /… 외 19개/);
  assert.match(r.err, /이 중 하나의 레이블을 --series에 그대로 옮겨 쓰세요/);
});
