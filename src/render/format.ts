// Numbers and units for people. JSON/CSV never use these: they print the raw
// strings the API returns.
//
// Units are inferred from Prometheus naming conventions (`_seconds`, `_bytes`,
// `_ratio`, `_timestamp_seconds`), from the series' name when it still has
// one, otherwise from the query (see ./units.ts).

import { formatTimestamp } from '../util/time.js';

export type Unit = 'none' | 'seconds' | 'bytes' | 'ratio' | 'timestamp' | 'bytes/s' | 'per-second';

/** A value with at most `sig` significant digits, integers in full, Prometheus-style specials. */
export function formatNumber(v: number, sig = 6): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (Number.isInteger(v) && abs < 1e15) return String(v);
  // 2736645.3 reads better as 2736645 than as 2.7366e+06: whole part in full, like integers.
  if (abs >= 10 ** sig && abs < 1e15) return String(Math.round(v));
  if (abs >= 1e15 || abs < 1e-4) {
    const [m, e] = v.toExponential(sig - 1).split('e');
    const exp = Number(e);
    return `${trimZeros(m!)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return trimZeros(v.toPrecision(sig));
}

function trimZeros(s: string): string {
  if (!s.includes('.') || s.includes('e')) return s;
  return s.replace(/\.?0+$/, '');
}

/** The unit a metric name implies by convention. */
export function unitFromName(name: string | undefined): Unit {
  if (!name) return 'none';
  const base = name.replace(/_(total|sum|created|gauge)$/, '');
  if (/_created$/.test(name) || /_(timestamp|time)_seconds$|_timestamp$/.test(base)) return 'timestamp';
  if (/_seconds$/.test(base)) return 'seconds';
  if (/_bytes$/.test(base)) return 'bytes';
  if (/_ratio$/.test(base)) return 'ratio';
  return 'none';
}

const SECOND_STEPS: ReadonlyArray<[number, string]> = [
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];
const BYTE_STEPS: ReadonlyArray<[number, string]> = [
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
  [1, 'B'],
];

/** A scale (factor and suffix) for a unit, chosen so `magnitude / factor` is >= 1. */
export interface Scale {
  factor: number;
  suffix: string;
}

export function scaleFor(unit: Unit, magnitude: number): Scale {
  const abs = Math.abs(magnitude);
  switch (unit) {
    case 'seconds':
      return pickStep(SECOND_STEPS, abs, ' ');
    case 'bytes':
      return pickStep(BYTE_STEPS, abs, ' ');
    case 'bytes/s': {
      const s = pickStep(BYTE_STEPS, abs, ' ');
      return { factor: s.factor, suffix: s.suffix + '/s' };
    }
    case 'ratio':
      return { factor: 0.01, suffix: '%' };
    case 'per-second':
      return { factor: 1, suffix: '/s' };
    default:
      return { factor: 1, suffix: '' };
  }
}

function pickStep(steps: ReadonlyArray<[number, string]>, abs: number, sep: string): Scale {
  if (abs === 0 || !Number.isFinite(abs)) {
    const unit = steps.find(([f]) => f === 1)!;
    return { factor: 1, suffix: sep + unit[1] };
  }
  for (const [factor, name] of steps) {
    if (abs >= factor * 0.9995) return { factor, suffix: sep + name };
  }
  const [factor, name] = steps[steps.length - 1]!;
  return { factor, suffix: sep + name };
}

/** 3 significant digits, but never exponent form for ordinary magnitudes. */
function short(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1000) return String(Math.round(v));
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return trimZeros(v.toFixed(1));
  if (abs >= 0.01 || abs === 0) return trimZeros(v.toFixed(2));
  return formatNumber(v, 3);
}

/** "12.3 ms", "1.5 MiB", "12.3%", "2026-01-15 11:00:00Z"; '' when there is nothing to add. */
export function humanize(v: number, unit: Unit): string {
  if (unit === 'none' || !Number.isFinite(v)) return '';
  if (unit === 'timestamp') return formatTimestamp(v);
  const s = scaleFor(unit, v);
  return short(v / s.factor) + s.suffix;
}

/** Whether a unit gets its own human-readable column beside the raw value. */
export function hasHumanColumn(unit: Unit): boolean {
  return unit !== 'none' && unit !== 'per-second';
}
