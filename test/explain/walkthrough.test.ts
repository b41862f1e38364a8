// The --samples walk-throughs end in exactly the number `query` returns, on
// many (function, series, time) points: the frontend-2 restart (07:12:30),
// the api-2 scrape gap (08:05-08:18), the api deploy restarts, ordinary times.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain } from '../../src/explain/index.js';
import { UsageError } from '../../src/errors.js';
import { at, sampleBackend } from './sample.js';

const FRONTEND2 = '{instance="frontend-2:3000", method="GET", route="/", status_code="200"}';
const API2 = '{instance="api-2:8080", method="GET", route="/api/products", status_code="200"}';
const HEAP_API2 = 'nodejs_heap_size_used_bytes{instance="api-2:8080"}';

interface Point {
  query: string;
  time: string;
  /** The query returns no value for the series (too few samples): the walk-through must say so too. */
  noValue?: boolean;
}

const points: Point[] = [
  // The frontend-2 restart at 07:12:30: the window holds the reset.
  ...['07:12:40', '07:13:00', '07:15:00', '07:17:29'].flatMap((t) => [
    { query: `rate(http_requests_total${FRONTEND2}[5m])`, time: t },
    { query: `increase(http_requests_total${FRONTEND2}[5m])`, time: t },
  ]),
  { query: `irate(http_requests_total${FRONTEND2}[5m])`, time: '07:12:40' },
  { query: `irate(http_requests_total${FRONTEND2}[1m])`, time: '07:13:30' },
  { query: `rate(http_requests_total${FRONTEND2}[1m])`, time: '07:12:45' },
  { query: `increase(process_cpu_seconds_total{instance="frontend-2:3000"}[10m])`, time: '07:20:00' },
  // The api-2 scrape gap 08:05-08:18: windows that end inside the gap, straddle its end, and see the series start again.
  { query: `rate(http_requests_total${API2}[5m])`, time: '08:06:00' },
  { query: `rate(http_requests_total${API2}[5m])`, time: '08:08:00' },
  { query: `rate(http_requests_total${API2}[10m])`, time: '08:12:00' },
  { query: `rate(http_requests_total${API2}[5m])`, time: '08:18:40' },
  { query: `increase(http_requests_total${API2}[5m])`, time: '08:19:30' },
  { query: `rate(http_requests_total${API2}[30m])`, time: '08:30:00' },
  { query: `delta(${HEAP_API2}[5m])`, time: '08:07:00' },
  { query: `delta(${HEAP_API2}[10m])`, time: '08:20:00' },
  { query: `idelta(${HEAP_API2}[5m])`, time: '08:19:00' },
  { query: `deriv(${HEAP_API2}[10m])`, time: '08:14:00' },
  { query: `deriv(${HEAP_API2}[15m])`, time: '08:25:00' },
  { query: `rate(http_requests_total${API2}[5m])`, time: '08:12:00', noValue: true },
  { query: `rate(http_requests_total${API2}[5m])`, time: '08:09:50', noValue: true },
  // The deploy restarts and ordinary times.
  {
    query: 'rate(http_requests_total{instance="api-1:8080", method="GET", route="/api/products", status_code="200"}[5m])',
    time: '09:32:00',
  },
  {
    query: 'irate(http_requests_total{instance="api-3:8080", method="GET", route="/api/search", status_code="200"}[5m])',
    time: '09:32:10',
  },
  { query: 'deriv(nodejs_heap_size_used_bytes{instance="frontend-1:3000"}[1h])', time: '10:05:00' },
  { query: 'delta(shop_cart_active_sessions{instance="frontend-3:3000"}[15m])', time: '11:00:00' },
  { query: 'idelta(nodejs_eventloop_lag_seconds{instance="checkout-1:8080"}[2m])', time: '11:30:00' },
  { query: 'rate(http_requests_total{job="checkout", status_code="500"}[5m] offset 1h)', time: '11:50:00' },
  {
    query: 'rate(http_requests_total{instance="api-1:8080", route="/api/cart", status_code="200"}[2m*2] offset (1m+1m))',
    time: '10:30:00',
  },
  { query: 'rate(sum(http_requests_total{job="api"})[5m:1m])', time: '09:31:30' },
  { query: 'max_over_time(rate(http_requests_total{instance="api-1:8080", route="/api/cart"}[5m])[10m:1m])', time: '11:00:00' },
  // histogram_quantile, per job, before and after the deploy regression.
  { query: 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))', time: '09:00:00' },
  {
    query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api",route="/api/products"}[5m])))',
    time: '09:45:00',
  },
  {
    query: 'histogram_quantile(0.5, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="frontend"}[10m])))',
    time: '07:15:00',
  },
  { query: 'histogram_quantile(0.9, rate(nodejs_gc_duration_seconds_bucket{instance="api-2:8080", kind="minor"}[5m]))', time: '08:20:00' },
  { query: 'histogram_quantile(1, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))', time: '10:50:00' },
];

