// One binary operation where a side is a native histogram (Prometheus's
// vectorElemBinop): histogram * float, float * histogram and histogram / float
// scale it; histogram + and - histogram add (reconciling schemas and zero
// buckets); == and != compare histograms exactly; `</` and `>/` trim a
// histogram's buckets. Every other mix is "incompatible sample types" and the
// pair gives nothing.

import type { BinaryOp } from '../promql/ast.js';
import { IncompatibleSchemaError, type FloatHistogram } from '../histogram/histogram.js';
import { trimBuckets } from '../histogram/trim.js';
import { histNotes } from './hist-notes.js';

/** What a pair gives: a float, a histogram, whether to keep it, and a note for the step. */
export interface HistBinopResult {
  value: number;
  h?: FloatHistogram;
  keep: boolean;
  /** An annotation text; `error` notes (warnings) also drop the pair in vector-vector matching. */
  note?: { kind: 'warning' | 'info'; text: string; error: boolean };
}

const incompatible = (l: string, op: BinaryOp, r: string): HistBinopResult => ({
  value: 0,
  keep: false,
  note: { kind: 'info', text: histNotes.incompatibleTypesInBinOp(l, op, r), error: true },
});

/** The pair (lv or hl) op (rv or hr), where at least one of hl, hr is a histogram. */
export function histogramBinop(
  op: BinaryOp,
  lv: number,
  rv: number,
  hl: FloatHistogram | undefined,
  hr: FloatHistogram | undefined,
): HistBinopResult {
  if (!hl && hr) {
    if (op === '*') return { value: 0, h: hr.copy().mul(lv).compact(), keep: true };
    return incompatible('float', op, 'histogram');
  }
  if (hl && !hr) {
    if (op === '*') return { value: 0, h: hl.copy().mul(rv).compact(), keep: true };
    if (op === '/') return { value: 0, h: hl.copy().div(rv).compact(), keep: true };
    if (op === '</') return { value: 0, h: trimBuckets(hl.copy(), rv, true), keep: true };
    if (op === '>/') return { value: 0, h: trimBuckets(hl.copy(), rv, false), keep: true };
    return incompatible('histogram', op, 'float');
  }
  const a = hl!;
  const b = hr!;
  if (op === '==' || op === '!=') return { value: 0, h: a, keep: a.equals(b) === (op === '==') };
  if (op !== '+' && op !== '-') return incompatible('histogram', op, 'histogram');
  const res = a.copy();
  let outcome;
  try {
    outcome = op === '+' ? res.add(b) : res.sub(b);
  } catch (e) {
    if (!(e instanceof IncompatibleSchemaError)) throw e;
    return { value: 0, keep: false, note: { kind: 'warning', text: histNotes.incompatibleBucketLayoutInBinOp(op), error: true } };
  }
  if (op === '-') res.hint = 'gauge';
  res.compact();
  const operation = op === '+' ? 'addition' : 'subtraction';
  if (outcome.counterResetCollision)
    return { value: 0, h: res, keep: true, note: { kind: 'warning', text: histNotes.counterResetCollision(operation), error: true } };
  if (outcome.nhcbBoundsReconciled)
    return { value: 0, h: res, keep: true, note: { kind: 'info', text: histNotes.mismatchedCustomBuckets(operation), error: false } };
  return { value: 0, h: res, keep: true };
}
