// TODO(stub, owned by the renderers): render a query result for people or scripts.
import type { QueryResult } from '../model/result.js';
import type { Style } from './style.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface RenderOptions {
  format: OutputFormat;
  style: Style;
  /** Terminal size; 80x24 when unknown. */
  columns: number;
  rows: number;
  /** Max table rows / chart series; 0 = no limit; undefined = fitted to the screen. */
  limit?: number;
  /** Chart size overrides. */
  height?: number;
  width?: number;
  /** The query, for messages ("no series matched `foo`"). */
  query?: string;
  /** Metric names the backend knows, for "did you mean". */
  knownMetrics?: string[];
  /** Print stats (when the result has them). */
  stats?: boolean;
}

export function renderResult(_result: QueryResult, _opts: RenderOptions): string {
  throw new Error('not implemented yet');
}
