// Errors as values with exit codes. No module calls process.exit: src/cli/main.ts
// maps these to an exit code and bin/promlearn.js sets process.exitCode (the
// EPIPE handler there is the one exit, for a reader that went away).
//
//   0 ok, 1 query or server error, 2 usage error.

/** Where in the query an error is (byte offsets); promql's PositionRange has this shape. */
interface PositionRange {
  start: number;
  end: number;
}

export class PromlearnError extends Error {
  readonly exitCode: number;
  /** Optional advice shown under the message ("add a range such as [5m]"). */
  readonly hint?: string;
  constructor(message: string, exitCode: number, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad flags, bad arguments, unknown lesson: exit 2. */
export class UsageError extends PromlearnError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** Prometheus API error types, plus our own transport kinds. */
export type QueryErrorType =
  | 'bad_data' // parse / type / bad parameter (HTTP 400)
  | 'execution' // runtime error such as many-to-many matching (HTTP 422)
  | 'timeout'
  | 'canceled'
  | 'too_many_samples'
  | 'unavailable' // server down, 503, connection refused
  | 'internal'
  | 'auth'
  | 'not_found'
  | 'bad_response';

/**
 * A query or server error: exit 1. When `query` and `position` are known the
 * CLI shows the query with a caret under the position.
 */
export class QueryError extends PromlearnError {
  readonly errorType: QueryErrorType;
  readonly query?: string;
  readonly position?: PositionRange;
  constructor(message: string, opts: { errorType: QueryErrorType; query?: string; position?: PositionRange; hint?: string }) {
    super(message, 1, opts.hint);
    this.errorType = opts.errorType;
    this.query = opts.query;
    this.position = opts.position;
  }
}

/** Anything that is not a PromlearnError is a bug in promlearn. */
export function isUserError(e: unknown): e is PromlearnError {
  return e instanceof PromlearnError;
}

/**
 * The command has already told the user everything (e.g. "the queries differ"
 * with the differences); only the exit code is left to set.
 */
export class ExitError extends PromlearnError {
  constructor(exitCode: number, message = `exit ${exitCode}`) {
    super(message, exitCode);
  }
}
