// Go's calendar arithmetic for PromQL's date functions: agrees with
// JavaScript's Date across its whole range, and goes on past it as Go does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goDate, goDaysInMonth, goInt64 } from '../../src/util/gotime.js';

function jsFields(sec: number) {
  const d = new Date(sec * 1000);
  const y = d.getUTCFullYear();
  return {
    year: y,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    yearDay: Math.floor((d.getTime() - Date.UTC(y, 0, 1)) / 86400000) + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

test('the same fields as Date across its range, including leap days and negative years', () => {
  const secs = [
    0, 1136239445, 1230767999, 1230768000, 1456790399, 1456790400, 1483191420, 1672493820, -1, -86400, 951782400, 4107542400, -62135596800,
    -62135596801, -62198755200, 8.64e12, -8.64e12, 253402300799, 253402300800,
  ];
  for (let i = 0; i < 2000; i++) secs.push(Math.trunc(Math.sin(i * 7.1) * 8.6e12));
  for (const s of secs) {
    const want = jsFields(s);
    // Date.UTC maps years 0-99 to 1900-1999, and has no January 1 of year -271821.
    if ((want.year >= 0 && want.year < 100) || Number.isNaN(want.yearDay)) continue;
    assert.deepEqual(goDate(BigInt(s)), want, `at ${s}`);
  }
});

test('days in month', () => {
  const dim = (s: number) => goDaysInMonth(goDate(BigInt(s)));
  assert.equal(dim(1454284800), 29); // 2016-02-01
  assert.equal(dim(1485907200), 28); // 2017-02-01
  assert.equal(dim(0), 31);
  assert.equal(dim(4105123200), 28); // 2100-02-01: not a leap year
  assert.equal(dim(951782400), 29); // 2000-02-29
});

test('past the end of JavaScript Date, as Go computes (issue 14, item 3)', () => {
  assert.equal(goDate(goInt64(1e13)).year, 318857);
  const far = goDate(goInt64(1e15));
  assert.ok(far.year > 31_000_000 && far.month >= 1 && far.month <= 12);
  // Go's int64(NaN) on amd64 is MinInt64; its calendar then wraps.
  assert.equal(goInt64(NaN), -(2n ** 63n));
  assert.equal(goInt64(Infinity), -(2n ** 63n));
  assert.equal(goInt64(-1.9), -1n);
});
