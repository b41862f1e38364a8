// A big file's lines are tokenized in a thread of their own (load-threaded.ts):
// the store, the errors and their line numbers must be exactly those of the
// one-thread path, whatever the slots' boundaries, for a label set written
// two ways, a line longer than a slot and a file without a newline at its end.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDatasetFile } from '../../src/dataset/load-file.js';
import { parseThreaded } from '../../src/dataset/load-threaded.js';
import { ExpositionParser } from '../../src/storage/exposition.js';
import { dumpExact } from '../storage/dump.js';
import { setLang } from '../../src/util/messages/index.js';

const THREADED = { threadedFromBytes: 0, headBytes: 0 };
/** The loading thread reads the first ~100 kB itself (cut at a line, mid-scrape) while the worker tokenizes them only for their keys. */
const THREADED_HEAD = { threadedFromBytes: 0, headBytes: 100_000 };
const ONE_THREAD = { threadedFromBytes: Infinity };

/** A dump of scrapes: `targets` series a scrape, in the same order each time, with the odd lines the fast path leaves to the text parser. */
function scrapes(targets: number, count: number, om: boolean, first = 0): string {
  const lines: string[] = ['# HELP req_total Requests.', '# TYPE req_total counter', '# TYPE mem gauge'];
  for (let k = first; k < first + count; k++) {
    // Milliseconds grow with i within a scrape: every series' samples stay in time order.
    const ms = (i: number) => Math.floor((i * 999) / (targets + 1));
    const ts = (i: number) =>
      om ? `${1_767_225_600 + k * 15}.${String(ms(i)).padStart(3, '0')}` : String(1_767_225_600_000 + k * 15_000 + ms(i));
    for (let i = 0; i < targets; i++) {
      const v = k * 7 + (i % 13);
      if (i % 2 === 0) lines.push(`req_total{job="job${i % 10}",instance="host${i}:9100",code="${200 + (i % 3) * 100}"} ${v} ${ts(i)}`);
      else lines.push(`mem{instance="host${i}:9100",job="job${i % 10}"} ${(i * 1.5 + k * 0.125).toFixed(3)} ${ts(i)}`);
      if (i % 997 === 0) lines.push(`odd{path="C:\\\\DIR",u="ünï"} ${v}e3 ${ts(i)}`);
      if (i % 1409 === 0)
        lines.push(`req_total{job="job${i % 10}",instance="host${i}:9100",code="${200 + (i % 3) * 100}"} ${v} ${ts(i + 1)}`);
      if (i % 1601 === 0) lines.push(`gap{x="1"} NaN ${ts(i)}`);
    }
  }
  if (om) lines.push('# EOF');
  return lines.join('\n') + '\n';
}

/** Runs f with a fresh temporary folder, removed afterwards. */
async function inTempDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-threaded-'));
  try {
    await f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file loaded in one thread and in two (without and with a head: those two must agree). */
async function both(dir: string, name: string, text: string): Promise<[unknown, unknown]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const one = await loadDatasetFile(file, undefined, ONE_THREAD).then(dumpExact, (e: Error) => e.message);
  const two = await loadDatasetFile(file, undefined, THREADED).then(dumpExact, (e: Error) => e.message);
  const withHead = await loadDatasetFile(file, undefined, THREADED_HEAD).then(dumpExact, (e: Error) => e.message);
  assert.deepEqual(withHead, two, `${name}: with a head read in the loading thread`);
  return [one, two];
}

test('threaded load: the same store as one thread, over many slots, OpenMetrics and text', () =>
  inTempDir(async (dir) => {
    // ~1.5 MB: the first slots are small (64 KiB, doubling), so the scrapes cross several.
    for (const om of [true, false]) {
      const [one, two] = await both(dir, om ? 'a.om' : 'a.prom', scrapes(4000, 5, om));
      assert.equal(typeof one, 'object', String(one));
      assert.deepEqual(two, one);
    }
    // No newline at the end of a text file.
    const [one, two] = await both(dir, 'b.prom', scrapes(300, 3, false).trimEnd());
    assert.deepEqual(two, one);
  }));

test('threaded load: a head read in the loading thread gives the keys the worker goes on with', () =>
  inTempDir(async (dir) => {
    // Only plain sample lines: no series is made by the text path, so nothing would catch a key given to the wrong
    // series (no check of the new label sets, no second reading): the stores must simply be equal.
    const plain = scrapes(3000, 4, true)
      .split('\n')
      .filter((l) => !/^(odd|gap)/.test(l))
      .join('\n');
    const [one, two] = await both(dir, 'h.om', plain);
    assert.equal(typeof one, 'object', String(one));
    assert.deepEqual(two, one);
  }));

