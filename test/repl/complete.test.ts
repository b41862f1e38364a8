import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionSource } from '../../src/repl/cache.js';
import { candidatesFor, complete, forReadline, quoteValue, MAX_LISTED } from '../../src/repl/complete.js';
import { completionContext } from '../../src/repl/completion-context.js';
import { FakeBackend } from './fake.js';

function setup() {
  const backend = new FakeBackend();
  return { backend, src: new CompletionSource(backend) };
}

async function inserts(text: string) {
  const { src } = setup();
  return (await candidatesFor(completionContext(text), src)).map((c) => c.insert);
}

test('function, aggregation and metric names at the start of an expression', async () => {
  const got = await inserts('ra');
  assert.deepEqual(got, ['rad(', 'range(', 'rate(']);
  assert.ok((await inserts('s')).includes('sum('));
  assert.ok((await inserts('http_')).includes('http_requests_total'));
  assert.ok((await inserts('rate(')).includes('up'));
});

test('a unique function completes to its name and paren; a list shows signatures', async () => {
  const { src } = setup();
  assert.deepEqual(await complete('irat', src), [['irate('], 'irat']);
  const [list, on] = await complete('histogram_s', src);
  assert.equal(on, 'histogram_s');
  assert.ok(list.includes('histogram_sum(instant-vector) instant-vector'), list.join('|'));
  assert.ok(list.includes('histogram_stddev(instant-vector) instant-vector'));
});

test('common prefix is returned alone so readline inserts it', async () => {
  const { src } = setup();
  assert.deepEqual(await complete('histogram_q', src), [['histogram_quantile'], 'histogram_q']);
  assert.deepEqual(await complete('http_requests_total{j', src), [['job'], 'j']);
});

test('label names inside braces come from the series of the metric', async () => {
  const { backend, src } = setup();
  const [list] = await complete('up{', src);
  assert.deepEqual(list, ['instance', 'job']);
  const call = backend.calls.find((c) => c.kind === 'labelNames');
  assert.deepEqual(call?.args, [['up']]);
  // __name__ only when asked for, labels already used are skipped.
  assert.deepEqual((await complete('up{job="api", ', src))[0], ['instance']);
  assert.deepEqual((await complete('up{_', src))[0], ['__name__']);
});

test('label names after by/without/on/ignoring', async () => {
  assert.deepEqual(await inserts('sum(rate(http_requests_total[5m])) by ('), ['code', 'instance', 'job']);
  assert.deepEqual(await inserts('sum by (j'), ['job']);
  assert.deepEqual(await inserts('up / on(instance, '), ['job']);
});

test('label values after = and =~ are quoted and narrowed by the selector', async () => {
  const { backend, src } = setup();
  assert.deepEqual(await complete('http_requests_total{job=', src), [['"'], '']);
  assert.deepEqual(await complete('http_requests_total{job="a', src), [['"api"'], '"a']);
  assert.deepEqual(await complete('http_requests_total{job=~"w', src), [['"web"'], '"w']);
  assert.deepEqual(await complete("up{job='a", src), [["'api'"], "'a"]);
  assert.deepEqual(await complete('http_requests_total{job="api",code="', src), [['"200"', '"500"'], '"']);
  assert.deepEqual(await complete('http_requests_total{job="api",code="5', src), [['"500"'], '"5']);
  const last = backend.calls.filter((c) => c.kind === 'labelValues').at(-1);
  assert.deepEqual(last?.args, ['code', ['http_requests_total{job="api"}']]);
});

test('durations after [ and offset, keywords after operands', async () => {
  assert.deepEqual(await inserts('rate(up[1'), ['1m', '10m', '15m', '1h', '12h', '1d']);
  assert.ok((await inserts('up offset ')).includes('5m'));
  assert.deepEqual(await inserts('sum(up) b'), ['by ']);
  assert.deepEqual(await inserts('sum w'), ['without ']);
  assert.deepEqual(await inserts('up o'), ['or ', 'offset ']);
  assert.deepEqual(await inserts('up > b'), ['bool ', 'bottomk(']);
  assert.deepEqual(await inserts('up / on(job) group_l'), ['group_left ']);
  const afterOp = await inserts('up / i');
  assert.deepEqual(afterOp.slice(0, 3), ['ignoring ', 'idelta(', 'increase(']);
  assert.ok(afterOp.includes('irate('));
});

test('a word already complete offers nothing more', async () => {
  const { src } = setup();
  assert.deepEqual(await complete('rate(up[5m', src), [[], '5m']);
});

test('long lists are capped with a note', () => {
  const many = Array.from({ length: MAX_LISTED + 5 }, (_, i) => ({ insert: `m${i}x`, display: `m${i}x`, group: 'metric' as const }));
  const [list] = forReadline(many, 'm');
  assert.equal(list.length, MAX_LISTED + 2);
  assert.match(list.at(-1)!, /and 5 more/);
});

test('values are quoted as PromQL strings', () => {
  assert.equal(quoteValue('a"b\\c', '"'), '"a\\"b\\\\c"');
  assert.equal(quoteValue("it's", "'"), "'it\\'s'");
});

test('completion data is cached and expires', async () => {
  const backend = new FakeBackend();
  let now = 0;
  const src = new CompletionSource(backend, { ttlMs: 1000, now: () => now });
  await src.metricNames();
  await src.metricNames();
  assert.equal(backend.calls.length, 1);
  now = 5000;
  await src.metricNames();
  assert.equal(backend.calls.length, 2);
});

test('a failing backend gives no candidates and is asked again next time', async () => {
  const backend = new FakeBackend();
  let fail = true;
  backend.labelValues = async () => {
    if (fail) throw new Error('down');
    return ['up'];
  };
  const src = new CompletionSource(backend);
  assert.deepEqual(await inserts.call(null, 'zz'), []);
  assert.deepEqual((await complete('u', src))[0], []);
  fail = false;
  assert.deepEqual((await complete('u', src))[0], ['up']);
});
