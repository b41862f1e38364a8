// Aggregations over inputs that hold native histograms (Prometheus's
// evaluator.aggregation with histograms): sum and avg add histograms (Kahan
// compensated, avg switching to an incremental mean on overflow), count and
// group count them, min/max/stddev/stdvar/quantile leave them out with an
// info note. A group of floats and histograms together gives nothing and a
// warning. Inputs without histograms never come here (aggregate.ts's float loops).

import type { AggregateExpr, PositionRange } from '../promql/ast.js';
import { FloatHistogram, IncompatibleSchemaError } from '../histogram/histogram.js';
import type { Grid, QueryState, VSeries } from './types.js';
import { annotate, newVSeries, setHist } from './types.js';
import type { Evaluator } from './eval.js';
import { checkAbort } from './state.js';
import { kahanInc, ks } from './numeric.js';
import { quantile } from './quantile.js';
import { histNotes } from './hist-notes.js';
import type { Grouped } from './select-k.js';

/** One group's state at one step (Prometheus's groupedAggregation). */
export interface GroupState {
  seen: boolean;
  f: number;
  fMean: number;
  fComp: number;
  count: number;
  fIncremental: boolean;
  hasFloat: boolean;
  hasHist: boolean;
  h?: FloatHistogram;
  hComp?: FloatHistogram;
  hMean?: FloatHistogram;
  hIncremental: boolean;
  incompatible: boolean;
  resetSeen: boolean;
  notResetSeen: boolean;
  dropName: boolean;
  heap: number[];
}

const NO_HEAP: number[] = [];

const IGNORES_HISTOGRAMS = new Set(['min', 'max', 'stddev', 'stdvar', 'quantile']);

/** Whether any input sample is a histogram (then the aggregation takes this module's path). */
export function hasHistograms(input: VSeries[]): boolean {
  return input.some((s) => s.h !== undefined && s.h.some((h) => h !== undefined));
}

/** The operation on one group's state: first input, each further input, the result. */
export class StepAggregation {
  readonly pos: PositionRange;
  constructor(
    readonly op: string,
    readonly st: QueryState,
    e: AggregateExpr,
  ) {
    this.pos = e.expr.pos;
  }

  private info(): void {
    annotate(this.st, 'info', histNotes.ignoredInAggregation(this.op), this.pos);
  }

  private trackHint(g: GroupState, h: FloatHistogram): void {
    if (h.hint === 'reset') g.resetSeen = true;
    else if (h.hint === 'not_reset') g.notResetSeen = true;
  }

  /** The group's first input; `owned`: h is the caller's to give (not copied). */
  first(f: number, h: FloatHistogram | undefined, dropName: boolean, owned = false): GroupState {
    const g: GroupState = {
      seen: true,
      f,
      fMean: f,
      fComp: 0,
      count: 1,
      fIncremental: false,
      hasFloat: false,
      hasHist: false,
      hIncremental: false,
      incompatible: false,
      resetSeen: false,
      notResetSeen: false,
      dropName,
      // Only quantile keeps its inputs (one array less per group and step for the others).
      heap: this.op === 'quantile' ? [f] : NO_HEAP,
    };
    const op = this.op;
    if (op === 'sum' || op === 'avg') {
      if (!h) g.hasFloat = true;
      else {
        g.h = owned ? h : h.copy();
        g.hasHist = true;
        this.trackHint(g, h);
      }
    } else if (IGNORES_HISTOGRAMS.has(op) && h) {
      g.seen = false;
      this.info();
    } else if (op === 'stddev' || op === 'stdvar') g.f = f !== f || f === Infinity || f === -Infinity ? NaN : 0;
    else if (op === 'group') g.f = 1;
    return g;
  }

  /** A histogram operation that may meet an exponential and a custom-buckets histogram. */
  private guarded(g: GroupState, name: string, run: () => boolean): void {
    try {
      if (run()) annotate(this.st, 'info', histNotes.mismatchedCustomBuckets('aggregation'), this.pos);
    } catch (e) {
      if (!(e instanceof IncompatibleSchemaError)) throw e;
      annotate(this.st, 'warning', histNotes.mixedExponentialCustom(name), this.pos);
      g.incompatible = true;
    }
  }

  add(g: GroupState, f: number, h: FloatHistogram | undefined, name: string): void {
    switch (this.op) {
      case 'sum':
        if (h) {
          g.hasHist = true;
          if (!g.h) return;
          this.trackHint(g, h);
          this.guarded(g, name, () => {
            const r = g.h!.kahanAdd(h, g.hComp);
            g.hComp = r.c;
            return r.nhcbBoundsReconciled;
          });
        } else {
          g.hasFloat = true;
          kahanInc(f, g.f, g.fComp);
          g.f = ks.sum;
          g.fComp = ks.c;
        }
        return;
      case 'avg':
        g.count++;
        if (h) this.addAvgHistogram(g, h, name);
        else this.addAvgFloat(g, f);
        return;
      case 'count':
        g.count++;
        return;
      case 'group':
        return;
    }
    if (h) {
      this.info();
      return;
    }
    switch (this.op) {
      case 'max':
        if (g.f < f || g.f !== g.f) g.f = f;
        break;
      case 'min':
        if (g.f > f || g.f !== g.f) g.f = f;
        break;
      case 'stddev':
      case 'stdvar': {
        g.count++;
        const delta = f - g.fMean;
        g.fMean += delta / g.count;
        g.f += delta * (f - g.fMean);
        break;
      }
      case 'quantile':
        g.heap.push(f);
        break;
    }
  }

