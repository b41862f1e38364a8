// Running a lesson's example and rendering it as the CLI does: a table for
// an instant query, a chart when the example asks for a range.

import type { Backend } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import type { QueryResult } from '../model/result.js';
import { renderResult } from '../render/index.js';
import { dataRange } from './judge.js';
import type { ExampleBlock } from './model.js';
import { parseDuration, parseRelative } from './time.js';

/** Where an example runs: `at` (relative to the data end) and an optional range before it. */
export type ExampleWhere = Partial<Pick<ExampleBlock, 'at' | 'range'>>;

/** Runs an example: instant query at its time, or a range query (about 60 steps) over its range. */
export async function runExample(backend: Backend, query: string, where: ExampleWhere = {}): Promise<QueryResult> {
  const time = (await dataRange(backend)).end + (parseRelative(where.at ?? '0') ?? 0) / 1000;
  const range = where.range ? (parseDuration(where.range) ?? 0) / 1000 : 0;
  if (!range) return backend.instantQuery(query, time);
  return backend.rangeQuery(query, time - range, time, Math.max(60, Math.round(range / 3600) * 60));
}

export async function runAndRender(io: IO, backend: Backend, query: string, where: ExampleWhere = {}): Promise<string> {
  const result = await runExample(backend, query, where);
  return renderResult(result, { format: 'table', style: io.style, columns: io.columns, rows: io.rows, query, limit: 20 });
}
