// The REPL through the CLI, on the real bundled sample dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { hostFromIO } from '../../src/backends/options.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import type { Backend } from '../../src/backends/backend.js';

async function run(lines: string) {
  const io = bufferIO({ env: {} });
  const stdin = new PassThrough();
  stdin.end(lines);
  io.stdin = stdin;
  const before = process.exitCode;
  const code = await main(['node', 'promlearn', 'repl'], io, sampleDeps(io));
  process.exitCode = before; // main reads the REPL's status from here; do not leak it into the test run
  return { code, out: io.output.out, err: io.output.err };
}

test('promlearn repl with piped input runs queries on the sample dataset', async () => {
  const r = await run('up{job="api"}\nsum by (job) (\n  rate(http_requests_total[5m])\n)\n.range 30m\nsum(up)\n');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /api-1:8080/);
  assert.match(r.out, /^frontend\s+\d/m);
  assert.match(r.out, /range mode: 30m/);
  assert.match(r.out, /┤/); // a chart
});

test('promlearn repl exits 1 when a piped query fails, after running the rest', async () => {
  const r = await run('rate(up)\nup{job="api"}\n');
  assert.equal(r.code, 1);
  assert.match(r.err, /parse error[\s\S]*rate\(up\)\n\s+\^/);
  assert.match(r.out, /api-1:8080/);
});

// No clock in this test: the query would run for hours, so the session can
// answer the next one only if Ctrl-C really stopped the worker.
test(
  'terminal on the real sample dataset (worker backend): Ctrl-C cancels a running query, the session goes on',
  { timeout: 120_000 },
  async () => {
    const { drive } = await import('./fake.js');
    const { openLocalDataset } = await import('../../src/backends/open.js');
    const backend = await openLocalDataset({}, hostFromIO(bufferIO()));
    try {
      // Ctrl-C is typed when the query reaches the backend (an event, not a delay).
      let queryStarted!: () => void;
      const started = new Promise<void>((resolve) => (queryStarted = resolve));
      const watched: Backend = {
        ...backend,
        instantQuery: (...args) => {
          queryStarted();
          return backend.instantQuery(...args);
        },
      };
      const d = drive({ backend: watched });
      await d.waitFor('> ');
      // Hours of evaluation: a one-second subquery over six hours, nested.
      d.type('count_over_time(max_over_time(rate(http_requests_total[5m])[6h:1s])[6h:1s])\r');
      await started;
      d.type('\x03');
      await d.waitFor('cancel');
      const at = d.output().length;
      d.type('count(up)\r');
      await d.waitFor(/\b11\b/, at);
      d.type('.quit\r');
      assert.equal(await d.done, 0);
    } finally {
      await backend.close?.();
    }
  },
);

test('an empty line ends an unfinished query: the parse error with its caret, then the next line runs alone', async () => {
  const r = await run('sum(rate(http_requests_total[5m]) by (job)\n\nsum(up)\n');
  assert.equal(r.code, 1);
  assert.match(r.err, /parse error/);
  assert.match(r.err, /\n {2}sum\(rate\(http_requests_total\[5m\]\) by \(job\)\n {2} *\^/);
  assert.match(r.out, /^\{\}\s+\d+\s*$/m); // sum(up) ran on its own
});
