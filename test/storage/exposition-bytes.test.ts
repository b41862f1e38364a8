// The byte parser (files, any size) must give exactly what the text parser
// gives: the same series and samples, the same errors on the same lines,
// whatever the chunk boundaries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteExpositionParser } from '../../src/storage/exposition-bytes.js';
import { ExpositionParser, parseExposition } from '../../src/storage/exposition.js';
import { MemoryStore, STALE_NAN, isStaleNaN } from '../../src/storage/store.js';
import { loadDatasetFile } from '../../src/dataset/load-file.js';
import { dumpExact } from './dump.js';
import { DuplicateLabelSetError } from '../../src/storage/label-sets.js';

function viaBytes(text: string, format: 'openmetrics' | 'text', chunk: number): MemoryStore {
  const p = new ByteExpositionParser(new ExpositionParser(format, undefined), format === 'openmetrics');
  const buf = Buffer.from(text, 'utf8');
  for (let i = 0; i < buf.length; i += chunk) p.feed(buf.subarray(i, i + chunk));
  return p.end();
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

const OM_OK = [
  '# HELP foo_seconds A "quoted" help.',
  '# TYPE foo_seconds counter',
  '# UNIT foo_seconds seconds',
  'foo_seconds_total{a="x"} 1 1700000000.5',
  'foo_seconds_total{a="x"} 2.5 1700000001.123456 # {trace_id="abc"} 1 1700000001',
  'foo_seconds_total{a="x"} -0 1700000002',
  'foo_seconds_total{a="x"} 0.1 1700000003.',
  'foo_seconds_created{a="x"} 1699999999',
  'foo_seconds_created{a="x"} 1699999999 1700000004',
  'g{path="C:\\\\DIR",msg="say \\"hi\\"\\nbye",u="ünïcödé"} 1.5e3 10',
  'g{path="C:\\\\DIR",msg="say \\"hi\\"\\nbye",u="ünïcödé"} 123456789012345678 11',
  'g{path="C:\\\\DIR",msg="say \\"hi\\"\\nbye",u="ünïcödé"} .25 12.9999',
  'g{path="C:\\\\DIR",msg="say \\"hi\\"\\nbye",u="ünïcödé"} NaN 13',
  'g{path="C:\\\\DIR",msg="say \\"hi\\"\\nbye",u="ünïcödé"} +Inf 14',
  'h{b="2",a="1"} 3.14159 20',
  'h{a="1",b="2"} 2.718 21',
  'h{a="1",b="2"} 1.000000000000001 22',
  'h{a="1",b="2"} 0.000001 23',
  '{"quoted.name",a="1"} 7 30',
  'tc{x="1",} 1 40',
  'tc{x="1",y=""} 2 41',
  'tc{} 3 42',
  'tc 4 43',
  '# EOF',
].join('\n');

const TEXT_OK = [
  '# HELP http_requests_total Total requests.\\nSecond line \\\\ done',
  '# TYPE http_requests_total counter',
  'http_requests_total{method="post",code="200"} 1027 1395066363000',
  'http_requests_total{method="post",code="400"}    3 1395066363000',
  'http_requests_total{method="post",code="200"} 1030 1395066364000',
  '',
  '# A free comment',
  '  indented{x="1"} 5 1000  ',
  'spaced {x="1"} 6 1001',
  'crlf 1 1000\r',
  'crlf 2 2000\r',
  'tabs\t3\t1000',
  // Series of one length, each differing from the line before in one byte (first, middle, last).
  'ab{x="12345678"} 1 1000',
  'bb{x="12345678"} 2 1000',
  'ab{x="12345679"} 3 2000',
  'ab{x="02345678"} 4 2000',
  'ab{x="12345678"} 5 3000',
].join('\n');

test('byte parser: same stores as the text parser, at any chunk size', () => {
  for (const [text, format] of [
    [OM_OK + '\n', 'openmetrics'],
    [TEXT_OK + '\n', 'text'],
    [TEXT_OK, 'text'],
  ] as const) {
    const want = dumpExact(parseExposition(text, { format, requireTimestamps: true }));
    for (const chunk of [1, 2, 7, 64, 1 << 20])
      assert.deepEqual(dumpExact(viaBytes(text, format, chunk)), want, `${format}, chunks of ${chunk}`);
  }
});

test('byte parser: the same error on the same line', () => {
  const cases: [string, 'openmetrics' | 'text'][] = [
    ['a 1 2000\na 2 1000\n', 'text'],
    ['a 1 2000\na 1 2000\na 2 2000\n', 'text'],
    ['a 1 2000\na{b="c} 1\n', 'text'],
    ['ok 1 1\nbad 0x10 2\n', 'text'],
    ['a 1 1.5\n', 'text'],
    ['a 1\n', 'text'],
    ['a 1 1 1\n', 'text'],
    ['# TYPE a gauge\n# TYPE a counter\n', 'text'],
    ['a 1 1\n\na 2 2\n# EOF\n', 'openmetrics'],
    ['a 1 1\n# EOF\na 2 2\n', 'openmetrics'],
    ['a 1 1\na 2 2\n', 'openmetrics'],
    ['a{x="1"} 1 1\na{x="1"} 0 0.5\n# EOF\n', 'openmetrics'],
    ['a{x="1"} 1 1\na{x="1"} 1 -5\n# EOF\n', 'openmetrics'],
    ['a{x="\\q"} 1 1\n# EOF\n', 'openmetrics'],
    ['a{x="1",x="2"} 1 1\n# EOF\n', 'openmetrics'],
    ['a{__name__="b"} 1 1\n# EOF\n', 'openmetrics'],
    ['a{x="1"y="2"} 1 1\n# EOF\n', 'openmetrics'],
    ['a{1x="1"} 1 1\n# EOF\n', 'openmetrics'],
  ];
  for (const [text, format] of cases) {
    const want = errorOf(() => parseExposition(text, { format, requireTimestamps: true }));
    assert.notEqual(want, 'no error', text);
    for (const chunk of [1, 3, 1 << 20])
      assert.equal(
        errorOf(() => viaBytes(text, format, chunk)),
        want,
        `${JSON.stringify(text)} in chunks of ${chunk}`,
      );
  }
});

test('store: appended samples, stale markers and shared timestamps survive the append log', () => {
  const text = [
    '# TYPE a gauge',
    ...[0, 1, 2].flatMap((k) => [`a{i="1"} ${k} ${k * 15}`, `a{i="2"} ${k * 2} ${k * 15}`, `b ${k} ${k * 15 + 1}`]),
    '# EOF',
    '',
  ].join('\n');
  const store = viaBytes(text, 'openmetrics', 5);
  const [a1, a2, b] = [0, 1, 2].map((id) => store.samples(id));
  assert.equal(a1.t, a2.t, 'series with equal timestamps share one column');
  assert.notEqual(a1.t, b.t);
  assert.deepEqual([...a2.v], [0, 2, 4]);
  store.append(0, 60_000, STALE_NAN);
  store.append(0, 75_000, 9);
  assert.ok(store.hasStaleMarkers(0));
  assert.deepEqual([...store.floatSamples(0).v], [0, 1, 2, 9]);
  assert.ok(isStaleNaN(store.samples(0).v[3]));
  assert.deepEqual([...store.samples(1).t], [0, 15_000, 30_000], 'the shared column is not written into');
});

test('loadDatasetFile streams a file and detects its format from the tail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-bytes-'));
  try {
    const om = join(dir, 'a.om');
    const lines = Array.from(
      { length: 30_000 },
      (_, i) => `m{i="${i % 3}"} ${i} ${Math.floor(i / 3) * 15}.${String(i % 1000).padStart(3, '0')}`,
    );
    writeFileSync(om, ['# TYPE m gauge', ...lines, '# EOF', ''].join('\n'));
    const progress: number[] = [];
    const store = await loadDatasetFile(om, (done) => progress.push(done));
    assert.equal(store.numSamples, 30_000);
    assert.equal(progress.at(-1), Buffer.byteLength(['# TYPE m gauge', ...lines, '# EOF', ''].join('\n')));
    const text = join(dir, 'a.prom');
    writeFileSync(text, 'm 1 1000\nm 2 2000');
    assert.deepEqual([...(await loadDatasetFile(text)).samples(0).v], [1, 2]);
    await assert.rejects(loadDatasetFile(join(dir, 'missing')), /cannot read dataset .*missing: no such file/);
    await assert.rejects(loadDatasetFile(dir), /it is a directory/);
    writeFileSync(text, 'm 1 1000\nm 2 500\n');
    await assert.rejects(loadDatasetFile(text), /cannot load dataset .*a\.prom: line 2: out-of-order sample/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('byte parser: unsorted labels, escaped quotes, repeated series lines and UTF-8 values load as the text parser reads them', async () => {
  // One series written in several label orders, with escapes and UTF-8, and
  // time-major scrapes of two alternating families (the predicted path, the
  // kept sorting orders, the strings kept as bytes).
  const lines = [
    '# TYPE m gauge',
    'm{b="2",a="1"} 1 1000',
    'm{a="1",b="2"} 2 2000',
    'm{b="2",a="1"} 3 3000',
    'm{a="say \\"hi\\"",b="x"} 4 1000',
    'm{a="say \\"hi\\"",b="x"} 5 2000',
    'm{a="ünï",b="x"} 6 1000',
    'm{b="x",a="ünï"} 7 2000',
    'm{a="1",b="2"} 8 4000',
    'm{a="1",b="2"} 8 4000',
    'n{z="9",y="8",x="7"} 1 1000',
    'n{x="7",y="8",z="9"} 1 1000',
    'n{y="8",x="7",z="9"} 2 2000',
  ];
  for (let k = 0; k < 3; k++)
    for (let i = 0; i < 40; i++)
      lines.push(
        i % 2 === 0
          ? `req_total{job="j${i % 5}",instance="h${i >> 1}:9100",code="${200 + (i % 3)}"} ${k * i} ${5000 + k * 15000}`
          : `mem_bytes{job="j${i % 5}",instance="h${i >> 1}:9100"} ${k + i / 8} ${5000 + k * 15000 + 1}`,
      );
  const text = lines.join('\n') + '\n';
  const want = dumpExact(parseExposition(text, { format: 'text', requireTimestamps: true }));
  for (const chunk of [1, 5, 64, 1 << 20]) assert.deepEqual(dumpExact(viaBytes(text, 'text', chunk)), want, `chunks of ${chunk}`);

  const store = viaBytes(text, 'text', 1 << 20);
  const byLabels = new Map(Array.from({ length: store.numSeries }, (_, id) => [JSON.stringify(store.labels(id)), id]));
  const values = (labels: Record<string, string>) => [...store.samples(byLabels.get(JSON.stringify(labels))!).v];
  assert.deepEqual(values({ __name__: 'm', a: '1', b: '2' }), [1, 2, 3, 8]);
  assert.deepEqual(values({ __name__: 'm', a: 'say "hi"', b: 'x' }), [4, 5]);
  assert.deepEqual(values({ __name__: 'm', a: 'ünï', b: 'x' }), [6, 7]);
  assert.deepEqual(values({ __name__: 'n', x: '7', y: '8', z: '9' }), [1, 2]);
  assert.deepEqual(values({ __name__: 'req_total', code: '202', instance: 'h1:9100', job: 'j2' }), [0, 2, 4]);
  assert.equal(store.numSeries, 4 + 40);
  assert.deepEqual(store.labelValues('instance').length, 20);

  const dir = mkdtempSync(join(tmpdir(), 'promlearn-bytes-'));
  try {
    const file = join(dir, 'mixed.prom');
    writeFileSync(file, text);
    assert.deepEqual(dumpExact(await loadDatasetFile(file)), want, 'loadDatasetFile');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('byte parser, series taken as new: a text whose first line the text parser read is looked up, not made twice', () => {
  // assumeNew (the threaded loader's mode): a duplicate label set would throw at the end (DuplicateLabelSetError).
  for (const first of ['a{x="1"} 1e3 1000', 'a{x="1"} NaN 1000', 'a{x="1"} 1 1000 # {t="1"} 1 1000', 'a{x="1"}  1 1000']) {
    const text = `${first}\na{x="1"} 2 2000\nb 1 1000\na{x="1"} 3 3000\n# EOF\n`;
    const p = new ByteExpositionParser(new ExpositionParser('openmetrics', undefined), true, true);
    p.feed(Buffer.from(text));
    const store = p.end();
    assert.equal(store.numSeries, 2, first);
    assert.deepEqual(dumpExact(store), dumpExact(viaBytes(text, 'openmetrics', 1 << 20)), first);
  }
});

test('byte parser, series taken as new: a label set written two ways is found out at the end (the loader then reads the file again)', () => {
  for (const text of [
    'a{y="2",x="1"} 1 100\na{x="1",y="2"} 2 200\n# EOF\n',
    'a{x="1",} 1 100\na{x="1"} 2 200\n# EOF\n',
    'a{} 1 100\na 2 200\n# EOF\n',
  ]) {
    const p = new ByteExpositionParser(new ExpositionParser('openmetrics', undefined), true, true);
    p.feed(Buffer.from(text));
    assert.throws(() => p.end(), DuplicateLabelSetError, text);
  }
  // Written one way each: nothing to check, and the label sets are the text parser's.
  const text = 'a{y="2",x="1"} 1 100\nb{x="1",y="2"} 2 200\na{y="2",x="1"} 3 300\n# EOF\n';
  const p = new ByteExpositionParser(new ExpositionParser('openmetrics', undefined), true, true);
  p.feed(Buffer.from(text));
  assert.deepEqual(dumpExact(p.end()), dumpExact(viaBytes(text, 'openmetrics', 1 << 20)));
});

test('byte parser: a quote, backslash, newline escape or UTF-8 byte at any place of a long label value', () => {
  // The tokenizer skips plain value bytes four at a time: each special byte must stop it wherever it falls.
  const specials = ['\\"', '\\\\', '\\n', 'é', '€'];
  const lines: string[] = [];
  for (const [k, sp] of specials.entries())
    for (let at = 0; at <= 13; at++) {
      const value = 'abcdefghijklm'.slice(0, at) + sp + 'nopqrstuvw'.slice(0, (at * 7) % 10);
      lines.push(`v{k="${k}",at="${at}",x="${value}"} ${at} ${1000 + k}`, `v{k="${k}",at="${at}",x="${value}"} ${at + 1} ${2000 + k}`);
    }
  const text = lines.join('\n') + '\n# EOF\n';
  const want = dumpExact(parseExposition(text, { format: 'openmetrics', requireTimestamps: true }));
  for (const chunk of [1, 5, 1 << 20]) assert.deepEqual(dumpExact(viaBytes(text, 'openmetrics', chunk)), want, `chunks of ${chunk}`);
});

test('store: a loaded series is read through a fresh view each time, stale markers filtered for range reads', () => {
  // Appended one at a time and gathered in one go, as a file's samples are: both series become columns.
  const store = new MemoryStore();
  const plain = store.getOrCreateSeries({ __name__: 'a', x: '1' });
  const stale = store.getOrCreateSeries({ __name__: 'a', x: '2' });
  for (const [t, v] of [
    [1000, 1],
    [2000, 2],
    [3000, 3],
  ]) {
    store.append(plain, t, v);
    store.append(stale, t, t === 2000 ? STALE_NAN : v * 5);
  }
  assert.deepEqual([...store.samples(plain).v], [1, 2, 3]);
  assert.notEqual(store.samples(plain), store.samples(plain), 'a view made per read, not kept');
  assert.deepEqual([...store.floatSamples(plain).t], [1000, 2000, 3000]);
  assert.equal(store.hasStaleMarkers(plain), false);
  assert.equal(store.hasStaleMarkers(stale), true);
  assert.equal(store.samples(stale).length, 3);
  const f = store.floatSamples(stale);
  assert.deepEqual([...f.t.subarray(0, f.length)], [1000, 3000]);
  assert.deepEqual([...f.v.subarray(0, f.length)], [5, 15]);
});
