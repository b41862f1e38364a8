// Function calls: range-vector functions evaluated series-at-a-time over all
// steps, instant-vector functions, and the special ones (timestamp, absent,
// label_replace/label_join, histogram_quantile, sort...).

import type { Call, Expr } from '../promql/ast.js';
import type { Grid, Val, VSeries } from './types.js';
import { annotate, newVSeries } from './types.js';
import type { Evaluator, RangeSource } from './eval.js';
import { hasSameLabels, mergeSameLabels } from './eval.js';
import { checkAbort, execError, holdSamples } from './state.js';
import { COUNTER_FUNCTIONS, KEEP_NAME_RANGE, RANGE_FUNCTIONS, dropCounts, type WinCtx } from './rangefns.js';
import { dropReserved } from './labels.js';
import { evalVectorFunction } from './vecfns.js';
import { evalInfo } from './info.js';
import { upperBound } from './numeric.js';

const ANCHORED_SAFE = ['changes', 'delta', 'increase', 'rate', 'resets'];
const SMOOTHED_SAFE = ['delta', 'increase', 'rate'];

export function unparen(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}

export function evalCall(ev: Evaluator, e: Call, grid: Grid): Val {
  if (e.func === 'info') return { kind: 'vector', series: evalInfo(ev, e, grid) };
  const args = e.args.map(unparen);
  const rangeIdx = args.findIndex((a) => a.type === 'MatrixSelector' || a.type === 'SubqueryExpr');
  if (rangeIdx >= 0 && e.func !== 'info') {
    const fn = RANGE_FUNCTIONS[e.func];
    if (!fn) throw execError(`function "${e.func}" is not supported by the embedded engine`);
    return { kind: 'vector', series: evalRangeCall(ev, e, args, rangeIdx, grid) };
  }
  return evalVectorFunction(ev, e, args, grid);
}

function evalRangeCall(ev: Evaluator, e: Call, args: Expr[], rangeIdx: number, grid: Grid): VSeries[] {
  const st = ev.st;
  const arg = args[rangeIdx];
  if (arg.type === 'MatrixSelector') {
    if (arg.anchored && !ANCHORED_SAFE.includes(e.func)) {
      throw execError(`anchored modifier can only be used with: ${ANCHORED_SAFE.join(', ')} - not with ${e.func}`);
    }
    if (arg.smoothed && !SMOOTHED_SAFE.includes(e.func)) {
      throw execError(`smoothed modifier can only be used with: ${SMOOTHED_SAFE.join(', ')} - not with ${e.func}`);
    }
  }
  // Scalar arguments first, as Prometheus evaluates them before the range.
  const scalars: Float64Array[] = [];
  for (let i = 0; i < args.length; i++) if (i !== rangeIdx) scalars.push(ev.evalScalar(args[i], grid));
  const src = ev.rangeSource(arg, grid, false);
  const fn = RANGE_FUNCTIONS[e.func];
  const keepName = KEEP_NAME_RANGE.has(e.func);
  const delayed = st.delayedNameRemoval;
  const argPos = e.args.map((a) => a.pos);
  const ctx: WinCtx = {
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
    name: '',
    ok: true,
    warn: (kind, text, i) => annotate(st, kind, text, argPos[i]),
  };
  const out: VSeries[] = [];
  const counterFn = COUNTER_FUNCTIONS.has(e.func);
  const present = e.func === 'absent_over_time' ? new Uint8Array(grid.n) : undefined;
  let counterWarned = false;
  for (const s of src.series) {
    checkAbort(st);
    const o = newVSeries(!delayed && !keepName ? dropReserved(s.metric) : s.metric, grid.n, !keepName || !!s.dropName);
    ctx.name = s.metric.__name__ ?? '';
    ctx.drops = counterFn ? dropCounts(s.v, s.length) : undefined;
    const count = windowLoop(ev, src, s.t, s.v, s.st, s.length, grid, ctx, fn, o);
    if (count === 0) continue;
    holdSamples(st, count);
    out.push(o);
    if (present) for (let i = 0; i < grid.n; i++) present[i] |= o.p[i];
    if ((e.func === 'rate' || e.func === 'increase') && !counterWarned) {
      const name = s.metric.__name__;
      if (name && !/(_total|_sum|_count|_bucket)$/.test(name)) {
        annotate(st, 'info', `metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "${name}"`, e.args[rangeIdx].pos);
        counterWarned = true;
      }
    }
  }
  if (present) return absentOverTime(ev, args[rangeIdx], present, grid);
  if (!delayed && !keepName && hasSameLabels(out)) throw execError('vector cannot contain metrics with the same labelset');
  return out;
}

