// The chart legend's naming and layout (src/render/chart-legend.ts), table-driven.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  legendTable,
  legendValue,
  renderLegendFormat,
  seriesNamer,
  seriesStats,
  seriesText,
  varyingLabels,
  type LegendRow,
} from '../../src/render/chart-legend.js';
import type { Metric } from '../../src/model/result.js';
import { PLAIN } from '../../src/util/style.js';

const cart500: Metric = { __name__: 'http_requests_total', job: 'api', route: '/cart', status_code: '500' };
const cart200: Metric = { __name__: 'http_requests_total', job: 'api', route: '/cart', status_code: '200' };
const search200: Metric = { __name__: 'http_requests_total', job: 'api', route: '/api/search', status_code: '200' };

test('varyingLabels: the labels whose value is not the same in every series', () => {
  const cases: Array<[string, Metric[], string[]]> = [
    ['one series: nothing varies', [cart500], []],
    ['no series', [], []],
    ['status_code only', [cart500, cart200], ['status_code']],
    ['route and status_code, sorted', [cart500, search200], ['route', 'status_code']],
    ['a label missing from one series varies', [cart500, { ...cart500, instance: 'api-1:8080' }], ['instance']],
    ['the name when it differs, first', [cart500, { ...cart500, __name__: 'x_total', status_code: '200' }], ['__name__', 'status_code']],
    ['identical series: nothing', [cart500, { ...cart500 }], []],
    ['a label that differs in the third series only', [cart200, cart200, cart500], ['status_code']],
  ];
  for (const [what, metrics, want] of cases) assert.deepEqual(varyingLabels(metrics), want, what);
});

test('seriesText: PromQL series text of the chosen labels; labels a series lacks are left out', () => {
  const cases: Array<[Metric, string[], string]> = [
    [cart500, ['route', 'status_code'], '{route="/cart", status_code="500"}'],
    [cart500, ['__name__', 'status_code'], 'http_requests_total{status_code="500"}'],
    [cart500, ['__name__'], 'http_requests_total'],
    [cart500, ['instance'], ''],
    [cart500, [], ''],
    [{ route: 'a"b' }, ['route'], '{route="a\\"b"}'],
  ];
  for (const [metric, names, want] of cases) assert.equal(seriesText(metric, names), want, JSON.stringify(names));
});

test("renderLegendFormat: Grafana's {{label}} syntax", () => {
  const cases: Array<[string, string]> = [
    ['{{route}} {{status_code}}', '/cart 500'],
    ['{{ route }}', '/cart'],
    ['{{route}}:{{status_code}}', '/cart:500'],
    ['route {{route}} is {{status_code}}', 'route /cart is 500'],
    ['{{nope}}', ''],
    ['{{nope}}x{{route}}', 'x/cart'],
    ['{{__name__}}', 'http_requests_total'],
    ['plain text', 'plain text'],
    ['{route}', '{route}'],
    ['{{}}', '{{}}'],
    ['{{route}', '{{route}'],
  ];
  for (const [template, want] of cases) assert.equal(renderLegendFormat(template, cart500), want, template);
  assert.equal(renderLegendFormat('{{v}}', { v: 'two\nlines\u001b[31m' }), 'two\\nlines\\u001b[31m', 'control characters escaped');
});

test('seriesNamer: automatic names, legend formats, expression tags', () => {
  const cases: Array<{
    what: string;
    all: Metric[];
    queries: Array<{ expr?: string; legend?: string }>;
    name: Metric;
    query?: number;
    want: string;
  }> = [
    { what: 'labels that differ', all: [cart500, search200], queries: [{}], name: cart500, want: '{route="/cart", status_code="500"}' },
    {
      what: 'one series: its whole name',
      all: [cart500],
      queries: [{}],
      name: cart500,
      want: 'http_requests_total{job="api", route="/cart", status_code="500"}',
    },
    { what: 'one series without labels: the expression', all: [{}], queries: [{ expr: 'sum(up)' }], name: {}, want: 'sum(up)' },
    {
      what: 'a legend format',
      all: [cart500, search200],
      queries: [{ legend: '{{route}} {{status_code}}' }],
      name: search200,
      want: '/api/search 200',
    },
    {
      what: 'a format that renders blank falls back',
      all: [cart500, search200],
      queries: [{ legend: '{{nope}} ' }],
      name: cart500,
      want: '{route="/cart", status_code="500"}',
    },
    {
      what: 'several expressions: tag and labels',
      all: [cart500, search200],
      queries: [{ expr: 'a' }, { expr: 'b' }],
      name: search200,
      query: 1,
      want: '#2 {route="/api/search", status_code="200"}',
    },
    {
      what: 'several expressions, nothing differs: the tag',
      all: [{}, {}],
      queries: [{ expr: 'a' }, { expr: 'b' }],
      name: {},
      query: 0,
      want: '#1',
    },
    {
      what: 'several expressions, one with a format: no tag',
      all: [cart500, search200],
      queries: [{ legend: '{{route}}' }, {}],
      name: cart500,
      query: 0,
      want: '/cart',
    },
    {
      what: 'several expressions, one series: the tag and its labels',
      all: [cart500],
      queries: [{}, {}],
      name: cart500,
      query: 0,
      want: '#1 http_requests_total{job="api", route="/cart", status_code="500"}',
    },
  ];
  for (const c of cases) {
    const name = seriesNamer({ all: c.all, queries: c.queries });
    assert.equal(name({ metric: c.name, query: c.query ?? 0 }), c.want, c.what);
  }
});

