// Hangul at 80 columns, end to end as a learner runs promlearn in a terminal:
// a table, a chart's legend, an explain tree and a parse error's caret, with
// Hangul label values (2 columns a syllable), plus times in Asia/Seoul.
// Golden files in test/golden/ko/; regenerate with
//   UPDATE_GOLDEN=1 node --test dist/test/golden/korean.test.js
// and review the diff. Besides the goldens, every line is checked to fit 80
// columns and the columns checked to line up, measured in terminal columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { visibleWidth } from '../../src/util/width.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { compareGolden } from '../helpers/golden.js';

const DIR = fileURLToPath(new URL('../../../test/golden/ko/', import.meta.url));
const COLUMNS = 80;

// Jobs renamed to Korean service names (one long enough to be cut in a table).
const SERVICES =
  'label_replace(label_replace(label_replace(X, "service", "결제", "job", "checkout"), "service", "상품 목록, 장바구니, 주문과 결제를 함께 처리하는 API 게이트웨이 서버", "job", "api"), "service", "프런트엔드", "job", "frontend")';
const withServices = (inner: string) => SERVICES.replace('X', inner);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO({ columns: COLUMNS, rows: 24, isTTY: true, env: {} });
  const code = await main(['node', 'promlearn', ...args], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

function golden(name: string, text: string): void {
  compareGolden(`${DIR}${name}.txt`, text, name);
}

function assertFits(text: string): void {
  for (const line of text.split('\n')) assert.ok(visibleWidth(line) <= COLUMNS, `wider than ${COLUMNS} columns: ${line}`);
}

/** The terminal column at which `needle` starts in `line` (Hangul counts 2). */
function columnOf(line: string, needle: string): number {
  const i = line.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${line}`);
  return visibleWidth(line.slice(0, i));
}

test('a table with Hangul label values: cells cut by columns, values right-aligned in one column', async () => {
  const r = await run(['query', withServices('sum by (job) (rate(http_requests_total[5m]))')]);
  assert.equal(r.code, 0, r.err);
  golden('table-80', r.out);
  assertFits(r.out);
  const lines = r.out.trimEnd().split('\n');
  const header = lines.find((l) => l.includes('VALUE'))!;
  const rows = lines.slice(lines.indexOf(header) + 1);
  assert.equal(rows.length, 3);
  // Values right-aligned on their decimal point, at the same column in every row, Hangul or not.
  const points = rows.map((row) => columnOf(row, '.'));
  assert.equal(new Set(points).size, 1, rows.join('\n'));
  assert.ok(points[0]! < columnOf(header, 'VALUE') + 'VALUE'.length);
  assert.ok(rows.some((row) => row.includes('결제')) && rows.some((row) => row.includes('…')), 'the long name is cut with …');
});

test('a chart with Hangul in the legend: the statistics line up under their headers', async () => {
  const r = await run(['range', withServices('sum by (job) (rate(http_requests_total[5m]))'), '--range', '1h']);
  assert.equal(r.code, 0, r.err);
  golden('chart-legend-80', r.out);
  assertFits(r.out);
  const lines = r.out.trimEnd().split('\n');
  const header = lines.findIndex((l) => /^\s+(\w+\s+)*last$/.test(l));
  assert.ok(header > 0, r.out);
  const lastEnd = columnOf(lines[header]!, 'last') + 'last'.length;
  const legend = lines.slice(header + 1);
  assert.equal(legend.length, 3);
  assert.ok(legend.some((row) => row.includes('…')), 'the long name is cut with … so the values fit');
  for (const row of legend) assert.equal(visibleWidth(row.trimEnd()), lastEnd, `last value not under "last": ${row}`);
});

test('explain with Hangul label values: the tree and its series lines fit 80 columns', async () => {
  const r = await run(['explain', `sum by (service) (${withServices('up')})`, '--time', '2026-01-15T12:00:00Z']);
  assert.equal(r.code, 0, r.err);
  golden('explain-80', r.out);
  assertFits(r.out);
  // The series preview under the root: values right-aligned in one column.
  const previews = r.out.split('\n').filter((l) => /^│ {3}\{.*\s\d+$/.test(l));
  assert.equal(previews.length, 4, r.out);
  assert.ok(previews.some((l) => l.includes('결제')) && previews.some((l) => l.includes('…')));
  assert.equal(new Set(previews.map((l) => visibleWidth(l))).size, 1, previews.join('\n'));
});

test('a parse error: the caret points at the column after Hangul', async () => {
  const r = await run(['query', '{job="결제"} +']);
  assert.equal(r.code, 1);
  golden('caret-hangul', r.err);
  const [query, caret] = r.err.split('\n').slice(1, 3);
  assert.equal(query, '  {job="결제"} +');
  // Byte 17 (end of input) is column 14: `{job="` 6, 결제 4, `"} +` 4.
  assert.equal(caret, '  ' + ' '.repeat(14) + '^');

  const inside = await run(['query', 'sum(rate(x{a="결제"}[5m] by (a)']);
  const [q2, c2] = inside.err.split('\n').slice(1, 3);
  assert.equal(columnOf(c2!, '^'), columnOf(q2!, 'by'), inside.err);
});

test('--tz Asia/Seoul: the chart axis, caption and a timestamp value in Seoul time, named once', async () => {
  const chart = await run(['--tz', 'Asia/Seoul', 'range', 'sum(rate(http_requests_total[5m]))', '--range', '3h']);
  assert.equal(chart.code, 0, chart.err);
  golden('chart-seoul-80', chart.out);
  assert.match(chart.out, /2026-01-15 18:00 → 21:00 Asia\/Seoul, step 1m/);
  assert.match(chart.out, /18:00 .* 21:00/);
  const value = await run(['query', 'process_start_time_seconds{instance="api-1:8080"}', '--tz', 'Asia/Seoul', '--time', '2026-01-15 21:00']);
  assert.equal(value.code, 0, value.err);
  assert.match(value.out, /\(2026-01-15 18:30:07\+09:00\)/);
  // JSON keeps the API's epoch seconds.
  const json = await run(['--tz', 'Asia/Seoul', 'query', 'time()', '--time', '2026-01-15 21:00', '--output', 'json']);
  assert.match(json.out, /1768478400/);
  const bad = await run(['--tz', 'Seoul', 'query', 'up']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown time zone "Seoul"[\s\S]*hint: use an IANA zone name such as Asia\/Seoul/);
});

test('$TZ chooses the zone when --tz is absent', async () => {
  const io = bufferIO({ columns: COLUMNS, env: { TZ: 'Asia/Seoul' } });
  assert.equal(await main(['node', 'promlearn', 'query', 'time()', '--time', '2026-01-15 21:00'], io, sampleDeps(io)), 0, io.output.err);
  assert.match(io.output.out, /^1768478400 {2}\(2026-01-15 21:00:00\+09:00\)/);
});