  private addAvgFloat(g: GroupState, f: number): void {
    g.hasFloat = true;
    if (!g.fIncremental) {
      kahanInc(f, g.f, g.fComp);
      if (ks.sum !== Infinity && ks.sum !== -Infinity) {
        g.f = ks.sum;
        g.fComp = ks.c;
        return;
      }
      g.fIncremental = true;
      g.fMean = g.f / (g.count - 1);
      g.fComp /= g.count - 1;
    }
    const q = (g.count - 1) / g.count;
    kahanInc(f / g.count, q * g.fMean, q * g.fComp);
    g.fMean = ks.sum;
    g.fComp = ks.c;
  }

  private addAvgHistogram(g: GroupState, h: FloatHistogram, name: string): void {
    g.hasHist = true;
    if (!g.h) return;
    this.trackHint(g, h);
    if (!g.hIncremental) {
      const v = g.h.copy();
      let overflow = false;
      this.guarded(g, name, () => {
        const r = v.kahanAdd(h, g.hComp?.copy());
        overflow = v.hasOverflow();
        if (!overflow) {
          g.h = v;
          g.hComp = r.c;
        }
        return r.nhcbBoundsReconciled;
      });
      if (g.incompatible || !overflow) return;
      g.hIncremental = true;
      g.hMean = g.h.copy().div(g.count - 1);
      g.hComp?.div(g.count - 1);
    }
    const q = (g.count - 1) / g.count;
    g.hComp?.mul(q);
    const toAdd = h.copy().div(g.count);
    this.guarded(g, name, () => {
      const r = g.hMean!.mul(q).kahanAdd(toAdd, g.hComp);
      g.hComp = r.c;
      return r.nhcbBoundsReconciled;
    });
  }

  /** The group's result: a float, a histogram, or nothing (undefined). */
  result(g: GroupState, param: number): number | FloatHistogram | undefined {
    const op = this.op;
    let out: number | FloatHistogram | undefined;
    if (op === 'sum' || op === 'avg') {
      if (g.hasFloat && g.hasHist) {
        annotate(this.st, 'warning', histNotes.mixedFloatsHistogramsAgg(), this.pos);
        return undefined;
      }
      if (g.incompatible) out = undefined;
      else if (g.hasHist) out = op === 'sum' ? this.sumResult(g) : this.avgResult(g);
      else if (op === 'sum') out = g.f + g.fComp;
      else out = g.fIncremental ? g.fMean + g.fComp : g.f / g.count + g.fComp / g.count;
    } else if (op === 'count') out = g.count;
    else if (op === 'stdvar') out = g.f / g.count;
    else if (op === 'stddev') out = Math.sqrt(g.f / g.count);
    else if (op === 'quantile') out = quantile(param, g.heap);
    else out = g.f;
    if (g.resetSeen && g.notResetSeen) annotate(this.st, 'warning', histNotes.counterResetCollision('aggregation'), this.pos);
    return out;
  }

  private sumResult(g: GroupState): FloatHistogram {
    const h = g.h!;
    if (g.hComp) h.add(g.hComp);
    return h.compact();
  }

  private avgResult(g: GroupState): FloatHistogram {
    let h: FloatHistogram;
    if (g.hIncremental) {
      h = g.hMean!;
      if (g.hComp) h.add(g.hComp);
    } else {
      h = g.h!.div(g.count);
      if (g.hComp) h.add(g.hComp.div(g.count));
    }
    return h.compact();
  }
}

/** sum, avg, count, group, min, max, stddev, stdvar, quantile over inputs with histograms, step by step. */
export function aggregateWithHistograms(ev: Evaluator, e: AggregateExpr, grouped: Grouped, grid: Grid): VSeries[] {
  const { input, groupOf, groupMetrics, param } = grouped;
  const G = groupMetrics.length;
  const outs = groupMetrics.map((m) => newVSeries(m, grid.n));
  const dropName = new Uint8Array(G);
  const agg = new StepAggregation(e.op, ev.st, e);
  const groups: (GroupState | undefined)[] = new Array(G);
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    groups.fill(undefined);
    for (let si = 0; si < input.length; si++) {
      const s = input[si];
      if (!s.p[i]) continue;
      const gi = groupOf[si];
      const h = s.h?.[i];
      const f = h ? 0 : s.v[i];
      const g = groups[gi];
      if (!g || !g.seen) {
        groups[gi] = agg.first(f, h, s.dropName);
        continue;
      }
      if (g.incompatible) continue;
      if (s.dropName) g.dropName = true;
      agg.add(g, f, h, s.metric.__name__ ?? '');
    }
    for (let gi = 0; gi < G; gi++) {
      const g = groups[gi];
      if (!g || !g.seen) continue;
      const r = agg.result(g, param ? param[i] : NaN);
      if (r === undefined) continue;
      if (typeof r === 'number') {
        outs[gi].v[i] = r;
        outs[gi].p[i] = 1;
      } else setHist(outs[gi], i, r);
      if (g.dropName) dropName[gi] = 1;
    }
  }
  const result: VSeries[] = [];
  for (let gi = 0; gi < G; gi++) {
    if (!outs[gi].p.includes(1)) continue;
    outs[gi].dropName = dropName[gi] === 1;
    result.push(outs[gi]);
  }
  return result;
}
