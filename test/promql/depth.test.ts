// Deep nesting (issue 14, item 7): 50,000 nested parentheses and a
// 20,000-term sum parse, print and evaluate, as in Prometheus; past the
// documented limit (MAX_NESTING) the answer is a parse error, never a stack
// overflow or an internal error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_NESTING, ParseError, parse } from '../../src/promql/index.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { createWorkerBackend } from '../../src/backends/worker.js';

const parens = (n: number, inner = 'x') => '('.repeat(n) + inner + ')'.repeat(n);
const sum = (n: number) => Array(n).fill('x').join(' + ');

test('past the limit: a parse error naming the limit, with a position', () => {
  assert.ok(MAX_NESTING >= 10_000);
  for (const q of [parens(MAX_NESTING + 1), sum(MAX_NESTING + 2), `-${'-'.repeat(MAX_NESTING)}x`]) {
    assert.throws(
      () => parse(q),
      (e: unknown) => e instanceof ParseError && /^1:\d+: parse error: expression nested too deeply \(limit 100000\)$/.test(e.message),
    );
  }
});

test('fmt prints 50,000 nested parentheses and a 20,000-term sum back unchanged', async () => {
  for (const q of [parens(50_000), sum(20_000)]) {
    const io = bufferIO();
    const code = await main(['node', 'promlearn', 'fmt', q], io);
    assert.equal(io.output.err, '');
    assert.equal(code, 0);
    assert.equal(io.output.out, q + '\n');
  }
});

test('the query worker evaluates 50,000 nested parentheses and a 20,000-term sum', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-deep-'));
  try {
    const file = join(dir, 'x.prom');
    writeFileSync(file, '# TYPE x gauge\nx{a="1"} 2 1700000000000\n');
    const b = await createWorkerBackend({ kind: 'file', path: file }, { name: 'x', description: 'file' });
    try {
      const p = await b.instantQuery(parens(50_000), 1_700_000_000);
      assert.deepEqual(p.data, { resultType: 'vector', result: [{ metric: { __name__: 'x', a: '1' }, value: [1_700_000_000, '2'] }] });
      const s = await b.instantQuery(sum(20_000), 1_700_000_000);
      assert.deepEqual(s.data, { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1_700_000_000, '40000'] }] });
      await assert.rejects(b.instantQuery(parens(MAX_NESTING + 1), 1_700_000_000), /expression nested too deeply \(limit 100000\)/);
    } finally {
      await b.close?.();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an engine on a thread with the default stack says the query is too deep, not a stack trace', async () => {
  const { Engine } = await import('../../src/engine/index.js');
  const { MemoryStore } = await import('../../src/storage/store.js');
  const { QueryError } = await import('../../src/errors.js');
  const store = new MemoryStore();
  store.finish();
  assert.throws(
    () => new Engine(store).instantQuery(parens(20_000), 0),
    (e: unknown) => e instanceof QueryError && /^expression nested too deeply for this thread's stack/.test(e.message),
  );
});
