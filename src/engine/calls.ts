// Function calls: the implementation comes from the one record of
// src/engine/functions.ts; range-vector functions run series-at-a-time over
// all steps (windowLoop), the others over instant vectors and scalars.

import type { Call, Expr } from '../promql/ast.js';
import { functionsWhere, getFunction, type FunctionName } from '../promql/functions.js';
import type { Grid, RSeries, Val, VSeries } from './types.js';
import { annotate, newVSeries, setHist } from './types.js';
import type { Evaluator, RangeSource } from './eval.js';
import { hasSameLabels } from './same-labels.js';
import { checkAbort, execError, holdSamples } from './state.js';
import { dropCounts, type RangeFn, type WinCtx } from './rangefns.js';
import { dropReserved } from './labels.js';
import { absentLabels, unparen } from './vecfns.js';
import { advance } from './numeric.js';
import { IMPLEMENTATIONS } from './functions.js';
import { RATE_KERNELS, rateWindows } from './rate-kernel.js';
import { HIST_RANGE, floatsOnly, type HistRangeFn } from './hist-rangefns.js';
import type { HistogramColumn } from '../storage/histogram-column.js';
import { StatsHints } from './hist-stats.js';

/** Functions that accept the `anchored` / `smoothed` modifiers, in Prometheus's message order. */
const ANCHORED_OK = functionsWhere((f) => f.anchored);
const SMOOTHED_OK = functionsWhere((f) => f.smoothed);

export function evalCall(ev: Evaluator, e: Call, grid: Grid): Val {
  const impl = IMPLEMENTATIONS[e.func as FunctionName];
  if (e.func === 'info' && impl && 'instant' in impl) return impl.instant(ev, e, e.args, grid);
  const args = e.args.map(unparen);
  const rangeIdx = args.findIndex((a) => a.type === 'MatrixSelector' || a.type === 'SubqueryExpr');
  if (rangeIdx >= 0) {
    if (!impl || !('range' in impl)) throw execError(`function "${e.func}" is not supported by the embedded engine`);
    return { kind: 'vector', series: runRangeCall(prepareRangeCall(ev, e, args, rangeIdx, impl.range, grid), grid) };
  }
  if (!impl || !('instant' in impl)) throw execError(`function "${e.func}" is not supported by the embedded engine`);
  return impl.instant(ev, e, args, grid);
}

/** The call's range function and which argument is its range vector, when it has an implementation taking one. */
export function rangeFunctionOf(e: Call): { args: Expr[]; rangeIdx: number; fn: RangeFn } | undefined {
  const impl = IMPLEMENTATIONS[e.func as FunctionName];
  if (e.func === 'info' || !impl || !('range' in impl)) return undefined;
  const args = e.args.map(unparen);
  const rangeIdx = args.findIndex((a) => a.type === 'MatrixSelector' || a.type === 'SubqueryExpr');
  return rangeIdx < 0 ? undefined : { args, rangeIdx, fn: impl.range };
}

function checkRangeModifiers(e: Call, arg: Expr): void {
  if (arg.type !== 'MatrixSelector') return;
  const name = e.func as FunctionName;
  if (arg.anchored && !ANCHORED_OK.includes(name)) {
    throw execError(`anchored modifier can only be used with: ${ANCHORED_OK.join(', ')} - not with ${e.func}`);
  }
  if (arg.smoothed && !SMOOTHED_OK.includes(name)) {
    throw execError(`smoothed modifier can only be used with: ${SMOOTHED_OK.join(', ')} - not with ${e.func}`);
  }
}

/** Everything one range-function call's windows share: windowLoop's context. */
interface RangeLoop {
  ev: Evaluator;
  src: RangeSource;
  grid: Grid;
  fn: RangeFn;
  ctx: WinCtx;
}

function newWinCtx(ev: Evaluator, e: Call, src: RangeSource, scalars: Float64Array[]): WinCtx {
  const argPos = e.args.map((a) => a.pos);
  return {
    t: new Float64Array(0),
    v: new Float64Array(0),
    lo: 0,
    hi: 0,
    rangeStart: 0,
    rangeEnd: 0,
    rangeMs: src.rangeMs,
    stepT: 0,
    args: scalars.map(() => 0),
    argCols: scalars,
    anchored: src.anchored,
    smoothed: src.smoothed,
    serial: 0,
    name: '',
    ok: true,
    hlo: 0,
    hhi: 0,
    warn: (kind, text, i) => annotate(ev.st, kind, text, argPos[i]),
  };
}

/**
 * A range function's call with its arguments evaluated, for hist-stream.ts,
 * which runs it with a sink (runRangeCall) or reads its series itself
 * (hist-dense.ts). The caller checked that the call is a range function's.
 */
