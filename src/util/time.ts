// Times and durations as users type and read them: the one place that parses
// and formats them for the CLI, the REPL, lessons and the HTTP client.
//
// Times are unix seconds (floats, as the Prometheus API uses); durations are
// milliseconds. The `…Arg` parsers throw UsageError with an example on bad
// input. PromQL's own duration literals ([5m], offset 1h) follow the same
// grammar (parsePromDuration) but keep Prometheus's error wording in
// src/promql/; PromQL's canonical printer (Go's model.Duration String(), which
// also writes 1w and 1y) stays there too.

import { UsageError } from '../errors.js';
import { t } from './messages/index.js';

// Prometheus's duration units, largest first (model.ParseDuration requires this order).
const UNITS: ReadonlyArray<[string, number]> = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

const UNIT_MS = new Map(UNITS);
const NUMBER_RE = /^\d+(\.\d+)?$|^\.\d+$/;
// RFC 3339, fractions optional, 'T' may be a space; without a zone (Z or
// ±hh:mm) the time is read in the display zone. Seconds may be left out.
const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([Zz]|[+-]\d{2}:\d{2})?$/;
const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A Prometheus duration (model.ParseDuration: `1h30m`, `500ms`; units largest
 * first, each at most once) in ms, or undefined when `s` is not one.
 */
export function parsePromDuration(s: string): number | undefined {
  const parts = s.match(/\d+(?:ms|[ywdhms])/g);
  if (!parts || parts.join('') !== s) return undefined;
  let total = 0;
  let lastRank = -1;
  for (const p of parts) {
    const unit = p.endsWith('ms') ? 'ms' : p[p.length - 1]!;
    const rank = UNITS.findIndex(([u]) => u === unit);
    if (rank <= lastRank) return undefined;
    lastRank = rank;
    total += Number(p.slice(0, p.length - unit.length)) * UNIT_MS.get(unit)!;
  }
  return total;
}

/** A Prometheus duration or plain seconds (`60`, `1.5`), in ms; undefined when neither. */
function tryParseDuration(s: string): number | undefined {
  if (NUMBER_RE.test(s)) return Math.round(Number(s) * 1000);
  return parsePromDuration(s);
}

/** Parse a duration such as `1h30m`, `500ms`, `1d`, or plain seconds `60` / `1.5`; returns ms. */
export function parseDurationArg(s: string): number {
  const ms = tryParseDuration(s.trim());
  if (ms === undefined) {
    throw new UsageError(t('usage.invalidDuration', { value: s }), t('usage.invalidDuration.hint'));
  }
  return ms;
}

/** A timeout flag (30s, 1m30s, 500ms or plain seconds), in ms; it must be longer than 0. */
export function parseTimeoutArg(s: string, flag = '--timeout'): number {
  const ms = tryParseDuration(s.trim());
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(t('usage.invalidFlag', { flag, value: s }), t('usage.timeout.hint'));
  }
  return ms;
}

