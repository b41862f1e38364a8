import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, renderCsv, renderJson } from '../../src/render/machine.js';
import { renderResult } from '../../src/render/index.js';
import { PLAIN } from '../../src/util/style.js';

test('JSON: the API data object, keys in API order, values untouched', () => {
  const data = { result: [{ value: [1.5, 'NaN'], metric: { b: '2', a: '1' } }], resultType: 'vector' } as never;
  assert.equal(renderJson(data), '{"resultType":"vector","result":[{"metric":{"b":"2","a":"1"},"value":[1.5,"NaN"]}]}\n');
  assert.equal(renderJson({ resultType: 'scalar', result: [1, '+Inf'] }), '{"resultType":"scalar","result":[1,"+Inf"]}\n');
  assert.equal(renderJson({ resultType: 'matrix', result: [] }), '{"resultType":"matrix","result":[]}\n');
});

test('CSV: RFC 4180 quoting', () => {
  assert.deepEqual(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ''].map(csvField), [
    'plain',
    '"a,b"',
    '"say ""hi"""',
    '"two\nlines"',
    '"cr\r"',
    '',
  ]);
});

test('CSV: labels as columns, missing labels empty, raw values, every sample', () => {
  const out = renderCsv({
    resultType: 'matrix',
    result: [
      {
        metric: { __name__: 'x', path: '/a,b' },
        values: [
          [10, '1'],
          [25.5, '1e-07'],
        ],
      },
      { metric: { __name__: 'x', code: '500', value: 'v' }, values: [[10, 'NaN']] },
    ],
  });
  assert.equal(out, '__name__,code,path,label_value,timestamp,value\nx,,"/a,b",,10,1\nx,,"/a,b",,25.5,1e-07\nx,500,,v,10,NaN\n');
  assert.equal(renderCsv({ resultType: 'scalar', result: [10, '3'] }), 'timestamp,value\n10,3\n');
  assert.equal(renderCsv({ resultType: 'vector', result: [] }), 'timestamp,value\n');
});

test('renderResult dispatches on format', () => {
  const result = { data: { resultType: 'string' as const, result: [1, 'hi'] as [number, string] } };
  const base = { style: PLAIN, columns: 80, rows: 24 };
  assert.equal(renderResult(result, { ...base, format: 'table' }), 'hi\n');
  assert.equal(renderResult(result, { ...base, format: 'csv' }), 'timestamp,value\n1,hi\n');
  assert.equal(renderResult(result, { ...base, format: 'json' }), '{"resultType":"string","result":[1,"hi"]}\n');
});

test('raw samples: millisecond timestamps all with three decimals, so they line up', () => {
  const out = renderResult(
    {
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { __name__: 'up' },
            values: [
              [1768478376.436, '1'],
              [1768478391.44, '1'],
              [1768478406, '1'],
            ],
          },
        ],
      },
    },
    { format: 'table', style: PLAIN, columns: 80, rows: 24, limit: 0 },
  );
  assert.match(out, /1768478376\.436 +11:59:36\.436/);
  assert.match(out, /1768478391\.440 +11:59:51\.440/);
  assert.match(out, /1768478406\.000 +12:00:06/);
});

test('one series: a long label set wraps instead of losing its last labels', () => {
  const metric = { instance: 'api-1:8080', job: 'api', method: 'GET', route: '/api/products', status_code: '200' };
  const out = renderResult(
    { data: { resultType: 'vector', result: [{ metric, value: [1768478395, '6.038'] }] } },
    { format: 'table', style: PLAIN, columns: 60, rows: 24, query: 'rate(http_requests_total[2m])' },
  );
  assert.ok(out.includes('status_code="200"}'), out);
  assert.ok(out.includes('6.038/s'), out);
  for (const line of out.trimEnd().split('\n')) assert.ok(line.length <= 60, line);
});
