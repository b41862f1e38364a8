// Binary operators: scalar/scalar, vector/scalar and vector/vector with
// one-to-one, many-to-one and one-to-many matching, `bool`, and the set
// operators, with Prometheus's matching errors.

import type { BinaryExpr, BinaryOp, VectorMatching } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { Grid, Val, VSeries } from './types.js';
import { annotate, newVSeries, setHist } from './types.js';
import { histogramBinop, type HistBinopResult } from './hist-binop.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { checkAbort, execError } from './state.js';
import { compareMetrics } from '../model/labels.js';
import { dropReserved, formatMetric, isMetadataLabel, METRIC_NAME, metricKey, setLabel, signature } from './labels.js';
import { goPow } from './numeric.js';
import type { FloatHistogram } from '../histogram/histogram.js';

const COMPARISON = new Set<BinaryOp>(['==', '!=', '>', '<', '>=', '<=']);
const SET_OPS = new Set<BinaryOp>(['and', 'or', 'unless']);

/** Arithmetic changes what the metric means, so its name goes. */
function changesMetricSchema(op: BinaryOp): boolean {
  return op === '+' || op === '-' || op === '*' || op === '/' || op === '^' || op === '%' || op === 'atan2';
}

/** A float arithmetic operator applied as Prometheus applies it (Go's math for ^). */
export function arith(op: BinaryOp, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return l % r;
    case '^':
      return goPow(l, r);
    case 'atan2':
      return Math.atan2(l, r);
    default:
      return NaN;
  }
}

function compare(op: BinaryOp, l: number, r: number): boolean {
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '>':
      return l > r;
    case '<':
      return l < r;
    case '>=':
      return l >= r;
    case '<=':
      return l <= r;
    default:
      return false;
  }
}

export function evalBinary(ev: Evaluator, e: BinaryExpr, grid: Grid): Val {
  const lv = ev.eval(e.lhs, grid);
  const rv = ev.eval(e.rhs, grid);
  if (lv.kind === 'scalar' && rv.kind === 'scalar') {
    const out = new Float64Array(grid.n);
    for (let i = 0; i < grid.n; i++) {
      out[i] = COMPARISON.has(e.op) ? (compare(e.op, lv.v[i], rv.v[i]) ? 1 : 0) : arith(e.op, lv.v[i], rv.v[i]);
    }
    return { kind: 'scalar', v: out };
  }
  if (lv.kind === 'vector' && rv.kind === 'scalar') return vectorScalar(ev, e, lv.series, rv.v, false, grid);
  if (lv.kind === 'scalar' && rv.kind === 'vector') return vectorScalar(ev, e, rv.series, lv.v, true, grid);
  if (lv.kind === 'vector' && rv.kind === 'vector') {
    const matching: VectorMatching = e.matching ?? {
      card: SET_OPS.has(e.op) ? 'many-to-many' : 'one-to-one',
      matchingLabels: [],
      on: false,
      include: [],
    };
    if (SET_OPS.has(e.op)) return { kind: 'vector', series: setOp(ev, e.op, lv.series, rv.series, matching, grid) };
    return { kind: 'vector', series: vectorVector(ev, e, lv.series, rv.series, matching, grid) };
  }
  throw execError(`binary operator ${e.op} not allowed between ${lv.kind} and ${rv.kind}`);
}

function vectorScalar(ev: Evaluator, e: BinaryExpr, vec: VSeries[], sc: Float64Array, swap: boolean, grid: Grid): Val {
  const isCmp = COMPARISON.has(e.op);
  const renames = changesMetricSchema(e.op) || e.returnBool;
  const delayed = ev.st.delayedNameRemoval;
  const out: VSeries[] = [];
  const notes = new StepNotes(grid.n);
  for (const s of vec) {
    checkAbort(ev.st);
    const o = newVSeries(renames && !delayed ? dropReserved(s.metric) : s.metric, grid.n, renames ? true : s.dropName);
    let any = false;
    const hs = s.h;
    for (let i = 0; i < grid.n; i++) {
      if (!s.p[i]) continue;
      const h = hs === undefined ? undefined : hs[i];
      if (h !== undefined) {
        const r = swap ? histogramBinop(e.op, sc[i], 0, undefined, h) : histogramBinop(e.op, 0, sc[i], h, undefined);
        if (r.note) notes.set(i, r.note);
        if (!r.keep || !r.h) continue;
        setHist(o, i, r.h);
        any = true;
        continue;
      }
      const x = s.v[i];
      const l = swap ? sc[i] : x;
      const r = swap ? x : sc[i];
      let value: number;
      let keep = true;
      if (isCmp) {
        keep = compare(e.op, l, r);
        value = x;
      } else value = arith(e.op, l, r);
      if (e.returnBool) {
        value = keep ? 1 : 0;
        keep = true;
      }
      if (!keep) continue;
      o.v[i] = value;
      o.p[i] = 1;
      any = true;
    }
    if (any) out.push(o);
  }
  notes.report(ev, e);
  return { kind: 'vector', series: renames && !delayed ? mergeSameLabels(out) : out };
}

