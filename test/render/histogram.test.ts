// Native histograms in JSON (the API's shape), CSV (documented columns), the
// sparkline summary and the range-chart converter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCsv, renderJson } from '../../src/render/machine.js';
import { bucketSummary, mergeCounts, sparkline } from '../../src/render/histogram.js';
import { bar } from '../../src/render/histogram-bars.js';
import { hasHistograms, histogramsAsCounts } from '../../src/render/histogram-series.js';
import { bucketInterval, sameHistogram } from '../../src/model/histogram.js';
import * as hx from './histogram-fixtures.js';

const h = {
  count: '10',
  sum: '3.5',
  buckets: [
    [0, '0.1', '0.25', '4'],
    [0, '0.25', '+Inf', '6'],
  ] as [number, string, string, string][],
};

test('JSON: histogram samples and series exactly as the API writes them (empty values left out)', () => {
  assert.equal(
    renderJson({
      resultType: 'vector',
      result: [
        { metric: { a: '1' }, histogram: [1, h] },
        { metric: { a: '2' }, value: [1, '2'] },
      ],
    }),
    '{"resultType":"vector","result":[{"metric":{"a":"1"},"histogram":[1,{"count":"10","sum":"3.5","buckets":[[0,"0.1","0.25","4"],[0,"0.25","+Inf","6"]]}]},{"metric":{"a":"2"},"value":[1,"2"]}]}\n',
  );
  assert.equal(
    renderJson({
      resultType: 'matrix',
      result: [
        { metric: {}, values: [], histograms: [[1, { count: '0', sum: '0' }]] },
        { metric: { b: '1' }, values: [[1, '1']], histograms: [] },
      ],
    }),
    '{"resultType":"matrix","result":[{"metric":{},"histograms":[[1,{"count":"0","sum":"0"}]]},{"metric":{"b":"1"},"values":[[1,"1"]]}]}\n',
  );
});

test('CSV: histograms add count, sum and buckets columns; value empty on their rows; floats alone keep two columns', () => {
  const out = renderCsv({
    resultType: 'vector',
    result: [
      { metric: { __name__: 'x', count: 'c' }, histogram: [1, h] },
      { metric: { __name__: 'y' }, value: [1, '2'] },
    ],
  });
  assert.equal(
    out,
    ['__name__,label_count,timestamp,value,count,sum,buckets', 'x,c,1,,10,3.5,"(0.1,0.25]:4;(0.25,+Inf]:6"', 'y,,1,2,,,', ''].join('\n'),
  );
  const series = renderCsv(hx.histogramMatrix.data);
  assert.equal(series.split('\n').length, 6);
  assert.match(
    series.split('\n')[3]!,
    /^http_request_duration_seconds,api-1:8080,api,POST,\/api\/cart,1768474785,,10,0.4,"\(0.01,0.025\]:5;/,
  );
  assert.equal(renderCsv({ resultType: 'vector', result: [{ metric: {}, value: [1, '2'] }] }), 'timestamp,value\n1,2\n');
});

test('bucket intervals follow the boundary rule', () => {
  assert.deepEqual(hx.exponential.buckets!.map(bucketInterval), ['[-2,-1)', '[-0.001,0.001]', '(0.5,1]', '(1,2]', '(8,16]']);
});

test('sparklines: one block per bucket, merged in groups past the width; the summary says how many and where', () => {
  assert.equal(sparkline([1, 2, 4, 8]), '▂▃▅█');
  assert.equal(sparkline([0, 0]), '▁▁');
  assert.deepEqual(mergeCounts([1, 1, 1, 1, 1], 2), [3, 2]);
  assert.equal(sparkline(Array.from({ length: 40 }, (_, i) => i)).length, 14);
  assert.equal(bucketSummary(h), '▆█ 2 buckets, 0.1 to +Inf');
  assert.equal(bucketSummary({ count: '0', sum: '0' }), 'no observations');
});

test('bars: eighths of a cell, at least a sliver for any count', () => {
  assert.equal(bar(1, 4), '████');
  assert.equal(bar(0.5, 3), '█▌');
  assert.equal(bar(0.001, 10), '▏');
  assert.equal(bar(0, 10), '');
});

test('range charts: histogram points become their counts, histogram-only series lose the name; floats untouched', () => {
  const series = hx.histogramMatrix.data.result as never;
  assert.ok(hasHistograms(series));
  const [s] = histogramsAsCounts(series);
  assert.equal(s!.metric.__name__, undefined);
  assert.deepEqual(
    s!.values.map((p) => p[1]),
    ['9593', '9624', '10', '32'],
  );
  const mixed = histogramsAsCounts([
    {
      metric: { __name__: 'x' },
      values: [[3, '7']],
      histograms: [
        [1, h],
        [5, h],
      ],
    },
  ]);
  assert.deepEqual(mixed[0], {
    metric: { __name__: 'x' },
    values: [
      [1, '10'],
      [3, '7'],
      [5, '10'],
    ],
  });
  const floats = [{ metric: {}, values: [[1, '1']] as [number, string][] }];
  assert.equal(histogramsAsCounts(floats)[0], floats[0]);
});

test('sameHistogram: count, sum and every bucket within the tolerance; bounds exactly', () => {
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  assert.ok(sameHistogram(h, { ...h, sum: '3.5000000000001' }, close));
  assert.ok(!sameHistogram(h, { ...h, count: '11' }, close));
  assert.ok(
    !sameHistogram(
      h,
      {
        ...h,
        buckets: [
          [0, '0.1', '0.25', '4'],
          [0, '0.25', '+Inf', '5'],
        ],
      },
      close,
    ),
  );
  assert.ok(
    !sameHistogram(
      h,
      {
        ...h,
        buckets: [
          [0, '0.1', '0.3', '4'],
          [0, '0.3', '+Inf', '6'],
        ],
      },
      close,
    ),
  );
  assert.ok(!sameHistogram(h, { count: '10', sum: '3.5' }, close));
});
