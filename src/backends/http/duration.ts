// --timeout values: Prometheus-style durations (30s, 1m30s, 500ms, 2h) or
// plain seconds (60, 1.5).

import { UsageError } from '../../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** Parses a duration; returns milliseconds (> 0). */
export function parseTimeoutMs(s: string, flag = '--timeout'): number {
  const text = s.trim();
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else if (/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) {
    ms = 0;
    for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) ms += Number(n) * UNIT_MS[unit];
  }
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(`invalid ${flag} "${s}"`, 'use a duration such as 30s, 2m or 1m30s');
  }
  return ms;
}

/** Milliseconds as a Prometheus duration parameter ("120s", "1500ms"). */
export function formatDurationParam(ms: number): string {
  const n = Math.max(1, Math.round(ms));
  return n % 1000 === 0 ? `${n / 1000}s` : `${n}ms`;
}
