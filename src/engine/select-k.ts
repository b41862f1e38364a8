// topk, bottomk, limitk and limit_ratio: selecting series per group and step,
// with container/heap-exact selection and Go's sort for topk/bottomk order.

import type { AggregateExpr } from '../promql/ast.js';
import type { Grid, VSeries } from './types.js';
import { annotate, newVSeries, setHist } from './types.js';
import type { Evaluator } from './eval.js';
import type { Metric } from '../model/result.js';
import { checkAbort, execError } from './state.js';
import { addRatioSample, sampleOffset } from './ratio-sampler.js';
import { formatG } from './numeric.js';

/** The input of an aggregation grouped: input[i] belongs to group groupOf[i], whose labels are groupMetrics[g]. */
export interface Grouped {
  input: VSeries[];
  groupOf: Int32Array;
  groupMetrics: Metric[];
  /** The parameter at every step (topk's k, quantile's φ). */
  param?: Float64Array;
}

/** container/heap over input indices with a value-based "less". */
class IndexHeap {
  items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => boolean) {}
  push(x: number): void {
    this.items.push(x);
    this.up(this.items.length - 1);
  }
  fix(i: number): void {
    if (!this.down(i, this.items.length)) this.up(i);
  }
  private up(j: number): void {
    const h = this.items;
    for (;;) {
      const i = Math.floor((j - 1) / 2);
      if (i === j || j <= 0 || !this.less(h[j], h[i])) break;
      [h[i], h[j]] = [h[j], h[i]];
      j = i;
    }
  }
  private down(i0: number, n: number): boolean {
    const h = this.items;
    let i = i0;
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n || j1 < 0) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && this.less(h[j2], h[j1])) j = j2;
      if (!this.less(h[j], h[i])) break;
      [h[i], h[j]] = [h[j], h[i]];
      i = j;
    }
    return i > i0;
  }
}

/** Smallest and largest non-NaN parameter over the steps, and whether any step was NaN. */
export function paramRange(param: Float64Array): { min: number; max: number; nan: boolean } {
  let max = -Infinity;
  let min = Infinity;
  let nan = false;
  for (const p of param) {
    if (p !== p) nan = true;
    else {
      max = Math.max(max, p);
      min = Math.min(min, p);
    }
  }
  return { min, max, nan };
}

/** The parameter checks of topk/bottomk/limitk/limit_ratio; false when no step can select anything. */
function checkKParam(ev: Evaluator, e: AggregateExpr, param: Float64Array): boolean {
  const range = paramRange(param);
  const { nan } = range;
  let { min, max } = range;
  // Go's math.Max/Min propagate NaN, so a NaN parameter is never "below 1".
  if (nan) max = min = NaN;
  if (e.op === 'limit_ratio') {
    if (max === 0 && min === 0) return false;
    if (nan) throw execError('Ratio value is NaN');
    if (max > 1) annotate(ev.st, 'warning', `ratio value should be between -1 and 1, got ${formatG(max)}, capping to 1`, e.param!.pos);
    if (min < -1) annotate(ev.st, 'warning', `ratio value should be between -1 and 1, got ${formatG(min)}, capping to -1`, e.param!.pos);
  } else {
    if (max < 1) return false;
    if (nan) throw execError('Parameter value is NaN');
    if (min <= -(2 ** 63)) throw execError(`Scalar value ${formatG(min)} underflows int64`);
    if (max >= 2 ** 63) throw execError(`Scalar value ${formatG(max)} overflows int64`);
  }
  return true;
}

/**
 * Values are read step by step across all series: blocks of steps are copied
 * into step-major buffers first, so the per-step scans read contiguous memory.
 */
class StepMajorBlocks {
  readonly buf: Float64Array;
  readonly pbuf: Uint8Array;
  private readonly B: number;
  private blockStart: number;

  constructor(
    private readonly input: VSeries[],
    private readonly steps: number,
  ) {
    const N = input.length;
    this.B = Math.max(1, Math.min(64, Math.floor(262_144 / Math.max(1, N))));
    this.buf = new Float64Array(this.B * N);
    this.pbuf = new Uint8Array(this.B * N);
    this.blockStart = -this.B;
  }

  /** Offset in buf/pbuf of step i's values (series si at base + si). */
  base(i: number): number {
    const { B, input, buf, pbuf } = this;
    const N = input.length;
    if (i >= this.blockStart + B) {
      this.blockStart = i;
      const len = Math.min(B, this.steps - i);
      for (let si = 0; si < N; si++) {
        const sv = input[si].v;
        const sp = input[si].p;
        for (let j = 0; j < len; j++) {
          buf[j * N + si] = sv[i + j];
          pbuf[j * N + si] = sp[i + j];
        }
      }
    }
    return (i - this.blockStart) * N;
  }
}

