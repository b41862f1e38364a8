// Hand-written, deterministic query results shaped like the sample dataset's.
import type { QueryResult, RangeSeries, InstantSample } from '../../src/model/result.js';
import { formatSampleValue } from '../../src/model/result.js';

export const T0 = 1768474800; // 2026-01-15T11:00:00Z

const ROUTES = [
  ['GET', '/api/products', '200'],
  ['GET', '/api/products', '500'],
  ['GET', '/api/products/:id', '200'],
  ['GET', '/api/products/:id', '404'],
  ['POST', '/api/cart', '201'],
  ['POST', '/api/checkout', '200'],
  ['POST', '/api/checkout', '502'],
  ['GET', '/health', '200'],
  ['GET', '/metrics', '200'],
  ['GET', '/', '200'],
] as const;

function metric(i: number, name = true): Record<string, string> {
  const [method, route, code] = ROUTES[i]!;
  const m: Record<string, string> = { code, instance: 'shop-api:3000', job: 'shop-api', method, route };
  return name ? { __name__: 'http_requests_total', ...m } : m;
}

/** A smooth, deterministic per-second rate for route i at minute offset x, with an incident at 10:40. */
function rateAt(i: number, x: number): number {
  const base = [42, 0.4, 18, 2.5, 6, 3.2, 0.1, 0.2, 0.067, 9][i]!;
  const wave = 1 + 0.25 * Math.sin((x + i * 7) / 9);
  const incident = x >= 40 && x < 48 && (i === 1 || i === 6) ? 25 : 1;
  return Math.round(base * wave * incident * 1000) / 1000;
}

export const vectorResult: QueryResult = {
  data: {
    resultType: 'vector',
    result: ROUTES.map((_, i): InstantSample => ({ metric: metric(i), value: [T0, String(Math.round(rateAt(i, 0) * 86400))] })),
  },
};

export const rateVector: QueryResult = {
  data: {
    resultType: 'vector',
    result: ROUTES.map((_, i): InstantSample => ({ metric: metric(i, false), value: [T0, formatSampleValue(rateAt(i, 60))] })),
  },
  warnings: ['PromQL warning: this is a fixture warning (1:1)'],
  stats: { timings: { evalTotalTime: 0.00123 }, samples: { totalQueryableSamples: 2400, peakSamples: 200 } },
};

export const latencyVector: QueryResult = {
  data: {
    resultType: 'vector',
    result: [
      { metric: { route: '/api/products' }, value: [T0, '0.0123'] },
      { metric: { route: '/api/checkout' }, value: [T0, '0.4567'] },
      { metric: { route: '/api/cart' }, value: [T0, '2.5'] },
    ],
  },
};

export const bytesVector: QueryResult = {
  data: {
    resultType: 'vector',
    result: [
      { metric: { __name__: 'nodejs_heap_size_used_bytes', instance: 'shop-api:3000', job: 'shop-api' }, value: [T0, '48234496'] },
      { metric: { __name__: 'nodejs_heap_size_used_bytes', instance: 'shop-worker:3001', job: 'shop-worker' }, value: [T0, '123731968'] },
    ],
  },
};

export const singleVector: QueryResult = {
  data: { resultType: 'vector', result: [{ metric: { __name__: 'up', instance: 'shop-api:3000', job: 'shop-api' }, value: [T0, '1'] }] },
};

export const wideVector: QueryResult = {
  data: {
    resultType: 'vector',
    result: [0, 1, 2].map((i) => ({
      metric: {
        __name__: 'node_filesystem_avail_bytes',
        device: `/dev/mapper/very-long-volume-group-name-${i}-root-logical-volume`,
        fstype: 'ext4',
        instance: 'node-exporter:9100',
        job: 'node',
        mountpoint: `/var/lib/some/deeply/nested/mount/point/number/${i}`,
      },
      value: [T0, String(10737418240 * (i + 1))] as [number, string],
    })),
  },
};

export const scalarResult: QueryResult = { data: { resultType: 'scalar', result: [T0, '42.5'] } };
export const stringResult: QueryResult = { data: { resultType: 'string', result: [T0, 'hello, PromQL'] } };
export const emptyVector: QueryResult = { data: { resultType: 'vector', result: [] } };

/** `http_requests_total[1m]` at T0: raw counter samples every 15s, with a reset. */
export const rawMatrix: QueryResult = {
  data: {
    resultType: 'matrix',
    result: [0, 1].map((i): RangeSeries => ({
      metric: metric(i),
      values: [0, 1, 2, 3].map((k) => {
        const v = i === 1 && k >= 2 ? 3 + k : 1000 * (i + 1) + 37 * k;
        return [T0 - 45 + 15 * k, String(v)] as [number, string];
      }),
    })),
  },
};

export const RANGE = { start: T0 - 3600, end: T0, step: 30 };

/** `rate(http_requests_total[5m])` over the last hour at 30s steps, with a gap in one series. */
export const rateMatrix: QueryResult = {
  data: {
    resultType: 'matrix',
    result: ROUTES.map((_, i): RangeSeries => {
      const values: [number, string][] = [];
      for (let k = 0; k <= 120; k++) {
        if (i === 0 && k >= 70 && k < 78) continue; // a scrape gap
        values.push([RANGE.start + k * 30, formatSampleValue(rateAt(i, k / 2))]);
      }
      return { metric: metric(i, false), values };
    }),
  },
};

/** One series over two days, to check date ticks. */
export const longMatrix: QueryResult = {
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { __name__: 'nodejs_heap_size_used_bytes', instance: 'shop-api:3000', job: 'shop-api' },
        values: Array.from(
          { length: 97 },
          (_, k) => [T0 - 2 * 86400 + k * 1800, String(40e6 + 20e6 * Math.abs(Math.sin(k / 8)))] as [number, string],
        ),
      },
    ],
  },
};

export function matrix(result: RangeSeries[]): QueryResult {
  return { data: { resultType: 'matrix', result } };
}

/** Points every 30s over RANGE for steps [from, to), value f(k) rounded to 3 decimals. */
export function points(from: number, to: number, f: (k: number) => number): [number, string][] {
  const out: [number, string][] = [];
  for (let k = from; k < to; k++) out.push([RANGE.start + k * 30, formatSampleValue(Math.round(f(k) * 1000) / 1000)]);
  return out;
}

/** Request rates by route and status over RANGE, with a deploy that replaced /api/checkout at step 71 (10:35). */
export const CHART_RATE = 'sum by (route, status_code) (rate(http_requests_total[5m]))';
export const chartByRoute = matrix([
  { metric: { route: '/api/products', status_code: '200' }, values: points(0, 121, (k) => 40 + 10 * Math.sin(k / 15)) },
  { metric: { route: '/api/products', status_code: '500' }, values: points(0, 121, (k) => (k > 80 && k < 96 ? 9 : 0.4)) },
  { metric: { route: '/cart', status_code: '200' }, values: points(0, 121, (k) => 12 + 3 * Math.cos(k / 10)) },
  // Replaced by a deploy: it ends at step 70, which the legend notes.
  { metric: { route: '/api/checkout', status_code: '200' }, values: points(0, 71, (k) => 6 + Math.sin(k / 5)) },
  { metric: { route: '/api/checkout-v2', status_code: '200' }, values: points(71, 121, (k) => 6.5 + Math.sin(k / 5)) },
]);