/**
 * The note of each step's histogram pairs: as Prometheus's evaluator, only
 * the last one of a step survives (its binop functions return one error).
 */
class StepNotes {
  private readonly notes: (HistBinopResult['note'] | undefined)[];
  constructor(n: number) {
    this.notes = new Array(n);
  }
  set(i: number, note: HistBinopResult['note']): void {
    this.notes[i] = note;
  }
  report(ev: Evaluator, e: BinaryExpr): void {
    for (const n of this.notes) if (n) annotate(ev.st, n.kind, n.text, e.pos);
  }
}

function ordinals(lhs: VSeries[], rhs: VSeries[], m: VectorMatching): { l: Int32Array; r: Int32Array; n: number } {
  const names = new Set(m.matchingLabels);
  const map = new Map<string, number>();
  const ord = (s: VSeries): number => {
    const sig = signature(s.metric, m.on, names);
    let o = map.get(sig);
    if (o === undefined) map.set(sig, (o = map.size));
    return o;
  };
  const l = Int32Array.from(lhs, ord);
  const r = Int32Array.from(rhs, ord);
  return { l, r, n: map.size };
}

function setOp(ev: Evaluator, op: BinaryOp, lhs: VSeries[], rhs: VSeries[], m: VectorMatching, grid: Grid): VSeries[] {
  const { l, r, n } = ordinals(lhs, rhs, m);
  // stamp[ord] === step+1 marks "present on the other side at this step".
  const stamp = new Int32Array(n);
  const lOut = lhs.map((s) => newVSeries(s.metric, grid.n, s.dropName));
  const rOut = op === 'or' ? rhs.map((s) => newVSeries(s.metric, grid.n, s.dropName)) : [];
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    const mark = i + 1;
    if (op === 'or') {
      for (let j = 0; j < lhs.length; j++) {
        if (!lhs[j].p[i]) continue;
        stamp[l[j]] = mark;
        copySample(lhs[j], lOut[j], i);
      }
      for (let j = 0; j < rhs.length; j++) {
        if (!rhs[j].p[i] || stamp[r[j]] === mark) continue;
        copySample(rhs[j], rOut[j], i);
      }
      continue;
    }
    for (let j = 0; j < rhs.length; j++) if (rhs[j].p[i]) stamp[r[j]] = mark;
    const want = op === 'and';
    for (let j = 0; j < lhs.length; j++) {
      if (!lhs[j].p[i] || (stamp[l[j]] === mark) !== want) continue;
      copySample(lhs[j], lOut[j], i);
    }
  }
  const all = [...lOut, ...rOut].filter((s) => s.p.includes(1));
  return mergeSameLabels(all);
}

function copySample(from: VSeries, to: VSeries, i: number): void {
  to.p[i] = 1;
  to.v[i] = from.v[i];
  const h = from.h?.[i];
  if (h) setHist(to, i, h);
}

/** Prometheus's labels.MatchLabels. */
function matchLabels(metric: Metric, on: boolean, names: ReadonlySet<string>): Metric {
  const out: Metric = {};
  for (const k in metric) {
    if (names.has(k) === on && (on || k !== METRIC_NAME)) out[k] = metric[k];
  }
  return out;
}

function resultMetric(ls: Metric, rs: Metric, op: BinaryOp, m: VectorMatching, names: ReadonlySet<string>, dropAll: boolean): Metric {
  let out: Metric = {};
  const schema = changesMetricSchema(op);
  for (const k in ls) {
    if (schema && isMetadataLabel(k)) continue;
    if (m.card === 'one-to-one' && names.has(k) !== m.on) continue;
    out[k] = ls[k];
  }
  for (const ln of m.include) out = setLabel(out, ln, rs[ln] ?? '');
  return dropAll ? dropReserved(out) : out;
}

