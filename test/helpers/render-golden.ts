// The rendering golden tables and histogram goldens share: a result as
// `promlearn query` prints it at 80x24 (notes after the body, not inline).
import { renderResult, renderNotes, type RenderOptions } from '../../src/render/index.js';
import { makeStyle } from '../../src/util/style.js';
import type { QueryResult } from '../../src/model/result.js';

export interface ResultCase {
  name: string;
  result: QueryResult;
  opts: Partial<RenderOptions> & { color?: boolean };
}

export function renderResultCase(c: ResultCase): string {
  const style = makeStyle(Boolean(c.opts.color));
  const opts: RenderOptions = { format: 'table', columns: 80, rows: 24, ...c.opts, style };
  return renderResult(c.result, { ...opts, inlineNotes: false }) + renderNotes(c.result, opts);
}
