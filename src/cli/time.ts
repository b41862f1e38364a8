// TODO(stub, owned by query/range): time and duration arguments.

/**
 * Parse --time/--start/--end: RFC 3339, Unix seconds (fractions allowed),
 * `now`, or relative forms like `-1h` / `now-1h` (relative to `ref`, unix s).
 * Returns unix seconds. Throws UsageError on bad input.
 */
export function parseTimeArg(_s: string, _ref: number): number {
  throw new Error('not implemented yet');
}

/** Parse a duration such as `1h30m`, `500ms`, or plain seconds `60`; returns ms. */
export function parseDurationArg(_s: string): number {
  throw new Error('not implemented yet');
}
