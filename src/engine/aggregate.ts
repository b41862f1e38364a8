// Aggregation operators with Prometheus's float algorithms: Kahan-Neumaier
// sums, avg's switch to an incremental mean on overflow, Welford variance,
// and container/heap-exact topk/bottomk/limitk selection.

import type { AggregateExpr } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { Grid, Val, VSeries } from './types.js';
import { annotate, newVSeries } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { checkAbort, execError } from './state.js';
import { keepLabels, metricHashFraction, metricKey, setLabel, withoutLabels } from './labels.js';
import { formatFloatF, formatG, kahanInc, ks } from './numeric.js';
import { quantile } from './quantile.js';

const K_OPS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

function groupMetric(m: Metric, without: boolean, grouping: ReadonlySet<string>): Metric {
  if (without) {
    const out = withoutLabels(m, grouping);
    delete out.__name__;
    return out;
  }
  return grouping.size ? keepLabels(m, grouping) : {};
}

export function evalAggregate(ev: Evaluator, e: AggregateExpr, grid: Grid): Val {
  const grouping = new Set(e.grouping);
  if (e.op === 'count_values') return countValues(ev, e, grouping, grid);
  const param = e.param ? ev.evalScalar(e.param, grid) : undefined;
  const input = ev.evalVector(e.expr, grid);
  // Group of each input series, in order of first appearance.
  const keyToGroup = new Map<string, number>();
  const groupOf = new Int32Array(input.length);
  const groupMetrics: Metric[] = [];
  for (let i = 0; i < input.length; i++) {
    const m = groupMetric(input[i].metric, e.without, grouping);
    const key = metricKey(m);
    let g = keyToGroup.get(key);
    if (g === undefined) {
      g = groupMetrics.length;
      keyToGroup.set(key, g);
      groupMetrics.push(m);
    }
    groupOf[i] = g;
  }
  if (K_OPS.has(e.op)) return { kind: 'vector', series: aggregateK(ev, e, input, groupOf, groupMetrics.length, param!, grid) };
  if (e.op === 'quantile' && param) {
    const { min, max, nan } = paramRange(param);
    const pos = e.param!.pos;
    if (nan) annotate(ev.st, 'warning', 'quantile value should be between 0 and 1, got NaN', pos);
    if (max > 1) annotate(ev.st, 'warning', `quantile value should be between 0 and 1, got ${formatG(max)}`, pos);
    if (min < 0) annotate(ev.st, 'warning', `quantile value should be between 0 and 1, got ${formatG(min)}`, pos);
  }
  return { kind: 'vector', series: aggregateSimple(ev, e.op, input, groupOf, groupMetrics, param, grid) };
}

function aggregateSimple(
  ev: Evaluator,
  op: string,
  input: VSeries[],
  groupOf: Int32Array,
  groupMetrics: Metric[],
  param: Float64Array | undefined,
  grid: Grid,
): VSeries[] {
  if (SERIES_MAJOR.has(op)) return aggregateSeriesMajor(ev, op, input, groupOf, groupMetrics, grid);
  const G = groupMetrics.length;
  const outs = groupMetrics.map((m) => newVSeries(m, grid.n));
  const seen = new Uint8Array(G);
  const value = new Float64Array(G);
  const mean = new Float64Array(G);
  const comp = new Float64Array(G);
  const count = new Float64Array(G);
  const incremental = new Uint8Array(G);
  const dropName = new Uint8Array(G);
  const heaps: number[][] = op === 'quantile' ? groupMetrics.map(() => []) : [];
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    seen.fill(0);
    for (let si = 0; si < input.length; si++) {
      const s = input[si];
      if (!s.p[i]) continue;
      const f = s.v[i];
      const g = groupOf[si];
      if (!seen[g]) {
        seen[g] = 1;
        value[g] = f;
        mean[g] = f;
        comp[g] = 0;
        count[g] = 1;
        incremental[g] = 0;
        if (s.dropName) dropName[g] = 1;
        if (op === 'stddev' || op === 'stdvar') value[g] = f !== f || f === Infinity || f === -Infinity ? NaN : 0;
        else if (op === 'group') value[g] = 1;
        else if (op === 'quantile') heaps[g] = [f];
        continue;
      }
      if (s.dropName) dropName[g] = 1;
      switch (op) {
        case 'sum':
          kahanInc(f, value[g], comp[g]);
          value[g] = ks.sum;
          comp[g] = ks.c;
          break;
        case 'avg': {
          const n = ++count[g];
          if (!incremental[g]) {
            kahanInc(f, value[g], comp[g]);
            if (ks.sum !== Infinity && ks.sum !== -Infinity) {
              value[g] = ks.sum;
              comp[g] = ks.c;
              break;
            }
            incremental[g] = 1;
            mean[g] = value[g] / (n - 1);
            comp[g] /= n - 1;
          }
          const q = (n - 1) / n;
          kahanInc(f / n, q * mean[g], q * comp[g]);
          mean[g] = ks.sum;
          comp[g] = ks.c;
          break;
        }
        case 'max':
          if (value[g] < f || value[g] !== value[g]) value[g] = f;
          break;
        case 'min':
          if (value[g] > f || value[g] !== value[g]) value[g] = f;
          break;
        case 'count':
          count[g]++;
          break;
        case 'stddev':
        case 'stdvar': {
          const n = ++count[g];
          const delta = f - mean[g];
          mean[g] += delta / n;
          value[g] += delta * (f - mean[g]);
          break;
        }
        case 'quantile':
          heaps[g].push(f);
          break;
        case 'group':
          break;
        default:
          throw execError(`unknown aggregation ${op}`);
      }
    }
    for (let g = 0; g < G; g++) {
      if (!seen[g]) continue;
      let r = value[g];
      switch (op) {
        case 'avg':
          r = incremental[g] ? mean[g] + comp[g] : value[g] / count[g] + comp[g] / count[g];
          break;
        case 'count':
          r = count[g];
          break;
        case 'stdvar':
          r = value[g] / count[g];
          break;
        case 'stddev':
          r = Math.sqrt(value[g] / count[g]);
          break;
        case 'quantile':
          r = quantile(param![i], heaps[g]);
          break;
        case 'sum':
          r = value[g] + comp[g];
          break;
      }
      outs[g].v[i] = r;
      outs[g].p[i] = 1;
    }
  }
  const result: VSeries[] = [];
  for (let g = 0; g < G; g++) {
    if (!outs[g].p.includes(1)) continue;
    outs[g].dropName = dropName[g] === 1;
    result.push(outs[g]);
  }
  return result;
}

