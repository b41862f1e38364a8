// The remote backend against servers whose answers have the wrong shape: each one is a
// QueryError naming the server, the endpoint and what was where, never an internal error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { QueryError } from '../../src/errors.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import type { Backend } from '../../src/backends/backend.js';
import { behaviours, fakeServer } from '../helpers/fake-server.js';
import { main } from '../../src/cli/main.js';

const ok = (data: unknown) => ({ status: 'success', data });

/** [what the server sends as data, the call, what the error must say] */
const CASES: [string, unknown, (b: Backend) => Promise<unknown>, RegExp][] = [
  [
    'an item without metric',
    ok({ resultType: 'vector', result: [{ value: [1, '1'] }] }),
    (b) => b.instantQuery('up', 1),
    /\/api\/v1\/query with a series without "metric" at data\.result\[0\]/,
  ],
  [
    'result a string',
    ok({ resultType: 'vector', result: 'oops' }),
    (b) => b.instantQuery('up', 1),
    /the string "oops" where a vector \(an array\) belongs at data\.result/,
  ],
  [
    'value: null',
    ok({ resultType: 'vector', result: [{ metric: {}, value: null }] }),
    (b) => b.instantQuery('up', 1),
    /null where a sample \[unix seconds, "value"\] belongs at data\.result\[0\]\.value/,
  ],
  [
    'a value with a number',
    ok({ resultType: 'vector', result: [{ metric: {}, value: [1, 2] }] }),
    (b) => b.instantQuery('up', 1),
    /at data\.result\[0\]\.value/,
  ],
  [
    'a label value that is not a string',
    ok({ resultType: 'vector', result: [{ metric: { job: 3 }, value: [1, '2'] }] }),
    (b) => b.instantQuery('up', 1),
    /the number 3 where a label value .* at data\.result\[0\]\.metric\.job/,
  ],
  [
    'a matrix without values',
    ok({ resultType: 'matrix', result: [{ metric: {} }] }),
    (b) => b.rangeQuery('up', 1, 2, 1),
    /\/api\/v1\/query_range with nothing where a list of samples belongs at data\.result\[0\]\.values/,
  ],
  [
    'a matrix with a bad sample',
    ok({ resultType: 'matrix', result: [{ metric: {}, values: [[1, '1'], 'x'] }] }),
    (b) => b.rangeQuery('up', 1, 2, 1),
    /at data\.result\[0\]\.values\[1\]/,
  ],
  [
    'an unknown result type',
    ok({ resultType: 'table', result: [] }),
    (b) => b.instantQuery('up', 1),
    /the string "table", not vector, matrix, scalar or string at data\.resultType/,
  ],
  ['data null', ok(null), (b) => b.instantQuery('up', 1), /null where the result \(an object\) belongs at data/],
  ['a scalar that is not a pair', ok({ resultType: 'scalar', result: 5 }), (b) => b.instantQuery('1', 1), /the number 5 where a sample/],
  [
    'a histogram without count',
    ok({ resultType: 'vector', result: [{ metric: {}, histogram: [1, {}] }] }),
    (b) => b.instantQuery('h', 1),
    /nothing where the histogram's count \(a number as a string\) belongs at data\.result\[0\]\.histogram\[1\]\.count/,
  ],
  [
    'a histogram sample that is not a pair',
    ok({ resultType: 'vector', result: [{ metric: {}, histogram: { count: '1', sum: '1' } }] }),
    (b) => b.instantQuery('h', 1),
    /an object where a histogram sample \[unix seconds, \{count, sum, buckets\}\] belongs at data\.result\[0\]\.histogram,/,
  ],
  [
    'a histogram with a number for its sum',
    ok({ resultType: 'vector', result: [{ metric: {}, histogram: [1, { count: '1', sum: 2 }] }] }),
    (b) => b.instantQuery('h', 1),
    /the number 2 where the histogram's sum .* at data\.result\[0\]\.histogram\[1\]\.sum/,
  ],
  [
    'a bucket with an unknown boundary rule',
    ok({
      resultType: 'vector',
      result: [
        {
          metric: {},
          histogram: [
            1,
            {
              count: '1',
              sum: '1',
              buckets: [
                [0, '0', '1', '1'],
                [7, '1', '2', '0'],
              ],
            },
          ],
        },
      ],
    }),
    (b) => b.instantQuery('h', 1),
    /an array of 4 where a bucket \[boundary rule 0-3, "lower", "upper", "count"\] belongs at data\.result\[0\]\.histogram\[1\]\.buckets\[1\]/,
  ],
  [
    'buckets that are not a list',
    ok({ resultType: 'vector', result: [{ metric: {}, histogram: [1, { count: '1', sum: '1', buckets: 'many' }] }] }),
    (b) => b.instantQuery('h', 1),
    /the string "many" where a list of buckets belongs at data\.result\[0\]\.histogram\[1\]\.buckets/,
  ],
  [
    'a sample with both value and histogram',
    ok({ resultType: 'vector', result: [{ metric: {}, value: [1, '1'], histogram: [1, { count: '1', sum: '1' }] }] }),
    (b) => b.instantQuery('h', 1),
    /a sample with both "value" and "histogram" at data\.result\[0\]/,
  ],
  [
    'a matrix with a bad histogram sample',
    ok({
      resultType: 'matrix',
      result: [
        {
          metric: {},
          histograms: [
            [1, { count: '1', sum: '0' }],
            [2, { count: 'x', sum: '0' }],
          ],
        },
      ],
    }),
    (b) => b.rangeQuery('h', 1, 2, 1),
    /the string "x" where the histogram's count .* at data\.result\[0\]\.histograms\[1\]\[1\]\.count/,
  ],
  [
    'a matrix with histograms that are not a list',
    ok({ resultType: 'matrix', result: [{ metric: {}, histograms: null }] }),
    (b) => b.rangeQuery('h', 1, 2, 1),
    /null where a list of histogram samples belongs at data\.result\[0\]\.histograms/,
  ],
  [
    'null in a series list',
    ok([{ job: 'a' }, null]),
    (b) => b.series({ match: ['up'] }),
    /\/api\/v1\/series with null where a label set \(an object\) belongs at data\[1\]/,
  ],
  [
    'a number in label names',
    ok(['job', 7]),
    (b) => b.labelNames(),
    /\/api\/v1\/labels with the number 7 where a string belongs at data\[1\]/,
  ],
  [
    'label values an object',
    ok({ a: 1 }),
    (b) => b.labelValues('job'),
    /\/api\/v1\/label\/job\/values with an object where a list of strings belongs/,
  ],
  ['metadata a list', ok([1, 2]), (b) => b.metadata(), /\/api\/v1\/metadata with an array of 2 where metadata/],
];

