// sum, count, group, min and max: one input series at a time, folded into
// its group's step columns (sequential memory access, one tight loop per
// operator).

import type { Metric } from '../model/result.js';
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
  const folder = new SeriesFolder(op, grid.n);
  for (const m of groupMetrics) folder.addGroup(m);
  for (let si = 0; si < input.length; si++) {
    checkAbort(ev.st);
    folder.add(input[si], groupOf[si]);
  }
  return folder.result();
}

/** Whether op is one of the aggregations folded series by series. */
export function foldsSeries(op: string): boolean {
  return Object.hasOwn(SERIES_FOLDS, op);
}

/** The groups of a series-major aggregation as they fill, one input series after the other. */
export class SeriesFolder {
  private readonly outs: VSeries[] = [];
  /** sum's Kahan compensation per group. */
  private readonly comps: Float64Array[] = [];
  private readonly dropName: boolean[] = [];
  private readonly fold: SeriesFold;

  constructor(
    private readonly op: string,
    private readonly n: number,
  ) {
    const fold = SERIES_FOLDS[op];
    if (!fold) throw execError(`unknown aggregation ${op}`);
    this.fold = fold;
  }

  /** A new group with these labels; its index. */
  addGroup(metric: Metric): number {
    this.outs.push(newVSeries(metric, this.n));
    this.comps.push(this.op === 'sum' ? new Float64Array(this.n) : NO_COMP);
    this.dropName.push(false);
    return this.outs.length - 1;
  }

  /** Folds series s into group g. */
  add(s: VSeries, g: number): void {
    const o = this.outs[g];
    if (this.fold(s.v, s.p, o.v, o.p, this.comps[g], this.n) && s.dropName) this.dropName[g] = true;
  }

  /** The groups that received any sample, sum's compensation added. */
  result(): VSeries[] {
    const { outs, comps, n } = this;
    const result: VSeries[] = [];
    for (let g = 0; g < outs.length; g++) {
      const o = outs[g];
      if (!o.p.includes(1)) continue;
      if (this.op === 'sum') compensate(o.v, o.p, comps[g], n);
      o.dropName = this.dropName[g];
      result.push(o);
    }
    return result;
  }
}

const NO_COMP = new Float64Array(0);

/** Adds sum's Kahan compensation c to the steps of v that have a value (typed arrays only: see rate-kernel.ts rateSteps). */
function compensate(v: Float64Array, p: Uint8Array, c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) if (p[i]) v[i] += c[i];
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
