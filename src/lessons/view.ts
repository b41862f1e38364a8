// Where the learner's own queries run in the tutorial (the "view"): an
// evaluation time relative to the data end and an optional range to chart.
// It follows the last example (so a query typed after an incident example
// looks at the incident), and `.at TIME` / `.range DURATION` move it.

import { t } from '../util/messages/index.js';
import type { Plan } from './observe.js';
import type { ExampleWhere } from './show.js';
import { formatTimeUtc as formatTime } from '../util/time.js';
import { parseDuration, parseRelative } from './time.js';

export interface View {
  at: string;
  range?: string;
}

export const DEFAULT_VIEW: View = { at: '0' };

/** The view an example leaves behind. */
export function viewOf(where: ExampleWhere): View {
  return { at: where.at ?? '0', range: where.range };
}

/**
 * Applies `.at TIME` or `.range DURATION|off`; returns the new view, or an
 * error message in the learner's terms; undefined when `line` is not one of them.
 */
export function moveView(view: View, line: string): { view: View } | { error: string } | undefined {
  const m = /^\.(at|range)(?:\s+(.*))?$/.exec(line.trim());
  if (!m) return undefined;
  const arg = (m[2] ?? '').trim();
  if (m[1] === 'at') {
    if (parseRelative(arg) === undefined) return { error: t('view.atError') };
    return { view: { ...view, at: arg } };
  }
  if (arg === 'off' || arg === '0') return { view: { at: view.at } };
  if (parseDuration(arg) === undefined) return { error: t('view.rangeError') };
  return { view: { ...view, range: arg } };
}

/** "at 07:20 UTC" or "07:00–07:20 UTC (chart)", for prompts. */
export function describeView(view: View, dataEnd: number): string {
  const time = dataEnd + (parseRelative(view.at) ?? 0) / 1000;
  const at = formatTime(time).slice(11);
  if (!view.range) return t('view.at', { time: at });
  const start = formatTime(time - (parseDuration(view.range) ?? 0) / 1000).slice(11, 16);
  return t('view.over', { start, end: at });
}

/** Where an exercise is judged, in words: "from 2026-01-15 06:00 UTC to 12:00 UTC every 3 minutes". */
export function describePlan(plan: Plan): string {
  if (plan.kind === 'instant') return t('view.planInstant', { times: plan.times.map((x) => formatTime(x)).join(', ') });
  return t('view.planRange', { start: formatTime(plan.start), end: formatTime(plan.end).slice(11), step: plan.step / 60 });
}
