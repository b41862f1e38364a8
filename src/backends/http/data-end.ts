// Where a server's data lies in time, for an instant query that came back
// empty: a backfilled or stopped Prometheus has data, just not at "now".
//
// The head block's stats (/api/v1/status/tsdb) cannot tell: backfilled data
// lives in persisted blocks only. What every Prometheus (2.x and 3.x) can tell
// cheaply is whether some series has a sample in [start, end]: the series API
// with time bounds reads the index and each chunk's time range, never the
// samples, and a chunk's range ends at its last sample, so the answer is exact
// where the data ends. A search over that question finds the end: a few
// probes going back by growing steps, then halving the interval, then one
// instant query of timestamp() inside the last interval for the second.
// Every probe is a small request, the whole search has a time budget, and the
// caller's signal (Ctrl-C) stops it.

/** The questions the search asks of a server. */
export interface DataProbe {
  /** Does any series have a sample in [start, end]? An undefined bound is open. */
  any(start: number | undefined, end: number | undefined, signal: AbortSignal): Promise<boolean>;
  /** The newest sample time in the server's lookback window before `time`, if any (it may throw: then the end stays approximate). */
  newestAt(time: number, signal: AbortSignal): Promise<number | undefined>;
}

/** What the search found, relative to the query time. */
export type DataWhere =
  /** Samples within the lookback before the time: an empty answer is not about missing data. */
  | { kind: 'present' }
  /** No sample at any time. */
  | { kind: 'none' }
  /** The data ends before the time: at `end` (exact), or between `end` and `before` when the budget ran out. */
  | { kind: 'ended'; end: number; exact: boolean; before?: number }
  /** All the data is after the time; it starts at or just before `start` (within a minute). */
  | { kind: 'starts'; start: number }
  /** The budget ran out (or the server could not say) before anything useful was known. */
  | { kind: 'unknown' };

export interface LocateOptions {
  /** Prometheus's lookback delta, seconds: data this close before the time counts as present. */
  lookbackSec?: number;
  /** The whole search's time budget (ms). */
  budgetMs?: number;
  /** Ends the budget instead of a `budgetMs` timer (a caller's own deadline; tests abort it after N probes). */
  budgetSignal?: AbortSignal;
  signal?: AbortSignal;
}

/** Each step back is this many times the last: few probes to reach old data. */
const GROWTH = 8;
/** Stop halving at this width (s): the final instant query's lookback covers it. */
const PRECISION_SEC = 120;
/** Furthest the search looks from the query time (s): 30 years. */
const MAX_DISTANCE_SEC = 30 * 365 * 86400;
const DEFAULT_BUDGET_MS = 4000;

class OutOfBudget extends Error {}

/** Finds where the probed series' data lies relative to `time` (unix seconds). */
export async function locateData(probe: DataProbe, time: number, opts: LocateOptions = {}): Promise<DataWhere> {
  const lookback = opts.lookbackSec ?? 300;
  const budget = opts.budgetSignal ?? AbortSignal.timeout(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
  const ask = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (signal.aborted) throw new OutOfBudget();
    try {
      return await fn();
    } catch (e) {
      if (signal.aborted) throw new OutOfBudget();
      throw e;
    }
  };
  const any = (start: number | undefined, end: number | undefined) => ask(() => probe.any(start, end, signal));
  const progress: Partial<{ end: number; before: number }> = {};
  try {
    if (await any(time - lookback, time)) return { kind: 'present' };
    if (await any(undefined, time)) return await findEnd(time, lookback, any, (n) => ask(() => probe.newestAt(n, signal)), progress);
    if (await any(time, undefined)) return await findStart(time, lookback, any);
    return { kind: 'none' };
  } catch (e) {
    if (!(e instanceof OutOfBudget)) throw e;
    return progress.end !== undefined ? { kind: 'ended', end: progress.end, exact: false, before: progress.before } : { kind: 'unknown' };
  }
}

type Any = (start: number | undefined, end: number | undefined) => Promise<boolean>;

/** There is data before `time` but none in its lookback: how far back does it end? */
async function findEnd(
  time: number,
  lookback: number,
  any: Any,
  newestAt: (t: number) => Promise<number | undefined>,
  progress: { end?: number; before?: number },
): Promise<DataWhere> {
  // Back by growing steps until a window [time - d, time] holds data: the end is in [time - d, time - previous d).
  let near = lookback;
  let far = lookback * GROWTH;
  while (!(await any(time - far, time))) {
    if (far >= MAX_DISTANCE_SEC) return { kind: 'unknown' };
    [near, far] = [far, Math.min(far * GROWTH, MAX_DISTANCE_SEC)];
  }
  let lo = time - far; // data at or after lo
  let hi = time - near; // none at or after hi
  progress.end = lo;
  progress.before = hi;
  while (hi - lo > PRECISION_SEC) {
    const mid = Math.floor((lo + hi) / 2);
    if (await any(mid, time)) lo = mid;
    else hi = mid;
    progress.end = lo;
    progress.before = hi;
  }
  // The newest sample is in [lo, hi): timestamp() at hi sees it through the lookback.
  const newest = await newestAt(hi).catch((e: unknown) => {
    if (e instanceof OutOfBudget) throw e;
    return undefined;
  });
  if (newest !== undefined && newest >= lo - 1 && newest <= hi) return { kind: 'ended', end: newest, exact: true };
  return { kind: 'ended', end: lo, exact: false, before: hi };
}

/** All the data is after `time`: roughly where does it start? */
async function findStart(time: number, lookback: number, any: Any): Promise<DataWhere> {
  let near = 0;
  let far = lookback * GROWTH;
  while (!(await any(time, time + far))) {
    if (far >= MAX_DISTANCE_SEC) return { kind: 'unknown' };
    [near, far] = [far, Math.min(far * GROWTH, MAX_DISTANCE_SEC)];
  }
  let lo = time + near; // nothing at or before lo
  let hi = time + far; // data at or before hi
  while (hi - lo > PRECISION_SEC / 2) {
    const mid = Math.ceil((lo + hi) / 2);
    if (await any(time, mid)) hi = mid;
    else lo = mid;
  }
  return { kind: 'starts', start: hi };
}
