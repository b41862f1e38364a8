// Go's calendar arithmetic (time.Unix(sec, 0).UTC() and its Year, Month, Day,
// Weekday, YearDay, Hour, Minute), which PromQL's date functions use. Go's
// time has no upper limit where JavaScript's Date ends at year 275760, so
// year(vector(1e13)) is 318857 in Prometheus and must be here too.
//
// This follows Go 1.23+'s src/time/time.go: seconds are shifted to an
// "absolute" epoch (March 1 of year -292277022400) and split with Neri and
// Schneider's Euclidean affine functions, all in uint64 arithmetic that wraps.
// BigInt keeps the wrap-around exact, so even NaN (which Go's float-to-int64
// conversion on amd64 turns into MinInt64) gives Prometheus's answer.

const U64 = (1n << 64n) - 1n;
const u64 = (x: bigint): bigint => x & U64;
const i64 = (x: bigint): bigint => BigInt.asIntN(64, x);

const SECONDS_PER_DAY = 86400n;
const ABSOLUTE_YEARS = 292277022400n;
const MARCH_THRU_DECEMBER = 306n;
// absoluteYears*365.2425 + marchThruDecember, in days (an exact integer).
const INTERNAL_TO_ABSOLUTE = ((ABSOLUTE_YEARS * 3652425n) / 10000n + MARCH_THRU_DECEMBER) * SECONDS_PER_DAY;
const UNIX_TO_INTERNAL = (1969n * 365n + 1969n / 4n - 1969n / 100n + 1969n / 400n) * SECONDS_PER_DAY;
const UNIX_TO_ABSOLUTE = UNIX_TO_INTERNAL + INTERNAL_TO_ABSOLUTE;

const MIN_INT64 = -(2n ** 63n);

/** Go's int64(f) on amd64: truncation, and MinInt64 for NaN, infinities and out-of-range values. */
export function goInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

interface Split {
  century: bigint;
  cyear: number;
  ayday: number;
}

function split(days: bigint): Split {
  const d = u64(4n * days + 3n);
  const century = d / 146097n;
  const cd = Number(d % 146097n) | 3;
  const p = 2939745n * BigInt(cd); // bits.Mul32
  const hi = Number(p >> 32n);
  const lo = Number(p & 0xffffffffn);
  return { century, cyear: hi, ayday: Math.floor(Math.floor(lo / 2939745) / 4) };
}

function monthDay(ayday: number): { amonth: number; mday: number } {
  const d = (2141 * ayday + 197913) >>> 0;
  return { amonth: d >>> 16, mday: 1 + Math.floor((d & 0xffff) / 2141) };
}

function yearOf(s: Split, janFeb: number): number {
  return Number(i64(s.century * 100n - ABSOLUTE_YEARS) + BigInt(s.cyear + janFeb));
}

/** The calendar fields of time.Unix(sec, 0).UTC(). */
export interface GoDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
  yearDay: number;
  hour: number;
  minute: number;
}

export function goDate(unixSeconds: bigint): GoDate {
  const abs = u64(unixSeconds + UNIX_TO_ABSOLUTE);
  const days = abs / SECONDS_PER_DAY;
  const s = split(days);
  const { amonth, mday } = monthDay(s.ayday);
  const janFeb = s.ayday >= Number(MARCH_THRU_DECEMBER) ? 1 : 0;
  const leap = s.cyear % 4 === 0 && (s.cyear !== 0 || s.century % 4n === 0n) ? 1 : 0;
  return {
    year: yearOf(s, janFeb),
    month: amonth - 12 * janFeb,
    day: mday,
    weekday: Number(u64(days + 3n) % 7n), // March 1 of the absolute year was a Wednesday
    yearDay: s.ayday + 60 + (leap & ~janFeb) - 365 * janFeb,
    hour: Math.floor(Number(abs % SECONDS_PER_DAY) / 3600),
    minute: Math.floor(Number(abs % 3600n) / 60),
  };
}

/** Go's dateToAbsDays(year, month, day): days from the absolute epoch (day may overflow the month). */
function dateToAbsDays(year: bigint, month: number, day: number): bigint {
  const janFeb = month < 3 ? 1 : 0;
  const amonth = month + 12 * janFeb;
  const y = u64(u64(year) - BigInt(janFeb) + ABSOLUTE_YEARS);
  const ayday = ((979 * amonth - 2919) >>> 0) >>> 5;
  const century = y / 100n;
  const cyear = Number(y % 100n);
  const cday = Math.floor((1461 * cyear) / 4);
  const centuryDays = u64(146097n * century) / 4n;
  return u64(centuryDays + BigInt(cday + ayday + day - 1));
}

/** Prometheus's days_in_month: 32 - time.Date(year, month, 32, 0, 0, 0, 0, UTC).Day(). */
export function goDaysInMonth(d: GoDate): number {
  const days = dateToAbsDays(BigInt(d.year), d.month, 32);
  // Date() goes through Unix seconds and back: days*86400, wrapped to 64 bits.
  const abs = u64(i64(days * SECONDS_PER_DAY));
  return 32 - monthDay(split(abs / SECONDS_PER_DAY).ayday).mday;
}
