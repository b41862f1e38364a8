// The search for where a server's data lies (src/backends/http/data-end.ts),
// against probes over known sample times: exact ends, starts, gaps, the
// number of probes, the time budget and cancellation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateData, type DataProbe } from '../../src/backends/http/data-end.js';

const T = 1_800_000_000; // the query time
const DAY = 86400;

/** A probe over one series scraped every `every` s from `from` to `to` (inclusive), counting its calls. */
function series(from: number, to: number, every = 15, delayMs = 0) {
  const times: number[] = [];
  for (let t = from; t <= to; t += every) times.push(t + 0.123);
  const calls = { any: 0, newest: 0 };
  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (delayMs === 0) return resolve();
      const timer = setTimeout(resolve, delayMs);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
    });
  const probe: DataProbe = {
    async any(start, end, signal) {
      calls.any++;
      await wait(signal);
      return times.some((t) => (start === undefined || t >= start) && (end === undefined || t <= end));
    },
    async newestAt(time, signal) {
      calls.newest++;
      await wait(signal);
      const seen = times.filter((t) => t <= time && t > time - 300);
      return seen.length ? Math.max(...seen) : undefined;
    },
  };
  return { probe, calls, last: times[times.length - 1]!, first: times[0]! };
}

test('data that ended before the query time: the exact newest sample, in few probes', async () => {
  for (const ago of [400, 3600, 2 * DAY, 317 * DAY, 20 * 365 * DAY]) {
    const s = series(T - ago - 6 * 3600, T - ago);
    const where = await locateData(s.probe, T);
    assert.deepEqual(where, { kind: 'ended', end: s.last, exact: true }, `ended ${ago}s ago`);
    // log2(distance / 2 min) halvings, a few steps back, three first questions, one instant query.
    assert.ok(s.calls.any <= 3 + Math.ceil(Math.log2(ago / 120)) + 10, `${s.calls.any} probes for ${ago}s`);
    assert.equal(s.calls.newest, 1);
  }
});

test('data within the lookback: present (the answer is empty for another reason), one probe', async () => {
  const s = series(T - 3600, T - 100);
  assert.deepEqual(await locateData(s.probe, T), { kind: 'present' });
  assert.equal(s.calls.any, 1);
});

test('all data after the query time: where it starts, within a minute', async () => {
  const s = series(T + 40 * DAY, T + 41 * DAY);
  const where = await locateData(s.probe, T);
  assert.equal(where.kind, 'starts');
  if (where.kind !== 'starts') return;
  assert.ok(where.start >= s.first && where.start - s.first <= 60, `${where.start - s.first}s after the first sample`);
});

test('no data at any time: none, in three probes', async () => {
  const s = series(1, 0);
  assert.deepEqual(await locateData(s.probe, T), { kind: 'none' });
  assert.equal(s.calls.any, 3);
});

test('a slow server: the budget stops the search with the bounds known so far', async () => {
  // The budget runs out after the eighth probe (an event, not a timer, so a loaded machine cannot change the answer).
  const s = series(T - 30 * DAY - 3600, T - 30 * DAY);
  const budget = new AbortController();
  const any = s.probe.any.bind(s.probe);
  s.probe.any = async (start, end, signal) => {
    const r = await any(start, end, signal);
    if (s.calls.any >= 8) budget.abort();
    return r;
  };
  const where = await locateData(s.probe, T, { budgetSignal: budget.signal });
  assert.equal(s.calls.any, 8, 'no probe after the budget ran out');
  assert.equal(where.kind, 'ended');
  if (where.kind !== 'ended') return;
  assert.equal(where.exact, false);
  assert.ok(where.end <= s.last, 'the end found so far is at or before the real end');
  assert.ok((where.before ?? Infinity) > s.last, 'the real end lies before the upper bound');
});

test('the default budget is a timer: a probe slower than it ends the search', async () => {
  const started = Date.now();
  const slow = series(T - 30 * DAY - 3600, T - 30 * DAY, 15, 60_000);
  assert.deepEqual(await locateData(slow.probe, T, { budgetMs: 50 }), { kind: 'unknown' });
  assert.ok(Date.now() - started < 30_000, 'the timer aborted the 60 s probe');
});

test('out of budget before anything is known: unknown; a canceled signal stops at once', async () => {
  const slow = series(T - 30 * DAY, T - 29 * DAY, 15, 200);
  assert.deepEqual(await locateData(slow.probe, T, { budgetMs: 100 }), { kind: 'unknown' });
  const ac = new AbortController();
  ac.abort();
  const s = series(T - 30 * DAY, T - 29 * DAY);
  assert.deepEqual(await locateData(s.probe, T, { signal: ac.signal }), { kind: 'unknown' });
  assert.equal(s.calls.any, 0);
});

test('an instant query that fails (duplicate label sets): the end stays approximate, within two minutes', async () => {
  const s = series(T - 5 * DAY, T - 2 * DAY);
  s.probe.newestAt = () => Promise.reject(new Error('vector cannot contain metrics with the same labelset'));
  const where = await locateData(s.probe, T);
  assert.equal(where.kind, 'ended');
  if (where.kind !== 'ended') return;
  assert.equal(where.exact, false);
  assert.ok(where.end <= s.last && s.last < (where.before ?? 0) && (where.before ?? 0) - where.end <= 120);
});

test('a probe error that is not the budget is the caller’s to handle', async () => {
  const s = series(T - DAY, T - DAY + 60);
  s.probe.any = () => Promise.reject(new Error('boom'));
  await assert.rejects(locateData(s.probe, T), /boom/);
});
