// Range arguments of `range` and `query --range`: --start, --end, --range and
// --step resolved to a start, end and step, with a default step that gives a
// readable chart. Parsing of the times and durations is src/util/time.ts's.

import { t } from '../util/messages/index.js';
import { UsageError } from '../errors.js';
import { humanDuration, parseDurationArg, parseTimeArg } from '../util/time.js';

/** Steps a default may round to, seconds (Grafana-like: round minutes and hours). */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
import { MAX_RANGE_POINTS as MAX_POINTS } from '../model/result.js';

/** A default step for a range of `seconds`: about 100-200 points, rounded up to a nice step. */
export function defaultStep(seconds: number): number {
  const raw = seconds / 200;
  if (raw <= 1) return 1;
  const nice = NICE_STEPS.find((s) => s >= raw);
  return nice ?? Math.ceil(raw / 86400) * 86400;
}

interface RangeArgs {
  start?: string;
  end?: string;
  /** Length of the range (default 1h). */
  range?: string;
  step?: string;
  /** Same as end when end is not given (`query --range 1h --time ...`). */
  time?: string;
}

interface ResolvedRange {
  start: number;
  end: number;
  step: number;
}

/**
 * Start, end and step (seconds) from --start/--end/--range/--step, relative
 * times taken from `ref`. Defaults: end = ref, range = 1h, step = defaultStep.
 */
export function resolveRange(args: RangeArgs, ref: number): ResolvedRange {
  if (args.start !== undefined && args.end !== undefined && args.range !== undefined) {
    throw new UsageError(t('usage.rangeAllThree'), t('usage.rangeAllThree.hint'));
  }
  if (args.range !== undefined && args.range.trim().startsWith('-')) {
    throw new UsageError(
      t('usage.rangeNegative', { range: args.range }),
      t('usage.rangeNegative.hint', { length: args.range.trim().slice(1), start: args.range.trim() }),
    );
  }
  const length = args.range !== undefined ? parseDurationArg(args.range) / 1000 : 3600;
  if (!(length > 0)) throw new UsageError(t('usage.rangeZero', { range: String(args.range) }), t('usage.eg', { example: '--range 1h' }));
  let end: number;
  let start: number;
  if (args.start !== undefined) {
    start = parseTimeArg(args.start, ref);
    const endArg = args.end ?? args.time;
    end = endArg !== undefined ? parseTimeArg(endArg, ref) : args.range !== undefined ? start + length : ref;
  } else {
    const endArg = args.end ?? args.time;
    end = endArg !== undefined ? parseTimeArg(endArg, ref) : ref;
    start = end - length;
  }
  if (start > end) throw new UsageError(t('usage.startAfterEnd'), t('usage.startAfterEnd.hint'));
  const step = args.step !== undefined ? parseDurationArg(args.step) / 1000 : defaultStep(end - start);
  if (!(step > 0)) throw new UsageError(t('usage.stepZero', { step: String(args.step) }), t('usage.eg', { example: '--step 30s' }));
  const points = Math.floor((end - start) / step) + 1;
  if (points > MAX_POINTS) {
    throw new UsageError(
      t('usage.tooManyPoints', { points, max: MAX_POINTS }),
      t('usage.tooManyPoints.hint', { step: humanDuration(defaultStep(end - start) * 1000) }),
    );
  }
  return { start, end, step };
}
