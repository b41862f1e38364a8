import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatRfc3339,
  formatTime,
  formatTimestamp,
  humanDuration,
  parseDurationArg,
  parseTimeArg,
  parseTimeoutArg,
} from '../../src/util/time.js';
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
  for (const bad of ['', 'yesterday', '2026-02-30T00:00:00Z', '2026-01-15T25:00', '-1x', 'now-', '1h', '12:00']) {
    assert.throws(
      () => parseTimeArg(bad, REF),
      (e: unknown) => e instanceof UsageError && e.exitCode === 2 && Boolean(e.hint),
      bad,
    );
  }
});

test('parseTimeArg: a time without a zone is read in the display zone, UTC by default', () => {
  assert.equal(parseTimeArg('2026-01-15T11:00:00', REF), REF);
  assert.equal(parseTimeArg('2026-01-15 11:00', REF), REF);
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

test('timeouts: durations and plain seconds; nonsense is a usage error', () => {
  assert.equal(parseTimeoutArg('30s'), 30_000);
  assert.equal(parseTimeoutArg('1m30s'), 90_000);
  assert.equal(parseTimeoutArg('500ms'), 500);
  assert.equal(parseTimeoutArg('1.5'), 1500);
  assert.throws(() => parseTimeoutArg('soon'), UsageError);
  assert.throws(() => parseTimeoutArg('0s'), UsageError);
});

test('humanDuration: Prometheus notation up to days', () => {
  assert.deepEqual([30000, 5400000, 500, 86400000, 0].map(humanDuration), ['30s', '1h30m', '500ms', '1d', '0s']);
  assert.equal(humanDuration(7 * 86400000), '7d');
  assert.equal(humanDuration(-90000), '-1m30s');
});

test('time formats: RFC 3339, timestamps, minutes with seconds when present', () => {
  assert.equal(formatRfc3339(REF), '2026-01-15T11:00:00Z');
  assert.equal(formatRfc3339(REF + 0.25), '2026-01-15T11:00:00.250Z');
  assert.equal(formatTimestamp(REF), '2026-01-15 11:00:00Z');
  assert.equal(formatTimestamp(Infinity), '');
  assert.equal(formatTime(REF), '2026-01-15 11:00');
  assert.equal(formatTime(REF + 30), '2026-01-15 11:00:30');
});
