import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultStep, resolveRange } from '../../src/cli/range-args.js';
import { UsageError } from '../../src/errors.js';

const REF = 1768474800; // 2026-01-15T11:00:00Z

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
    if (range >= 300) {
      assert.ok(points >= 80, `${range}: ${points} points`);
      assert.ok(points <= 200, `${range}: ${points} points`);
    }
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
