import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/errors.js';
import { ExpositionError, detectFormat, parseExposition, parseExpositionStream } from '../../src/storage/exposition.js';
import { dump } from './dump.js';

const TEXT = `# HELP http_requests_total Total requests.\\nSecond line \\\\ done
# TYPE http_requests_total counter
http_requests_total{method="post",code="200"} 1027 1395066363000
http_requests_total{method="post",code="400"}    3 1395066363000
http_requests_total{method="post",code="200"} 1030 1395066364000

# A free comment
msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9 1000
# TYPE rpc_duration_seconds summary
rpc_duration_seconds{quantile="0.5"} +Inf 5
rpc_duration_seconds_sum -Inf 5
rpc_duration_seconds_count NaN 5
metric_without_timestamp_and_labels 12.47
`;

test('text format 0.0.4: metadata, escapes, special values, ms timestamps', () => {
  assert.equal(detectFormat(TEXT), 'text');
  const store = parseExposition(TEXT, { defaultTimestampMs: 42 });
  const d = dump(store);
  assert.deepEqual(d['{"__name__":"http_requests_total","code":"200","method":"post"}'], [
    [1395066363000, 1027],
    [1395066364000, 1030],
  ]);
  assert.deepEqual(
    d['{"__name__":"msdos_file_access_time_seconds","error":"Cannot find file:\\n\\"FILE.TXT\\"","path":"C:\\\\DIR\\\\FILE.TXT"}'],
    [[1000, 1458255915]],
  );
  assert.deepEqual(d['{"__name__":"rpc_duration_seconds","quantile":"0.5"}'], [[5, Infinity]]);
  assert.deepEqual(d['{"__name__":"rpc_duration_seconds_sum"}'], [[5, -Infinity]]);
  assert.ok(Number.isNaN(d['{"__name__":"rpc_duration_seconds_count"}'][0][1]));
  assert.deepEqual(d['{"__name__":"metric_without_timestamp_and_labels"}'], [[42, 12.47]]);
  assert.deepEqual(store.getMetadata('http_requests_total'), { type: 'counter', help: 'Total requests.\nSecond line \\ done', unit: '' });
  assert.deepEqual(store.getMetadata('rpc_duration_seconds'), { type: 'summary', help: '', unit: '' });
});

const OM = `# HELP foo_seconds A "quoted" help.
# TYPE foo_seconds counter
# UNIT foo_seconds seconds
foo_seconds_total{a="x"} 1 1700000000.5
foo_seconds_total{a="x"} 2.5 1700000001.123456 # {trace_id="abc"} 1 1700000001
foo_seconds_created{a="x"} 1699999999
# TYPE h histogram
h_bucket{le="1"} 1 10
h_bucket{le="+Inf"} 2 10
h_count 2 10
h_sum 3 10
# EOF
`;

test('OpenMetrics: seconds timestamps, counters, _created, exemplars, UNIT', () => {
  assert.equal(detectFormat(OM), 'openmetrics');
  const store = parseExposition(OM);
  const d = dump(store);
  assert.deepEqual(d['{"__name__":"foo_seconds_total","a":"x"}'], [
    [1700000000500, 1],
    [1700000001123, 2.5],
  ]);
  assert.equal(d['{"__name__":"foo_seconds_created","a":"x"}'], undefined);
  assert.deepEqual(d['{"__name__":"h_bucket","le":"+Inf"}'], [[10000, 2]]);
  assert.deepEqual(store.getMetadata('foo_seconds'), { type: 'counter', help: 'A "quoted" help.', unit: 'seconds' });
  assert.deepEqual(store.getMetadata('h'), { type: 'histogram', help: '', unit: '' });
});

function lineOf(f: () => unknown): number {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ExpositionError, String(e));
    assert.ok(e instanceof UsageError);
    assert.match(e.message, new RegExp(`^line ${e.line}: `));
    return e.line;
  }
  assert.fail('no error thrown');
}

test('bad input names the line', () => {
  assert.equal(
    lineOf(() => parseExposition('a 1 2000\na 2 1000\n', { format: 'text' })),
    2,
  );
  assert.equal(
    lineOf(() => parseExposition('a 1 2000\na{b="c} 1\n', { format: 'text' })),
    2,
  );
  assert.equal(
    lineOf(() => parseExposition('ok 1\nbad 0x10\n', { format: 'text' })),
    2,
  );
  assert.equal(
    lineOf(() => parseExposition('a 1 1.5\n', { format: 'text' })),
    1,
  );
  assert.equal(
    lineOf(() => parseExposition('# TYPE a gauge\n# TYPE a counter\n', { format: 'text' })),
    2,
  );
  assert.equal(
    lineOf(() => parseExposition('# TYPE a bogus\n', { format: 'text' })),
    1,
  );
  assert.equal(
    lineOf(() => parseExposition('a 1 1\n\na 2 2\n# EOF\n', { format: 'openmetrics' })),
    2,
  );
  assert.equal(
    lineOf(() => parseExposition('a 1 1\n# EOF\na 2 2\n', { format: 'openmetrics' })),
    3,
  );
  assert.equal(
    lineOf(() => parseExposition('a 1 1\n', { format: 'openmetrics' })),
    2,
  );
  assert.equal(
    lineOf(() => parseExposition('# TYPE a untyped\n# EOF\n', { format: 'openmetrics' })),
    1,
  );
  assert.equal(
    lineOf(() => parseExposition('a{b="\\q"} 1\n', { format: 'text' })),
    1,
  );
});

test('progress callback and the streaming form', async () => {
  const lines = Array.from({ length: 25_000 }, (_, i) => `m{i="${i % 7}"} ${i} ${i * 10}`);
  const text = lines.join('\n') + '\n';
  const calls: [number, number | undefined][] = [];
  const a = parseExposition(text, { format: 'text', onProgress: (n, t) => calls.push([n, t]) });
  assert.deepEqual(calls, [
    [10_000, 25_000],
    [20_000, 25_000],
    [25_000, 25_000],
  ]);
  const chunks = [text.slice(0, 1234), text.slice(1234, 99_999), text.slice(99_999)];
  const b = await parseExpositionStream(chunks, { format: 'text' });
  assert.deepEqual(dump(b), dump(a));
  const c = await parseExpositionStream([Buffer.from(OM)]);
  assert.equal(c.numSeries, 5);
});