export function prepareRangeFunctionCall(ev: Evaluator, e: Call, grid: Grid): RangeCall {
  const impl = IMPLEMENTATIONS[e.func as FunctionName];
  if (!impl || !('range' in impl)) throw execError(`function "${e.func}" is not supported by the embedded engine`);
  const args = e.args.map(unparen);
  const rangeIdx = args.findIndex((a) => a.type === 'MatrixSelector' || a.type === 'SubqueryExpr');
  return prepareRangeCall(ev, e, args, rangeIdx, impl.range, grid);
}

/** A range-function call with its scalar arguments evaluated and its range argument read: ready to run. */
export interface RangeCall {
  ev: Evaluator;
  e: Call;
  args: Expr[];
  rangeIdx: number;
  fn: RangeFn;
  src: RangeSource;
  scalars: Float64Array[];
}

export function prepareRangeCall(ev: Evaluator, e: Call, args: Expr[], rangeIdx: number, fn: RangeFn, grid: Grid): RangeCall {
  checkRangeModifiers(e, args[rangeIdx]);
  // Scalar arguments first, as Prometheus evaluates them before the range.
  const scalars: Float64Array[] = [];
  for (let i = 0; i < args.length; i++) if (i !== rangeIdx) scalars.push(ev.evalScalar(args[i], grid));
  const src = ev.rangeArgument(args[rangeIdx], grid);
  return { ev, e, args, rangeIdx, fn, src, scalars };
}

/**
 * Runs the function over every window of every series. With `fold`, each
 * series' result goes to it as soon as it is computed, in one series whose
 * columns are reused for the next one, and nothing is returned: the caller
 * keeps what it needs, and has made sure no duplicate check is due
 * (`foldable`); the samples are still counted as held, as Prometheus holds them.
 * With `sink` (hist-stream.ts), each series' result goes to it, a new series
 * each time, and only its labels are kept for the duplicate check.
 */
export function runRangeCall(
  call: RangeCall,
  grid: Grid,
  fold?: (o: VSeries, count: number) => void,
  sink?: (o: VSeries, count: number) => void,
): VSeries[] {
  const { ev, e, args, rangeIdx, fn, src } = call;
  const st = ev.st;
  const facts = getFunction(e.func);
  const keepName = !!facts?.keepsName;
  const readsCounter = !!facts?.readsCounter;
  const delayed = st.delayedNameRemoval;
  const loop: RangeLoop = { ev, src, grid, fn, ctx: newWinCtx(ev, e, src, call.scalars) };
  const out: VSeries[] = [];
  const present = e.func === 'absent_over_time' ? new Uint8Array(grid.n) : undefined;
  const kernel = RATE_KERNELS.get(e.func);
  const reused = fold ? newVSeries({}, grid.n) : undefined;
  let counterWarned = false;
  for (const s of src.series) {
    checkAbort(st);
    const metric = !delayed && !keepName ? dropReserved(s.metric) : s.metric;
    const dropName = !keepName || !!s.dropName;
    let o: VSeries;
    if (reused) {
      o = reused;
      o.metric = metric;
      o.dropName = dropName;
    } else o = newVSeries(metric, grid.n, dropName);
    loop.ctx.name = s.metric.__name__ ?? '';
    const split = s.h ? splitHistograms(s) : undefined;
    const floats = split ? split.floats : s;
    loop.ctx.drops = readsCounter ? dropCounts(floats.v, floats.length) : undefined;
    let count: number;
    if (split) count = mixedWindowLoop(loop, split, o, HIST_RANGE[e.func as FunctionName] ?? floatsOnly);
    else if (kernel && !s.st && !src.anchored && !src.smoothed)
      count = rateWindows(kernel, s.t, s.v, s.length, loop.ctx.drops, src, grid, st, o);
    else count = windowLoop(loop, s, o);
    if (count === 0) continue;
    holdSamples(st, count);
    if (present) for (let i = 0; i < grid.n; i++) present[i] |= o.p[i];
    if (readsCounter && !counterWarned && floats.length > 0) counterWarned = warnNotCounter(ev, s, e.args[rangeIdx]);
    if (fold) {
      fold(o, count);
      o.p.fill(0);
    } else if (sink) {
      // Only the labels stay, for the duplicate check below.
      out.push({ metric: o.metric, dropName: o.dropName, v: EMPTY, p: NO_STEPS });
      sink(o, count);
    } else out.push(o);
  }
  if (present) return absentOverTime(args[rangeIdx], present, grid);
  if (!fold && !delayed && !keepName && !distinctWithoutName(args[rangeIdx], src.series) && hasSameLabels(out))
    throw execError('vector cannot contain metrics with the same labelset');
  return out;
}

