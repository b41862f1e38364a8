// Where the learner's own queries run in the tutorial (the "view"): an
// evaluation time relative to the data end and an optional range to chart.
// It follows the last example (so a query typed after an incident example
// looks at the incident), and `.at TIME` / `.range DURATION` move it.

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
    if (parseRelative(arg) === undefined) return { error: 'write the time relative to the end of the data: .at -4h45m (or .at 0 for the end)' };
    return { view: { ...view, at: arg } };
  }
  if (arg === 'off' || arg === '0') return { view: { at: view.at } };
  if (parseDuration(arg) === undefined) return { error: 'write a duration: .range 30m draws the 30 minutes before the view time as a chart; .range off goes back to a table' };
  return { view: { ...view, range: arg } };
}

/** "at 07:20 UTC" or "07:00–07:20 UTC (chart)", for prompts. */
export function describeView(view: View, dataEnd: number): string {
  const t = dataEnd + (parseRelative(view.at) ?? 0) / 1000;
  const at = formatTime(t).slice(11);
  if (!view.range) return `at ${at}`;
  const start = formatTime(t - (parseDuration(view.range) ?? 0) / 1000).slice(11, 16);
  return `over ${start}–${at} (chart)`;
}

/** Where an exercise is judged, in words: "from 2026-01-15 06:00 UTC to 12:00 UTC every 3 minutes". */
export function describePlan(plan: Plan): string {
  if (plan.kind === 'instant') return `at ${plan.times.map((t) => formatTime(t)).join(', ')}`;
  return `over the whole dataset, ${formatTime(plan.start)} to ${formatTime(plan.end).slice(11)}, every ${plan.step / 60} minutes`;
}
