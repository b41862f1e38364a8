// Time and duration arguments (--time, --start, --end, --range, --step).
//
// Times are unix seconds (floats, as the Prometheus API uses); durations are
// milliseconds. Both throw UsageError with an example on bad input.

import { UsageError } from '../errors.js';
import { formatDuration as formatDurationMs } from '../render/format.js';

export { formatDuration } from '../render/format.js';

const TIME_EXAMPLES = "e.g. 2026-01-15T11:00:00Z, 1768474800, now, -1h or now-30m";
const DURATION_EXAMPLES = 'e.g. 1h30m, 5m, 500ms, 1d or plain seconds such as 60';

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
// RFC 3339 with a zone (Z or ±hh:mm), fractions optional; 'T' may be a space.
const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** `1h30m` → 5400000. Returns undefined when `s` is not a duration. */
function tryParseDuration(s: string): number | undefined {
  if (NUMBER_RE.test(s)) return Math.round(Number(s) * 1000);
  const parts = s.match(/\d+(?:ms|[ywdhms])/g);
  if (!parts || parts.join('') !== s) return undefined;
  let total = 0;
  let lastRank = -1;
  for (const p of parts) {
    const unit = p.endsWith('ms') ? 'ms' : p[p.length - 1]!;
    const rank = UNITS.findIndex(([u]) => u === unit);
    // Units must go from largest to smallest, each at most once (as in Prometheus).
    if (rank <= lastRank) return undefined;
    lastRank = rank;
    total += Number(p.slice(0, p.length - unit.length)) * UNIT_MS.get(unit)!;
  }
  return total;
}

/** Parse a duration such as `1h30m`, `500ms`, `1d`, or plain seconds `60` / `1.5`; returns ms. */
export function parseDurationArg(s: string): number {
  const text = s.trim();
  const ms = tryParseDuration(text);
  if (ms === undefined) {
    throw new UsageError(`invalid duration "${s}"`, `use a duration ${DURATION_EXAMPLES}`);
  }
  return ms;
}

function parseRfc3339(s: string): number | undefined {
  const m = RFC3339_RE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  // Reject impossible dates (Date.UTC would roll 2026-02-30 over to March).
  const check = new Date(base);
  if (check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return undefined;
  let offsetMin = 0;
  if (zone!.toUpperCase() !== 'Z') {
    const sign = zone![0] === '-' ? -1 : 1;
    offsetMin = sign * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(4, 6)));
  }
  return base / 1000 - offsetMin * 60 + (frac ? Number(frac) : 0);
}

/**
 * Parse --time/--start/--end: RFC 3339, Unix seconds (fractions allowed),
 * `now`, or relative forms like `-1h` / `now-1h` / `now+5m` (relative to
 * `ref`, unix s). A bare date (2026-01-15) means midnight UTC.
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
    const t = parseRfc3339(`${text}T00:00:00Z`);
    if (t !== undefined) return t;
  }
  const t = parseRfc3339(text);
  if (t !== undefined) return t;
  const hint = /^\d{4}-\d{2}-\d{2}[Tt ][\d:.]+$/.test(text)
    ? 'add a time zone, e.g. Z for UTC: ' + text + 'Z'
    : `use ${TIME_EXAMPLES}`;
  throw new UsageError(`invalid time "${s}"`, hint);
}

/** Steps a default may round to, seconds (Grafana-like: round minutes and hours). */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
/** Prometheus rejects range queries of more points than this per series. */
export const MAX_POINTS = 11000;

/** A default step for a range of `seconds`: about 100-200 points, rounded up to a nice step. */
export function defaultStep(seconds: number): number {
  const raw = seconds / 200;
  if (raw <= 1) return 1;
  const nice = NICE_STEPS.find((s) => s >= raw);
  return nice ?? Math.ceil(raw / 86400) * 86400;
}

export interface RangeArgs {
  start?: string;
  end?: string;
  /** Length of the range (default 1h). */
  range?: string;
  step?: string;
  /** Same as end when end is not given (`query --range 1h --time ...`). */
  time?: string;
}

export interface ResolvedRange {
  start: number;
  end: number;
  step: number;
}

/**
 * Start, end and step (seconds) from --start/--end/--range/--step, relative
 * times taken from `ref`. Defaults: end = ref, range = 1h, step = defaultStep.
 */
export function resolveRange(args: RangeArgs, ref: number): ResolvedRange {
  if (args.start !== undefined && args.end !== undefined && args.range !== undefined) {
    throw new UsageError('--start, --end and --range cannot all be given', 'give two of them, e.g. --start -2h --end -1h, or --range 1h');
  }
  if (args.range !== undefined && args.range.trim().startsWith('-')) {
    throw new UsageError(`invalid range "${args.range}": --range is a length, not a time`, `use --range ${args.range.trim().slice(1)} (ending now), or --start ${args.range.trim()}`);
  }
  const length = args.range !== undefined ? parseDurationArg(args.range) / 1000 : 3600;
  if (!(length > 0)) throw new UsageError(`invalid range "${args.range}": it must be longer than 0`, 'e.g. --range 1h');
  let end: number;
  let start: number;
  if (args.start !== undefined) {
    start = parseTimeArg(args.start, ref);
    const endArg = args.end ?? args.time;
    end = endArg !== undefined ? parseTimeArg(endArg, ref) : args.range !== undefined ? start + length : ref;
  } else {
    const endArg = args.end ?? args.time;
    end = endArg !== undefined ? parseTimeArg(endArg, ref) : ref;
    start = end - length;
  }
  if (start > end) throw new UsageError('the start time is after the end time', 'swap --start and --end, or use --range');
  const step = args.step !== undefined ? parseDurationArg(args.step) / 1000 : defaultStep(end - start);
  if (!(step > 0)) throw new UsageError(`invalid step "${args.step}": it must be longer than 0`, 'e.g. --step 30s');
  const points = Math.floor((end - start) / step) + 1;
  if (points > MAX_POINTS) {
    throw new UsageError(
      `the range would have ${points} points per series; Prometheus allows at most ${MAX_POINTS}`,
      `use a larger step, e.g. --step ${formatDurationShort(defaultStep(end - start))}`,
    );
  }
  return { start, end, step };
}

function formatDurationShort(seconds: number): string {
  return formatDurationMs(seconds * 1000);
}