/**
 * Whether runRangeCall may fold the call's series (no histograms, no
 * duplicate check due, not absent_over_time): what the folding caller checks.
 */
export function foldable(call: RangeCall): boolean {
  const { e, args, rangeIdx, src } = call;
  if (e.func === 'absent_over_time' || call.ev.st.delayedNameRemoval) return false;
  if (src.series.some((s) => s.h)) return false;
  return !!getFunction(e.func)?.keepsName || distinctWithoutName(args[rangeIdx], src.series);
}

/**
 * Whether dropping the metric name cannot make two series of a range selector
 * equal: the store's series are distinct, so when they all share the same
 * name (and type and unit), the rest of their labels differ. Then the
 * duplicate check (a key per series) is skipped.
 */
export function distinctWithoutName(arg: Expr, series: RSeries[]): boolean {
  if (arg.type !== 'MatrixSelector' || series.length === 0) return false;
  const { __name__: name, __type__: type, __unit__: unit } = series[0].metric;
  for (const s of series) {
    const m = s.metric;
    if (m.__name__ !== name || m.__type__ !== type || m.__unit__ !== unit) return false;
  }
  return true;
}

/** Prometheus's "might not be a counter" note; true once it has been given. */
function warnNotCounter(ev: Evaluator, s: RSeries, arg: Expr): boolean {
  const name = s.metric.__name__;
  if (!name || /(_total|_sum|_count|_bucket)$/.test(name)) return false;
  annotate(ev.st, 'info', `metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "${name}"`, arg.pos);
  return true;
}

let windowSerial = 0;

/** Runs one range function over every step's window of one series into `o`; returns the number of outputs. */
function windowLoop(loop: RangeLoop, s: RSeries, o: VSeries): number {
  const { ev, src, grid, ctx, fn } = loop;
  const { t, length: len } = s;
  const st = ev.st;
  // Loop invariants in locals: the window of step i is (ref - rangeMs - before, ref + after].
  const { atMs, offsetMs, rangeMs } = src;
  const before = src.anchored || src.smoothed ? st.lookbackMs : 0;
  const after = src.smoothed ? st.lookbackMs : 0;
  const { start, step, n } = grid;
  const args = ctx.args;
  const argCols = ctx.argCols;
  const ov = o.v;
  const op = o.p;
  let lo = 0;
  let hi = 0;
  let count = 0;
  let samples = 0;
  ctx.serial = ++windowSerial;
  ctx.t = t;
  ctx.v = s.v;
  ctx.st = s.st;
  try {
    for (let i = 0; i < n; i++) {
      // One series can be seconds of work (a long window at many steps): look
      // for Ctrl-C / the deadline inside it too, not only between series.
      if ((i & 1023) === 1023) checkAbort(st, true);
      const stepT = start + i * step;
      const ref = (atMs ?? stepT) - offsetMs;
      const rangeStart = ref - rangeMs;
      const mint = rangeStart - before;
      const maxt = ref + after;
      hi = advance(t, hi, len, maxt);
      lo = advance(t, lo, hi, mint);
      if (hi === lo) continue;
      samples += hi - lo;
      ctx.lo = lo;
      ctx.hi = hi;
      ctx.rangeStart = rangeStart;
      ctx.rangeEnd = ref;
      ctx.stepT = stepT;
      for (let k = 0; k < args.length; k++) args[k] = argCols[k][i];
      ctx.ok = true;
      const r = fn(ctx);
      if (!ctx.ok) continue;
      ov[i] = r;
      op[i] = 1;
      count++;
    }
  } catch (err) {
    if (err instanceof RangeError) throw execError(err.message);
    throw err;
  } finally {
    st.totalSamples += samples;
  }
  return count;
}

/** A series' float points and histogram points apart (each window then has a part of each). */
interface SplitSeries {
  floats: RSeries;
  ht: Float64Array;
  /** The histograms, by their order among the series' histograms. */
  hh: HistogramColumn;
  hst?: Float64Array;
}