test('seriesStats: min/max/mean/last of the finite points', () => {
  const cases: Array<[number[], [number, number, number, number]]> = [
    [
      [1, 2, 3],
      [1, 3, 2, 3],
    ],
    [
      [NaN, 4, NaN, 2, NaN],
      [2, 4, 3, 2],
    ],
    [[5], [5, 5, 5, 5]],
  ];
  for (const [points, [min, max, mean, last]] of cases) {
    assert.deepEqual(seriesStats(Float64Array.from(points)), { min, max, mean, last }, JSON.stringify(points));
  }
  const none = seriesStats(Float64Array.from([NaN, NaN]));
  assert.ok([none.min, none.max, none.mean, none.last].every(Number.isNaN));
});

test('legendValue: three significant digits in the unit, nothing for NaN', () => {
  const cases: Array<[number, Parameters<typeof legendValue>[1], string]> = [
    [45.93, 'per-second', '45.9/s'],
    [0.0175, 'per-second', '0.0175/s'],
    [50_724_864, 'bytes', '48.4 MiB'],
    [0.0655, 'ratio', '6.55%'],
    [6.7166, 'none', '6.717'],
    [NaN, 'none', ''],
  ];
  for (const [v, unit, want] of cases) assert.equal(legendValue(v, unit), want, `${v} ${unit}`);
});

function row(name: string, last: number, note = ''): LegendRow {
  return { marker: 'A', name, unit: 'per-second', stats: { min: last / 2, max: last * 2, mean: last, last }, note };
}

test('legendTable: as many value columns as fit, values right-aligned, names never cut while a column can go', () => {
  const rows = [
    row('{route="/api/products/:id", status_code="200"}', 23.9),
    row('{route="/cart", status_code="500"}', 0.0737, 'ended 07:12'),
  ];
  const cases: Array<[number, string[]]> = [
    [120, ['min', 'max', 'mean', 'last']],
    [100, ['min', 'max', 'mean', 'last']],
    [90, ['max', 'mean', 'last']],
    [80, ['max', 'last']],
    [72, ['last']],
    [70, ['last']],
    [60, ['last']],
    [40, ['last']],
  ];
  for (const [columns, want] of cases) {
    const lines = legendTable(rows, columns, PLAIN);
    assert.deepEqual(lines[0]!.trim().split(/\s+/), want, `${columns} columns`);
    for (const l of lines) assert.ok(l.length <= columns, `${columns}: ${l}`);
    // Every value column ends in the same place on every line.
    const ends = (l: string) =>
      [
        ...l
          .replace(/ended.*$/, '')
          .trimEnd()
          .matchAll(/\S+(?= |$)/g),
      ].map((m) => m.index! + m[0].length);
    const headerEnds = ends(lines[0]!);
    for (const l of lines.slice(1)) assert.deepEqual(ends(l).slice(-want.length), headerEnds, `${columns}: ${l}`);
    const cut = lines.some((l) => l.includes('…'));
    assert.equal(cut, columns < 71, `${columns}: names cut only when even 'last' alone does not fit`);
    assert.match(lines[2]!, /ended 07:12$/);
  }
});

test('legendTable: a row without a name (the series is named above the chart) starts at column 0', () => {
  const lines = legendTable([{ marker: '', name: '', unit: 'none', stats: { min: 1, max: 2, mean: 1.5, last: 2 }, note: '' }], 80, PLAIN);
  assert.deepEqual(lines, ['min  max  mean  last', '  1    2   1.5     2']);
});