function parseRfc3339(s: string): number | undefined {
  const m = RFC3339_RE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', frac, zone] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  // Reject impossible dates (Date.UTC would roll 2026-02-30 over to March).
  const check = new Date(base);
  if (check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return undefined;
  const fraction = frac ? Number(frac) : 0;
  if (zone === undefined) return fromWallTime(base) / 1000 + fraction;
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    offsetMin = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  return base / 1000 - offsetMin * 60 + fraction;
}

/**
 * Parse --time/--start/--end: RFC 3339, Unix seconds (fractions allowed),
 * `now`, or relative forms like `-1h` / `now-1h` / `now+5m` (relative to
 * `ref`, unix s). A time without a zone (2026-01-15 11:00) and a bare date
 * (2026-01-15, midnight) are read in the display zone (UTC unless --tz/TZ).
 * Returns unix seconds. Throws UsageError on bad input.
 */
export function parseTimeArg(s: string, ref: number): number {
  const text = s.trim();
  if (text === 'now') return ref;
  const rel = /^(?:now)?\s*([+-])\s*(.+)$/.exec(text);
  if (rel) {
    const ms = tryParseDuration(rel[2]!);
    if (ms !== undefined) return ref + (rel[1] === '-' ? -ms : ms) / 1000;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (DATE_ONLY_RE.test(text)) {
    const midnight = parseRfc3339(`${text}T00:00:00`);
    if (midnight !== undefined) return midnight;
  }
  const parsed = parseRfc3339(text);
  if (parsed !== undefined) return parsed;
  throw new UsageError(t('usage.invalidTime', { value: s }), t('usage.invalidTime.hint'));
}

const DISPLAY_UNITS: ReadonlyArray<[string, number]> = [
  ['d', 86400_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * A duration in ms for people to read, in Prometheus's notation with days as
 * the largest unit: 1h30m, 15s, 500ms, 7d. (PromQL's canonical printer, which
 * writes 1w, is src/promql/printer.ts's formatDuration.)
 */
export function humanDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.abs(Math.round(ms));
  let out = ms < 0 ? '-' : '';
  for (const [unit, size] of DISPLAY_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/** Milliseconds as a Prometheus API duration parameter ("120s", "1500ms"). */
export function formatDurationParam(ms: number): string {
  const n = Math.max(1, Math.round(ms));
  return n % 1000 === 0 ? `${n / 1000}s` : `${n}ms`;
}

/** RFC 3339 in the display zone, milliseconds only when present: 2026-01-15T11:00:00Z, 2026-01-15T20:00:00+09:00. */
export function formatRfc3339(unixSeconds: number): string {
  const iso = zonedIso(unixSeconds);
  return iso.replace(/\.000$/, '') + zoneSuffix(unixSeconds, '');
}

/** 2026-01-15 11:00:00Z or 2026-01-15 20:00:00+09:00 (milliseconds only when present); '' for times a Date cannot hold. */
export function formatTimestamp(unixSeconds: number): string {
  if (!Number.isFinite(unixSeconds) || Math.abs(unixSeconds) > 8.64e12) return '';
  const t = Math.round(unixSeconds * 1000) / 1000;
  return (
    zonedIso(t)
      .replace('T', ' ')
      .replace(/\.000$/, '') + zoneSuffix(t, '')
  );
}

/** 2026-01-15 11:00 (in the display zone, to the minute; the zone is named elsewhere, e.g. a column header). */
export function formatMinute(unixSeconds: number): string {
  return zonedIso(unixSeconds).replace('T', ' ').slice(0, 16);
}

/** 2026-01-15 11:00, or 2026-01-15 11:00:30 when the seconds are not zero (display zone, not named). */
export function formatTime(unixSeconds: number): string {
  const secs = zonedIso(unixSeconds).slice(17, 19);
  return `${formatMinute(unixSeconds)}${secs === '00' ? '' : `:${secs}`}`;
}

/** 2026-01-15 (the date in the display zone). */
export function formatDate(unixSeconds: number): string {
  return zonedIso(unixSeconds).slice(0, 10);
}

/** formatTime with the zone spelled out, for sentences: 2026-01-15 11:00 UTC, 2026-01-15 20:00 +09:00. */
export function formatTimeUtc(unixSeconds: number): string {
  return `${formatTime(unixSeconds)}${zoneSuffix(unixSeconds)}`;
}

// ---- The display zone (--tz, .tz, $TZ) ----
//
// Times are shown, and zone-less times read, in one IANA zone for the whole
// process: UTC unless --tz (or the REPL's .tz, or $TZ) names another, as
// Prometheus's UI defaults to UTC. Only text for people uses it: the engine,
// the API and JSON/CSV keep UTC epoch values. Every time shown names its zone:
// "UTC" in UTC, else the offset at that instant ("+09:00"); headers and chart
// axes name the zone once (`zoneName()`: "UTC" or "Asia/Seoul").

const UTC = 'UTC';
let zone = UTC;
let zoneFormat: Intl.DateTimeFormat | undefined;

/** The zone's canonical IANA name ("Asia/Seoul"; "UTC" for UTC, Etc/UTC, Z…), or undefined when Intl does not know it. */
export function canonicalZone(name: string): string | undefined {
  const trimmed = name.trim().replace(/^:/, '');
  if (trimmed === '' || /^(z|utc|gmt|etc\/(utc|gmt|uct|zulu)|uct|zulu|universal)$/i.test(trimmed)) return UTC;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** --tz / .tz: the zone's canonical name; a UsageError with a hint when it is not an IANA zone. */
export function parseZoneArg(name: string, what = '--tz'): string {
  const z = canonicalZone(name);
  if (z === undefined) {
    throw new UsageError(t('usage.unknownZone', { what, name }), t('usage.unknownZone.hint'));
  }
  return z;
}

/** The zone from --tz, else $TZ when it names a zone Intl knows (a POSIX TZ string does not count), else UTC. */
export function chooseZone(flag: string | undefined, env: Record<string, string | undefined>): string {
  if (flag !== undefined) return parseZoneArg(flag);
  return (env.TZ !== undefined ? canonicalZone(env.TZ) : undefined) ?? UTC;
}

/** Shows and reads times in `name` from now on (a canonical name, see parseZoneArg). */
export function setDisplayZone(name: string): void {
  zone = name;
  zoneFormat = undefined;
}

/** The display zone's name for headers and axes: "UTC" or an IANA name such as "Asia/Seoul". */
export function zoneName(): string {
  return zone;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The zone's offset from UTC at `ms`, in minutes (+540 for Asia/Seoul). */
function offsetMinutesAt(ms: number): number {
  if (zone === UTC) return 0;
  zoneFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const p of zoneFormat.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The epoch ms at which the display zone's clock reads `wallMs` (a Date.UTC of the wall time). */
function fromWallTime(wallMs: number): number {
  // Two rounds settle the offset, also next to a DST change.
  let ms = wallMs - offsetMinutesAt(wallMs) * 60_000;
  ms = wallMs - offsetMinutesAt(ms) * 60_000;
  return ms;
}

/** The display zone's wall time as 2026-01-15T20:00:00.000 (toISOString's shape, without the zone). */
export function zonedIso(unixSeconds: number): string {
  const ms = unixSeconds * 1000;
  return new Date(ms + offsetMinutesAt(ms) * 60_000).toISOString().slice(0, 23);
}

/**
 * The zone after a time: " UTC" (or "Z" when `sep` is '') in UTC, else the
 * offset at that instant, " +09:00".
 */
export function zoneSuffix(unixSeconds: number, sep = ' '): string {
  if (zone === UTC) return sep === '' ? 'Z' : `${sep}UTC`;
  const off = offsetMinutesAt(unixSeconds * 1000);
  const a = Math.abs(off);
  return `${sep}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The display zone's offset from UTC at that instant, in seconds (32400 for Asia/Seoul). */
export function zoneOffsetSeconds(unixSeconds: number): number {
  return offsetMinutesAt(unixSeconds * 1000) * 60;
}
