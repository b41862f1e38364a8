// Prometheus 3's UTF-8 metric names in exposition files: quoted in `# TYPE`,
// `# HELP` and `# UNIT` as in the series (`{"my.metric",a="b"}`), through both
// the text parser and the byte-level file loader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpositionError, parseExposition } from '../../src/storage/exposition.js';
import { loadDatasetFile } from '../../src/dataset/load-file.js';
import type { MemoryStore } from '../../src/storage/store.js';

const TEXT = `# HELP "my.metric" A gauge with a "dotted" name.
# TYPE "my.metric" gauge
{"my.metric",host="a"} 1 1000
{"my.metric",host="a"} 2 2000
# HELP "quote\\"d name" Has an escaped quote.
# TYPE "quote\\"d name" counter
{"quote\\"d name"} 5 1000
# TYPE plain_metric gauge
plain_metric 3 1000
`;

const OM = `# TYPE "req.duration_seconds" counter
# UNIT "req.duration_seconds" seconds
# HELP "req.duration_seconds" Time spent.
{"req.duration_seconds_total",route="/"} 4 1
# EOF
`;

function check(store: MemoryStore): void {
  assert.deepEqual(store.getMetadata('my.metric'), { type: 'gauge', help: 'A gauge with a "dotted" name.', unit: '' });
  assert.deepEqual(store.getMetadata('quote"d name'), { type: 'counter', help: 'Has an escaped quote.', unit: '' });
  assert.deepEqual(store.getMetadata('plain_metric'), { type: 'gauge', help: '', unit: '' });
  const names = Array.from({ length: store.numSeries }, (_, id) => store.labels(id).__name__);
  assert.deepEqual(names.sort(), ['my.metric', 'plain_metric', 'quote"d name']);
}

test('quoted metric names in # TYPE and # HELP (text format)', () => {
  check(parseExposition(TEXT));
});

test('quoted metric names in # TYPE, # UNIT and # HELP (OpenMetrics)', () => {
  const store = parseExposition(OM);
  assert.deepEqual(store.getMetadata('req.duration_seconds'), { type: 'counter', help: 'Time spent.', unit: 'seconds' });
});

test('quoted metric names through the streaming file loader', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-utf8-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'data.prom');
  writeFileSync(file, TEXT);
  check(await loadDatasetFile(file));
});

test('a bad quoted name names the line', () => {
  for (const bad of ['# TYPE "unterminated gauge\nx 1 1\n', '# TYPE "a"gauge\n', '# TYPE "" gauge\n']) {
    assert.throws(
      () => parseExposition(bad),
      (e: unknown) => e instanceof ExpositionError && /line 1/.test(e.message),
      bad,
    );
  }
});
