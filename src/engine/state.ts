// Limits, cancellation and runtime errors shared by the evaluator modules.

import { QueryError } from '../errors.js';
import { runtimeErrorHint } from '../promql/hints.js';
import type { QueryState } from './types.js';

export function execError(message: string): QueryError {
  return new QueryError(message, { errorType: 'execution', hint: runtimeErrorHint(message) });
}

function tooManySamples(): QueryError {
  return new QueryError('query processing would load too many samples into memory in query execution', {
    errorType: 'too_many_samples',
    hint: 'narrow the selector, shorten the range or use a larger step',
  });
}

/** Throws when the query was aborted or ran out of time. Cheap: looks at the clock every 64 calls. */
export function checkAbort(st: QueryState, force = false): void {
  if (!force && (++st.checkCounter & 63) !== 0) return;
  if (st.signal?.aborted || st.shouldAbort?.()) {
    throw new QueryError('query was canceled in expression evaluation', { errorType: 'canceled' });
  }
  if (Date.now() > st.deadline) {
    throw new QueryError('query timed out in expression evaluation', {
      errorType: 'timeout',
      hint: 'use a shorter range, a larger step or --timeout',
    });
  }
}

/** Account for samples held in memory (Prometheus's currentSamples / peakSamples). */
export function holdSamples(st: QueryState, n: number): void {
  st.currentSamples += n;
  if (st.currentSamples > st.peakSamples) st.peakSamples = st.currentSamples;
  if (st.currentSamples > st.maxSamples) throw tooManySamples();
}

