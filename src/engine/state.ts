// Limits, cancellation and runtime errors shared by the evaluator modules.

import { QueryError } from '../errors.js';
import { runtimeErrorHint } from '../promql/hints.js';
import { printExpr } from '../promql/printer.js';
import { t } from '../util/messages/index.js';
import type { QueryState, Val } from './types.js';

export function execError(message: string): QueryError {
  return new QueryError(message, { errorType: 'execution', hint: runtimeErrorHint(message) });
}

/** The longest sub-expression quoted in the limit's error; the caret shows all of it. */
const MAX_QUOTED = 120;

/** Prometheus's message; the caret and the hint say which part of the query held too much. */
function tooManySamples(st: QueryState): QueryError {
  const node = st.node;
  let part = node ? printExpr(node) : '';
  if (part.length > MAX_QUOTED) part = `${part.slice(0, MAX_QUOTED - 1)}…`;
  const max = st.maxSamples;
  const where = part ? t('engine.tooManySamplesAt', { part, max }) : t('engine.tooManySamples', { max });
  return new QueryError('query processing would load too many samples into memory in query execution', {
    errorType: 'too_many_samples',
    position: node?.pos,
    hint: t('engine.tooManySamplesHint', { where }),
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
      hint: t('engine.timeoutHint'),
    });
  }
}

/** Account for samples held in memory (Prometheus's currentSamples / peakSamples). */
export function holdSamples(st: QueryState, n: number): void {
  st.currentSamples += n;
  if (st.currentSamples > st.peakSamples) st.peakSamples = st.currentSamples;
  if (st.currentSamples > st.maxSamples) throw tooManySamples(st);
}

/** Samples a value holds: present points of a vector, points of a matrix, steps of a scalar. */
export function samplesOf(val: Val): number {
  switch (val.kind) {
    case 'scalar':
      return val.v.length;
    case 'string':
      return 0;
    case 'vector': {
      let n = 0;
      for (const s of val.series) n += presentCount(s.p);
      return n;
    }
    case 'matrix': {
      let n = 0;
      for (const s of val.series) n += s.length;
      return n;
    }
  }
}

function presentCount(p: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < p.length; i++) n += p[i];
  return n;
}

/**
 * A node is done: what its inputs held is released, and what it returns is held
 * until its parent is done (Prometheus's `currentSamples = before + result`).
 */
export function settleSamples(st: QueryState, before: number, val: Val): void {
  st.currentSamples = before;
  holdSamples(st, samplesOf(val));
}
