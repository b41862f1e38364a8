// The dataset, metrics, series and labels commands, run through main() with
// recorded output, over one shared in-process sample backend.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { INCIDENTS } from '../../src/dataset/index.js';

/** The first and last `n` bytes of a file, as text. */
function fileEnds(file: string, n: number): { head: string; tail: string } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(n, size));
    const tail = Buffer.alloc(Math.min(n, size));
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return { head: head.toString('utf8'), tail: tail.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

async function run(...args: string[]) {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', ...args], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

test('dataset info lists the size and every incident', async () => {
  const r = await run('dataset', 'info');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /series\s+1,\d{3}/);
  assert.match(r.out, /2026-01-15T06:00:\d\dZ to 2026-01-15T11:59:\d\dZ/);
  for (const i of INCIDENTS) assert.ok(r.out.includes(i.title), i.title);
});

test('dataset info -o json has the incidents with times', async () => {
  const r = await run('dataset', 'info', '-o', 'json');
  assert.equal(r.code, 0, r.err);
  const info = JSON.parse(r.out);
  assert.equal(info.incidents.length, INCIDENTS.length);
  assert.ok(info.series >= 500);
  assert.ok(info.samples > 500_000);
  assert.deepEqual(Object.keys(info.jobs), ['api', 'checkout', 'frontend', 'node']);
});

test('dataset info counts metric families as `metrics` lists them, and metric names, saying which is which', async () => {
  const [info, json, metrics] = [
    await run('dataset', 'info'),
    await run('dataset', 'info', '-o', 'json'),
    await run('metrics', '-o', 'json'),
  ];
  const families = (JSON.parse(metrics.out) as unknown[]).length;
  const { metricNames, metricFamilies } = JSON.parse(json.out) as { metricNames: number; metricFamilies: number };
  assert.equal(metricFamilies, families);
  assert.ok(metricNames > metricFamilies, 'a histogram family has several names');
  assert.match(
    info.out,
    new RegExp(
      `metrics\\s+${families} families, ${metricNames} names \\(names x_bucket, x_sum and x_count are one family x, as promlearn metrics lists them\\)`,
    ),
  );
});

test('dataset info does not apply to --server', async () => {
  const r = await run('dataset', 'info', '--server', 'http://127.0.0.1:9');
  assert.equal(r.code, 2);
  assert.match(r.err, /does not apply/);
});

test('dataset export --help explains staleness and shows promtool', async () => {
  const r = await run('dataset', 'export', '--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /staleness markers/);
  assert.match(r.out, /promtool tsdb create-blocks-from openmetrics/);
});

test('dataset export writes OpenMetrics that loads back as the same dataset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-export-'));
  try {
    const file = join(dir, 'shop.om');
    const r = await run('dataset', 'export', file);
    assert.equal(r.code, 0, r.err);
    // The file's two ends (it is ~200 MB: no need to read it all into a string).
    const { head, tail } = fileEnds(file, 64);
    assert.match(tail, /# EOF\n$/);
    assert.match(head, /^# HELP /);
    const info = JSON.parse((await run('dataset', 'info', '--dataset', file, '-o', 'json')).out);
    const sample = JSON.parse((await run('dataset', 'info', '-o', 'json')).out);
    // Staleness markers are not exported: fewer samples, same series. The native (NHCB)
    // request-duration histograms have no text form: their classic series are exported instead.
    const nhcb = JSON.parse((await run('query', 'count(http_request_duration_seconds)', '-o', 'json')).out).result[0].value[1];
    const nhcbSamples = JSON.parse((await run('query', 'sum(count_over_time(http_request_duration_seconds[1d]))', '-o', 'json')).out)
      .result[0].value[1];
    assert.equal(info.series, sample.series - Number(nhcb));
    assert.ok(info.samples < sample.samples - Number(nhcbSamples));
    assert.ok(info.samples > sample.samples - Number(nhcbSamples) - 200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad --dataset file is a usage error naming file and line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-bad-'));
  try {
    const file = join(dir, 'bad.prom');
    writeFileSync(file, 'up{job="a"} 1 1000\nthis is not a metric line\n');
    const r = await run('series', 'up', '--dataset', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.prom/);
    assert.match(r.err, /line 2/);
    const missing = await run('labels', '--dataset', join(dir, 'nope.om'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.om.*no such file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('metrics lists families with type and series counts', async () => {
  const r = await run('metrics');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^NAME\s+TYPE\s+SERIES\s+HELP/);
  assert.match(r.out, /http_request_duration_seconds\s+histogram\s+\d+/);
  assert.match(r.out, /http_requests_total\s+counter\s+75\b/);
  assert.doesNotMatch(r.out, /_bucket/);
});

test('metrics filters by substring or regex; json and csv', async () => {
  const sub = JSON.parse((await run('metrics', 'heap', '-o', 'json')).out) as { name: string }[];
  assert.deepEqual(
    sub.map((m) => m.name),
    ['nodejs_heap_size_total_bytes', 'nodejs_heap_size_used_bytes'],
  );
  const re = JSON.parse((await run('metrics', '^node_.*_total$', '-o', 'json')).out) as { name: string; type: string }[];
  assert.ok(re.length >= 2);
  assert.ok(re.every((m) => m.name.startsWith('node_') && m.type === 'counter'));
  const csv = (await run('metrics', 'up', '-o', 'csv')).out.split('\n');
  assert.equal(csv[0], 'name,type,series,unit,help');
  const bad = await run('metrics', '(');
  assert.equal(bad.code, 2);
});

test('series lists label sets; --limit; json; csv', async () => {
  const r = await run('series', 'up{job="api"}');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(r.out.trim().split('\n'), [
    'up{instance="api-1:8080", job="api"}',
    'up{instance="api-2:8080", job="api"}',
    'up{instance="api-3:8080", job="api"}',
  ]);
  const limited = await run('series', 'up', '--limit', '2');
  assert.equal(limited.out.trim().split('\n').length, 2);
  assert.match(limited.err, /first 2 series/);
  const json = JSON.parse((await run('series', 'nodejs_version_info', '-o', 'json')).out) as Record<string, string>[];
  assert.equal(json.length, 11);
  const csv = (await run('series', 'checkout_orders_total', '-o', 'csv')).out.split('\n');
  assert.equal(csv[0], '__name__,instance,job,payment_method');
});

test('series with --start/--end relative to the data end', async () => {
  const late = JSON.parse((await run('series', 'nodejs_version_info{job="api"}', '--start', '-1h', '-o', 'json')).out);
  assert.deepEqual([...new Set(late.map((m: Record<string, string>) => m.version))], ['v22.12.0']);
});

test('series on a narrow terminal: shared labels once, the rest as a table', async () => {
  const io = bufferIO({ isTTY: true, columns: 80 });
  assert.equal(await main(['node', 'promlearn', 'series', 'http_requests_total{job="checkout"}'], io, sampleDeps(io)), 0, io.output.err);
  const lines = io.output.out.trimEnd().split('\n');
  assert.equal(lines[0], 'http_requests_total{job="checkout"}');
  assert.match(lines[1]!, /^instance\s+method\s+route\s+status_code$/);
  for (const l of lines) assert.ok(l.length <= 80, l);
});

test('dataset export: the file is an argument, -o the format as everywhere', async () => {
  const text = await run('dataset', 'export', '-o', 'text', '--dataset', 'test/dataset/nonexistent.om');
  assert.equal(text.code, 2);
  const wrong = await run('dataset', 'export', '-o', 'shop.om');
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /promlearn dataset export shop\.om/);
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-export-'));
  try {
    const src = join(dir, 'small.prom');
    writeFileSync(src, 'up{job="a"} 1 1000\nup{job="a"} 0 16000\n');
    const r = await run('dataset', 'export', '-o', 'text', '--dataset', src);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /up\{job="a"\} 0 16000/);
    assert.doesNotMatch(r.out, /# EOF/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty --dataset file is a usage error, not a silent empty result', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-empty-'));
  try {
    const file = join(dir, 'empty.prom');
    writeFileSync(file, '# nothing here\n');
    const r = await run('query', 'up', '--dataset', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /has no samples/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad selector is a query error', async () => {
  const r = await run('series', 'up{');
  assert.equal(r.code, 1);
});

test('labels lists names and values', async () => {
  const names = (await run('labels')).out.trim().split('\n');
  for (const n of ['__name__', 'instance', 'job', 'le', 'quantile', 'route', 'status_code']) assert.ok(names.includes(n), n);
  assert.equal((await run('labels', 'job')).out, 'api\ncheckout\nfrontend\nnode\n');
  const routes = JSON.parse((await run('labels', 'route', '-m', 'http_requests_total{job="checkout"}', '-o', 'json')).out);
  assert.deepEqual(routes, ['/api/checkout', '/api/orders/:id', '/api/payments/webhook']);
});

test('every command has examples in --help', async () => {
  for (const cmd of [['metrics'], ['series'], ['labels'], ['dataset'], ['dataset', 'info'], ['dataset', 'export']]) {
    const r = await run(...cmd, '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /Examples:/, cmd.join(' '));
  }
});

test('labels: control characters and newlines in values are escaped, as series shows them (issue 15 item 11)', async () => {
  const io = bufferIO();
  const { fakeBackend } = await import('./fake-backend.js');
  const backend = {
    ...fakeBackend(() => ({ data: { resultType: 'vector', result: [] } })),
    labelValues: async () => ['ok', 'two\nlines', 'bell\x07', 'esc\x1b[31m'],
  };
  const code = await main(['node', 'promlearn', 'labels', 'job'], io, { openBackend: async () => backend, clock: () => 0 });
  assert.equal(code, 0, io.output.err);
  assert.equal(io.output.out, 'ok\n"two\\nlines"\n"bell\\u0007"\n"esc\\u001b[31m"\n');
});

test('range --help uses labels the dataset has', async () => {
  const r = await run('range', '--help');
  assert.doesNotMatch(r.out, /by \(code\)/);
  assert.match(r.out, /sum by \(status_code\)/);
});

test('a query starting with "-" runs, or the usage error says to put -- before it', async () => {
  const neg = await run('query', '-sum(up)');
  assert.equal(neg.code, 0, neg.err);
  assert.match(neg.out, /^\{\}\s+-\d+/);
  const num = await run('query', '-1');
  assert.equal(num.out.trim(), '-1');
  const bare = await run('query', '-up');
  assert.equal(bare.code, 2);
  assert.match(bare.err, /put -- before it: promlearn query -- '-up'/);
  const dashed = await run('query', '--', '-up');
  assert.equal(dashed.code, 0, dashed.err);
  assert.match(dashed.out, /-1/);
});

test('explain replaces Grafana variables as query does', async () => {
  const r = await run('explain', 'rate(http_requests_total{job="$job"}[$__rate_interval])', '--var', 'job=api');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /Grafana variables: \$job = api, \$__rate_interval = 1m/);
  assert.match(r.out, /rate\(http_requests_total\{job="api"\}\[1m\]\)/);
});

test('metrics --limit shows the first n families by name and says how many there are', async () => {
  const all = JSON.parse((await run('metrics', '-o', 'json')).out) as { name: string; series: number }[];
  const r = await run('metrics', '--limit', '3', '-o', 'json');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), all.slice(0, 3), 'the same rows, series counts included');
  assert.match(r.err, new RegExp(`showing the first 3 of ${all.length} metric families; use --limit 0 for all`));
  const none = await run('metrics', '--limit', '0', '-o', 'json');
  assert.equal(JSON.parse(none.out).length, all.length);
  assert.equal(none.err, '');
  const bad = await run('metrics', '--limit', '-1');
  assert.equal(bad.code, 2);
});

test("learn check: an answer starting with '-' gets the hint to put -- before the arguments, and works after --", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-minus-'));
  try {
    const io = bufferIO({ env: { PROMLEARN_STATE_DIR: dir } });
    const code = await main(['node', 'promlearn', 'learn', 'check', '4', 'at-gap', '-(up)'], io, sampleDeps(io));
    assert.equal(code, 2);
    assert.match(io.output.err, /unknown option '-\(up\)'\nhint: if your answer starts with '-', put -- before the arguments/);
    const ok = bufferIO({ env: { PROMLEARN_STATE_DIR: dir } });
    assert.equal(await main(['node', 'promlearn', 'learn', 'check', '4', 'at-gap', '--', '-(up)'], ok, sampleDeps(ok)), 1);
    assert.match(ok.output.out, /expected 1/, 'judged (wrong), not refused');
    const missing = bufferIO();
    await main(['node', 'promlearn', 'learn', 'check', '4'], missing, sampleDeps(missing));
    assert.doesNotMatch(missing.output.err, /hint: if your answer/, 'other usage errors get no such hint');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
