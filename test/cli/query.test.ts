import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { bufferIO } from '../../src/util/io.js';
import * as queryCmd from '../../src/cli/query.js';
import * as rangeCmd from '../../src/cli/range.js';
import { QueryError, UsageError } from '../../src/errors.js';
import type { QueryResult } from '../../src/model/result.js';
import { fakeBackend, type Call } from './fake-backend.js';
import * as fx from '../render/fixtures.js';

const END = 1768474800;
/** The injected clock: relative times on a server count from here. */
const NOW = 1800000000;

/** Runs `promlearn <argv>` with the query and range commands over a fake backend. */
async function run(argv: string[], answer: (c: Call) => QueryResult | Promise<QueryResult>, io = bufferIO({ columns: 80, rows: 24 })) {
  const backend = fakeBackend(answer);
  const program = new Command('promlearn').exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const deps = { io, openBackend: async () => backend, clock: () => NOW };
  queryCmd.register(program, deps);
  rangeCmd.register(program, deps);
  await program.parseAsync(['node', 'promlearn', ...argv]);
  return { io, calls: backend.calls, out: io.output.out, err: io.output.err };
}

test('query: instant query at the end of the local data, as a table', async () => {
  const r = await run(['query', 'http_requests_total'], () => fx.vectorResult);
  assert.equal(r.calls.length, 1);
  assert.deepEqual({ kind: r.calls[0]!.kind, time: r.calls[0]!.time }, { kind: 'instant', time: END });
  assert.match(r.out, /^http_requests_total\{instance="shop-api:3000", job="shop-api"\}\n/);
  assert.match(r.out, /500 +GET +\/api\/products +40608/);
  assert.equal(r.err, '');
});

test('query --time relative to the data end; --stats and warnings go to stderr', async () => {
  const r = await run(['query', 'rate(http_requests_total[5m])', '--time', '-30m', '--stats'], () => fx.rateVector);
  assert.equal(r.calls[0]!.time, END - 1800);
  assert.equal(r.calls[0]!.opts?.stats, true);
  assert.doesNotMatch(r.out, /warning|stats/);
  assert.match(r.err, /^warning: this is a fixture warning \(1:1\)\nstats: evaluated in 1\.23 ms, 2400 samples read, peak 200/);
});

test('query -o json prints the API data object exactly', async () => {
  const r = await run(['query', 'up', '-o', 'json'], () => fx.singleVector);
  assert.equal(
    r.out,
    '{"resultType":"vector","result":[{"metric":{"__name__":"up","instance":"shop-api:3000","job":"shop-api"},"value":[1768474800,"1"]}]}\n',
  );
});

test('query -o csv: header and one row per sample', async () => {
  const r = await run(['query', 'up', '--output', 'csv'], () => fx.singleVector);
  assert.equal(r.out, '__name__,instance,job,timestamp,value\nup,shop-api:3000,shop-api,1768474800,1\n');
});

test('query: piped tables are not cut; --limit cuts them', async () => {
  const all = await run(['query', 'http_requests_total'], () => fx.vectorResult, bufferIO({ rows: 8 }));
  assert.equal(all.out.trim().split('\n').length, 12);
  const cut = await run(['query', 'http_requests_total', '--limit', '3'], () => fx.vectorResult);
  assert.match(cut.out, /7 more series \(showing 3 of 10\)/);
  const tty = await run(['query', 'http_requests_total'], () => fx.vectorResult, bufferIO({ rows: 10, isTTY: true }));
  assert.match(tty.out, /more series \(showing 5 of 10\)/);
});

test('query: an empty result suggests known metric names', async () => {
  const r = await run(['query', 'http_requests'], () => fx.emptyVector);
  assert.match(r.out, /no series matched `http_requests`; did you mean `http_requests_total`\?/);
});

test('query: a time outside the local data is pointed out', async () => {
  const r = await run(['query', 'up', '--time', '2020-01-01T00:00:00Z'], () => fx.emptyVector);
  assert.match(r.err, /note: the sample data covers 2026-01-14T11:00:00Z to 2026-01-15T11:00:00Z/);
});

test('query --range makes a range query and draws a chart', async () => {
  const r = await run(['query', 'rate(http_requests_total[5m])', '--range', '1h'], () => fx.rateMatrix);
  assert.deepEqual(
    { kind: r.calls[0]!.kind, start: r.calls[0]!.start, end: r.calls[0]!.end, step: r.calls[0]!.step },
    { kind: 'range', start: END - 3600, end: END, step: 30 },
  );
  assert.match(r.out, /└┬/);
  assert.match(r.out, /step 30s/);
});

test('range: defaults, --start with a leading dash, --step in seconds', async () => {
  const r = await run(['range', 'up', '--start', '-2h', '--end', '-1h', '--step', '60'], () => fx.rateMatrix);
  assert.deepEqual([r.calls[0]!.start, r.calls[0]!.end, r.calls[0]!.step], [END - 7200, END - 3600, 60]);
  const d = await run(['range', 'up'], () => fx.rateMatrix);
  assert.deepEqual([d.calls[0]!.start, d.calls[0]!.end, d.calls[0]!.step], [END - 3600, END, 30]);
});

test('range -o csv: one row per sample', async () => {
  const r = await run(['range', 'rate(http_requests_total[5m])', '-o', 'csv'], () => fx.rateMatrix);
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'code,instance,job,method,route,timestamp,value');
  const samples = (fx.rateMatrix.data.result as { values: unknown[] }[]).reduce((n, s) => n + s.values.length, 0);
  assert.equal(lines.length, 1 + samples);
});

