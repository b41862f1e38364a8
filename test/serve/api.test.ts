// `promlearn serve` over the sample dataset: each endpoint's answer, and bad
// requests answered with Prometheus's error JSON and status codes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { SAMPLE_END } from '../../src/dataset/index.js';
import { startServer } from '../../src/serve/server.js';
import { setLang } from '../../src/util/messages/index.js';
import { serveBackend, getJson, type Served } from './serve-helper.js';

let s: Served;
before(async () => {
  s = await serveBackend(await openLocalDataset({ inProcess: true }, QUIET_HOST), {
    rules: { groups: async () => [{ name: 'g', rules: [] }], alerts: async () => [{ labels: { alertname: 'X' } }] },
  });
});
after(() => s.close());

const q = (path: string) => getJson(`${s.url}/api/v1/${path}`);

test('instant query: GET and POST, default time is the end of the dataset', async () => {
  const get = await q('query?query=sum(up)');
  assert.equal(get.code, 200);
  assert.deepEqual(get.body, { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [SAMPLE_END, '11'] }] } });
  const post = await getJson(`${s.url}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: 'sum(up)', time: String(SAMPLE_END - 60) }).toString(),
  });
  assert.deepEqual((post.body.data as { result: unknown[] }).result, [{ metric: {}, value: [SAMPLE_END - 60, '11'] }]);
  const rfc = await q(`query?query=1&time=${encodeURIComponent('2026-01-15T11:00:00.5Z')}`);
  assert.deepEqual((rfc.body.data as { result: unknown }).result, [SAMPLE_END - 3599.5, '1']);
});

test('range query with limit: truncated with Prometheus warning', async () => {
  const r = await q(`query_range?query=up&start=${SAMPLE_END - 600}&end=${SAMPLE_END}&step=60&limit=2`);
  assert.equal(r.code, 200);
  const data = r.body.data as { resultType: string; result: { values: unknown[] }[] };
  assert.equal(data.resultType, 'matrix');
  assert.equal(data.result.length, 2);
  assert.equal(data.result[0].values.length, 11);
  assert.deepEqual(r.body.warnings, ['results truncated due to limit']);
});

test('bad requests: the error JSON, errorType and status code Prometheus gives', async () => {
  const cases: [string, number, string, RegExp][] = [
    ['query?query=sum(up', 400, 'bad_data', /^invalid parameter "query": 1:7: parse error: unclosed left parenthesis$/],
    [
      'query?query=up&time=yesterday',
      400,
      'bad_data',
      /^invalid parameter "time": invalid time value for 'time': cannot parse "yesterday" to a valid timestamp$/,
    ],
    ['query?query=up&limit=-1', 400, 'bad_data', /^invalid parameter "limit": limit must be non-negative$/],
    ['query?query=up%20*%20on(job)%20up', 422, 'execution', /many-to-many matching not allowed/],
    [
      'query_range?query=up&start=10&end=0&step=1',
      400,
      'bad_data',
      /^invalid parameter "end": end timestamp must not be before start time$/,
    ],
    ['query_range?query=up&end=0&step=1', 400, 'bad_data', /^invalid parameter "start": cannot parse "" to a valid timestamp$/],
    ['query_range?query=up&start=0&end=100000&step=1', 400, 'bad_data', /^exceeded maximum resolution of 11,000 points per timeseries/],
    ['query_range?query=up&start=0&end=1&step=0', 400, 'bad_data', /zero or negative query resolution step widths/],
    ['query_range?query=up&start=0&end=1&step=x', 400, 'bad_data', /^invalid parameter "step": cannot parse "x" to a valid duration$/],
    ['series', 400, 'bad_data', /^no match\[\] parameter provided$/],
    [
      'series?match[]=%7Bjob%3D~%22.*%22%7D',
      400,
      'bad_data',
      /^invalid parameter "match\[\]": 1:1: parse error: vector selector must contain at least one non-empty matcher$/,
    ],
    ['labels?match[]=up%7B', 400, 'bad_data', /parse error/],
    ['metadata?limit=x', 400, 'bad_data', /^limit must be a number$/],
    [
      'format_query?query=rate(x)',
      400,
      'bad_data',
      /^invalid parameter "query": 1:6: parse error: expected type range vector in call to function "rate", got instant vector$/,
    ],
    ['rules?type=nope', 400, 'bad_data', /invalid parameter "type"/],
  ];
  for (const [path, code, type, msg] of cases) {
    const r = await q(path);
    assert.equal(r.code, code, path);
    assert.equal(r.body.status, 'error', path);
    assert.equal(r.body.errorType, type, path);
    assert.match(String(r.body.error), msg, path);
  }
  const unknown = await fetch(`${s.url}/api/v1/nope`);
  assert.equal(unknown.status, 404);
  const wrongMethod = await fetch(`${s.url}/api/v1/metadata`, { method: 'DELETE' });
  assert.equal(wrongMethod.status, 405);
});

test('series, labels, label values, metadata', async () => {
  const series = await q('series?match[]=up%7Bjob%3D%22api%22%7D');
  assert.deepEqual(
    series.body.data,
    ['api-1:8080', 'api-2:8080', 'api-3:8080'].map((instance) => ({ __name__: 'up', instance, job: 'api' })),
  );
  const labels = await q('labels?match[]=up');
  assert.deepEqual(labels.body.data, ['__name__', 'instance', 'job']);
  const values = await q('label/job/values');
  assert.deepEqual(values.body.data, ['api', 'checkout', 'frontend', 'node']);
  const limited = await q('label/job/values?limit=1');
  assert.deepEqual(limited.body, { status: 'success', data: ['api'], warnings: ['results truncated due to limit'] });
  const md = await q('metadata?metric=up');
  assert.deepEqual(Object.keys(md.body.data as object), ['up']);
  const two = await q('metadata?limit=2');
  assert.equal(Object.keys(two.body.data as object).length, 2);
});

test('status, targets, rules and alerts, format and parse', async () => {
  const bi = await q('status/buildinfo');
  assert.match(String((bi.body.data as { version: string }).version), /^3\.\d+\.\d+/);
  const rt = await q('status/runtimeinfo');
  assert.equal(typeof (rt.body.data as { startTime: string }).startTime, 'string');
  assert.deepEqual((await q('targets')).body.data, { activeTargets: [], droppedTargets: [], droppedTargetCounts: {} });
  assert.deepEqual((await q('rules')).body.data, { groups: [{ name: 'g', rules: [] }] });
  assert.deepEqual((await q('alerts')).body.data, { alerts: [{ labels: { alertname: 'X' } }] });
  assert.equal((await q('format_query?query=sum(rate(x%5B5m%5D))by(job)')).body.data, 'sum by (job) (rate(x[5m]))');
  const ast = (await q('parse_query?query=sum%20by%20(job)%20(x%20offset%201m)')).body.data;
  assert.deepEqual(ast, {
    type: 'aggregation',
    op: 'sum',
    param: null,
    grouping: ['job'],
    without: false,
    expr: {
      type: 'vectorSelector',
      name: 'x',
      offset: 60000,
      offsetExpr: null,
      matchers: [{ name: '__name__', value: 'x', type: '=' }],
      timestamp: null,
      startOrEnd: null,
      anchored: false,
      smoothed: false,
    },
  });
  const ready = await fetch(`${s.url}/-/ready`);
  assert.equal(ready.status, 200);
});

test("the / page is read by a person: it follows the learner's language; Prometheus's own texts do not", async () => {
  const root = await fetch(`${s.url}/`);
  assert.equal(root.status, 404);
  assert.equal(await root.text(), 'promlearn serve: the Prometheus HTTP API is at /api/v1/\n');
  setLang('ko');
  try {
    assert.match(
      await (await fetch(`${s.url}/`)).text(),
      /^promlearn serve: 여기에는 웹 UI가 없고, Prometheus HTTP API는 \/api\/v1\/ 아래에 있어요\n$/,
    );
    assert.equal(await (await fetch(`${s.url}/-/ready`)).text(), 'Prometheus Server is Ready.\n');
    assert.equal(await (await fetch(`${s.url}/graph`)).text(), '404 page not found\n');
  } finally {
    setLang('en');
  }
});

test('a port in use is a clear usage error', async () => {
  const port = Number(new URL(s.url).port);
  await assert.rejects(startServer(s.ctx, { host: '127.0.0.1', port }), (e: Error) =>
    /port \d+ on 127\.0\.0\.1 is already in use/.test(e.message),
  );
});
