// Errors crossing the worker-thread boundary: structured clone keeps only the
// message of an Error, so errors travel as plain data and are rebuilt on the
// other side with their class and fields (errorType, query, position, hint,
// line numbers), so the CLI renders them exactly as in-process errors.

import { ExitError, PromlearnError, QueryError, UsageError, type QueryErrorType } from '../errors.js';
import { ParseError } from '../promql/errors.js';
import type { PositionRange } from '../promql/ast.js';
import { ExpositionError } from '../storage/exposition.js';

interface SerializedError {
  cls: 'ParseError' | 'QueryError' | 'ExpositionError' | 'UsageError' | 'ExitError' | 'Error';
  message: string;
  stack?: string;
  hint?: string;
  exitCode?: number;
  errorType?: QueryErrorType;
  query?: string;
  position?: PositionRange;
  detail?: string;
  line?: number;
}

export function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { cls: 'Error', message: String(e) };
  const base = { message: e.message, stack: e.stack, hint: (e as PromlearnError).hint };
  if (e instanceof ParseError)
    return { ...base, cls: 'ParseError', errorType: e.errorType, query: e.query, position: e.position, detail: e.detail };
  if (e instanceof QueryError) return { ...base, cls: 'QueryError', errorType: e.errorType, query: e.query, position: e.position };
  if (e instanceof ExpositionError) return { ...base, cls: 'ExpositionError', line: e.line };
  if (e instanceof ExitError) return { ...base, cls: 'ExitError', exitCode: e.exitCode };
  if (e instanceof UsageError) return { ...base, cls: 'UsageError' };
  return { ...base, cls: 'Error' };
}

export function deserializeError(s: SerializedError): Error {
  let e: Error;
  switch (s.cls) {
    case 'ParseError':
      e = new ParseError(s.query ?? '', s.position ?? { start: 0, end: 0 }, s.detail ?? s.message, s.hint);
      break;
    case 'QueryError':
      e = new QueryError(s.message, { errorType: s.errorType ?? 'internal', query: s.query, position: s.position, hint: s.hint });
      break;
    case 'ExpositionError':
      e = new ExpositionError(s.line ?? 0, s.message.replace(/^line \d+: /, ''));
      break;
    case 'ExitError':
      e = new ExitError(s.exitCode ?? 1, s.message);
      break;
    case 'UsageError':
      e = new UsageError(s.message, s.hint);
      break;
    default:
      e = new Error(s.message);
  }
  // The rebuilt message and hint must be the original ones, whatever the constructor derived.
  if (e.message !== s.message) e.message = s.message;
  if (e instanceof PromlearnError && e.hint !== s.hint) (e as { hint?: string }).hint = s.hint;
  if (s.stack) e.stack = s.stack;
  return e;
}
