// `promlearn explain` as a user runs it: help, bad input like `query`,
// --series that matches nothing, JSON output, exit codes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { bufferIO } from '../../src/util/io.js';
import type { CommandDeps } from '../../src/cli/deps.js';
import * as explainCmd from '../../src/cli/explain.js';
import * as queryCmd from '../../src/cli/query.js';
import { isUserError } from '../../src/errors.js';
import { formatError } from '../../src/render/error.js';
import { sampleBackend } from './sample.js';

/** Runs `promlearn <argv>` over the sample; resolves to output and the error as main would print it. */
async function run(argv: string[], columns = 80) {
  const io = bufferIO({ columns, rows: 24 });
  const program = new Command('promlearn').exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const backend = await sampleBackend();
  // The test's backend is shared by every run: closing it is the file's job, not the command's.
  const deps: CommandDeps = { io, openBackend: async () => ({ ...backend, close: undefined }), clock: () => Date.now() / 1000 };
  explainCmd.register(program, deps);
  queryCmd.register(program, deps);
  const saved = process.exitCode;
  let error: string | undefined;
  let exitCode: number;
  try {
    await program.parseAsync(['node', 'promlearn', ...argv]);
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    error = formatError(e);
    exitCode = isUserError(e) ? e.exitCode : 99;
  } finally {
    process.exitCode = saved;
  }
  return { out: io.output.out, err: io.output.err, error, exitCode };
}

test('a query that does not parse: the same message, caret and hint as `query`', async () => {
  for (const bad of ['rate(http_requests_total)', 'sum(rate(http_requests_total[5m])', 'http_requests_total{job="api"', 'up +']) {
    const e = await run(['explain', bad]);
    const q = await run(['query', bad]);
    assert.ok(e.error && /parse error/.test(e.error), `${bad}: ${e.error}`);
    assert.equal(e.error, q.error);
    assert.equal(e.exitCode, 1);
    assert.match(e.error!, /\n  +\^/);
  }
});

test('a query the backend refuses as a whole (experimental function off) fails as `query` does', async () => {
  const e = await run(['explain', 'sort_by_label(up, "job")']);
  const q = await run(['query', 'sort_by_label(up, "job")']);
  assert.ok(e.error);
  assert.equal(e.error, q.error);
});

test('--series that matches nothing says which series exist (usage error)', async () => {
  const r = await run([
    'explain',
    'rate(http_requests_total{job="checkout", route="/api/checkout"}[5m])',
    '--samples',
    '--series',
    '{instance="checkout-9:8080"}',
  ]);
  assert.equal(r.exitCode, 2);
  assert.match(r.error!, /--series \{instance="checkout-9:8080"\} matches none of the \d+ series/);
  assert.match(r.error!, /http_requests_total\{instance="checkout-1:8080", job="checkout"/);
});

test('--series without --samples, and a --series that is not a selector, are usage errors', async () => {
  assert.equal((await run(['explain', 'up', '--series', '{job="api"}'])).exitCode, 2);
  const r = await run(['explain', 'rate(up[5m])', '--samples', '--series', 'sum(up)']);
  assert.equal(r.exitCode, 2);
  assert.match(r.error!, /--series must be a series selector/);
});

test('-o json: the tree as data, the root data equal to query -o json', async () => {
  const q = 'sum by (job) (rate(http_requests_total[5m]))';
  const r = await run(['explain', q, '-o', 'json', '--time', '2026-01-15T10:00:00Z']);
  const x = JSON.parse(r.out);
  const direct = JSON.parse((await run(['query', q, '-o', 'json', '--time', '2026-01-15T10:00:00Z'])).out);
  assert.deepEqual(x.root.data, direct);
  assert.equal(x.root.head, 'sum by (job)');
  assert.equal(x.root.children[0].head, 'rate()');
  assert.equal(x.root.children[0].children[0].kind, 'MatrixSelector');
  assert.equal(x.root.aggregation.groupCount, 3);
  assert.equal(x.time, Date.parse('2026-01-15T10:00:00Z') / 1000);
  assert.match(x.method, /embedded engine/);
});

test('a query that runs but fails (many-to-many) shows the tree and exits 1', async () => {
  const r = await run(['explain', 'http_requests_total / on(job) up']);
  assert.equal(r.exitCode, 1);
  assert.match(r.out, /error: found duplicate series for the match group/);
  assert.match(r.out, /add `instance` to on/);
});

test('--help has examples', async () => {
  const r = await run(['explain', '--help']).catch(() => undefined);
  assert.ok(r === undefined || /Examples:/.test(r.out + (r.error ?? '')));
  const io = bufferIO();
  const program = new Command('promlearn').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  explainCmd.register(program, { io, openBackend: () => Promise.reject(new Error('no backend for --help')), clock: () => 0 });
  await assert.rejects(program.parseAsync(['node', 'promlearn', 'explain', '--help']));
  assert.match(io.output.out, /Examples:\n {2}\$ promlearn explain/);
  assert.match(io.output.out, /--samples/);
});

test('no line is wider than the terminal, at 80 and 120 columns', async () => {
  for (const columns of [80, 120]) {
    const r = await run(
      ['explain', 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))', '--samples'],
      columns,
    );
    for (const line of r.out.split('\n')) assert.ok([...line].length <= columns, `${[...line].length} > ${columns}: ${line}`);
  }
});