test('malformed API results: which server sent what, where', async () => {
  for (const [name, body, call, expected] of CASES) {
    const srv = await fakeServer(behaviours.ok(body));
    const b = await createRemoteBackend({ server: srv.url }, hostFromIO(bufferIO()));
    try {
      await assert.rejects(call(b), (e: unknown) => {
        assert.ok(e instanceof QueryError, `${name}: ${String(e)}`);
        assert.equal(e.errorType, 'bad_response', name);
        assert.match(e.message, new RegExp(`^the server at ${srv.url} answered`), name);
        assert.match(e.message, expected, name);
        assert.match(e.hint ?? '', /Prometheus-compatible/, name);
        return true;
      });
    } finally {
      await b.close?.();
      await srv.close();
    }
  }
});

test('well-formed oddities are accepted: null lists are empty, non-string warnings are dropped, bad stats ignored', async () => {
  const srv = await fakeServer((req, res) => {
    const data = req.url?.startsWith('/api/v1/query')
      ? { status: 'success', data: { resultType: 'vector', result: [], stats: 'fast' }, warnings: ['w', 3, null] }
      : { status: 'success', data: null };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(data));
  });
  const b = await createRemoteBackend({ server: srv.url }, hostFromIO(bufferIO()));
  try {
    const r = await b.instantQuery('up', 1, { stats: true });
    assert.deepEqual(r.warnings, ['w']);
    assert.equal(r.stats, undefined);
    assert.deepEqual(await b.labelNames(), []);
    assert.deepEqual(await b.series({ match: ['up'] }), []);
    assert.deepEqual(await b.metadata(), {});
  } finally {
    await b.close?.();
    await srv.close();
  }
});

test('native histograms are carried exactly as the API sends them; a series of only histograms gets empty values', async () => {
  const h = {
    count: '10',
    sum: '3.5',
    buckets: [
      [0, '0.1', '0.25', '4'],
      [0, '0.25', '+Inf', '6'],
    ],
  };
  const srv = await fakeServer((req, res) => {
    const data = req.url?.startsWith('/api/v1/query_range')
      ? {
          resultType: 'matrix',
          result: [
            {
              metric: { job: 'a' },
              histograms: [
                [1, h],
                [2, { count: '0', sum: '0' }],
              ],
            },
          ],
        }
      : {
          resultType: 'vector',
          result: [
            { metric: { job: 'a' }, histogram: [1, h] },
            { metric: { job: 'b' }, value: [1, '2'] },
          ],
        };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', data }));
  });
  const b = await createRemoteBackend({ server: srv.url }, hostFromIO(bufferIO()));
  try {
    const v = await b.instantQuery('h', 1);
    assert.deepEqual(v.data.result, [
      { metric: { job: 'a' }, histogram: [1, h] },
      { metric: { job: 'b' }, value: [1, '2'] },
    ]);
    const m = await b.rangeQuery('h', 1, 2, 1);
    assert.deepEqual(m.data.result, [
      {
        metric: { job: 'a' },
        values: [],
        histograms: [
          [1, h],
          [2, { count: '0', sum: '0' }],
        ],
      },
    ]);
  } finally {
    await b.close?.();
    await srv.close();
  }
});

test('a malformed answer is explained in Korean under --lang ko: the server, endpoint and JSON path as they are', async () => {
  const srv = await fakeServer(behaviours.ok(ok({ resultType: 'vector', result: [{ metric: {}, value: [1, 2] }] })));
  try {
    const io = bufferIO({ env: { PROMLEARN_LANG: 'en' } });
    const code = await main(['node', 'promlearn', 'query', 'up', '--server', srv.url, '--lang', 'ko'], io);
    assert.equal(code, 1);
    const err = io.output.err;
    assert.match(err, new RegExp(`^오류: ${srv.url} 서버가 /api/v1/query에 Prometheus API 형식이 아닌 답을 보냈어요\\. `), err);
    assert.match(err, /data\.result\[0\]\.value: 샘플 \[유닉스 초, "값"\] 대신 원소 2개짜리 배열/, err);
    assert.match(err, /\n힌트: --server가 Prometheus 호환 API인가요\?/, err);
    assert.doesNotMatch(err, /answered|belongs|an array/, err);
  } finally {
    await srv.close();
  }
});
