// Several expressions in one chart (src/render/chart.ts, chart-results.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderRangeResults, type ExprResult } from '../../src/render/chart-results.js';
import { PLAIN } from '../../src/util/style.js';
import type { QueryResult } from '../../src/model/result.js';

const RANGE = { start: 0, end: 600, step: 60 };

function result(count: number, base: number, label = 'i'): QueryResult {
  return {
    data: {
      resultType: 'matrix',
      result: Array.from({ length: count }, (_, s) => ({
        metric: { [label]: String(s) },
        values: Array.from({ length: 11 }, (_, k) => [k * 60, String(base + s)] as [number, string]),
      })),
    },
  };
}

test('several expressions: series are taken from each in turn, so a small one is not crowded out', () => {
  const cases: Array<{ limit: number; want: string[] }> = [
    { limit: 4, want: ['#1 {i="9"}', '#1 {i="8"}', '#2 {j="1"}', '#2 {j="0"}'] },
    { limit: 3, want: ['#1 {i="9"}', '#1 {i="8"}', '#2 {j="1"}'] },
    { limit: 1, want: ['#1 {i="9"}'] },
    { limit: 0, want: [...Array.from({ length: 10 }, (_, i) => `#1 {i="${9 - i}"}`), '#2 {j="1"}', '#2 {j="0"}'] },
  ];
  const results: ExprResult[] = [
    { expr: 'big', result: result(10, 1000) },
    { expr: 'small', result: result(2, 1, 'j') },
  ];
  for (const c of cases) {
    const out = renderRangeResults(results, { format: 'table', style: PLAIN, columns: 100, rows: 60, limit: c.limit, range: RANGE });
    const names = [...out.matchAll(/^(?:[A-Z] )?(#\d \{\w="\d+"\})/gm)].map((m) => m[1]);
    assert.deepEqual(names, c.want, `--limit ${c.limit}\n${out}`);
  }
});

test('several expressions: warnings and the empty ones are told apart by tag', () => {
  const results: ExprResult[] = [
    { expr: 'a', result: { ...result(1, 1), warnings: ['PromQL warning: something (1:1)'] } },
    { expr: 'nothing', result: { data: { resultType: 'matrix', result: [] } } },
  ];
  const out = renderRangeResults(results, { format: 'table', style: PLAIN, columns: 80, rows: 24, range: RANGE });
  assert.match(out, /^#2 {2}nothing {2}\(no series\)$/m);
  const none = renderRangeResults([results[1]!, { expr: 'nope_total', result: { data: { resultType: 'matrix', result: [] } } }], {
    format: 'table',
    style: PLAIN,
    columns: 80,
    rows: 24,
    range: RANGE,
    knownMetrics: ['nope'],
  });
  assert.match(none, /^#1 /m);
  assert.match(none, /^#2 /m);
});