test('at least 20 walk-throughs with a value, including the restart and the scrape gap', () => {
  assert.ok(points.filter((p) => !p.noValue).length >= 20);
});

for (const p of points) {
  test(`walk-through equals query: ${p.query} at ${p.time}`, async () => {
    const backend = await sampleBackend();
    const time = at(`2026-01-15T${p.time}Z`);
    const x = await explain(backend, p.query, { time, samples: true });
    assert.ok(x.walkthroughs.length > 0, 'no walk-through');
    for (const w of x.walkthroughs) {
      assert.ok(w.agrees, `${w.func}: computed ${w.computed}, query ${w.queryValue}\n${w.lines.join('\n')}`);
    }
    // Independently of explain's tree: the query run on its own returns the walk-through's number for the root call.
    const root = x.walkthroughs.find((w) => w.nodeId === 0);
    if (root) {
      const direct = await backend.instantQuery(p.query, time);
      assert.equal(direct.data.resultType, 'vector');
      const values = direct.data.resultType === 'vector' ? direct.data.result.map((s) => s.value![1]) : [];
      if (p.noValue) {
        assert.equal(root.queryValue, undefined);
        assert.match(root.lines.join('\n'), /needs at least two samples|no series has a sample in the window/);
      } else {
        assert.ok(root.queryValue !== undefined && values.includes(root.queryValue), `query returned ${values.join(', ')}`);
        assert.match(
          root.lines[root.lines.length - 1]!,
          new RegExp(`the query returns ${root.queryValue!.replace(/[.+]/g, '\\$&')}: the same number`),
        );
      }
    }
  });
}

test('the restart shows the reset and its correction', async () => {
  const x = await explain(await sampleBackend(), `rate(http_requests_total${FRONTEND2}[5m])`, {
    time: at('2026-01-15T07:15:00Z'),
    samples: true,
  });
  const text = x.walkthroughs[0]!.lines.join('\n');
  assert.match(text, /reset: \d+ < \d+, add \d+/);
  assert.match(text, /1 counter reset: add the value before each drop/);
});

test('a window that ends in the scrape gap extrapolates half an interval at the end', async () => {
  const x = await explain(await sampleBackend(), `rate(http_requests_total${API2}[5m])`, {
    time: at('2026-01-15T08:08:00Z'),
    samples: true,
  });
  assert.match(x.walkthroughs[0]!.lines.join('\n'), /the series ends inside the window, extrapolate half an interval/);
});

test('--series picks the series; one that matches nothing lists the series that exist', async () => {
  const backend = await sampleBackend();
  const q = 'rate(http_requests_total{job="api", route="/api/cart"}[5m])';
  const x = await explain(backend, q, { time: at('2026-01-15T10:00:00Z'), samples: true, series: '{instance="api-3:8080"}' });
  assert.equal(x.walkthroughs[0]!.series.instance, 'api-3:8080');
  await assert.rejects(
    explain(backend, q, { time: at('2026-01-15T10:00:00Z'), samples: true, series: '{instance="api-9:8080"}' }),
    (e: unknown) => e instanceof UsageError && /matches none of the \d+ series/.test(e.message) && /instance="api-1:8080"/.test(e.message),
  );
});
