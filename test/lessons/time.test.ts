import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, parseRelative } from '../../src/lessons/time.js';

// Lesson times use the CLI's syntax (src/cli/time.ts), relative to the data end.
test('lesson times: signed offsets from the data end, in ms', () => {
  const cases: Array<[string, number | undefined]> = [
    ['0', 0], ['end', 0], ['-2h30m', -9_000_000], ['+5m', 300_000], ['-4h47m30s', -17_250_000],
    ['2h', undefined], ['-2x', undefined], ['2026-01-15T10:00:00Z', undefined], ['', undefined],
  ];
  for (const [s, want] of cases) assert.equal(parseRelative(s), want, s);
});

test('lesson durations: positive, Prometheus units', () => {
  const cases: Array<[string, number | undefined]> = [['1h', 3_600_000], ['30m', 1_800_000], ['1h30m', 5_400_000], ['0s', undefined], ['abc', undefined], ['-1h', undefined]];
  for (const [s, want] of cases) assert.equal(parseDuration(s), want, s);
});