const SERIES_MAJOR = new Set(['sum', 'count', 'max', 'min', 'group']);

/**
 * The cheap aggregations, one input series at a time (sequential memory
 * access). Each (group, step) still sees its inputs in input order, so the
 * Kahan sums are bit-identical to the step-major loop.
 */
function aggregateSeriesMajor(ev: Evaluator, op: string, input: VSeries[], groupOf: Int32Array, groupMetrics: Metric[], grid: Grid): VSeries[] {
  const n = grid.n;
  const outs = groupMetrics.map((m) => newVSeries(m, n));
  const comps = op === 'sum' ? groupMetrics.map(() => new Float64Array(n)) : [];
  const dropName = new Uint8Array(groupMetrics.length);
  for (let si = 0; si < input.length; si++) {
    checkAbort(ev.st);
    const s = input[si];
    const g = groupOf[si];
    const ov = outs[g].v;
    const op_ = outs[g].p;
    const sv = s.v;
    const sp = s.p;
    const c = comps[g];
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!sp[i]) continue;
      any = true;
      const f = sv[i];
      if (!op_[i]) {
        op_[i] = 1;
        ov[i] = op === 'count' || op === 'group' ? 1 : f;
        continue;
      }
      switch (op) {
        case 'sum': {
          const sum = ov[i];
          const t = sum + f;
          if (t === Infinity || t === -Infinity) c[i] = 0;
          else if (Math.abs(sum) >= Math.abs(f)) c[i] += sum - t + f;
          else c[i] += f - t + sum;
          ov[i] = t;
          break;
        }
        case 'count':
          ov[i]++;
          break;
        case 'max':
          if (ov[i] < f || ov[i] !== ov[i]) ov[i] = f;
          break;
        case 'min':
          if (ov[i] > f || ov[i] !== ov[i]) ov[i] = f;
          break;
      }
    }
    if (any && s.dropName) dropName[g] = 1;
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
function paramRange(param: Float64Array): { min: number; max: number; nan: boolean } {
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

function aggregateK(ev: Evaluator, e: AggregateExpr, input: VSeries[], groupOf: Int32Array, G: number, param: Float64Array, grid: Grid): VSeries[] {
  const st = ev.st;
  let { min, max, nan } = paramRange(param);
  // Go's math.Max/Min propagate NaN, so a NaN parameter is never "below 1".
  if (nan) max = min = NaN;
  if (e.op === 'limit_ratio') {
    if (max === 0 && min === 0) return [];
    if (nan) throw execError('Ratio value is NaN');
    if (max > 1) annotate(st, 'warning', `ratio value should be between -1 and 1, got ${formatG(max)}, capping to 1`, e.param!.pos);
    if (min < -1) annotate(st, 'warning', `ratio value should be between -1 and 1, got ${formatG(min)}, capping to -1`, e.param!.pos);
  } else {
    if (max < 1) return [];
    if (nan) throw execError('Parameter value is NaN');
    if (min <= -9223372036854775808) throw execError(`Scalar value ${formatG(min)} underflows int64`);
    if (max >= 9223372036854775807) throw execError(`Scalar value ${formatG(max)} overflows int64`);
  }
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
  };
  const isTop = e.op === 'topk';
  const isBottom = e.op === 'bottomk';
  const thr = new Float64Array(G);
  const ratioOffsets = e.op === 'limit_ratio' ? input.map((s) => metricHashFraction(s.metric)) : [];
  // Values are read step by step across all series: copy blocks of steps into
  // step-major buffers first, so the per-step scans read contiguous memory.
  const N = input.length;
  const B = Math.max(1, Math.min(64, Math.floor(262_144 / Math.max(1, N))));
  const buf = new Float64Array(B * N);
  const pbuf = new Uint8Array(B * N);
  let blockStart = -B;
  for (let i = 0; i < grid.n; i++) {
    checkAbort(st);
    if (i >= blockStart + B) {
      blockStart = i;
      const len = Math.min(B, grid.n - i);
      for (let si = 0; si < N; si++) {
        const sv = input[si].v;
        const sp = input[si].p;
        for (let j = 0; j < len; j++) {
          buf[j * N + si] = sv[i + j];
          pbuf[j * N + si] = sp[i + j];
        }
      }
    }
    const base = (i - blockStart) * N;
    const v = (si: number): number => buf[base + si];
    const topLess = (a: number, b: number): boolean => v(a) !== v(a) || v(a) < v(b);
    const bottomLess = (a: number, b: number): boolean => v(a) !== v(a) || v(a) > v(b);
    const heaps: (IndexHeap | undefined)[] = new Array(G);
    const k = Math.min(Math.trunc(param[i]), input.length);
    let r = param[i];
    if (e.op === 'limit_ratio') r = Math.max(-1, Math.min(1, r));
    else if (k < 1) continue;
    if (e.op === 'limit_ratio' && r === 0) continue;
    for (let si = 0; si < N; si++) {
      if (!pbuf[base + si]) continue;
      const g = groupOf[si];
      let h = heaps[g];
      if (!h) h = heaps[g] = new IndexHeap(isBottom ? bottomLess : topLess);
      if (isTop || isBottom) {
        // thr[g]: the value at the heap's root once it is full (cheap rejection of most samples).
        const x = buf[base + si];
        if (h.items.length < k) {
          h.push(si);
          if (h.items.length === k) thr[g] = v(h.items[0]);
          continue;
        }
        const y = thr[g];
        if ((isTop ? y < x : y > x) || (y !== y && x === x)) {
          h.items[0] = si;
          if (k > 1) h.fix(0);
          thr[g] = v(h.items[0]);
        }
        continue;
      }
      switch (e.op) {
        case 'limitk':
          if (h.items.length < k) h.push(si);
          break;
        case 'limit_ratio': {
          const off = ratioOffsets[si];
          if (r >= 0 ? off < r : off >= 1 + r) h.push(si);
          break;
        }
      }
    }
    for (const h of heaps) {
      if (!h) continue;
      const items = h.items;
      if (e.op === 'topk' || e.op === 'bottomk') {
        // sort.Sort(sort.Reverse(heap)): insertion sort for small inputs, as Go.
        const less = e.op === 'topk' ? topLess : bottomLess;
        const revLess = (a: number, b: number): boolean => less(b, a);
        if (items.length <= 12) {
          for (let x = 1; x < items.length; x++) {
            for (let y = x; y > 0 && revLess(items[y], items[y - 1]); y--) [items[y], items[y - 1]] = [items[y - 1], items[y]];
          }
        } else items.sort((a, b) => (revLess(a, b) ? -1 : revLess(b, a) ? 1 : 0));
      }
      for (const si of items) put(si, i);
    }
  }
  return order;
}

function countValues(ev: Evaluator, e: AggregateExpr, grouping: Set<string>, grid: Grid): Val {
  const labelName = e.param && e.param.type === 'StringLiteral' ? e.param.value : '';
  if (labelName === '') throw execError(`invalid label name "${labelName}"`);
  if (!e.without) grouping.add(labelName);
  const input = ev.evalVector(e.expr, grid);
  const outs = new Map<string, VSeries>();
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    for (const s of input) {
      if (!s.p[i]) continue;
      const m = groupMetric(setLabel(s.metric, labelName, formatFloatF(s.v[i])), e.without, grouping);
      const key = metricKey(m);
      let o = outs.get(key);
      if (!o) outs.set(key, (o = newVSeries(m, grid.n)));
      if (!o.p[i]) {
        o.p[i] = 1;
        o.v[i] = 0;
      }
      o.v[i]++;
    }
  }
  return { kind: 'vector', series: mergeSameLabels([...outs.values()]) };
}
