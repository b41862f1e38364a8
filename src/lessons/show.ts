// Running a lesson's example and rendering it for the tutorial: a table for
// an instant query, a chart for a `range=` example (on a terminal and piped
// alike), narrowed to the series the step is about when the lesson names
// them with `focus=label=value`. Advice in the output speaks of what can be
// done inside the tutorial, never of CLI flags.

import { t } from '../util/messages/index.js';
import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import type { Metric, QueryResult } from '../model/result.js';
import { renderResult, type Advice } from '../render/index.js';
import { wrap } from '../render/text.js';
import { dataRange } from './judge.js';
import { parseFocus, type ExampleBlock } from './model.js';
import { parseDuration, parseRelative } from './time.js';

/** Where an example runs: `at` (relative to the data end), an optional range before it, the series to focus on. */
export type ExampleWhere = Partial<Pick<ExampleBlock, 'at' | 'range' | 'focus'>>;

/** How the tutorial says "see more": by editing the query, the only thing its prompt takes. */
export const TUTORIAL_ADVICE: Advice = {
  get showAll() {
    return t('show.adviceShowAll');
  },
  get csv() {
    return t('show.adviceCsv');
  },
  listMetrics: 'count by (__name__) ({__name__=~".+"})',
  listSeries: (sel) => `count by (job) (${sel})`,
};

/** Rows of a table in the tutorial. */
const TABLE_ROWS = 20;

interface Window {
  time: number;
  /** Range queries: start, end, step (unix s). */
  range?: { start: number; end: number; step: number };
}

async function windowOf(backend: Backend, where: ExampleWhere): Promise<Window> {
  const time = (await dataRange(backend)).end + (parseRelative(where.at ?? '0') ?? 0) / 1000;
  const range = where.range ? (parseDuration(where.range) ?? 0) / 1000 : 0;
  if (!range) return { time };
  return { time, range: { start: time - range, end: time, step: Math.max(15, Math.round(range / 240 / 15) * 15) } };
}

/** Runs an example: instant query at its time, or a range query over its range (fine enough to chart). */
export async function runExample(backend: Backend, query: string, where: ExampleWhere = {}): Promise<QueryResult> {
  const w = await windowOf(backend, where);
  if (!w.range) return backend.instantQuery(query, w.time);
  return backend.rangeQuery(query, w.range.start, w.range.end, w.range.step);
}

export async function runAndRender(io: IO, backend: Backend, query: string, where: ExampleWhere = {}): Promise<string> {
  const w = await windowOf(backend, where);
  const raw = w.range ? await backend.rangeQuery(query, w.range.start, w.range.end, w.range.step) : await backend.instantQuery(query, w.time);
  const { result, note } = focusOn(raw, where.focus);
  const text = renderResult(result, {
    format: 'table',
    style: io.style,
    columns: Math.min(io.columns, 100),
    rows: Math.min(io.rows, 30),
    query,
    limit: TABLE_ROWS,
    range: w.range,
    advice: TUTORIAL_ADVICE,
  });
  if (!note) return text;
  return text + wrap(note, Math.min(io.columns, 100) - 1).map((l) => io.style.dim(l) + '\n').join('');
}

/** Keeps the series the example is about, saying how many others there are. */
function focusOn(result: QueryResult, focus: string | undefined): { result: QueryResult; note?: string } {
  const want = focus ? parseFocus(focus) : undefined;
  const d = result.data;
  if (!want || (d.resultType !== 'vector' && d.resultType !== 'matrix')) return { result };
  const keep = (m: Metric) => Object.entries(want).every(([k, v]) => m[k] === v);
  const total = d.result.length;
  const data = d.resultType === 'vector' ? { ...d, result: d.result.filter((s) => keep(s.metric)) } : { ...d, result: d.result.filter((s) => keep(s.metric)) };
  const shown = data.result.length;
  if (shown === 0 || shown === total) return { result };
  const pairs = Object.entries(want).map(([k, v]) => `${k}="${v}"`).join(', ');
  return { result: { ...result, data }, note: t('show.focus', { shown, total, pairs }) };
}
