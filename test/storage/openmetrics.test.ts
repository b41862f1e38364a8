import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExposition } from '../../src/storage/exposition.js';
import { formatSecondsTs, openMetricsChunks, writeOpenMetrics, writeTextFormat } from '../../src/storage/openmetrics.js';
import { MemoryStore, STALE_NAN } from '../../src/storage/store.js';
import { dump } from './dump.js';

function sampleStore(): MemoryStore {
  const s = new MemoryStore();
  // 'stale' stands for STALE_NAN: V8 drops NaN payloads in arrays of numbers.
  const add = (labels: Record<string, string>, pts: [number, number | 'stale'][]) => {
    const id = s.getOrCreateSeries(labels);
    for (const [t, v] of pts) s.append(id, t, v === 'stale' ? STALE_NAN : v);
  };
  add({ __name__: 'http_requests_total', method: 'GET', path: '/a "b"\\c\nd' }, [
    [1_767_225_600_000, 1],
    [1_767_225_615_123, 2],
    [1_767_225_630_000, 3],
  ]);
  add({ __name__: 'temp_celsius', room: 'x' }, [
    [1_767_225_600_000, -0],
    [1_767_225_601_000, NaN],
    [1_767_225_602_000, Infinity],
    [1_767_225_603_000, 'stale'],
    [1_767_225_604_000, -Infinity],
    [1_767_225_605_000, 1e-7],
    // eslint-disable-next-line no-loss-of-precision -- the value Go prints for this literal
    [1_767_225_606_000, 1.2345678901234568e23],
  ]);
  add({ __name__: 'lat_seconds_bucket', le: '0.5' }, [[1_767_225_600_000, 3]]);
  add({ __name__: 'lat_seconds_bucket', le: '+Inf' }, [[1_767_225_600_000, 5]]);
  add({ __name__: 'lat_seconds_count' }, [[1_767_225_600_000, 5]]);
  add({ __name__: 'lat_seconds_sum' }, [[1_767_225_600_000, 1.25]]);
  add({ __name__: 'no_meta' }, [[0, 1]]);
  s.setMetadata('http_requests', { type: 'counter', help: 'Requests "served".\nMultiline \\ help', unit: '' });
  s.setMetadata('temp_celsius', { type: 'gauge', help: 'Temperature.', unit: 'celsius' });
  s.setMetadata('lat_seconds', { type: 'histogram', help: 'Latency.', unit: 'seconds' });
  s.finish();
  return s;
}

test('timestamps are seconds with ms precision', () => {
  assert.equal(formatSecondsTs(1_767_225_600_123), '1767225600.123');
  assert.equal(formatSecondsTs(5), '0.005');
  assert.equal(formatSecondsTs(-1500), '-1.500');
});

test('writeOpenMetrics output follows promtool 2.42 rules', () => {
  const text = writeOpenMetrics(sampleStore());
  const lines = text.split('\n');
  assert.equal(lines.at(-1), '');
  assert.equal(lines.at(-2), '# EOF');
  assert.ok(!lines.slice(0, -1).includes(''), 'no blank lines');
  assert.ok(!/untyped/.test(text));
  assert.ok(lines.includes('# TYPE http_requests counter'));
  assert.ok(lines.includes('# UNIT temp_celsius celsius'));
  assert.ok(lines.includes('# UNIT lat_seconds seconds'));
  assert.ok(lines.includes('# TYPE no_meta unknown'));
  assert.ok(lines.includes('http_requests_total{method="GET",path="/a \\"b\\"\\\\c\\nd"} 2 1767225615.123'));
  assert.ok(lines.includes('temp_celsius{room="x"} +Inf 1767225602.000'));
  assert.ok(!text.includes('1767225603.000'), 'stale markers are skipped');
  // One chunked write equals the whole write.
  assert.equal([...openMetricsChunks(sampleStore(), { chunkLines: 3 })].join(''), text);
});

test('parseExposition(writeOpenMetrics(store)) reproduces the store, minus stale markers', () => {
  const store = sampleStore();
  const back = parseExposition(writeOpenMetrics(store));
  const want = dump(store);
  const temp = '{"__name__":"temp_celsius","room":"x"}';
  want[temp] = want[temp].filter(([t]) => t !== 1_767_225_603_000);
  const got = dump(back);
  assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort());
  for (const k of Object.keys(want)) {
    assert.deepEqual(got[k].length, want[k].length, k);
    got[k].forEach(([t, v], i) => {
      assert.equal(t, want[k][i][0]);
      assert.ok(Object.is(v, want[k][i][1]), `${k}[${i}]: ${v} vs ${want[k][i][1]}`);
    });
  }
  for (const fam of ['http_requests', 'temp_celsius', 'lat_seconds']) assert.deepEqual(back.getMetadata(fam), store.getMetadata(fam), fam);
});

test('writeTextFormat round-trips through the text parser', () => {
  const store = sampleStore();
  const text = writeTextFormat(store);
  assert.ok(text.includes('temp_celsius{room="x"} +Inf 1767225602000'));
  assert.ok(!text.includes('# EOF'));
  const back = parseExposition(text, { format: 'text' });
  assert.equal(back.numSamples, store.numSamples - 1);
  assert.deepEqual(back.getMetadata('temp_celsius'), { type: 'gauge', help: 'Temperature.', unit: '' });
});

const hasPromtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const promtoolSkip = hasPromtool ? false : process.env.CI === 'true' ? false : 'promtool is not installed';

test('promtool tsdb create-blocks-from openmetrics accepts the output', { skip: promtoolSkip }, () => {
  assert.ok(hasPromtool, 'promtool must be installed when CI=true');
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-om-'));
  try {
    const file = join(dir, 'data.om');
    writeFileSync(file, writeOpenMetrics(sampleStore()));
    const r = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, join(dir, 'data')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `promtool failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