test('usage errors are UsageError (exit 2) before any query runs', async () => {
  for (const argv of [
    ['query', 'up', '--time', 'yesterday'],
    ['query', 'up', '--limit', 'many'],
    ['range', 'up', '--step', '1x'],
    ['range', 'up', '--range', '30d', '--step', '1s'],
    ['query', 'up', '--end', '-1h'],
  ]) {
    await assert.rejects(
      run(argv, () => fx.singleVector),
      (e: unknown) => e instanceof UsageError && e.exitCode === 2,
      argv.join(' '),
    );
  }
});

test('query errors propagate as QueryError (exit 1)', async () => {
  const err = new QueryError('1:6: parse error: unexpected end of input', {
    errorType: 'bad_data',
    query: 'rate(',
    position: { start: 5, end: 5 },
  });
  await assert.rejects(
    run(['query', 'rate('], () => {
      throw err;
    }),
    (e: unknown) => e === err,
  );
});

test('query: piped tables never cut label values (issue 15 item 7); a terminal fits its width', async () => {
  const long = 'checkout-1-' + 'x'.repeat(120);
  const wide: QueryResult = {
    data: {
      resultType: 'vector',
      result: [
        { metric: { __name__: 'shop_build_info', service: long, version: '1.2.3', instance: 'a:1' }, value: [END, '1'] },
        { metric: { __name__: 'nodejs_version_info', version: 'v20.11.0', major: '20', instance: 'b:1' }, value: [END, '1'] },
      ],
    },
  };
  const piped = await run(['query', 'nodejs_version_info or shop_build_info'], () => wide, bufferIO({ columns: 80 }));
  assert.ok(piped.out.includes(long), piped.out);
  assert.doesNotMatch(piped.out, /…/);
  const tty = await run(['query', 'nodejs_version_info or shop_build_info'], () => wide, bufferIO({ columns: 80, isTTY: true }));
  assert.match(tty.out, /checkout-1-x*…/);
  for (const l of tty.out.split('\n')) assert.ok(l.length <= 80, l);
});

test('query/range: Grafana variables are replaced as Grafana would, and a note says so (issue 15 item 9)', async () => {
  const q = await run(
    ['query', 'sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))', '--var', 'job=api'],
    () => fx.singleVector,
  );
  assert.equal(q.calls[0]!.query, 'sum(rate(http_requests_total{job=~"api"}[1m]))');
  assert.match(q.err, /note: Grafana variables: \$job = api, \$__rate_interval = 1m \(scrape interval 15s/);
  // Range, step 5m: $__rate_interval = max(5m + 15s, 1m).
  const r = await run(['range', 'rate(x[$__rate_interval])', '--range', '6h', '--step', '5m'], () => fx.rateMatrix);
  assert.equal(r.calls[0]!.query, 'rate(x[5m15s])');
  const s = await run(['query', 'rate(x[$__rate_interval])', '--scrape-interval', '1m'], () => fx.singleVector);
  assert.equal(s.calls[0]!.query, 'rate(x[4m])');
  await assert.rejects(
    run(['query', 'up{job="$job"}'], () => fx.singleVector),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /\$job has no value/);
      return true;
    },
  );
  await assert.rejects(
    run(['query', 'up', '--var', 'job'], () => fx.singleVector),
    /invalid --var "job": expected name=value/,
  );
});

test('--timeout 0 is refused locally as it is for a server (one rule)', async () => {
  await assert.rejects(
    run(['query', 'up', '--timeout', '0'], () => fx.singleVector),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /--timeout/);
      return true;
    },
  );
  await assert.rejects(
    run(['range', 'up', '--timeout', '0s'], () => fx.rateMatrix),
    UsageError,
  );
});

test('query --buckets draws every native histogram as bars; a lone histogram is drawn so anyway; not with a range', async () => {
  const { histogramVector, singleHistogram } = await import('../render/histogram-fixtures.js');
  const table = await run(['query', 'http_request_duration_seconds'], () => histogramVector);
  assert.match(table.out, /COUNT +SUM +BUCKETS/);
  assert.doesNotMatch(table.out, /BUCKET +COUNT +%/);
  const bars = await run(['query', 'http_request_duration_seconds', '--buckets'], () => histogramVector);
  assert.equal(bars.out.match(/BUCKET +COUNT +%/g)?.length, 3);
  assert.match(bars.out, /count 0 +sum 0\n +no observations/);
  const one = await run(['query', 'http_request_duration_seconds'], () => singleHistogram);
  assert.match(one.out, /count 47873 +sum 10307\n +BUCKET +COUNT +%\n/);
  await assert.rejects(
    run(['query', 'x', '--buckets', '--range', '1h'], () => singleHistogram),
    (e: unknown) => e instanceof UsageError && /--buckets/.test(e.message),
  );
});

test('query: a slow query shows a spinner on a terminal stderr, erased before the table; none when stderr is piped', async () => {
  const slow = async () => (await new Promise((r) => setTimeout(r, 450)), fx.vectorResult);
  const tty = await run(['query', 'http_requests_total'], slow, bufferIO({ columns: 80, rows: 24, isTTY: true, stderrIsTTY: true }));
  assert.match(tty.err, /^\r. running the query \(Ctrl-C cancels\) 0\.\ds/);
  assert.match(tty.err, /\r +\r$/, 'the line is erased at the end');
  assert.match(tty.out, /^http_requests_total\{/);
  const piped = await run(['query', 'http_requests_total'], slow, bufferIO({ columns: 80, rows: 24, isTTY: true, stderrIsTTY: false }));
  assert.equal(piped.err, '');
});
