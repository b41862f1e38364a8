// sum, count, group, min and max: one input series at a time, folded into
// its group's step columns (sequential memory access, one tight loop per
// operator).

import type { Grid, VSeries } from './types.js';
import { newVSeries } from './types.js';
import type { Evaluator } from './eval.js';
import type { Grouped } from './select-k.js';
import { checkAbort, execError } from './state.js';

/**
 * The cheap aggregations, one input series at a time (sequential memory
 * access). Each (group, step) still sees its inputs in input order, so the
 * Kahan sums are bit-identical to the step-major loop.
 */
export function aggregateSeriesMajor(ev: Evaluator, op: string, grouped: Grouped, grid: Grid): VSeries[] {
  const { input, groupOf, groupMetrics } = grouped;
  const n = grid.n;
  const outs = groupMetrics.map((m) => newVSeries(m, n));
  const comps = op === 'sum' ? groupMetrics.map(() => new Float64Array(n)) : [];
  const fold = SERIES_FOLDS[op];
  if (!fold) throw execError(`unknown aggregation ${op}`);
  const dropName = new Uint8Array(groupMetrics.length);
  for (let si = 0; si < input.length; si++) {
    checkAbort(ev.st);
    const s = input[si];
    const g = groupOf[si];
    if (fold(s.v, s.p, outs[g].v, outs[g].p, comps[g], n) && s.dropName) dropName[g] = 1;
  }
  const result: VSeries[] = [];
  for (let g = 0; g < outs.length; g++) {
    const o = outs[g];
    if (!o.p.includes(1)) continue;
    if (op === 'sum') for (let i = 0; i < n; i++) if (o.p[i]) o.v[i] += comps[g][i];
    o.dropName = dropName[g] === 1;
    result.push(o);
  }
  return result;
}

/**
 * Folds one input series (sv, sp) into its group's values (ov, op) at every
 * step; c is sum's Kahan compensation. Returns whether the series had any sample.
 * One loop per operator, so each stays a tight loop with no branch on the operator.
 */
type SeriesFold = (sv: Float64Array, sp: Uint8Array, ov: Float64Array, op: Uint8Array, c: Float64Array, n: number) => boolean;

const SERIES_FOLDS: Record<string, SeriesFold> = {
  sum: (sv, sp, ov, op, c, n) => {
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!sp[i]) continue;
      any = true;
      const f = sv[i];
      if (!op[i]) {
        op[i] = 1;
        ov[i] = f;
        continue;
      }
      // Kahan-Neumaier, as kahanInc.
      const sum = ov[i];
      const t = sum + f;
      if (t === Infinity || t === -Infinity) c[i] = 0;
      else if (Math.abs(sum) >= Math.abs(f)) c[i] += sum - t + f;
      else c[i] += f - t + sum;
      ov[i] = t;
    }
    return any;
  },
  count: (_sv, sp, ov, op, _c, n) => countFold(sp, ov, op, n, true),
  group: (_sv, sp, ov, op, _c, n) => countFold(sp, ov, op, n, false),
  max: (sv, sp, ov, op, _c, n) => {
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!sp[i]) continue;
      any = true;
      const f = sv[i];
      if (!op[i]) {
        op[i] = 1;
        ov[i] = f;
      } else if (ov[i] < f || ov[i] !== ov[i]) ov[i] = f;
    }
    return any;
  },
  min: (sv, sp, ov, op, _c, n) => {
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!sp[i]) continue;
      any = true;
      const f = sv[i];
      if (!op[i]) {
        op[i] = 1;
        ov[i] = f;
      } else if (ov[i] > f || ov[i] !== ov[i]) ov[i] = f;
    }
    return any;
  },
};

/** count (adds one per sample) and group (always 1). */
function countFold(sp: Uint8Array, ov: Float64Array, op: Uint8Array, n: number, counting: boolean): boolean {
  let any = false;
  for (let i = 0; i < n; i++) {
    if (!sp[i]) continue;
    any = true;
    if (!op[i]) {
      op[i] = 1;
      ov[i] = 1;
    } else if (counting) ov[i]++;
  }
  return any;
}
