import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultStep, parseDurationArg, parseTimeArg, resolveRange } from '../../src/cli/time.js';
import { UsageError } from '../../src/errors.js';

const REF = 1768474800; // 2026-01-15T11:00:00Z

test('parseTimeArg: absolute, unix and relative forms', () => {
  const cases: Array<[string, number]> = [
    ['2026-01-15T11:00:00Z', REF],
    ['2026-01-15T11:00:00.250Z', REF + 0.25],
    ['2026-01-15T12:30:00+01:30', REF],
    ['2026-01-15T05:00:00-06:00', REF],
    ['2026-01-15 11:00:00z', REF],
    ['2026-01-15', REF - 11 * 3600],
    ['1768474800', REF],
    ['1768474800.5', REF + 0.5],
    ['now', REF],
    [' now ', REF],
    ['-1h', REF - 3600],
    ['-90m', REF - 5400],
    ['now-1h', REF - 3600],
    ['now - 1h30m', REF - 5400],
    ['now+5m', REF + 300],
    ['-90', REF - 90],
    ['-1d', REF - 86400],
  ];
  for (const [input, want] of cases) assert.equal(parseTimeArg(input, REF), want, input);
});

test('parseTimeArg: bad input is a UsageError with an example', () => {
  for (const bad of ['', 'yesterday', '2026-01-15T11:00:00', '2026-02-30T00:00:00Z', '-1x', 'now-', '1h', '12:00']) {
    assert.throws(() => parseTimeArg(bad, REF), (e: unknown) => e instanceof UsageError && e.exitCode === 2 && Boolean(e.hint), bad);
  }
  assert.throws(() => parseTimeArg('2026-01-15T11:00:00', REF), /invalid time/);
  try {
    parseTimeArg('2026-01-15T11:00:00', REF);
  } catch (e) {
    assert.match((e as UsageError).hint!, /add a time zone/);
  }
});

test('parseDurationArg: Prometheus durations and plain seconds, in ms', () => {
  const cases: Array<[string, number]> = [
    ['1h30m', 5400_000],
    ['500ms', 500],
    ['1d', 86400_000],
    ['1w', 7 * 86400_000],
    ['1y', 365 * 86400_000],
    ['15s', 15_000],
    ['1m30s500ms', 90_500],
    ['60', 60_000],
    ['1.5', 1500],
    ['0', 0],
  ];
  for (const [input, want] of cases) assert.equal(parseDurationArg(input), want, input);
  for (const bad of ['', '1x', '30m1h', '1h1h', '-5m', '1.5h', 'm', '5 m']) {
    assert.throws(() => parseDurationArg(bad), UsageError, bad);
  }
});

test('defaultStep: about 100-200 points, rounded to a nice step', () => {
  const cases: Array<[number, number]> = [
    [60, 1],
    [300, 2],
    [3600, 30],
    [6 * 3600, 120],
    [86400, 600],
    [7 * 86400, 3600],
    [30 * 86400, 21600],
    [400 * 86400, 2 * 86400],
  ];
  for (const [range, want] of cases) {
    assert.equal(defaultStep(range), want, String(range));
    const points = range / want;
    if (range >= 300) assert.ok(points >= 80 && points <= 200, `${range}: ${points} points`);
  }
});

test('resolveRange: defaults and combinations', () => {
  assert.deepEqual(resolveRange({}, REF), { start: REF - 3600, end: REF, step: 30 });
  assert.deepEqual(resolveRange({ range: '6h' }, REF), { start: REF - 6 * 3600, end: REF, step: 120 });
  assert.deepEqual(resolveRange({ start: '-2h', end: '-1h', step: '1m' }, REF), { start: REF - 7200, end: REF - 3600, step: 60 });
  assert.deepEqual(resolveRange({ start: '-2h', range: '30m' }, REF), { start: REF - 7200, end: REF - 5400, step: 10 });
  assert.deepEqual(resolveRange({ time: '-1h', range: '1h', step: '60' }, REF), { start: REF - 7200, end: REF - 3600, step: 60 });
  assert.throws(() => resolveRange({ start: '-1h', end: '-2h' }, REF), /start time is after/);
  assert.throws(() => resolveRange({ step: '0' }, REF), UsageError);
  assert.throws(() => resolveRange({ range: '30d', step: '1s' }, REF), /11000/);
  assert.throws(() => resolveRange({ start: '-1h', end: 'now', range: '1h' }, REF), UsageError);
});