test('threaded load: a label set written two ways (labels in another order) gives one series', () =>
  inTempDir(async (dir) => {
    const text = scrapes(2000, 2, true).replace('# EOF\n', 'mem{job="job1",instance="host1:9100"} 9 1767225700\n# EOF\n');
    const [one, two] = await both(dir, 'c.om', text);
    assert.deepEqual(two, one);
    // One series: its two scrapes and the sample written with its labels in another order.
    const series = (one as { series: Record<string, unknown[]> }).series;
    assert.equal(series[JSON.stringify({ __name__: 'mem', instance: 'host1:9100', job: 'job1' })].length, 3);
  }));

test('threaded load: the same errors on the same lines', () =>
  inTempDir(async (dir) => {
    const good = scrapes(3000, 3, true).replace('# EOF\n', '');
    for (const [name, text] of [
      ['bad-value.om', good + 'x{a="1"} 0x10 1767225800\n# EOF\n'],
      ['out-of-order.om', good + 'mem{instance="host1:9100",job="job1"} 1 1767225000\n# EOF\n'],
      ['no-eof.om', good],
      ['after-eof.om', good + '# EOF\nx 1 1\n'],
    ]) {
      const [one, two] = await both(dir, name, text);
      assert.equal(typeof one, 'string', name);
      assert.match(one as string, /line \d+/);
      assert.equal(two, one, name);
    }
  }));

test('threaded load: a first line longer than the first (small) chunk, and a line longer than a slot', () =>
  inTempDir(async (dir) => {
    // 100 kB: more than the first chunk (64 KiB), less than a slot: that chunk is read again whole.
    const first = `# HELP first ${'y'.repeat(100_000)}\n` + scrapes(500, 2, false).replace(/^# HELP .*\n/m, '');
    const [a, b] = await both(dir, 'f.prom', first);
    assert.equal(typeof a, 'object', String(a));
    assert.deepEqual(b, a);
    // More than a slot (4 MiB): the rest of the file is read in the loading thread.
    const long = `# HELP long ${'x'.repeat(5 << 20)}\n`;
    const text = scrapes(500, 2, false) + long + 'long 1 1767225700000\n' + scrapes(500, 1, false, 9).replace(/^# .*\n/gm, '');
    const [one, two] = await both(dir, 'd.prom', text);
    assert.equal(typeof one, 'object', String(one));
    assert.deepEqual(two, one);
  }));

test('threaded load: progress goes up to the file size', () =>
  inTempDir(async (dir) => {
    const file = join(dir, 'e.om');
    const text = scrapes(3000, 2, true);
    writeFileSync(file, text);
    const seen: number[] = [];
    await loadDatasetFile(file, (done) => seen.push(done), THREADED);
    assert.ok(seen.length > 2, `${seen.length} progress calls`);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1]);
    assert.equal(seen.at(-1), Buffer.byteLength(text));
  }));

test("loading errors in Korean: our sentence around the parser's own reason", (t) =>
  inTempDir(async (dir) => {
    setLang('ko');
    t.after(() => setLang('en'));
    await assert.rejects(loadDatasetFile(join(dir, 'missing.om')), (e: Error & { hint?: string }) => {
      assert.equal(e.message, `데이터셋 ${join(dir, 'missing.om')} 파일을 읽을 수 없어요: 파일이 없어요`);
      assert.match(e.hint ?? '', /타임스탬프가 있는/);
      return true;
    });
    const bad = join(dir, 'bad.prom');
    writeFileSync(bad, 'a 1 2000\na 2 1000\n');
    for (const options of [THREADED, ONE_THREAD])
      await assert.rejects(loadDatasetFile(bad, undefined, options), (e: Error) =>
        /^데이터셋 .*bad\.prom 파일을 불러올 수 없어요: line 2: out-of-order sample/.test(e.message),
      );
  }));

test(
  'threaded load: the reading thread failing (the file gone) rejects the load with its error, no hang',
  { timeout: 20_000 },
  async () => {
    const readRest = () => Promise.reject(new Error('not reached'));
    await assert.rejects(
      // No head read here (0): the worker is the first to open the file.
      parseThreaded('/nonexistent/promlearn.om', 1 << 30, new ExpositionParser('openmetrics', undefined), true, readRest, undefined, 0),
      (e: Error & { code?: string }) => e.code === 'ENOENT',
    );
  },
);
