// Prometheus's model.Duration: the duration syntax of rule files, promtool
// test files and Alertmanager configurations (5m, 1h30m, 2d, 0), and its
// String() form, used in promtool's messages ("time: 10m").

import { PROMTOOL } from './promtool-words.js';

const UNITS: ReadonlyArray<[string, number]> = [
  ['y', 365 * 86400_000],
  ['w', 7 * 86400_000],
  ['d', 86400_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** model.ParseDuration: milliseconds, or an Error with Prometheus's message. */
export function parseModelDuration(s: string): number {
  if (s === '') throw new Error(PROMTOOL.emptyDuration);
  if (s === '0') return 0;
  const m = DURATION_RE.exec(s);
  if (!m || s.length === 0) throw new Error(PROMTOOL.badDuration(s));
  let ms = 0;
  UNITS.forEach(([, unitMs], i) => {
    if (m[i + 1] !== undefined) ms += Number(m[i + 1]) * unitMs;
  });
  return ms;
}

/** model.Duration.String(): 0s, 5m, 1h30m, 1d (largest units first). */
export function formatModelDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.abs(ms);
  let out = ms < 0 ? '-' : '';
  for (const [unit, unitMs] of UNITS) {
    const n = Math.floor(rest / unitMs);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * unitMs;
    }
  }
  return out;
}
