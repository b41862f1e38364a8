import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../src/backends/backend.js';
import { FakeBackend, drive, piped, END } from './fake.js';
import { HistoryFile } from '../../src/repl/history.js';

/** The queries a fake backend was asked to run, in order. */
function queries(b: Backend): (string | undefined)[] {
  return (b as FakeBackend).calls.filter((c) => c.kind === 'instant' || c.kind === 'range').map((c) => c.query);
}

test('piped: each query runs, no prompt, exit 0', async () => {
  const r = await piped('up\n\n# a comment\nhttp_requests_total\n');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /a:1/);
  assert.match(r.out, /code/);
  assert.doesNotMatch(r.out, /sample@|> /);
  assert.doesNotMatch(r.out, /\x1b\[/); // no colour or cursor codes
});

test('piped: a bad query shows the caret, the next still runs, exit 1', async () => {
  const r = await piped(')up\nup\n');
  assert.equal(r.code, 1);
  assert.match(r.err, /parse error/);
  assert.match(r.err, /\n {2}\)up\n {2}\^/);
  assert.match(r.out, /w:1/);
});

test('piped: unbalanced input continues on the next line, trailing operators too', async () => {
  const backend = new FakeBackend();
  const r = await piped('sum(\n  up\n)\nup +\nup\n', { backend });
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    backend.calls.filter((c) => c.kind === 'instant').map((c) => c.query),
    ['sum(\n  up\n)', 'up +\nup'],
  );
});

test('piped: unfinished input at the end still runs (and its error is shown)', async () => {
  const backend = new FakeBackend();
  await piped('sum(up', { backend });
  assert.deepEqual(
    backend.calls.filter((c) => c.kind === 'instant').map((c) => c.query),
    ['sum(up'],
  );
});

