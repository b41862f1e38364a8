import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, humanize, unitFromName, type Unit } from '../../src/render/format.js';
import { inferQueryUnit, queryOrdersResult, readQuery } from '../../src/render/query-text.js';
import { niceCeil, timeTicks, yAxis } from '../../src/render/axes.js';
import { fitColumns, resample } from '../../src/render/chart.js';
import { suggestMetrics } from '../../src/render/empty.js';
import { compareMetrics } from '../../src/model/labels.js';
import { compareForDisplay } from '../../src/render/vector.js';

test('formatNumber: integers in full, 6 significant digits, Prometheus specials', () => {
  const cases: Array<[number, string]> = [
    [0, '0'],
    [1, '1'],
    [-3, '-3'],
    [1768474800, '1768474800'],
    [0.016666666666666666, '0.0166667'],
    [12.5, '12.5'],
    [1234.56789, '1234.57'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-05'],
    [1e21, '1e+21'],
    [2736645.3, '2736645'],
    [-1234567.8, '-1234568'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [2.5e-7, '2.5e-07'],
  ];
  for (const [v, want] of cases) assert.equal(formatNumber(v), want, String(v));
});

test('units from metric names', () => {
  const cases: Array<[string | undefined, Unit]> = [
    ['http_request_duration_seconds', 'seconds'],
    ['http_request_duration_seconds_sum', 'seconds'],
    ['process_cpu_seconds_total', 'seconds'],
    ['nodejs_heap_size_used_bytes', 'bytes'],
    ['node_network_receive_bytes_total', 'bytes'],
    ['process_start_time_seconds', 'timestamp'],
    ['node_boot_time_seconds', 'timestamp'],
    ['http_requests_created', 'timestamp'],
    ['cache_hit_ratio', 'ratio'],
    ['http_requests_total', 'none'],
    ['up', 'none'],
    [undefined, 'none'],
  ];
  for (const [name, want] of cases) assert.equal(unitFromName(name), want, name);
});

test('humanize: readable values in the unit', () => {
  const cases: Array<[number, Unit, string]> = [
    [0.0123, 'seconds', '12.3 ms'],
    [0.4567, 'seconds', '457 ms'],
    [2.5, 'seconds', '2.5 s'],
    [90, 'seconds', '1.5 min'],
    [7200, 'seconds', '2 h'],
    [0.000002, 'seconds', '2 µs'],
    [48234496, 'bytes', '46 MiB'],
    [1536, 'bytes', '1.5 KiB'],
    [512, 'bytes', '512 B'],
    [0.123, 'ratio', '12.3%'],
    [1048576, 'bytes/s', '1 MiB/s'],
    [5, 'none', ''],
    [1768474800, 'timestamp', '2026-01-15 11:00:00Z'],
    [NaN, 'seconds', ''],
  ];
  for (const [v, unit, want] of cases) assert.equal(humanize(v, unit), want, `${v} ${unit}`);
});

test('units inferred from the query when series lost their name', () => {
  const cases: Array<[string, Unit]> = [
    ['rate(http_requests_total[5m])', 'per-second'],
    ['sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))', 'per-second'],
    ['histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))', 'seconds'],
    ['rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])', 'seconds'],
    ['rate(node_network_receive_bytes_total[5m])', 'bytes/s'],
    ['increase(node_network_receive_bytes_total[1h])', 'bytes'],
    ['rate(process_cpu_seconds_total[5m])', 'none'],
    ['sum(nodejs_heap_size_used_bytes) / 1024', 'none'],
    ['count(up)', 'none'],
    ['time() - process_start_time_seconds', 'seconds'],
    ['max_over_time(nodejs_heap_size_used_bytes[1h])', 'bytes'],
    ['sum(rate(errors_total[5m])) / sum(rate(http_requests_total[5m]))', 'none'],
    ['sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))', 'ratio'],
    ['node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes', 'ratio'],
    ['rate(http_requests_total[5m]) / 2', 'none'],
    ['100 * sum(rate(http_requests_total{code="500"}[5m])) / sum(rate(http_requests_total[5m]))', 'none'],
    ['histogram_fraction(0, 0.1, rate(http_request_duration_seconds[5m]))', 'ratio'],
    ['rate(http_request_duration_seconds_bucket[5m])', 'per-second'],
  ];
  for (const [q, want] of cases) assert.equal(inferQueryUnit(q), want, q);
});

test('readQuery: metric names, not grouping labels or keywords', () => {
  assert.deepEqual(readQuery('sum without (instance) (rate(a_total{job="x"}[5m] offset 1h)) > on(job) group_left b').metrics, [
    'a_total',
    'b',
  ]);
});

test('queryOrdersResult', () => {
  assert.ok(queryOrdersResult('sort_desc(sum by (job) (up))'));
  assert.ok(queryOrdersResult(' topk(3, x)'));
  assert.ok(!queryOrdersResult('sum(sort(x))'));
  assert.ok(!queryOrdersResult(undefined));
});

test('compareMetrics orders as Prometheus labels.Compare', () => {
  const ms: Record<string, string>[] = [
    { __name__: 'b' },
    { __name__: 'a', z: '1' },
    { __name__: 'a' },
    { __name__: 'a', b: '2' },
    { __name__: 'a', b: '10' },
  ];
  assert.deepEqual(ms.sort(compareMetrics), [
    { __name__: 'a' },
    { __name__: 'a', b: '10' },
    { __name__: 'a', b: '2' },
    { __name__: 'a', z: '1' },
    { __name__: 'b' },
  ]);
});

test('suggestMetrics: the counter form first, then near spellings', () => {
  const known = ['http_requests_total', 'http_request_duration_seconds_bucket', 'up', 'process_cpu_seconds_total'];
  assert.deepEqual(suggestMetrics('http_requests', known), ['http_requests_total']);
  assert.deepEqual(suggestMetrics('procss_cpu_seconds_total', known), ['process_cpu_seconds_total']);
  assert.deepEqual(suggestMetrics('zzz', known), []);
});

test('y axis: round ticks, data inside, evenly spaced labels', () => {
  for (const [min, max, rows] of [
    [0, 52.5, 10],
    [38e6, 57e6, 10],
    [0.01, 0.013, 12],
    [5, 5, 8],
    [-3, 7, 15],
    [0, 0, 5],
  ] as const) {
    const ax = yAxis(min, max, rows, 'none');
    assert.ok(ax.rows <= Math.max(rows, 2), `rows ${ax.rows} > ${rows}`);
    assert.ok(ax.lo <= min + 1e-9, `${min}..${max} in axis`);
    assert.ok(ax.lo + ax.step * (ax.rows - 1) >= max - 1e-9, `${min}..${max} in axis`);
    assert.notEqual(ax.label(0), '');
    assert.notEqual(ax.label(ax.rows - 1), '');
  }
  assert.equal(yAxis(0, 0.0123, 5, 'seconds').label(4).endsWith(' ms'), true);
});

test('niceCeil', () => {
  assert.deepEqual([0.7, 1, 1.1, 2.2, 3, 6, 30].map(niceCeil), [1, 1, 2, 2.5, 5, 10, 50]);
});

test('time ticks: round times, HH:MM, dates across days, seconds for short ranges', () => {
  const t0 = 1768471200; // 10:00Z
  assert.deepEqual(
    timeTicks(t0, t0 + 3600, 70).map((t) => t.label),
    ['10:00', '10:10', '10:20', '10:30', '10:40', '10:50', '11:00'],
  );
  assert.deepEqual(
    timeTicks(t0, t0 + 60, 70)
      .map((t) => t.label)
      .slice(0, 2),
    ['10:00:00', '10:00:10'],
  );
  assert.ok(timeTicks(t0 - 2 * 86400, t0, 70).some((t) => t.label === '01-14'));
});

test('resample: averages per column, gaps stay gaps', () => {
  const pts = Float64Array.from([1, 3, NaN, NaN, 5, 7]);
  assert.deepEqual([...resample(pts, 3)], [2, NaN, 6]);
  assert.deepEqual([...resample(Float64Array.from([1, NaN]), 4)], [1, 1, NaN, NaN]);
  assert.equal(fitColumns(121, 72), 61); // 2 steps per column
  assert.equal(fitColumns(121, 117), 117); // uneven beats a half-width chart
  assert.equal(fitColumns(30, 72), 60);
});

test('compareForDisplay sorts le and quantile as numbers, +Inf last', () => {
  const le = ['1.0', '10.0', '2.5', '+Inf', '0.5', '0.025'].map((v) => ({ __name__: 'x_bucket', le: v }));
  assert.deepEqual(
    le.sort(compareForDisplay).map((m) => m.le),
    ['0.025', '0.5', '1.0', '2.5', '10.0', '+Inf'],
  );
  const q = ['0.99', '0.5', '0.9'].map((v) => ({ quantile: v }));
  assert.deepEqual(
    q.sort(compareForDisplay).map((m) => m.quantile),
    ['0.5', '0.9', '0.99'],
  );
});
