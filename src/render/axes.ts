// Axes for charts: round value steps per row (y), and readable time ticks (x).

import { scaleFor, type Scale, type Unit } from './format.js';
import { formatDate, zonedIso, zoneOffsetSeconds } from '../util/time.js';

export interface YAxis {
  /** Value of the bottom row. */
  lo: number;
  /** Value between two adjacent rows. */
  step: number;
  rows: number;
  /** Tick label for a row (0 = bottom), '' for rows without a tick. */
  label(row: number): string;
}

/** The smallest of 1, 2, 2.5, 5 x 10^k that is >= x. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * A y axis of at most `rows` rows covering [min, max]: round tick values at
 * the bottom and top (as d3's nice() does) and evenly spaced ticks, every
 * row or every few rows. Among the round tick steps, the one that gives the
 * data the most rows wins; the axis may use fewer rows than asked so that
 * ticks land exactly on rows.
 */
export function yAxis(min: number, max: number, rows: number, unit: Unit): YAxis {
  if (min === max) {
    // A flat line: give it some room, without going below zero for positive data.
    const v = min;
    const span = v === 0 ? 1 : Math.abs(v) * 0.5;
    min = v >= 0 ? Math.max(0, v - span / 2) : v - span / 2;
    max = v + span / 2;
  }
  rows = Math.max(2, rows);
  const scale = axisScale(unit, Math.max(Math.abs(min), Math.abs(max)));
  let best: { lo: number; tick: number; intervals: number; every: number; score: number } | undefined;
  let tick = niceCeil((max - min) / scale.factor / (rows - 1)) * scale.factor;
  for (let tries = 0; tries < 8; tries++, tick = niceCeil((tick / scale.factor) * 1.0001) * scale.factor) {
    const lo = Math.floor(min / tick + 1e-9) * tick;
    const intervals = Math.max(1, Math.round((Math.ceil(max / tick - 1e-9) * tick - lo) / tick));
    if (intervals > rows - 1) continue;
    const every = Math.floor((rows - 1) / intervals);
    // Rows the data spans; a label on every row reads a little worse.
    const score = ((max - min) / (intervals * tick)) * intervals * every * (every === 1 ? 0.85 : 1);
    if (!best || score > best.score + 1e-9) best = { lo, tick, intervals, every, score };
  }
  const { lo, tick: t, intervals, every } = best!;
  const used = intervals * every + 1;
  const fmt = tickFormatter(scale, t);
  return {
    lo,
    step: t / every,
    rows: used,
    label: (row) => (row % every === 0 ? fmt(lo + (row / every) * t) : ''),
  };
}

const SI: ReadonlyArray<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

function axisScale(unit: Unit, magnitude: number): Scale {
  if (unit === 'none' || unit === 'per-second' || unit === 'timestamp') {
    // Plain numbers: k/M/G once they get long; 1500 stays 1500.
    const si = magnitude >= 1e4 ? SI.find(([f]) => magnitude >= f) : undefined;
    const suffix = (si ? si[1] : '') + (unit === 'per-second' ? '/s' : '');
    return { factor: si ? si[0] : 1, suffix };
  }
  return scaleFor(unit, magnitude);
}

function tickFormatter(scale: Scale, tick: number): (v: number) => string {
  const scaledTick = tick / scale.factor;
  let decimals = 0;
  while (decimals < 8 && Math.abs(Math.round(scaledTick * 10 ** decimals) - scaledTick * 10 ** decimals) > 1e-6) decimals++;
  return (v) => {
    const x = v / scale.factor;
    return (Math.abs(x) < 1e-12 ? 0 : x).toFixed(decimals) + scale.suffix;
  };
}

/** Tick intervals for time axes, seconds. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

interface TimeTick {
  t: number;
  label: string;
  /** Seconds between ticks. */
  interval: number;
}

/** Ticks at round times of the display zone, spaced so their labels fit `width` columns. */
export function timeTicks(start: number, end: number, width: number): TimeTick[] {
  const span = Math.max(end - start, 1);
  const multiDay = formatDate(start) !== formatDate(end);
  const labelWidth = span < 120 ? 8 : 5;
  const maxTicks = Math.max(1, Math.floor(width / (labelWidth + 3)));
  const interval = TIME_STEPS.find((s) => span / s <= maxTicks) ?? 604800;
  const ticks: TimeTick[] = [];
  // Round in the display zone's clock (Asia/Kolkata's hours are at :30 UTC).
  const offset = zoneOffsetSeconds(start);
  for (let t = Math.ceil((start + offset) / interval) * interval - offset; t <= end; t += interval) {
    ticks.push({ t, label: tickLabel(t, interval, multiDay), interval });
  }
  return ticks;
}

function tickLabel(t: number, interval: number, multiDay: boolean): string {
  const iso = zonedIso(t); // 2026-01-15T11:00:00.000 in the display zone
  const date = iso.slice(5, 10);
  const hm = iso.slice(11, 16);
  if (interval < 60) return iso.slice(11, 19);
  if (interval >= 86400) return date;
  if (multiDay) return hm === '00:00' ? date : hm;
  return hm;
}
