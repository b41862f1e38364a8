// Charts at the edges: more points than a function call takes arguments, and absurd widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderResult } from '../../src/render/index.js';
import { PLAIN } from '../../src/util/style.js';
import type { RangeSeries } from '../../src/model/result.js';

function series(count: number, steps: number): RangeSeries[] {
  return Array.from({ length: count }, (_, s) => ({
    metric: { __name__: 'm', i: String(s) },
    values: Array.from({ length: steps }, (_, k) => [k * 15, String(s + Math.sin(k))] as [number, string]),
  }));
}

test('a chart of 600 series x 200 columns (120k values, no limit) is drawn', () => {
  const out = renderResult(
    { data: { resultType: 'matrix', result: series(600, 400) } },
    { format: 'table', style: PLAIN, columns: 80, rows: 40, limit: 0, width: 200, range: { start: 0, end: 399 * 15, step: 15 } },
  );
  assert.match(out, /\{i="599"\}/, 'the top series is in the legend');
  assert.match(out, /\{i="0"\}/, 'and the last one: no limit');
  assert.ok(
    out.split('\n').some((l) => l.length >= 150),
    'the plot is about 200 columns wide',
  );
});

test('--width 200000 draws (every step its own column), no stack overflow', () => {
  const out = renderResult(
    { data: { resultType: 'matrix', result: series(3, 250_000) } },
    { format: 'table', style: PLAIN, columns: 80, rows: 24, width: 200_000, range: { start: 0, end: 249_999 * 15, step: 15 } },
  );
  const longest = Math.max(...out.split('\n').map((l) => l.length));
  assert.ok(longest > 100_000 && longest <= 200_000, String(longest));
});