/** What a (left, right) pair of a vector-to-vector operation yields at every step. */
interface PairResult {
  metric: Metric;
  /** Many-to-one/one-to-many: the id of (signature, metric); -1 for one-to-one. */
  id: number;
  out: VSeries | undefined;
}

/** The state of one vector-to-vector operation across its steps (Prometheus's VectorBinop with signature ordinals). */
class VectorMatch {
  readonly oneToMany: boolean;
  /** The "many" side is evaluated as lhs; emit swaps back for the values. */
  readonly lhs: VSeries[];
  readonly rhs: VSeries[];
  readonly l: Int32Array;
  readonly r: Int32Array;
  readonly n: number;
  readonly names: ReadonlySet<string>;
  private readonly isCmp: boolean;
  private readonly dropAll: boolean;
  /** rightAt[ord]: the rhs series with signature ordinal ord at this step (valid when rightStamp[ord] is this step's mark). */
  readonly rightAt: Int32Array;
  readonly rightStamp: Int32Array;
  private readonly matchedStamp: Int32Array;
  /** Each (left, right) pair's result labels and output series, made once for all steps. */
  private readonly pairs = new Map<number, PairResult>();
  /** Many-to-one: an id per (signature, result labels); resultStamp[id] marks the step that produced it last. */
  private readonly resultIds = new Map<string, number>();
  private resultStamp = new Int32Array(64);
  readonly order: VSeries[] = [];
  private readonly R: number;
  readonly notes: StepNotes;

  constructor(
    ev: Evaluator,
    private readonly e: BinaryExpr,
    lhsIn: VSeries[],
    rhsIn: VSeries[],
    readonly m: VectorMatching,
    private readonly grid: Grid,
  ) {
    this.oneToMany = m.card === 'one-to-many';
    this.lhs = this.oneToMany ? rhsIn : lhsIn;
    this.rhs = this.oneToMany ? lhsIn : rhsIn;
    const { l, r, n } = ordinals(this.lhs, this.rhs, m);
    this.l = l;
    this.r = r;
    this.n = n;
    this.names = new Set(m.matchingLabels);
    this.isCmp = COMPARISON.has(e.op);
    this.dropAll = !ev.st.delayedNameRemoval && e.returnBool;
    this.rightAt = new Int32Array(n).fill(-1);
    this.rightStamp = new Int32Array(n);
    this.matchedStamp = new Int32Array(n);
    this.R = this.rhs.length + 1;
    this.notes = new StepNotes(grid.n);
  }

  /** One output sample for the pair (li, ri) (-1: filled in) with signature ordinal ord at step i. */
  emit(li: number, ri: number, ord: number, lMetric: Metric, rMetric: Metric, fl: number, fr: number, i: number): void {
    const { e } = this;
    const op = e.op;
    let lv = fl;
    let rv = fr;
    let hl = li >= 0 ? this.lhs[li].h?.[i] : undefined;
    let hr = ri >= 0 ? this.rhs[ri].h?.[i] : undefined;
    if (this.oneToMany) {
      lv = fr;
      rv = fl;
      const h = hl;
      hl = hr;
      hr = h;
    }
    let value: number;
    let keep = true;
    let hv: FloatHistogram | undefined;
    if (hl || hr) {
      const res = histogramBinop(op, lv, rv, hl, hr);
      if (res.note) this.notes.set(i, res.note);
      if (res.note?.error) return;
      value = res.value;
      keep = res.keep;
      hv = res.h;
    } else if (this.isCmp) {
      keep = compare(op, lv, rv);
      value = lv;
    } else value = arith(op, lv, rv);
    if (e.returnBool) {
      value = keep ? 1 : 0;
      hv = undefined;
    }
    const pair = this.pairResult(li, ri, ord, lMetric, rMetric);
    this.checkUnique(pair, ord, i);
    if (!keep && !e.returnBool) return;
    let o = pair.out;
    if (!o) {
      o = pair.out = newVSeries(pair.metric, this.grid.n, e.returnBool);
      this.order.push(o);
    }
    o.v[i] = value;
    o.p[i] = 1;
    if (hv) setHist(o, i, hv);
  }