test('meta-commands: mode, time, step, output, limit', async () => {
  const backend = new FakeBackend();
  const r = await piped(
    [
      '.range 1h',
      'up',
      '.step 5m',
      'up',
      '.instant',
      '.at 2026-01-15T10:00:00Z',
      'up',
      '.at -1h',
      '.at reset',
      '.output json',
      'up',
      '.output csv',
      'up',
      '.output yaml',
      '.limit 1',
      '.output table',
      'up',
      '.limit auto',
      '.step auto',
      '',
    ].join('\n'),
    { backend },
  );
  const q = backend.calls.filter((c) => c.kind === 'instant' || c.kind === 'range');
  assert.deepEqual(q[0], { kind: 'range', query: 'up', args: [END - 3600, END, 30] });
  assert.deepEqual(q[1].args, [END - 3600, END, 300]);
  assert.deepEqual(q[2], { kind: 'instant', query: 'up', args: [END - 7200] });
  assert.match(r.out, /evaluating at 2026-01-15 11:00 UTC/); // -1h from the dataset's end
  assert.match(r.out, /"metric":\s*\{/);
  assert.match(r.out, /instance.*job|job.*instance/);
  assert.match(r.err, /unknown output format "yaml"/);
  assert.match(r.out, /1 more series/);
  assert.equal(r.code, 1); // the bad .output counts as a failure
});

test('meta-commands: .metrics, .labels, .help, unknown, .quit stops reading', async () => {
  const backend = new FakeBackend();
  const r = await piped(['.metrics http', '.labels', '.labels job', '.help', '.rnage 1h', '.quit', 'up', ''].join('\n'), { backend });
  assert.match(r.out, /http_requests_total\s+counter\s+Requests served\./);
  assert.match(r.out, /http_request_duration_seconds_bucket/);
  assert.match(r.out, /^instance$/m);
  assert.match(r.out, /^api\nweb$/m);
  assert.match(r.out, /\.range <duration>/);
  assert.match(r.err, /unknown command "\.rnage"[\s\S]*did you mean \.range/);
  assert.equal(backend.calls.filter((c) => c.kind === 'instant').length, 0);
});

test('.fmt pretty-prints, with the caret on a parse error; .lesson wants a terminal', async () => {
  const r = await piped('.fmt sum(rate(x[5m]))by(job)\n.fmt rate(x)\n.lesson\n');
  assert.match(r.out, /^sum by \(job\) \(rate\(x\[5m\]\)\)$/m);
  assert.match(r.err, /parse error: expected type range vector[\s\S]*\n {2}rate\(x\)\n {7}\^/);
  assert.match(r.err, /\.lesson needs a terminal[\s\S]*promlearn learn/);
});

test('.server and .sample switch backends through openBackend', async () => {
  const remote = new FakeBackend({ name: 'prod', description: 'Prometheus at http://prod', kind: 'remote' });
  const local = new FakeBackend();
  const asked: (string | undefined)[] = [];
  const r = await piped('.server http://prod:9090\nup\n.sample\nup\n', {
    backend: local,
    openBackend: async (url) => {
      asked.push(url);
      return url ? remote : new FakeBackend();
    },
  });
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(asked, ['http://prod:9090', undefined]);
  assert.match(r.out, /now using Prometheus at http:\/\/prod/);
  assert.equal(remote.calls.filter((c) => c.kind === 'instant').length, 1);
  assert.equal(remote.closed, true); // opened by the REPL, closed when left
  assert.equal(local.closed, false); // the caller's backend is the caller's to close
});

test('a server going away gives a clear error; the next query retries', async () => {
  const backend = new FakeBackend();
  backend.down = true;
  let n = 0;
  const orig = backend.instantQuery.bind(backend);
  backend.instantQuery = (q, t, o) => {
    if (n++ === 1) backend.down = false;
    return orig(q, t, o);
  };
  const r = await piped('up\nup\n', { backend });
  assert.match(r.err, /cannot reach the server[\s\S]*hint: is it running\?/);
  assert.match(r.out, /a:1/);
});

test('terminal: prompt shows backend and time; Tab completes through readline', async () => {
  const d = drive();
  await d.waitFor('sample@2026-01-15 12:00> ');
  d.type('irat');
  d.type('\t');
  await d.waitFor('irate(');
  d.type('\x15'); // Ctrl-U: clear the line
  d.type('up{');
  d.type('\t');
  d.type('\t');
  await d.waitFor(/instance\s+job/);
  d.type('\x04'); // Ctrl-D on a non-empty line deletes; clear first
  d.type('\x15');
  d.type('\x04');
  assert.equal(await d.done, 0);
});

test('terminal: multi-line input uses the continuation prompt', async () => {
  const d = drive();
  await d.waitFor('> ');
  d.type('sum(\r');
  await d.waitFor('...> ');
  d.type('up)\r');
  await d.waitFor('empty result');
  d.end();
  await d.done;
  assert.deepEqual(queries(d.backend), ['sum(\nup)']);
});

test('terminal: Ctrl-C cancels a slow query and the session goes on', async () => {
  const d = drive();
  await d.waitFor('> ');
  d.type('slow_query\r');
  const backend = d.backend as FakeBackend;
  for (let i = 0; i < 2000 && backend.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  d.type('\x03');
  await d.waitFor('query cancelled');
  d.type('up\r');
  await d.waitFor('w:1');
  d.type('\x03'); // on an empty line: how to leave
  await d.waitFor('.quit or press Ctrl-D');
  d.type('.quit\r');
  assert.equal(await d.done, 0);
});

test('terminal: Ctrl-C drops a half-typed multi-line query', async () => {
  const d = drive();
  await d.waitFor('> ');
  d.type('sum(\r');
  await d.waitFor('...> ');
  d.type('\x03');
  await d.waitFor('^C');
  d.type('up\r');
  await d.waitFor('a:1');
  d.end();
  await d.done;
  assert.deepEqual(queries(d.backend), ['up']);
});

test('terminal: history is saved 0600, de-duplicated, multi-line as one, and recalled next session', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-repl-'));
  try {
    const d = drive({ stateDir: dir });
    await d.waitFor('> ');
    for (const line of ['up\r', 'sum(\r', 'up)\r', 'up\r', '.output table\r']) {
      const at = d.output().length;
      d.type(line);
      await d.waitFor(/> (\x1b\[\d+G)?$/, at);
    }
    d.end();
    await d.done;
    const file = join(dir, 'history');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    // Appended as typed (two sessions may write at once); read back de-duplicated.
    assert.equal(readFileSync(file, 'utf8'), 'up\nsum(\\nup)\nup\n.output table\n');
    assert.deepEqual(new HistoryFile(dir).load(), ['sum(\nup)', 'up', '.output table']);

    const d2 = drive({ stateDir: dir });
    await d2.waitFor('> ');
    d2.type('\x1b[A'); // Up
    d2.type('\x1b[A');
    await d2.waitFor('up');
    d2.type('\r');
    await d2.waitFor('a:1');
    // Ctrl-R finds the multi-line entry; Enter runs it.
    d2.type('\x12');
    d2.type('sum');
    await d2.waitFor("(reverse-i-search)'sum': sum( ↵ up)");
    d2.type('\r');
    for (let i = 0; i < 2000 && queries(d2.backend).length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    d2.end();
    await d2.done;
    assert.deepEqual(queries(d2.backend), ['up', 'sum(\nup)']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('terminal: Ctrl-R then Esc keeps the original line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-repl-'));
  try {
    const d = drive({ stateDir: dir });
    await d.waitFor('> ');
    d.type('up\r');
    await d.waitFor('a:1');
    d.type('hello');
    d.type('\x12');
    d.type('u');
    await d.waitFor("(reverse-i-search)'u': up");
    d.type('\x07'); // Ctrl-G cancels
    d.type('\x15');
    d.type('.quit\r');
    await d.done;
    assert.deepEqual(queries(d.backend), ['up']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('.clear drops an unfinished multi-line query', async () => {
  const backend = new FakeBackend();
  const r = await piped('sum(\n.clear\nup\n', { backend });
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(queries(backend), ['up']);
});

test('terminal: Tab completes meta-commands and label values', async () => {
  const d = drive();
  await d.waitFor('> ');
  d.type('.ra');
  d.type('\t');
  await d.waitFor('.range ');
  d.type('\x15');
  d.type('up{job=');
  d.type('\t');
  d.type('a');
  d.type('\t');
  await d.waitFor('up{job="api"');
  d.type('}\r');
  await d.waitFor('a:1');
  d.end();
  await d.done;
  assert.deepEqual(queries(d.backend), ['up{job="api"}']);
});

test('terminal: a missing bracket does not trap the session: the hint says how out, an empty line runs what is there', async () => {
  const d = drive();
  await d.waitFor('> ');
  d.type('sum(rate(x[5m]) by (job)\r');
  await d.waitFor('...> ');
  assert.match(d.output(), /an empty line runs it as it is, Ctrl-C or \.clear drops it/);
  d.type('\r');
  await d.waitFor('no series matched `x`');
  d.type('up\r');
  await d.waitFor('a:1');
  d.end();
  await d.done;
  assert.deepEqual(queries(d.backend), ['sum(rate(x[5m]) by (job)', 'up']);
});

test('.var sets Grafana variables for pasted queries; $__rate_interval follows the range step; unset ones say how', async () => {
  const backend = new FakeBackend();
  const r = await piped(
    [
      'up{job=~"$job"}',
      '.var job=api',
      'up{job=~"$job"}',
      '.range 1h',
      '.step 5m',
      'rate(up[$__rate_interval])',
      '.var',
      '.var job=',
      'up{job=~"${job}"}',
      '',
    ].join('\n'),
    { backend },
  );
  assert.deepEqual(queries(backend), ['up{job=~"api"}', 'rate(up[5m15s])']);
  assert.match(r.err, /\$job has no value[\s\S]*\.var job=VALUE/);
  assert.match(r.err, /Grafana variables: \$job = api/);
  assert.match(r.out, /^\$job = api$/m);
  assert.match(r.out, /\$job unset/);
  assert.equal(r.code, 1);
});

test('repl options: --var values and the scrape interval reach the session', async () => {
  const backend = new FakeBackend();
  await piped('rate(up{job="$job"}[$__rate_interval])\n', { backend, grafana: { vars: { job: ['web'] }, scrapeIntervalMs: 60_000 } });
  assert.deepEqual(queries(backend), ['rate(up{job="web"}[4m])']);
});

/** A backend whose query `gate` waits until open() is called. */
class GatedBackend extends FakeBackend {
  open!: () => void;
  private readonly gate = new Promise<void>((r) => (this.open = r));
  override async instantQuery(query: string, time: number) {
    this.calls.push({ kind: 'instant', query, args: [time] });
    if (query === 'gate') await this.gate;
    return { data: { resultType: 'vector' as const, result: [] } };
  }
}

test('terminal: input typed or pasted during a running query is kept, in order, and runs after it (issue 15 item 3)', async () => {
  const backend = new GatedBackend();
  const d = drive({ backend });
  await d.waitFor('> ');
  d.type('gate\r');
  for (let i = 0; i < 2000 && backend.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  const lines = Array.from({ length: 5000 }, (_, i) => `up{n="${i}"}`);
  d.type(lines.join('\r') + '\r'); // a paste, in one chunk
  d.type('sum('); // and a few keys typed after it, not yet a line
  d.type('up');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(queries(backend).length, 1, 'nothing runs before the running query ends');
  // Not drawn over the running query's output (readline would echo them at once, prompt and all).
  assert.doesNotMatch(d.output(), /sum\(|n="4999"/);
  backend.open();
  for (let i = 0; i < 12000 && queries(backend).length < 5001; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(queries(backend), ['gate', ...lines]);
  await d.waitFor(/> \S*sum\(up$/);
  d.type(')\r');
  for (let i = 0; i < 2000 && queries(backend).length < 5002; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(queries(backend).at(-1), 'sum(up)', JSON.stringify(d.output().slice(-400)));
  d.end();
  await d.done;
});

test('range mode refuses more points than the CLI does (11,000 per series)', async () => {
  const backend = new FakeBackend();
  const r = await piped('.range 7d\n.step 1s\nup\n.step auto\nup\n', { backend });
  assert.match(r.err, /the range would have 604801 points per series; Prometheus allows at most 11000[\s\S]*\.step auto/);
  assert.equal(queries(backend).length, 1);
});

test('terminal: Ctrl-D ends the line, so the shell prompt starts on its own', async () => {
  const d = drive();
  await d.waitFor('> ');
  d.type('\x04');
  assert.equal(await d.done, 0);
  assert.match(d.output(), /> (\x1b\[\d+G)?\n$/);
});

test('.explain replaces Grafana variables as queries do', async () => {
  const r = await piped('.var job=api\n.explain rate(up{job="$job"}[$__rate_interval])\n');
  assert.match(r.err, /Grafana variables: \$job = api, \$__rate_interval = 1m/);
  assert.match(r.out, /rate\(up\{job="api"\}\[1m\]\)/);
});

test('.tz: times shown and .at read in the zone; a bad zone is an error with a hint; the query time is the same instant', async () => {
  const backend = new FakeBackend();
  const r = await piped(
    ['.tz Asia/Seoul', '.at 2026-01-15 19:00', 'up', '.tz Mars/Base', '.tz UTC', '.at 2026-01-15 10:00', 'up', ''].join('\n'),
    {
      backend,
    },
  );
  const { setDisplayZone } = await import('../../src/util/time.js');
  setDisplayZone('UTC');
  assert.match(r.out, /time zone Asia\/Seoul: /);
  assert.match(r.out, /evaluating at 2026-01-15 19:00 \+09:00/);
  assert.match(r.out, /evaluating at 2026-01-15 10:00 UTC/);
  assert.match(r.err, /\.tz: unknown time zone "Mars\/Base"[\s\S]*hint: use an IANA zone name such as Asia\/Seoul/);
  const q = backend.calls.filter((c) => c.kind === 'instant');
  // 19:00 in Seoul and 10:00 UTC are the same instant.
  assert.deepEqual(q[0]!.args, q[1]!.args);
  assert.equal(q[0]!.args?.[0], Date.UTC(2026, 0, 15, 10) / 1000);
});