function splitHistograms(s: RSeries): SplitSeries {
  const n = s.length;
  const h = s.h!;
  let nh = 0;
  for (let i = 0; i < n; i++) if (h.has(i)) nh++;
  if (nh === n) {
    // Histograms only (the usual case): the columns as they are.
    const floats = { metric: s.metric, t: EMPTY, v: EMPTY, length: 0, dropName: s.dropName };
    return { floats, ht: s.t.subarray(0, n), hh: h, hst: s.st?.subarray(0, n) };
  }
  const ft = new Float64Array(n - nh);
  const fv = new Float64Array(n - nh);
  const fst = s.st ? new Float64Array(n - nh) : undefined;
  const ht = new Float64Array(nh);
  const hst = s.st ? new Float64Array(nh) : undefined;
  const pos = new Uint32Array(nh);
  let f = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (h.has(i)) {
      ht[k] = s.t[i];
      if (hst) hst[k] = s.st![i];
      pos[k++] = i;
    } else {
      ft[f] = s.t[i];
      fv[f] = s.v[i];
      if (fst) fst[f] = s.st![i];
      f++;
    }
  }
  return { floats: { metric: s.metric, t: ft, v: fv, length: f, st: fst, dropName: s.dropName }, ht, hh: h.select(pos, nh), hst };
}

const EMPTY = new Float64Array(0);
const NO_STEPS = new Uint8Array(0);

/** windowLoop for a series with histograms: each window's floats and histograms go to the function's histogram handler. */
function mixedWindowLoop(loop: RangeLoop, s: SplitSeries, o: VSeries, handler: HistRangeFn): number {
  const { ev, src, grid, ctx, fn } = loop;
  const st = ev.st;
  const lookback = st.lookbackMs;
  const f = s.floats;
  let count = 0;
  let lo = 0;
  let hi = 0;
  let hlo = 0;
  let hhi = 0;
  ctx.serial = ++windowSerial;
  ctx.t = f.t;
  ctx.v = f.v;
  ctx.st = f.st;
  ctx.ht = s.ht;
  ctx.hh = s.hh;
  ctx.hst = s.hst;
  for (let i = 0; i < grid.n; i++) {
    if ((i & 1023) === 1023) checkAbort(st, true);
    const stepT = grid.start + i * grid.step;
    const ref = (src.atMs ?? stepT) - src.offsetMs;
    const rangeStart = ref - src.rangeMs;
    const mint = windowMin(src, rangeStart, lookback);
    const maxt = windowMax(src, ref, lookback);
    // Windows only move forward: both parts' bounds advance from the previous step's.
    hi = advance(f.t, hi, f.length, maxt);
    lo = advance(f.t, lo, hi, mint);
    hhi = advance(s.ht, hhi, s.ht.length, maxt);
    hlo = advance(s.ht, hlo, hhi, mint);
    ctx.lo = lo;
    ctx.hi = hi;
    ctx.hlo = hlo;
    ctx.hhi = hhi;
    const n = ctx.hi - ctx.lo + ctx.hhi - ctx.hlo;
    if (n === 0) continue;
    st.totalSamples += n;
    ctx.rangeStart = rangeStart;
    ctx.rangeEnd = ref;
    ctx.stepT = stepT;
    for (let k = 0; k < ctx.args.length; k++) ctx.args[k] = ctx.argCols[k][i];
    ctx.ok = true;
    ctx.hOut = undefined;
    let r: number;
    if (ctx.hhi > ctx.hlo && s.hh instanceof StatsHints) {
      // The stats iterator starts afresh at each window: its first histogram keeps the stored hint.
      s.hh.storedAt = ctx.hlo;
      r = handler(ctx, fn);
      s.hh.storedAt = -1;
    } else r = ctx.hhi > ctx.hlo ? handler(ctx, fn) : ctx.hi > ctx.lo ? fn(ctx) : 0;
    if (!ctx.ok) continue;
    if (ctx.hOut) setHist(o, i, ctx.hOut);
    else o.v[i] = r;
    o.p[i] = 1;
    count++;
  }
  ctx.ht = ctx.hh = ctx.hst = undefined;
  ctx.hlo = ctx.hhi = 0;
  return count;
}

function absentOverTime(arg: Expr, present: Uint8Array, grid: Grid): VSeries[] {
  const o = newVSeries(absentLabels(arg), grid.n, true);
  let any = false;
  for (let i = 0; i < grid.n; i++) {
    if (present[i]) continue;
    o.v[i] = 1;
    o.p[i] = 1;
    any = true;
  }
  return any ? [o] : [];
}

/** Where a step's window starts: `anchored` and `smoothed` also read the lookback before it. */
function windowMin(src: { anchored?: boolean; smoothed?: boolean }, rangeStart: number, lookback: number): number {
  return src.anchored || src.smoothed ? rangeStart - lookback : rangeStart;
}

/** Where a step's window ends: `smoothed` also reads the lookback after it. */
function windowMax(src: { smoothed?: boolean }, ref: number, lookback: number): number {
  return src.smoothed ? ref + lookback : ref;
}