  /** The pair's result labels (and, many-to-one, their id under the signature), computed on its first step. */
  private pairResult(li: number, ri: number, ord: number, lMetric: Metric, rMetric: Metric): PairResult {
    const pairKey = (li + 1) * this.R + (ri + 1);
    let pair = this.pairs.get(pairKey);
    if (pair) return pair;
    const metric = resultMetric(lMetric, rMetric, this.e.op, this.m, this.names, this.dropAll);
    let id = -1;
    if (this.m.card !== 'one-to-one') {
      const key = `${ord}\u0000${metricKey(metric)}`;
      id = this.resultIds.get(key) ?? -1;
      if (id < 0) this.resultIds.set(key, (id = this.resultIds.size));
      if (id >= this.resultStamp.length) {
        const grown = new Int32Array(this.resultStamp.length * 2);
        grown.set(this.resultStamp);
        this.resultStamp = grown;
      }
    }
    this.pairs.set(pairKey, (pair = { metric, id, out: undefined }));
    return pair;
  }

  /** Prometheus's "multiple matches" errors: one result per signature (one-to-one) or per result labels (group_x) at a step. */
  private checkUnique(pair: PairResult, ord: number, i: number): void {
    const mark = i + 1;
    if (pair.id < 0) {
      if (this.matchedStamp[ord] === mark)
        throw execError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
      this.matchedStamp[ord] = mark;
    } else {
      if (this.resultStamp[pair.id] === mark) throw execError('multiple matches for labels: grouping labels must ensure unique matches');
      this.resultStamp[pair.id] = mark;
    }
  }

  /** Indexes the right side's samples of step i by signature. Two with one signature is the many-to-many error. */
  indexRight(i: number): void {
    const { rhs, r, m, names, rightStamp, rightAt } = this;
    const mark = i + 1;
    for (let j = 0; j < rhs.length; j++) {
      if (!rhs[j].p[i]) continue;
      const ord = r[j];
      if (rightStamp[ord] === mark) {
        const side = this.oneToMany ? 'left' : 'right';
        const pair = [rhs[j].metric, rhs[rightAt[ord]].metric].sort(compareMetrics);
        throw execError(
          `found duplicate series for the match group ${formatMetric(matchLabels(rhs[j].metric, m.on, names))} on the ${side} hand-side of the operation: [${formatMetric(pair[0])}, ${formatMetric(pair[1])}];many-to-many matching not allowed: matching labels must be unique on one side`,
        );
      }
      rightStamp[ord] = mark;
      rightAt[ord] = j;
    }
  }

  /** Pairs every left sample of step i with its right match (or fill values, with fill modifiers). */
  matchStep(i: number): void {
    const { lhs, rhs, l, r, m, names, rightStamp, rightAt } = this;
    const fillR = m.fillRight;
    const fillL = m.fillLeft;
    const mark = i + 1;
    const seen = fillL !== undefined ? new Uint8Array(this.n) : undefined;
    for (let j = 0; j < lhs.length; j++) {
      if (!lhs[j].p[i]) continue;
      const ord = l[j];
      if (rightStamp[ord] === mark) {
        const rj = rightAt[ord];
        if (seen) seen[ord] = 1;
        this.emit(j, rj, ord, lhs[j].metric, rhs[rj].metric, lhs[j].v[i], rhs[rj].v[i], i);
      } else if (fillR !== undefined) {
        this.emit(j, -1, ord, lhs[j].metric, matchLabels(lhs[j].metric, m.on, names), lhs[j].v[i], fillR, i);
      }
    }
    if (seen && fillL !== undefined) {
      for (let j = 0; j < rhs.length; j++) {
        if (!rhs[j].p[i] || seen[r[j]] || rightAt[r[j]] !== j) continue;
        this.emit(-1, j, r[j], matchLabels(rhs[j].metric, m.on, names), rhs[j].metric, fillL, rhs[j].v[i], i);
      }
    }
  }
}

function vectorVector(ev: Evaluator, e: BinaryExpr, lhsIn: VSeries[], rhsIn: VSeries[], m: VectorMatching, grid: Grid): VSeries[] {
  const vm = new VectorMatch(ev, e, lhsIn, rhsIn, m, grid);
  // As Prometheus, fill values are not swapped with the sides.
  const noFill = m.fillLeft === undefined && m.fillRight === undefined;
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    let nl = 0;
    let nr = 0;
    for (let j = 0; j < vm.lhs.length; j++) nl += vm.lhs[j].p[i];
    for (let j = 0; j < vm.rhs.length; j++) nr += vm.rhs[j].p[i];
    // An empty side returns before the duplicate check, as Prometheus's VectorBinop does.
    if ((nl === 0 && nr === 0) || ((nl === 0 || nr === 0) && noFill)) continue;
    vm.indexRight(i);
    vm.matchStep(i);
  }
  vm.notes.report(ev, e);
  return mergeSameLabels(vm.order);
}
