// Times inside lessons are written relative to the end of the data ("-2h30m"),
// because the sample dataset ends at a fixed instant and lessons must not
// depend on when it was generated. The syntax is the CLI's (--time -2h30m,
// --range 1h), parsed by the same functions (src/util/time.ts); here malformed input is a
// lesson-file problem to report, not a usage error to throw.

import { parseDurationArg, parseTimeArg } from '../util/time.js';

/** A positive duration such as `1h30m` in ms, or undefined if malformed. */
export function parseDuration(s: string): number | undefined {
  try {
    const ms = parseDurationArg(s);
    return ms > 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

/** `-2h`, `+2h`, `0` or `end` as an offset in ms from the data end; undefined if malformed. */
export function parseRelative(s: string): number | undefined {
  const t = s.trim();
  if (t === '0' || t === 'end') return 0;
  // Only signed offsets: a bare `2h` or an absolute time would not mean "from the end".
  if (!/^[+-]/.test(t)) return undefined;
  try {
    return parseTimeArg(t, 0) * 1000;
  } catch {
    return undefined;
  }
}