/** What one step of topk/bottomk/limitk/limit_ratio reads. */
interface KStep {
  op: string;
  groupOf: Int32Array;
  blocks: StepMajorBlocks;
  base: number;
  k: number;
  ratio: number;
  ratioOffsets: number[];
  /** thr[g]: the value at group g's heap root once it is full (cheap rejection of most samples). */
  thr: Float64Array;
  topLess: (a: number, b: number) => boolean;
  bottomLess: (a: number, b: number) => boolean;
}

/** The selected input indices of every group at one step, in heaps (container/heap, as Prometheus). */
function selectStep(s: KStep, G: number): (IndexHeap | undefined)[] {
  const { op, groupOf, base, k, thr } = s;
  const { buf, pbuf } = s.blocks;
  const isTop = op === 'topk';
  const isBottom = op === 'bottomk';
  const heaps: (IndexHeap | undefined)[] = new Array(G);
  const N = groupOf.length;
  for (let si = 0; si < N; si++) {
    if (!pbuf[base + si]) continue;
    const g = groupOf[si];
    let h = heaps[g];
    if (!h) h = heaps[g] = new IndexHeap(isBottom ? s.bottomLess : s.topLess);
    if (isTop || isBottom) {
      const x = buf[base + si];
      if (h.items.length < k) {
        h.push(si);
        if (h.items.length === k) thr[g] = buf[base + h.items[0]];
        continue;
      }
      const y = thr[g];
      if ((isTop ? y < x : y > x) || (y !== y && x === x)) {
        h.items[0] = si;
        if (k > 1) h.fix(0);
        thr[g] = buf[base + h.items[0]];
      }
      continue;
    }
    switch (op) {
      case 'limitk':
        if (h.items.length < k) h.push(si);
        break;
      case 'limit_ratio': {
        const off = s.ratioOffsets[si];
        if (addRatioSample(s.ratio, off)) h.push(si);
        break;
      }
    }
  }
  return heaps;
}

/** topk/bottomk output order: sort.Sort(sort.Reverse(heap)), insertion sort for small inputs as Go. */
function sortSelected(items: number[], less: (a: number, b: number) => boolean): void {
  const revLess = (a: number, b: number): boolean => less(b, a);
  if (items.length <= 12) {
    for (let x = 1; x < items.length; x++) {
      for (let y = x; y > 0 && revLess(items[y], items[y - 1]); y--) [items[y], items[y - 1]] = [items[y - 1], items[y]];
    }
  } else items.sort((a, b) => (revLess(a, b) ? -1 : revLess(b, a) ? 1 : 0));
}

export function aggregateK(ev: Evaluator, e: AggregateExpr, grouped: Grouped, grid: Grid): VSeries[] {
  const { input, groupOf, groupMetrics } = grouped;
  const param = grouped.param!;
  const G = groupMetrics.length;
  if (!checkKParam(ev, e, param)) return [];
  const outs = new Map<number, VSeries>();
  const order: VSeries[] = [];
  const put = (si: number, i: number): void => {
    let o = outs.get(si);
    if (!o) {
      o = newVSeries(input[si].metric, grid.n, input[si].dropName);
      outs.set(si, o);
      order.push(o);
    }
    o.v[i] = input[si].v[i];
    o.p[i] = 1;
    const h = input[si].h?.[i];
    if (h) setHist(o, i, h);
  };
  const blocks = new StepMajorBlocks(input, grid.n);
  const step: KStep = {
    op: e.op,
    groupOf,
    blocks,
    base: 0,
    k: 0,
    ratio: 0,
    ratioOffsets: e.op === 'limit_ratio' ? input.map((s) => sampleOffset(s.metric)) : [],
    thr: new Float64Array(G),
    topLess: (a, b) => blocks.buf[step.base + a] !== blocks.buf[step.base + a] || blocks.buf[step.base + a] < blocks.buf[step.base + b],
    bottomLess: (a, b) => blocks.buf[step.base + a] !== blocks.buf[step.base + a] || blocks.buf[step.base + a] > blocks.buf[step.base + b],
  };
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    step.base = blocks.base(i);
    step.k = Math.min(Math.trunc(param[i]), input.length);
    step.ratio = param[i];
    if (e.op === 'limit_ratio') step.ratio = Math.max(-1, Math.min(1, step.ratio));
    else if (step.k < 1) continue;
    if (e.op === 'limit_ratio' && step.ratio === 0) continue;
    for (const h of selectStep(step, G)) {
      if (!h) continue;
      if (e.op === 'topk' || e.op === 'bottomk') sortSelected(h.items, e.op === 'topk' ? step.topLess : step.bottomLess);
      for (const si of h.items) put(si, i);
    }
  }
  return order;
}
