// Why an instant query against a server came back empty when the reason is
// time: the server's data for the query's series ended before the query time
// (a backfilled or stopped Prometheus) or starts after it. The note says where
// and gives the --time to use (in the REPL, the .at). The search itself is the
// remote backend's (./http/data-end.ts); this file picks the series to ask
// about and words the answer, for the CLI's query and range and the REPL.

import type { Backend } from './backend.js';
import type { DataWhere, RemoteBackend } from './remote.js';
import { ALL_FEATURES, inspect, parse, printExpr, type Expr, type VectorSelector } from '../promql/index.js';
import { formatRfc3339, humanDuration } from '../util/time.js';
import { t } from '../util/messages/index.js';

/** The most selectors asked about (a query with more is rare; each adds to every probe). */
const MAX_SELECTORS = 10;

interface QuerySelectors {
  /** Each selector without offset or @, as PromQL text. */
  selectors: string[];
  /** The one offset all selectors share (s): data needed at time - offset. */
  offsetSec: number;
}

/**
 * The series selectors of the queries (one, or several drawn in one chart), or
 * undefined when their data does not follow the evaluation time simply (an @
 * modifier, different offsets) or one does not parse.
 */
export function querySelectors(exprs: string | string[]): QuerySelectors | undefined {
  const trees: Expr[] = [];
  try {
    for (const e of typeof exprs === 'string' ? [exprs] : exprs) trees.push(parse(e, ALL_FEATURES));
  } catch {
    return undefined;
  }
  const texts = new Set<string>();
  const offsets = new Set<number>();
  let simple = true;
  const visit = (node: Expr) => {
    if (node.type === 'SubqueryExpr' && (node.at || node.offsetMs || node.offsetExpr)) simple = false;
    if (node.type !== 'VectorSelector') return;
    if (node.at || node.offsetExpr) simple = false;
    offsets.add(node.offsetMs);
    const bare: VectorSelector = { type: 'VectorSelector', name: node.name, matchers: node.matchers, offsetMs: 0, pos: node.pos };
    texts.add(printExpr(bare));
  };
  for (const tree of trees) inspect(tree, visit);
  if (!simple || offsets.size > 1 || texts.size === 0 || texts.size > MAX_SELECTORS) return undefined;
  return { selectors: [...texts], offsetSec: ([...offsets][0] ?? 0) / 1000 };
}

/** A duration for people, to its two largest units: 316d12h, 3h5m, 42s. */
function roughly(seconds: number): string {
  const s = Math.abs(seconds);
  const unit = s >= 86400 ? 3600 : s >= 3600 ? 60 : 1;
  return humanDuration(Math.round(s / unit) * unit * 1000);
}

/** What moves a query in time: the CLI's flags, or the REPL's `.at`. */
export interface TimeAdvice {
  /** An instant query's time: --time, .at */
  time: string;
  /** A range's end, to reach data that ended before it: --end */
  end: string;
  /** A range's start, to reach data that starts after it: --start */
  start: string;
}

export const CLI_TIME_ADVICE: TimeAdvice = { time: '--time', end: '--end', start: '--start' };

/**
 * The note for what the search found; undefined when time is not the reason.
 * It suggests the option that moves the query onto the data.
 */
export function describeDataWhere(
  where: DataWhere,
  q: QuerySelectors,
  time: number,
  range = false,
  advice: TimeAdvice = CLI_TIME_ADVICE,
): string | undefined {
  const what = q.selectors.length === 1 ? q.selectors[0] : t('backend.note.querySeries');
  // The query reads data `offset` before its evaluation time: shift the suggestion by as much.
  const suggest = (at: number) => formatRfc3339(Math.ceil(at + q.offsetSec));
  const dataTime = time - q.offsetSec;
  const ref = range ? t('backend.note.rangeEnd') : t('backend.note.queryTime');
  const flag = !range ? advice.time : where.kind === 'starts' ? advice.start : advice.end;
  switch (where.kind) {
    case 'ended': {
      if (where.exact) {
        const at = formatRfc3339(Math.round(where.end * 1000) / 1000);
        return t('backend.note.endsAt', { what, at, ago: roughly(dataTime - where.end), ref, flag, time: suggest(where.end) });
      }
      // The search ran out of time: the end lies between two bounds.
      const [from, to] = [Math.floor(where.end), Math.ceil(where.before ?? where.end)];
      return t('backend.note.endsBetween', {
        what,
        from: formatRfc3339(from),
        to: formatRfc3339(to),
        ago: roughly(dataTime - to),
        ref,
        flag,
        time: suggest(from),
      });
    }
    case 'starts':
      return t('backend.note.startsAt', {
        what,
        at: formatRfc3339(where.start),
        ago: roughly(where.start - dataTime),
        ref,
        flag,
        time: suggest(where.start),
      });
    default:
      return undefined;
  }
}

/** Prometheus's default lookback (s): data this close before a time is seen at it. */
const LOOKBACK_SEC = 300;

/**
 * For an empty query on a server: where the data of its series ends (or
 * starts), when that is why. `when` is an instant query's time, or a range
 * (its end is where the search starts; --end moves it). Only a note: any failure means no note.
 */
export async function serverDataNote(
  backend: Backend,
  expr: string | string[],
  when: { start?: number; end: number },
  signal?: AbortSignal,
  advice: TimeAdvice = CLI_TIME_ADVICE,
): Promise<string | undefined> {
  const remote = backend as Partial<RemoteBackend>;
  if (typeof remote.locateData !== 'function') return undefined;
  const q = querySelectors(expr);
  if (!q) return undefined;
  try {
    const where = await remote.locateData(q.selectors, when.end - q.offsetSec, { signal, lookbackSec: LOOKBACK_SEC });
    // Data ending inside the range was there to be found: the range's answer is empty for another reason.
    if (when.start !== undefined && where.kind === 'ended' && where.end >= when.start - q.offsetSec - LOOKBACK_SEC) return undefined;
    return describeDataWhere(where, q, when.end, when.start !== undefined, advice);
  } catch {
    return undefined; // the query's own answer stands
  }
}