/** Runs one range function over every step's window of one series; returns the number of outputs. */
function windowLoop(
  ev: Evaluator,
  src: RangeSource,
  t: Float64Array,
  v: Float64Array,
  sts: Float64Array | undefined,
  len: number,
  grid: Grid,
  ctx: WinCtx,
  fn: (c: WinCtx) => number,
  o: VSeries,
): number {
  const st = ev.st;
  const lookback = st.lookbackMs;
  let lo = 0;
  let hi = 0;
  let count = 0;
  ctx.t = t;
  ctx.v = v;
  ctx.st = sts;
  for (let i = 0; i < grid.n; i++) {
    // One series can be seconds of work (a long window at many steps): look
    // for Ctrl-C / the deadline inside it too, not only between series.
    if ((i & 1023) === 1023) checkAbort(st, true);
    const stepT = grid.start + i * grid.step;
    const ref = (src.atMs ?? stepT) - src.offsetMs;
    const rangeStart = ref - src.rangeMs;
    let mint = rangeStart;
    let maxt = ref;
    if (src.anchored || src.smoothed) mint -= lookback;
    if (src.smoothed) maxt += lookback;
    if (hi < len && t[hi] <= maxt) {
      if (len - hi > 16 && t[hi + 16] <= maxt) hi = upperBound(t, hi, len, maxt);
      else while (hi < len && t[hi] <= maxt) hi++;
    }
    if (lo < hi && t[lo] <= mint) {
      if (hi - lo > 16 && t[lo + 16] <= mint) lo = upperBound(t, lo, hi, mint);
      else while (lo < hi && t[lo] <= mint) lo++;
    }
    if (hi === lo) continue;
    st.totalSamples += hi - lo;
    ctx.lo = lo;
    ctx.hi = hi;
    ctx.rangeStart = rangeStart;
    ctx.rangeEnd = ref;
    ctx.stepT = stepT;
    for (let k = 0; k < ctx.args.length; k++) ctx.args[k] = ctx.argCols[k][i];
    ctx.ok = true;
    let r: number;
    try {
      r = fn(ctx);
    } catch (err) {
      if (err instanceof RangeError) throw execError(err.message);
      throw err;
    }
    if (!ctx.ok) continue;
    o.v[i] = r;
    o.p[i] = 1;
    count++;
  }
  return count;
}



function absentOverTime(ev: Evaluator, arg: Expr, present: Uint8Array, grid: Grid): VSeries[] {
  const o = newVSeries(absentLabels(arg), grid.n, true);
  let any = false;
  for (let i = 0; i < grid.n; i++) {
    if (present[i]) continue;
    o.v[i] = 1;
    o.p[i] = 1;
    any = true;
  }
  void ev;
  return any ? [o] : [];
}

/** Labels of absent()'s output: the arguments' equality matchers, as Prometheus infers them. */
export function absentLabels(arg: Expr): Record<string, string> {
  arg = unparen(arg);
  const vs = arg.type === 'VectorSelector' ? arg : arg.type === 'MatrixSelector' ? arg.vector : undefined;
  if (!vs) return {};
  const out: Record<string, string> = {};
  const has = new Set<string>();
  for (const m of vs.matchers) {
    if (m.name === '__name__') continue;
    if (m.op === '=' && !has.has(m.name)) {
      if (m.value !== '') out[m.name] = m.value;
      else delete out[m.name];
      has.add(m.name);
    } else delete out[m.name];
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  return sorted;
}

export { mergeSameLabels };
