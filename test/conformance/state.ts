// The storage side of a script run: a fresh MemoryStore per file / `clear`,
// loads appended to it (FORMAT.md §3), and load_with_nhcb's conversion of
// classic histogram series into native histograms with custom buckets (§4).

import type { Metric } from '../../src/model/result.js';
import type { Expr } from '../../src/promql/ast.js';
import { FloatHistogram } from '../../src/histogram/histogram.js';
import { MemoryStore, STALE_NAN, labelsKey, matcherTest } from '../../src/storage/store.js';
import { selectors } from './ast-walk.js';
import type { LoadCmd } from './script.js';
import { STALE, isHistogramSlot, type SeriesLine } from './series.js';

const NHCB_SUFFIX = /_(bucket|count|sum)$/;

export class ScriptState {
  store = new MemoryStore({ keepEmptyLabels: true });
  /** Label sets of series with start timestamps (@st lines). */
  private stSeries: Metric[] = [];

  clear(): void {
    this.store = new MemoryStore({ keepEmptyLabels: true });
    this.stSeries = [];
  }

  /** Why an eval over `expr` cannot be judged by an engine without start timestamps, if it cannot. */
  skipReason(expr: Expr, supportsSt: boolean): string | undefined {
    if (supportsSt || this.stSeries.length === 0) return undefined;
    for (const sel of selectors(expr)) {
      const tests = sel.matchers.map((m) => {
        try {
          return matcherTest(m);
        } catch {
          return () => false;
        }
      });
      if (this.stSeries.some((l) => tests.every((t) => t(l)))) return 'query selects series with start timestamps (@st)';
    }
    return undefined;
  }

  /** Append a load block; throws (e.g. out-of-order sample) when the load fails. */
  load(cmd: LoadCmd): void {
    for (const s of cmd.series) {
      let id: number | undefined;
      const sts = cmd.stSlots.get(labelsKey(s.labels));
      s.slots.forEach((v, i) => {
        if (v === undefined) return;
        id ??= this.store.getOrCreateSeries(s.labels);
        const t = i * cmd.intervalMs;
        // @st items are offsets from the sample's own timestamp; an absent item means no ST.
        const off = sts?.[i];
        const stMs = typeof off === 'number' ? t + off : 0;
        if (isHistogramSlot(v)) this.store.appendHistogram(id, t, v.h, stMs);
        else this.store.append(id, t, v === STALE ? STALE_NAN : v, stMs);
      });
    }
    this.stSeries.push(...cmd.stSeries);
    if (cmd.nhcb) this.appendNhcb(cmd);
  }

  /** load_with_nhcb: the block's _bucket/_count/_sum series also as native histograms with custom buckets. */
  private appendNhcb(cmd: LoadCmd): void {
    const groups = new Map<string, { labels: Metric; byT: Map<number, TempHistogram> }>();
    for (const s of cmd.series) {
      const name = s.labels.__name__;
      const m = name ? NHCB_SUFFIX.exec(name) : null;
      if (!m) continue;
      let le = 0;
      if (m[1] === 'bucket') {
        if (!('le' in s.labels)) throw new Error(`expected bucket label in metric ${JSON.stringify(s.labels)}`);
        le = parseGoFloat(s.labels.le);
        if (Number.isNaN(le)) continue;
      }
      const base: Metric = { ...s.labels, __name__: name!.slice(0, -m[0].length) };
      delete base.le;
      const key = labelsKey(base);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { labels: base, byT: new Map() }));
      addMember(g.byT, s, cmd.intervalMs, m[1], le);
    }
    for (const g of groups.values()) {
      const times = [...g.byT.keys()].sort((a, b) => a - b);
      const id = this.store.getOrCreateSeries(g.labels);
      for (const t of times) this.store.appendHistogram(id, t, convert(g.byT.get(t)!));
    }
  }
}

interface TempHistogram {
  buckets: { le: number; count: number }[];
  count?: number;
  sum: number;
}

function addMember(byT: Map<number, TempHistogram>, s: SeriesLine, interval: number, kind: string, le: number): void {
  s.slots.forEach((v, i) => {
    if (v === undefined || isHistogramSlot(v)) return;
    const f = v === STALE ? STALE_NAN : v;
    const t = i * interval;
    let h = byT.get(t);
    if (!h) byT.set(t, (h = { buckets: [], sum: 0 }));
    if (kind === 'bucket') {
      if (f < 0) throw new Error(`negative bucket count: le=${le}, count=${f}`);
      if (!h.buckets.some((b) => b.le === le)) h.buckets.push({ le, count: f });
    } else if (kind === 'count') {
      if (f < 0) throw new Error(`negative count: count=${f}`);
      h.count = f;
    } else h.sum = f;
  });
}

/** Cumulative classic buckets to a custom-buckets histogram (convertnhcb's TempHistogram.Convert). */
function convert(t: TempHistogram): FloatHistogram {
  const buckets = t.buckets.slice().sort((a, b) => a.le - b.le);
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count < buckets[i - 1].count)
      throw new Error(`histogram counts are not cumulative: ${buckets[i].count} < ${buckets[i - 1].count}`);
  }
  const count = t.count ?? (buckets.length > 0 ? buckets[buckets.length - 1].count : 0);
  if (buckets.length === 0 || buckets[buckets.length - 1].le !== Infinity) buckets.push({ le: Infinity, count });
  if (count !== buckets[buckets.length - 1].count && !(Number.isNaN(count) && Number.isNaN(buckets[buckets.length - 1].count)))
    throw new Error(`histogram count mismatch: count=${count} != le=+Inf count=${buckets[buckets.length - 1].count}`);
  const h = new FloatHistogram();
  h.schema = -53;
  h.count = count;
  h.sum = t.sum;
  h.customValues = buckets.slice(0, -1).map((b) => b.le);
  let prev = 0;
  h.positive = { idx: [], cnt: [] };
  buckets.forEach((b, i) => {
    h.positive.idx.push(i);
    h.positive.cnt.push(b.count - prev);
    prev = b.count;
  });
  return h.compact();
}

/** Go's strconv.ParseFloat for `le` values (`.2`, `1e0`, `+Inf`); NaN when it does not parse. */
function parseGoFloat(s: string): number {
  const t = s.trim();
  if (/^[+-]?inf(inity)?$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t.replace(/_/g, ''))) return NaN;
  return Number(t.replace(/_/g, ''));
}
