// Times inside lessons are written relative to the end of the data ("-2h30m"),
// because the sample dataset ends at a fixed instant and lessons must not
// depend on when it was generated.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+(?:ms|s|m|h|d|w))+$/;

/** A Prometheus-style duration such as `1h30m` in ms, or undefined if malformed. */
export function parseDuration(s: string): number | undefined {
  if (!DURATION.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d+)(ms|s|m|h|d|w)/g)) ms += Number(m[1]) * UNIT_MS[m[2]];
  return ms;
}

/** `-2h`, `0` or `2h` (sign optional) as an offset in ms from the data end; undefined if malformed. */
export function parseRelative(s: string): number | undefined {
  const t = s.trim();
  if (t === '0' || t === 'end') return 0;
  const neg = t.startsWith('-');
  const d = parseDuration(neg || t.startsWith('+') ? t.slice(1) : t);
  return d === undefined ? undefined : neg ? -d : d;
}

/** A short human form of seconds: 300 -> "5m", 5400 -> "1h30m". */
export function formatDuration(seconds: number): string {
  let s = Math.round(seconds);
  if (s === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  return parts.join('');
}

/** Unix seconds as `2024-05-01 14:05 UTC`-style text for feedback. */
export function formatTime(unixSeconds: number): string {
  const iso = new Date(unixSeconds * 1000).toISOString();
  const secs = iso.slice(17, 19) === '00' ? '' : iso.slice(16, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${secs} UTC`;
}
