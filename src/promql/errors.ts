// Parse errors, worded and positioned exactly as Prometheus's ParseErr:
//
//   1:6: parse error: expected type range vector in call to function "rate", got instant vector
//
// line:col are 1-based; col counts BYTES from the start of the line. The hint
// (ours, not Prometheus's) is kept apart from the message.

import type { PositionRange } from './ast.js';
import { QueryError } from '../errors.js';

/** line:col of a byte offset, as Prometheus's ParseErr.Error() prints it. */
export function positionLineCol(query: string, offset: number): { line: number; col: number } {
  const bytes = Buffer.from(query, 'utf8');
  let line = 1;
  let lastNl = -1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lastNl = i;
    }
  }
  return { line, col: offset - lastNl };
}

export class ParseError extends QueryError {
  /** The message without the `line:col: parse error: ` prefix. */
  readonly detail: string;
  constructor(query: string, position: PositionRange, detail: string, hint?: string) {
    const bytesLen = Buffer.byteLength(query, 'utf8');
    let prefix = 'invalid position:';
    if (position.start >= 0 && position.start <= bytesLen) {
      const { line, col } = positionLineCol(query, position.start);
      prefix = `${line}:${col}:`;
    }
    super(`${prefix} parse error: ${detail}`, { errorType: 'bad_data', query, position, hint });
    this.detail = detail;
  }
}
