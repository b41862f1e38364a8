// The storage side of a script run: a fresh MemoryStore per file / `clear`,
// loads appended to it (FORMAT.md §3, §4), and the label sets that hold data a
// float-only engine cannot serve (native histograms, start timestamps), used
// to decide which evals to skip.

import type { Metric } from '../../src/model/result.js';
import type { Expr } from '../../src/promql/ast.js';
import { MemoryStore, STALE_NAN, labelsKey, matcherTest } from '../../src/storage/store.js';
import { selectors } from './ast-walk.js';
import type { LoadCmd } from './script.js';
import { STALE } from './series.js';

const NHCB_SUFFIX = /_(bucket|count|sum)$/;

export class ScriptState {
  store = new MemoryStore({ keepEmptyLabels: true });
  /** Label sets of series with histogram samples (incl. NHCB base series). */
  private histogramSeries: Metric[] = [];
  private stSeries: Metric[] = [];

  clear(): void {
    this.store = new MemoryStore({ keepEmptyLabels: true });
    this.histogramSeries = [];
    this.stSeries = [];
  }

  /** Append a load block; throws (e.g. out-of-order sample) when the load fails. */
  load(cmd: LoadCmd): void {
    for (const s of cmd.series) {
      if (s.hasHistogram) this.histogramSeries.push(s.labels);
      if (cmd.nhcb) this.markNhcb(s.labels);
      let id: number | undefined;
      const sts = cmd.stSlots.get(labelsKey(s.labels));
      s.slots.forEach((v, i) => {
        if (typeof v !== 'number' && v !== STALE) return;
        id ??= this.store.getOrCreateSeries(s.labels);
        const t = i * cmd.intervalMs;
        // @st items are offsets from the sample's own timestamp; an absent item means no ST.
        const off = sts?.[i];
        this.store.append(id, t, v === STALE ? STALE_NAN : v, typeof off === 'number' ? t + off : 0);
      });
    }
    this.stSeries.push(...cmd.stSeries);
  }

  /** load_with_nhcb also stores a native histogram under the base name. */
  private markNhcb(labels: Metric): void {
    const name = labels.__name__;
    if (!name || !NHCB_SUFFIX.test(name)) return;
    const base: Metric = { ...labels, __name__: name.replace(NHCB_SUFFIX, '') };
    delete base.le;
    this.histogramSeries.push(base);
  }

  histogramNames(): string[] {
    return this.histogramSeries.map((l) => l.__name__).filter((n): n is string => n !== undefined);
  }

  /** Why an eval over `expr` cannot be judged on a float-only store, if it cannot. */
  skipReason(expr: Expr, supportsSt: boolean): string | undefined {
    if (this.histogramSeries.length === 0 && this.stSeries.length === 0) return undefined;
    for (const sel of selectors(expr)) {
      const tests = sel.matchers.map((m) => safeMatcher(m));
      const hits = (l: Metric) => tests.every((t) => t(l));
      if (this.histogramSeries.some(hits)) return 'query selects series with native histogram samples';
      if (!supportsSt && this.stSeries.some(hits)) return 'query selects series with start timestamps (@st)';
    }
    return undefined;
  }
}

/**
 * For an expression our parser rejects: whether its text names a series with
 * histogram samples (a native-histogram-only syntax such as `h >/ 2`).
 */
export function namesHistogramSeries(state: ScriptState, text: string): boolean {
  const names = new Set(text.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []);
  return state.histogramNames().some((n) => names.has(n));
}

function safeMatcher(m: Parameters<typeof matcherTest>[0]): (l: Metric) => boolean {
  try {
    return matcherTest(m);
  } catch {
    return () => false;
  }
}
