// Small helpers of the histogram range functions (hist-rangefns.ts,
// hist-extended.ts): no output, a histogram output, and adding or
// subtracting with Prometheus's notes.

import { IncompatibleSchemaError, type FloatHistogram } from '../histogram/histogram.js';
import { histNotes } from './hist-notes.js';
import type { WinCtx } from './rangefns.js';

export function none(c: WinCtx): number {
  c.ok = false;
  return 0;
}

export function hist(c: WinCtx, h: FloatHistogram): number {
  c.hOut = h;
  return 0;
}

/** Add with Prometheus's notes (addHistogramWithAnnotations); false when the schemas do not mix. */
export function addNoted(c: WinCtx, base: FloatHistogram, other: FloatHistogram, sub: boolean): boolean {
  try {
    const r = sub ? base.sub(other) : base.add(other);
    if (r.nhcbBoundsReconciled) c.warn('info', histNotes.mismatchedCustomBuckets(sub ? 'subtraction' : 'addition'), 0);
    return true;
  } catch (e) {
    if (!(e instanceof IncompatibleSchemaError)) throw e;
    c.warn('warning', histNotes.mixedExponentialCustom(c.name), 0);
    return false;
  }
}
