// `promlearn scrape` as a user runs it: --once, --save read back by --dataset
// and promtool, a down target (exit 1, never a crash), config refusals (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { parseExposition } from '../../src/storage/exposition.js';
import { prometheusInstalled } from '../helpers/prometheus.js';
import { startFakeTarget } from './fake-target.js';

const run = promisify(execFile);
const BODY = '# TYPE http_requests_total counter\nhttp_requests_total{route="/a"} 10\n# TYPE temp gauge\ntemp 21.5\n';

test('scrape --once --save: the file reads back with --dataset and promtool', async () => {
  const target = await startFakeTarget({ body: BODY });
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-scrape-'));
  try {
    const file = join(dir, 'session.om');
    const io = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'scrape', target.url, '--once', '--save', file], io), 0, io.output.err);
    assert.match(io.output.out, /UP/);
    const text = readFileSync(file, 'utf8');
    const store = parseExposition(text, { format: 'openmetrics', requireTimestamps: true });
    assert.equal(store.select([{ name: '__name__', op: '=', value: 'up' }]).length, 1);
    const q = bufferIO();
    assert.equal(
      await main(['node', 'promlearn', 'query', 'http_requests_total', '--dataset', file, '--output', 'json'], q),
      0,
      q.output.err,
    );
    const result = (JSON.parse(q.output.out) as { result: { metric: Record<string, string>; value: [number, string] }[] }).result;
    assert.deepEqual(
      result.map((r) => [r.metric, r.value[1]]),
      [[{ __name__: 'http_requests_total', instance: target.address, job: 'promlearn', route: '/a' }, '10']],
    );
    if (prometheusInstalled()) {
      const { stdout } = await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, join(dir, 'data')]);
      assert.match(stdout, /BLOCK ULID/);
    }
  } finally {
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scrape --once with a target that is down: the error on the list, exit 1', async () => {
  const target = await startFakeTarget({ body: 'bad{ 1\n' });
  try {
    const io = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'scrape', target.url, '--once'], io), 1);
    assert.match(io.output.out, /DOWN/);
    assert.match(io.output.out, /error: line 1: /);
  } finally {
    await target.close();
  }
});

test('scrape --config refuses what it does not implement, by name (exit 2)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-scrape-'));
  try {
    const cfg = join(dir, 'prometheus.yml');
    writeFileSync(
      cfg,
      'scrape_configs:\n  - job_name: x\n    metric_relabel_configs: []\n    static_configs: [{targets: ["127.0.0.1:1"]}]\n',
    );
    const io = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'scrape', '--config', cfg, '--once'], io), 2);
    assert.match(io.output.err, /field "metric_relabel_configs" is not supported/);
    const none = bufferIO();
    assert.equal(await main(['node', 'promlearn', 'scrape', '--once'], none), 2);
    assert.match(none.output.err, /nothing to scrape/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('query --scrape: one scrape, then the query at now; --scrape-for scrapes on the interval first', async () => {
  const target = await startFakeTarget({ body: BODY });
  try {
    const io = bufferIO();
    assert.equal(
      await main(['node', 'promlearn', 'query', 'sum by (job) (up)', '--scrape', target.url, '--output', 'json'], io),
      0,
      io.output.err,
    );
    assert.deepEqual(
      (JSON.parse(io.output.out) as { result: { metric: object; value: [number, string] }[] }).result.map((r) => [r.metric, r.value[1]]),
      [[{ job: 'promlearn' }, '1']],
    );
    const twice = bufferIO();
    const args = [
      'node',
      'promlearn',
      'query',
      'count_over_time(up[10s])',
      '--scrape',
      target.url,
      '--interval',
      '300ms',
      '--scrape-for',
      '700ms',
      '--output',
      'json',
    ];
    assert.equal(await main(args, twice), 0, twice.output.err);
    const n = Number((JSON.parse(twice.output.out) as { result: { value: [number, string] }[] }).result[0].value[1]);
    assert.ok(n >= 2 && n <= 4, `${n} scrapes in 700ms at 300ms`);
  } finally {
    await target.close();
  }
});

test('repl --scrape: the live store from the first query on; .targets lists health and errors', async () => {
  const target = await startFakeTarget({ body: BODY });
  try {
    const { Readable } = await import('node:stream');
    const io = { ...bufferIO(), stdin: Readable.from(['temp\n.targets\n']) };
    const code = await main(['node', 'promlearn', 'repl', '--scrape', target.url, 'http://127.0.0.1:9/metrics'], io);
    assert.equal(code, 0, io.output.err);
    assert.match(io.output.out, /temp\{instance="127\.0\.0\.1:\d+", job="promlearn"\}\s+21\.5/);
    assert.match(io.output.out, /UP/);
    assert.match(io.output.out, /DOWN/);
    assert.match(io.output.out, /connection refused/);
    assert.match(io.output.out, /live store: \d+ series/);
  } finally {
    await target.close();
  }
});
