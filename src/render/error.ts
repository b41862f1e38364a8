// Errors as a person reads them: the message, the query with a caret under
// the position when it is known, and a hint when there is one.
//
//   1:5: parse error: expected type range vector in call to function "rate", got instant vector
//     rate(http_requests_total)
//          ^~~~~~~~~~~~~~~~~~~
//   hint: add a range such as [5m]

import type { PositionRange } from '../promql/ast.js';
import { PromlearnError, QueryError, type QueryErrorType } from '../errors.js';
import type { Style } from '../util/style.js';
import { currentLang, t, type MessageKey } from '../util/messages/index.js';
import { visibleWidth } from '../util/width.js';

/** The query line containing the position, and a caret/underline beneath it. */
export function caretLines(query: string, pos: PositionRange): string[] {
  const bytes = Buffer.from(query, 'utf8');
  const start = Math.max(0, Math.min(pos.start, bytes.length));
  const end = Math.max(start, Math.min(pos.end, bytes.length));
  let lineStart = bytes.lastIndexOf(0x0a, start - 1) + 1;
  if (start === 0) lineStart = 0;
  let lineEnd = bytes.indexOf(0x0a, start);
  if (lineEnd < 0) lineEnd = bytes.length;
  const line = bytes.subarray(lineStart, lineEnd).toString('utf8');
  // Columns on the terminal, not bytes or characters: Hangul and other wide
  // characters take two; a tab is copied so the caret moves as far as it does.
  const before = bytes.subarray(lineStart, start).toString('utf8');
  const pad = before
    .split('\t')
    .map((part) => ' '.repeat(visibleWidth(part)))
    .join('\t');
  const spanColumns = Math.max(1, visibleWidth(bytes.subarray(start, Math.min(end, lineEnd)).toString('utf8')));
  const underline = '^' + (spanColumns > 1 ? '~'.repeat(spanColumns - 1) : '');
  return [`  ${line}`, `  ${pad}${underline}`];
}

/** What each kind of query error means, said beside Prometheus's English message when the learner reads another language. */
const EXPLAIN_ERROR: Record<QueryErrorType, MessageKey> = {
  bad_data: 'error.explain.bad_data',
  execution: 'error.explain.execution',
  timeout: 'error.explain.timeout',
  canceled: 'error.explain.canceled',
  too_many_samples: 'error.explain.too_many_samples',
  unavailable: 'error.explain.unavailable',
  internal: 'error.explain.internal',
  auth: 'error.explain.auth',
  not_found: 'error.explain.not_found',
  bad_response: 'error.explain.bad_response',
};

export function formatError(err: unknown, style?: Style): string {
  const red = style?.error ?? ((s: string) => s);
  const dim = style?.dim ?? ((s: string) => s);
  if (!(err instanceof PromlearnError)) {
    const e = err as Error;
    return `${red(t('error.internal'))} ${e?.message ?? String(err)}\n${t('error.bug')}\n${dim(e?.stack ?? '')}`;
  }
  const lines = [red(t('error.label', { message: err.message }))];
  if (err instanceof QueryError && err.query !== undefined && err.position) {
    lines.push(...caretLines(err.query, err.position));
  }
  if (err.hint) lines.push(dim(t('error.hint', { hint: err.hint })));
  else if (err instanceof QueryError && currentLang() !== 'en') {
    // Prometheus's message stays in English (its exact text matters); a line in the learner's language says what it means.
    lines.push(dim(t(EXPLAIN_ERROR[err.errorType] as 'error.explain.bad_data')));
  }
  return lines.join('\n');
}
