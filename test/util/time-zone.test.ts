// The display zone (--tz, .tz, $TZ): times shown in a named IANA zone, each
// naming its zone, and zone-less input read in it; epoch values never change.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/errors.js';
import {
  chooseZone,
  formatDate,
  formatRfc3339,
  formatTimestamp,
  formatTimeUtc,
  parseTimeArg,
  parseZoneArg,
  setDisplayZone,
  zoneName,
  zoneOffsetSeconds,
} from '../../src/util/time.js';
import { timeTicks } from '../../src/render/axes.js';

const REF = 1768474800; // 2026-01-15T11:00:00Z = 20:00 in Seoul

afterEach(() => setDisplayZone('UTC'));

test('UTC by default: Z in timestamps, "UTC" in sentences', () => {
  assert.equal(zoneName(), 'UTC');
  assert.equal(formatTimestamp(REF), '2026-01-15 11:00:00Z');
  assert.equal(formatRfc3339(REF), '2026-01-15T11:00:00Z');
  assert.equal(formatTimeUtc(REF), '2026-01-15 11:00 UTC');
});

test('Asia/Seoul: wall times with the offset, and zone-less input read in Seoul', () => {
  setDisplayZone(parseZoneArg('Asia/Seoul'));
  assert.equal(zoneName(), 'Asia/Seoul');
  assert.equal(formatTimestamp(REF), '2026-01-15 20:00:00+09:00');
  assert.equal(formatTimestamp(REF + 0.25), '2026-01-15 20:00:00.250+09:00');
  assert.equal(formatRfc3339(REF), '2026-01-15T20:00:00+09:00');
  assert.equal(formatTimeUtc(REF + 30), '2026-01-15 20:00:30 +09:00');
  assert.equal(formatDate(REF + 4 * 3600), '2026-01-16', "the date is Seoul's: 00:00 on the 16th");
  assert.equal(parseTimeArg('2026-01-15 20:00', 0), REF);
  assert.equal(parseTimeArg('2026-01-15T20:00:00', 0), REF);
  assert.equal(parseTimeArg('2026-01-16', 0), REF + 4 * 3600, 'a bare date is midnight in Seoul');
  // A time with a zone, unix seconds and relative times mean what they say, whatever the zone.
  assert.equal(parseTimeArg('2026-01-15T11:00:00Z', 0), REF);
  assert.equal(parseTimeArg('1768474800', 0), REF);
  assert.equal(parseTimeArg('-1h', REF), REF - 3600);
  // What is shown reads back to the same instant.
  assert.equal(parseTimeArg(formatRfc3339(REF + 0.5), 0), REF + 0.5);
});

test('daylight saving time: the offset is the one at that instant', () => {
  setDisplayZone(parseZoneArg('America/New_York'));
  const change = 1772953200; // 2026-03-08T07:00:00Z: 02:00 EST becomes 03:00 EDT
  assert.equal(formatTimestamp(change - 1), '2026-03-08 01:59:59-05:00');
  assert.equal(formatTimestamp(change), '2026-03-08 03:00:00-04:00');
  assert.equal(parseTimeArg('2026-03-08 01:30', 0), change - 1800);
  assert.equal(parseTimeArg('2026-03-08 03:30', 0), change + 1800);
});

test("chart ticks are round in the zone's clock (Asia/Kolkata is UTC+05:30)", () => {
  setDisplayZone(parseZoneArg('Asia/Kolkata'));
  assert.equal(zoneOffsetSeconds(REF), 19800);
  const ticks = timeTicks(REF, REF + 6 * 3600, 60);
  assert.ok(ticks.length > 1);
  for (const t of ticks) assert.match(t.label, /^\d\d:00$/, t.label);
});

test('zone names: canonical, case-insensitive; unknown ones are a usage error with a hint', () => {
  assert.equal(parseZoneArg('asia/seoul'), 'Asia/Seoul');
  assert.equal(parseZoneArg('UTC'), 'UTC');
  assert.equal(parseZoneArg('Etc/UTC'), 'UTC');
  for (const bad of ['Asia/Seol', 'KST', 'Mars/Olympus', '+09:00x']) {
    assert.throws(
      () => parseZoneArg(bad),
      (e: unknown) => e instanceof UsageError && e.exitCode === 2 && /Asia\/Seoul/.test(e.hint ?? '') && e.message.includes(bad),
      bad,
    );
  }
});

test('chooseZone: --tz, else $TZ when Intl knows it, else UTC', () => {
  assert.equal(chooseZone(undefined, {}), 'UTC');
  assert.equal(chooseZone(undefined, { TZ: 'Asia/Seoul' }), 'Asia/Seoul');
  assert.equal(chooseZone(undefined, { TZ: ':Europe/Berlin' }), 'Europe/Berlin');
  assert.equal(chooseZone(undefined, { TZ: 'KST-9' }), 'UTC', 'a POSIX TZ string is not an IANA zone: UTC');
  assert.equal(chooseZone('Europe/Berlin', { TZ: 'Asia/Seoul' }), 'Europe/Berlin');
  assert.throws(() => chooseZone('Nowhere/Land', {}), UsageError);
});
