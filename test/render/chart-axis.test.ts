// The chart's time axis: the end of the range is always labelled, at the last
// column, and no two labels touch, at any width and range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderResult } from '../../src/render/index.js';
import { PLAIN } from '../../src/util/style.js';
import type { QueryResult } from '../../src/model/result.js';

const T0 = 1768474800; // 2026-01-15T11:00:00Z

function chart(start: number, end: number, step: number, columns: number): string[] {
  const values: [number, string][] = [];
  for (let t = start; t <= end; t += step) values.push([t, String(Math.sin(t / 600))]);
  const result: QueryResult = { data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values }] } };
  return renderResult(result, { format: 'table', style: PLAIN, columns, rows: 24, range: { start, end, step } }).split('\n');
}

test('the x axis: the end time labelled under the last column, labels apart, nothing past the width', () => {
  const cases: Array<{ what: string; start: number; end: number; step: number; endLabel: RegExp }> = [
    { what: '1h ending on the hour', start: T0 - 3600, end: T0, step: 30, endLabel: /11:00$/ },
    { what: '1h ending off the round ticks', start: T0 - 3600 - 420, end: T0 - 420, step: 30, endLabel: /10:53$/ },
    { what: '6h', start: T0 - 6 * 3600, end: T0, step: 120, endLabel: /11:00$/ },
    { what: '6h ending at 10:47', start: T0 - 6 * 3600 - 780, end: T0 - 780, step: 60, endLabel: /10:47$/ },
    { what: '90s: seconds (minutes when the ticks are a minute apart)', start: T0 - 90, end: T0, step: 1, endLabel: /11:00(:00)?$/ },
    { what: '5m ending at 10:59:30', start: T0 - 330, end: T0 - 30, step: 2, endLabel: /10:59:30$/ },
    { what: 'two days', start: T0 - 2 * 86400, end: T0, step: 1800, endLabel: /11:00$/ },
    { what: 'two days ending at midnight', start: T0 - 11 * 3600 - 2 * 86400, end: T0 - 11 * 3600, step: 1800, endLabel: /01-15$/ },
    { what: 'an end off the minute', start: T0 - 3600 + 17, end: T0 + 17, step: 30, endLabel: /11:00:17$/ },
  ];
  for (const columns of [40, 60, 80, 120, 200]) {
    for (const c of cases) {
      const lines = chart(c.start, c.end, c.step, columns);
      const at = lines.findIndex((l) => /^\s*└/.test(l));
      assert.ok(at > 0, `${c.what} @${columns}: an axis`);
      const axis = lines[at]!;
      const labels = lines[at + 1]!;
      const where = `${c.what} @${columns}:\n${axis}\n${labels}`;
      assert.ok(axis.endsWith('┬'), `${where}\nthe last column has a tick`);
      assert.match(labels, c.endLabel, `${where}\nthe end time last`);
      assert.ok(labels.length <= columns && axis.length <= columns, where);
      // The end label ends at most one column past its tick (right-aligned under the last column).
      assert.ok(labels.length - axis.length <= 1, where);
      for (const gap of labels.trim().matchAll(/\S\s+(?=\S)/g)) assert.ok(gap[0].length - 1 >= 2, `${where}\nlabels closer than 2 spaces`);
    }
  }
});
