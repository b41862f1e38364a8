// --max-samples: the embedded engine's sample limit from the command line, end to end
// through main() and a dataset file loaded in this thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import type { OpenBackendOptions } from '../../src/cli/deps.js';

/** 10 series with a sample every 15 s for 25 minutes (times in ms, as the text format has them). */
function datasetFile(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-max-samples-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const lines = ['# TYPE m gauge'];
  for (let s = 0; s < 10; s++) for (let i = 0; i <= 100; i++) lines.push(`m{i="${s}"} ${i * s} ${1_700_000_000_000 + i * 15_000}`);
  const file = join(dir, 'data.prom');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function run(argv: string[], seen: OpenBackendOptions[] = []) {
  const io = bufferIO({ columns: 100, rows: 24, env: { NO_COLOR: '1' } });
  const openBackend = (opts: OpenBackendOptions) => {
    seen.push(opts);
    return openLocalDataset({ file: opts.dataset, inProcess: true, maxSamples: opts.maxSamples }, QUIET_HOST);
  };
  const code = await main(['node', 'promlearn', ...argv], io, { openBackend });
  return { code, out: io.output.out, err: io.output.err };
}

test('--max-samples limits what a query may hold and the error shows which part', async (t) => {
  const file = datasetFile(t);
  const ok = await run(['query', 'count_values("v", m)', '--dataset', file, '--range', '20m', '--step', '15s', '-o', 'csv']);
  assert.equal(ok.code, 0, ok.err);
  const seen: OpenBackendOptions[] = [];
  const r = await run(
    ['query', 'count_values("v", m)', '--dataset', file, '--range', '20m', '--step', '15s', '--max-samples', '2000'],
    seen,
  );
  assert.equal(seen[0]?.maxSamples, 2000);
  assert.equal(r.code, 1);
  assert.match(r.err, /too many samples/);
  assert.match(r.err, /count_values\("v", m\) needs more than 2000 samples/);
  assert.match(r.err, /\n\s*\^~+/, 'a caret under the sub-expression');
});

test('--max-samples takes a positive whole number and only the embedded engine', async () => {
  for (const bad of ['0', '-5', '1.5', 'lots']) {
    const r = await run(['range', 'up', '--max-samples', bad]);
    assert.equal(r.code, 2, bad);
    assert.match(r.err, /--max-samples/);
  }
  const io = bufferIO({ columns: 100, rows: 24, env: { NO_COLOR: '1' } });
  const code = await main(['node', 'promlearn', 'query', 'up', '--server', 'http://127.0.0.1:9', '--max-samples', '10'], io);
  assert.equal(code, 2);
  assert.match(io.output.err, /--query\.max-samples/);
});
