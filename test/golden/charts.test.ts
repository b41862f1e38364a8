// Golden files for the range command's charts beyond one plain expression:
// several expressions, legend formats, series that ended early, and --when
// tables, each at 80 and 120 columns. Regenerate with
//   UPDATE_GOLDEN=1 node --test dist/test/golden/charts.test.js
// and review the diff. Colour codes are stored as ␛.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goldenTests } from '../helpers/golden.js';
import { fileURLToPath } from 'node:url';
import { renderRangeNotes, renderRangeResults, type ExprResult } from '../../src/render/chart-results.js';
import type { RenderOptions } from '../../src/render/index.js';
import { renderWhen } from '../../src/render/when.js';
import { makeStyle } from '../../src/util/style.js';
import * as fx from '../render/fixtures.js';

const DIR = fileURLToPath(new URL('../../../test/golden/', import.meta.url));

const ERRORS = 'sum by (route) (rate(http_requests_total{status_code=~"5.."}[5m]))';
const { matrix, points, CHART_RATE: RATE, chartByRoute: byRoute } = fx;

const errors = matrix([
  { metric: { route: '/api/products' }, values: points(0, 121, (k) => (k > 80 && k < 96 ? 9 : 0.4)) },
  { metric: { route: '/cart' }, values: points(0, 121, () => 0.05) },
]);
const total = matrix([{ metric: {}, values: points(0, 121, (k) => 60 + 10 * Math.sin(k / 15)) }]);
const above = matrix([
  { metric: { job: 'checkout', route: '/api/products' }, values: points(81, 96, () => 9).concat(points(110, 121, () => 1.5)) },
  { metric: { job: 'checkout', route: '/cart' }, values: points(0, 12, () => 0.6) },
]);

interface Case {
  name: string;
  results: ExprResult[];
  opts?: Partial<RenderOptions> & { color?: boolean };
  when?: boolean;
}

const CASES: Case[] = [];
for (const columns of [80, 120]) {
  CASES.push(
    { name: `chart-ended-${columns}`, results: [{ expr: RATE, result: byRoute }], opts: { columns } },
    { name: `chart-legend-${columns}`, results: [{ expr: RATE, result: byRoute, legend: '{{route}} {{status_code}}' }], opts: { columns } },
    {
      name: `chart-multi-${columns}`,
      results: [
        { expr: ERRORS, result: errors },
        { expr: 'sum(rate(http_requests_total[5m]))', result: total },
      ],
      opts: { columns },
    },
    { name: `when-${columns}`, results: [{ expr: `${ERRORS} > 0.5`, result: above }], opts: { columns }, when: true },
  );
}
CASES.push(
  {
    name: 'chart-multi-80-color',
    results: [
      { expr: ERRORS, result: errors, legend: '5xx {{route}}' },
      { expr: 'sum(rate(http_requests_total[5m]))', result: total, legend: 'all requests' },
    ],
    opts: { color: true },
  },
  {
    name: 'chart-multi-empty',
    results: [
      { expr: ERRORS, result: errors },
      { expr: 'sum(rate(nope_total[5m]))', result: matrix([]) },
    ],
  },
);

function render(c: Case): string {
  const style = makeStyle(Boolean(c.opts?.color));
  const opts: RenderOptions = { format: 'table', columns: 80, rows: 24, range: fx.RANGE, ...c.opts, style, inlineNotes: false };
  const body = c.when ? renderWhen(c.results, { ...opts, range: fx.RANGE }) : renderRangeResults(c.results, opts);
  return body + renderRangeNotes(c.results, opts);
}

goldenTests(DIR, CASES, render);

test('golden charts: no line is wider than the terminal, and an 80x24 chart fits the screen', () => {
  for (const c of CASES) {
    const width = c.opts?.columns ?? 80;
    const lines = render(c).replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    for (const line of lines) assert.ok([...line].length <= width, `${c.name}: ${line.length} > ${width}: ${line}`);
    if (!c.when) assert.ok(lines.length - 1 <= 23, `${c.name}: ${lines.length - 1} lines`);
  }
});
