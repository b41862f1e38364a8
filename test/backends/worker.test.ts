// The worker-thread local backend: answers like the in-process one, cancels
// a running query on abort and stays usable, keeps error classes across the
// thread boundary, and does not keep the process alive.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkerBackend } from '../../src/backends/worker.js';
import { QueryError, UsageError } from '../../src/errors.js';
import { ParseError } from '../../src/promql/errors.js';

const opts = { name: 'sample', description: 'sample dataset (embedded engine)' };

// No clock here either: the cancelled query would run for hours, so the
// worker can serve the next call only if it noticed the abort mid-evaluation.
test('worker backend: answers, cancels a slow query, keeps error classes', { timeout: 120_000 }, async () => {
  const b = await createWorkerBackend({ kind: 'sample' }, opts);
  try {
    const info = await b.info();
    assert.equal(info.kind, 'local');
    const end = info.dataRange!.end;
    const up = await b.instantQuery('count(up)', end);
    assert.equal(up.data.resultType, 'vector');

    // A one-second subquery over every series for six hours, at each of 1441 steps: hours of work.
    const ac = new AbortController();
    const slow = b.rangeQuery('max_over_time(rate({__name__=~".+"}[5m])[6h:1s])', info.dataRange!.start, end, 15, { signal: ac.signal });
    ac.abort();
    await assert.rejects(slow, (e: unknown) => e instanceof QueryError && e.errorType === 'canceled' && e.message === 'query canceled');
    // The worker noticed the flag and serves the next query.
    const again = await b.instantQuery('count(up)', end);
    assert.deepEqual(again.data, up.data);

    await assert.rejects(b.instantQuery('sum(up', end), (e: unknown) => {
      assert.ok(e instanceof ParseError);
      assert.equal(e.errorType, 'bad_data');
      assert.equal(e.query, 'sum(up');
      assert.equal(e.position?.start, 6);
      assert.match(e.message, /^1:7: parse error: unclosed left parenthesis/);
      return true;
    });
    await assert.rejects(
      b.instantQuery('up + on() up', end),
      (e: unknown) => e instanceof QueryError && e.errorType === 'execution' && e.query === 'up + on() up',
    );
    // A traced query crosses the thread as plain data; the root node is the query's own result, and a
    // traced query is cancelled like any other.
    const traced = await b.traceInstantQuery!('sum(rate(http_requests_total[5m])) / count(up)', end);
    assert.deepEqual(traced.nodes.map((n) => n.type).sort(), [
      'AggregateExpr',
      'AggregateExpr',
      'BinaryExpr',
      'Call',
      'MatrixSelector',
      'VectorSelector',
    ]);
    const root = traced.nodes.find((n) => n.type === 'BinaryExpr')!;
    assert.deepEqual(root.result.data, (await b.instantQuery('sum(rate(http_requests_total[5m])) / count(up)', end)).data);
    const ac2 = new AbortController();
    const slowTrace = b.traceInstantQuery!('count(max_over_time(rate({__name__=~".+"}[5m])[6h:1s]))', end, { signal: ac2.signal });
    ac2.abort();
    await assert.rejects(slowTrace, (e: unknown) => e instanceof QueryError && e.errorType === 'canceled');
    assert.deepEqual((await b.instantQuery('count(up)', end)).data, up.data);
    // An already-aborted signal rejects without a round trip.
    await assert.rejects(
      b.instantQuery('up', end, { signal: AbortSignal.abort() }),
      (e: unknown) => e instanceof QueryError && e.errorType === 'canceled',
    );
  } finally {
    await b.close?.();
  }
});

test('worker backend: a file dataset, and its load errors with line numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-worker-'));
  try {
    const good = join(dir, 'good.prom');
    writeFileSync(good, '# TYPE x gauge\nx{a="1"} 5 1700000000000\n');
    const b = await createWorkerBackend({ kind: 'file', path: good }, { name: 'good', description: 'file' });
    const r = await b.instantQuery('x', 1_700_000_000);
    assert.deepEqual(r.data, { resultType: 'vector', result: [{ metric: { __name__: 'x', a: '1' }, value: [1_700_000_000, '5'] }] });
    assert.deepEqual(await b.labelValues('a'), ['1']);
    await b.close?.();

    const bad = join(dir, 'bad.prom');
    writeFileSync(bad, 'x 1 1700000000000\nx{ 2\n');
    await assert.rejects(
      createWorkerBackend({ kind: 'file', path: bad }, opts),
      (e: unknown) => e instanceof UsageError && /^cannot load dataset .*bad\.prom: line 2: unterminated label set$/.test(e.message),
    );
    await assert.rejects(
      createWorkerBackend({ kind: 'file', path: join(dir, 'missing.prom') }, opts),
      (e: unknown) => e instanceof UsageError && /no such file/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('worker backend: an idle worker does not keep the process alive', async () => {
  const url = new URL('../../src/backends/worker.js', import.meta.url).href;
  const script = `const { createWorkerBackend } = await import(${JSON.stringify(url)});
    const b = await createWorkerBackend({ kind: 'sample' }, { name: 's', description: 'd' });
    const i = await b.info();
    const r = await b.instantQuery('count(up)', i.dataRange.end);
    console.log(r.data.resultType);`;
  const { execFile } = await import('node:child_process');
  const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 }, (err, stdout) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
    );
    void child;
  });
  assert.equal(out.code, 0);
  assert.equal(out.stdout.trim(), 'vector');
});
