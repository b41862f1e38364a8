// Hand-written native histograms in the API's shape: NHCB ones like the
// sample's request durations, an exponential one with a zero bucket and
// negative buckets, and one with many buckets.
import type { BucketRow, HistogramJSON } from '../../src/model/histogram.js';
import type { InstantSample, QueryResult } from '../../src/model/result.js';

export const T0 = 1768474800; // 2026-01-15T11:00:00Z

const LES = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'];

/** An NHCB histogram from per-bucket counts (lowest first, the first bucket from -Inf); empty buckets left out as the API does. */
export function nhcb(counts: number[], sum: number): HistogramJSON {
  const rows: BucketRow[] = [];
  counts.forEach((c, i) => {
    if (c > 0) rows.push(i === 0 ? [3, '-Inf', LES[0]!, String(c)] : [0, LES[i - 1]!, LES[i]!, String(c)]); // the first custom bucket is [-Inf, le]
  });
  const count = counts.reduce((a, b) => a + b, 0);
  return { count: String(count), sum: String(sum), ...(rows.length ? { buckets: rows } : {}) };
}

const api = (route: string, method = 'GET'): Record<string, string> => ({
  __name__: 'http_request_duration_seconds',
  instance: 'api-1:8080',
  job: 'api',
  method,
  route,
});

export const productsHistogram = nhcb([0, 1, 181, 4587, 29147, 12689, 1247, 21, 0, 0, 0, 0], 10306.97);

/** Three histograms and one float: a selector like {__name__=~"http_request_duration_seconds.*"} mixes them. */
export const histogramVector: QueryResult = {
  data: {
    resultType: 'vector',
    result: [
      { metric: api('/api/products'), histogram: [T0, productsHistogram] },
      { metric: api('/api/products/:id'), histogram: [T0, nhcb([120, 4000, 40000, 20000, 3000, 200, 7, 0, 0, 0, 0, 0], 1144.4)] },
      { metric: api('/api/cart', 'POST'), histogram: [T0, nhcb([0, 106, 4722, 4426, 398, 3, 0, 0, 0, 0, 0, 0], 261.48)] },
      { metric: api('/api/search'), histogram: [T0, nhcb([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0)] },
    ] as InstantSample[],
  },
};

export const mixedVector: QueryResult = {
  data: {
    resultType: 'vector',
    result: [
      { metric: { ...api('/api/products'), __name__: 'http_request_duration_seconds_count' }, value: [T0, '47873'] },
      { metric: api('/api/products'), histogram: [T0, productsHistogram] },
    ],
  },
};

export const singleHistogram: QueryResult = {
  data: { resultType: 'vector', result: [{ metric: api('/api/products'), histogram: [T0, productsHistogram] }] },
};

/** An exponential histogram (schema 0): negative buckets [lower, upper), the zero bucket [-z, z], positive (lower, upper]; a gap at (2,8]. */
export const exponential: HistogramJSON = {
  count: '31',
  sum: '27.5',
  buckets: [
    [1, '-2', '-1', '2'],
    [3, '-0.001', '0.001', '5'],
    [0, '0.5', '1', '8'],
    [0, '1', '2', '12'],
    [0, '8', '16', '4'],
  ],
};

/** 40 exponential buckets: more than fit, merged in groups. */
export const manyBuckets: HistogramJSON = (() => {
  const rows: BucketRow[] = [];
  let count = 0;
  for (let i = 0; i < 40; i++) {
    const c = Math.round(100 * Math.exp(-(((i - 20) / 6) ** 2)));
    count += c;
    rows.push([0, String(2 ** ((i - 20) / 4)), String(2 ** ((i - 19) / 4)), String(c)]);
  }
  return { count: String(count), sum: '1234.5', buckets: rows };
})();

/** A range vector of histograms (`x[1m]`): four scrapes, the third after a counter reset. */
export const histogramMatrix: QueryResult = {
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: api('/api/cart', 'POST'),
        values: [],
        histograms: [
          [T0 - 45, nhcb([0, 100, 4700, 4400, 390, 3, 0, 0, 0, 0, 0, 0], 258.1)],
          [T0 - 30, nhcb([0, 103, 4711, 4413, 394, 3, 0, 0, 0, 0, 0, 0], 259.9)],
          [T0 - 15, nhcb([0, 0, 5, 4, 1, 0, 0, 0, 0, 0, 0, 0], 0.4)],
          [T0, nhcb([0, 1, 16, 13, 2, 0, 0, 0, 0, 0, 0, 0], 1.1)],
        ],
      },
    ],
  },
};
