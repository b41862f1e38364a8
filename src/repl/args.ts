// Small formatting helpers for prompts and meta-command messages. Parsing of
// times and durations is src/cli/time.ts's job (shared with `query`/`range`).

export { formatDuration, parseDurationArg, parseTimeArg } from '../cli/time.js';

/** `2026-01-15 12:00` (UTC; seconds only when not zero). */
export function formatTime(unixSeconds: number): string {
  const iso = new Date(unixSeconds * 1000).toISOString();
  const secs = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${secs === '00' ? '' : `:${secs}`}`;
}
