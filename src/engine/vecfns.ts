// Instant-vector and scalar functions, evaluated step by step over dense series.

import type { Call, Expr } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { Grid, Val, VSeries } from './types.js';
import { annotate, newVSeries } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './eval.js';
import { checkAbort, execError } from './state.js';
import { absentLabels } from './calls.js';
import { compareMetrics, dropReserved, metricKey, setLabel } from './labels.js';
import { bucketFraction, bucketQuantile, type Bucket } from './quantile.js';
import { compileReplaceRegex, type ReplaceRegex } from '../promql/regex.js';
import { formatG } from './numeric.js';

const MATH: Record<string, (x: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  rad: (v) => (v * Math.PI) / 180,
  deg: (v) => (v * 180) / Math.PI,
  sgn: (v) => (v < 0 ? -1 : v > 0 ? 1 : v),
};

const DATE: Record<string, (d: Date) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day_of_month: (d) => d.getUTCDate(),
  day_of_week: (d) => d.getUTCDay(),
  day_of_year: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1,
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  days_in_month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate(),
};

const SORTS = new Set(['sort', 'sort_desc', 'sort_by_label', 'sort_by_label_desc']);

function scalarVal(grid: Grid, f: (i: number) => number): Val {
  const v = new Float64Array(grid.n);
  for (let i = 0; i < grid.n; i++) v[i] = f(i);
  return { kind: 'scalar', v };
}

/** Applies f to every float sample; the metric name is dropped (delayed or at once). */
function mapSeries(ev: Evaluator, input: VSeries[], grid: Grid, f: (x: number, i: number) => number | undefined): VSeries[] {
  const delayed = ev.st.delayedNameRemoval;
  const out: VSeries[] = [];
  for (const s of input) {
    checkAbort(ev.st);
    const o = newVSeries(delayed ? s.metric : dropReserved(s.metric), grid.n, true);
    let any = false;
    for (let i = 0; i < grid.n; i++) {
      if (!s.p[i]) continue;
      const r = f(s.v[i], i);
      if (r === undefined) continue;
      o.v[i] = r;
      o.p[i] = 1;
      any = true;
    }
    if (any) out.push(o);
  }
  return delayed ? out : mergeSameLabels(out);
}

function stringArg(e: Expr): string {
  if (e.type !== 'StringLiteral') throw execError('expected a string literal argument');
  return e.value;
}

export function evalVectorFunction(ev: Evaluator, e: Call, args: Expr[], grid: Grid): Val {
  const st = ev.st;
  const name = e.func;
  const t = (i: number): number => grid.start + i * grid.step;
  if (MATH[name]) return { kind: 'vector', series: mapSeries(ev, ev.evalVector(args[0], grid), grid, MATH[name]) };
  if (DATE[name]) {
    const f = DATE[name];
    if (args.length === 0) {
      const o = newVSeries({}, grid.n);
      for (let i = 0; i < grid.n; i++) {
        o.v[i] = f(new Date(Math.trunc(t(i) / 1000) * 1000));
        o.p[i] = 1;
      }
      return { kind: 'vector', series: [o] };
    }
    return { kind: 'vector', series: mapSeries(ev, ev.evalVector(args[0], grid), grid, (x) => f(new Date(Math.trunc(x) * 1000))) };
  }
  if (SORTS.has(name)) return evalSort(ev, e, args, grid);
  switch (name) {
    case 'time':
      return scalarVal(grid, (i) => t(i) / 1000);
    case 'pi':
      return scalarVal(grid, () => Math.PI);
    case 'min_of':
    case 'max_of': {
      const a = ev.evalScalar(args[0], grid);
      const b = ev.evalScalar(args[1], grid);
      return scalarVal(grid, (i) => (name === 'min_of' ? Math.min(a[i], b[i]) : Math.max(a[i], b[i])));
    }
    case 'start':
      return scalarVal(grid, () => st.queryStart / 1000);
    case 'end':
      return scalarVal(grid, () => st.queryEnd / 1000);
    case 'step':
      return scalarVal(grid, () => st.queryStep / 1000);
    case 'range':
      return scalarVal(grid, () => (st.queryEnd - st.queryStart) / 1000);
    case 'vector': {
      const v = ev.evalScalar(args[0], grid);
      const o = newVSeries({}, grid.n);
      o.v.set(v);
      o.p.fill(1);
      return { kind: 'vector', series: grid.n ? [o] : [] };
    }
    case 'scalar': {
      const vec = ev.evalVector(args[0], grid);
      return scalarVal(grid, (i) => {
        let found = -1;
        for (let j = 0; j < vec.length; j++) {
          if (!vec[j].p[i]) continue;
          if (found >= 0) return NaN;
          found = j;
        }
        return found < 0 ? NaN : vec[found].v[i];
      });
    }
    case 'clamp':
    case 'clamp_min':
    case 'clamp_max': {
      const vec = ev.evalVector(args[0], grid);
      const a = ev.evalScalar(args[1], grid);
      const b = name === 'clamp' ? ev.evalScalar(args[2], grid) : undefined;
      return {
        kind: 'vector',
        series: mapSeries(ev, vec, grid, (x, i) => {
          const lo = name === 'clamp_max' ? -Infinity : a[i];
          const hi = name === 'clamp_max' ? a[i] : name === 'clamp' ? b![i] : Infinity;
          if (hi < lo) return undefined;
          return Math.max(lo, Math.min(hi, x));
        }),
      };
    }
    case 'round': {
      const vec = ev.evalVector(args[0], grid);
      const nearest = args.length > 1 ? ev.evalScalar(args[1], grid) : undefined;
      return {
        kind: 'vector',
        series: mapSeries(ev, vec, grid, (x, i) => {
          const inv = 1 / (nearest ? nearest[i] : 1);
          return Math.floor(x * inv + 0.5) / inv;
        }),
      };
    }
    case 'timestamp': {
      if (args[0].type === 'VectorSelector') {
        const raw = ev.vectorSelector(args[0], grid, 'time');
        return { kind: 'vector', series: mapSeries(ev, raw, grid, (x) => x) };
      }
      return { kind: 'vector', series: mapSeries(ev, ev.evalVector(args[0], grid), grid, (_x, i) => t(i) / 1000) };
    }
    case 'start_timestamp': {
      // Start timestamps only reach the function straight from a selector; an expression loses them.
      if (args[0].type === 'VectorSelector') {
        const raw = ev.vectorSelector(args[0], grid, 'st');
        return { kind: 'vector', series: mapSeries(ev, raw, grid, (x) => x) };
      }
      ev.evalVector(args[0], grid);
      return { kind: 'vector', series: [] };
    }
    case 'absent': {
      const vec = ev.evalVector(args[0], grid);
      const o = newVSeries(absentLabels(args[0]), grid.n);
      let any = false;
      for (let i = 0; i < grid.n; i++) {
        if (vec.some((s) => s.p[i])) continue;
        o.v[i] = 1;
        o.p[i] = 1;
        any = true;
      }
      return { kind: 'vector', series: any ? [o] : [] };
    }
    case 'label_replace':
      return { kind: 'vector', series: labelReplace(ev, args, grid) };
    case 'label_join':
      return { kind: 'vector', series: labelJoin(ev, args, grid) };
    case 'histogram_quantile':
    case 'histogram_quantiles':
    case 'histogram_fraction':
      return { kind: 'vector', series: classicHistogram(ev, e, args, grid) };
    case 'histogram_count':
    case 'histogram_sum':
    case 'histogram_avg':
    case 'histogram_stddev':
    case 'histogram_stdvar':
      // Native histograms only; a float-only store has none.
      ev.evalVector(args[0], grid);
      return { kind: 'vector', series: [] };
    default:
      throw execError(`function "${name}" is not supported by the embedded engine`);
  }
}

function evalSort(ev: Evaluator, e: Call, args: Expr[], grid: Grid): Val {
  const vec = ev.evalVector(args[0], grid);
  if (ev.isRange) {
    annotate(ev.st, 'warning', 'sort is ineffective for range queries since results are always ordered by labels', e.pos);
  }
  if (grid.n !== 1) return { kind: 'vector', series: vec };
  const sorted = [...vec];
  const nanLast = (a: number, b: number, desc: boolean): number => {
    if (a !== a) return b !== b ? 0 : 1;
    if (b !== b) return -1;
    return desc ? b - a : a - b;
  };
  switch (e.func) {
    case 'sort':
      insertionSort(sorted, (a, b) => nanLast(a.v[0], b.v[0], false) < 0);
      break;
    case 'sort_desc':
      insertionSort(sorted, (a, b) => nanLast(a.v[0], b.v[0], true) < 0);
      break;
    default: {
      const labels = args.slice(1).map((a) => (a.type === 'StringLiteral' ? a.value : ''));
      const desc = e.func === 'sort_by_label_desc';
      sorted.sort((a, b) => {
        for (const l of labels) {
          const x = a.metric[l] ?? '';
          const y = b.metric[l] ?? '';
          if (x === y) continue;
          const c = natLess(x, y) ? -1 : 1;
          return desc ? -c : c;
        }
        const c = compareMetrics(a.metric, b.metric);
        return desc ? -c : c;
      });
    }
  }
  return { kind: 'vector', series: sorted };
}

/** Stable insertion sort with a strict "less" (Go's sort for small inputs). */
function insertionSort<T>(a: T[], less: (x: T, y: T) => boolean): void {
  if (a.length > 12) {
    a.sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
    return;
  }
  for (let i = 1; i < a.length; i++) {
    for (let j = i; j > 0 && less(a[j], a[j - 1]); j--) [a[j], a[j - 1]] = [a[j - 1], a[j]];
  }
}

/** github.com/facette/natsort's Compare: digit runs compare as integers. */
function natLess(a: string, b: string): boolean {
  const ca = a.match(/(\d+|\D+)/g) ?? [];
  const cb = b.match(/(\d+|\D+)/g) ?? [];
  for (let i = 0; i < ca.length; i++) {
    if (i >= cb.length) return false;
    const na = /^\d+$/.test(ca[i]);
    const nb = /^\d+$/.test(cb[i]);
    if (na && nb) {
      const x = BigInt(ca[i]);
      const y = BigInt(cb[i]);
      if (x === y) {
        if (i === ca.length - 1) return true;
        if (i === cb.length - 1) return false;
        continue;
      }
      return x < y;
    }
    if (ca[i] === cb[i]) {
      if (i === ca.length - 1) return true;
      if (i === cb.length - 1) return false;
      continue;
    }
    return ca[i] < cb[i];
  }
  return false;
}

function labelReplace(ev: Evaluator, args: Expr[], grid: Grid): VSeries[] {
  const dst = stringArg(args[1]);
  const repl = stringArg(args[2]);
  const src = stringArg(args[3]);
  const regexStr = stringArg(args[4]);
  let re: ReplaceRegex;
  try {
    re = compileReplaceRegex(regexStr);
  } catch {
    throw execError(`invalid regular expression in label_replace(): ${regexStr}`);
  }
  if (!isValidLabelName(dst)) throw execError(`invalid destination label name in label_replace(): ${dst}`);
  const vec = ev.evalVector(args[0], grid);
  const out = vec.map((s) => {
    const value = re.replace(s.metric[src] ?? '', repl);
    if (value === undefined) return s;
    const metric = setLabel(s.metric, dst, value);
    return { ...s, metric, dropName: dst === '__name__' ? false : s.dropName };
  });
  return mergeSameLabels(out);
}

function isValidLabelName(n: string): boolean {
  return n.length > 0 && !/[\uD800-\uDFFF]/.test(n.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
}

function labelJoin(ev: Evaluator, args: Expr[], grid: Grid): VSeries[] {
  const dst = stringArg(args[1]);
  const sep = stringArg(args[2]);
  const srcs = args.slice(3).map(stringArg);
  for (const s of srcs) if (!isValidLabelName(s)) throw execError(`invalid source label name in label_join(): ${s}`);
  if (!isValidLabelName(dst)) throw execError(`invalid destination label name in label_join(): ${dst}`);
  const vec = ev.evalVector(args[0], grid);
  const out = vec.map((s) => {
    const metric = setLabel(s.metric, dst, srcs.map((l) => s.metric[l] ?? '').join(sep));
    return { ...s, metric, dropName: dst === '__name__' ? false : s.dropName };
  });
  return mergeSameLabels(out);
}

/** Go's strconv.ParseFloat for `le` values; undefined when it would fail. */
function parseLe(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (/^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && !s.includes('_')) return Number(s);
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) return Number(s.replace(/^([+-]?)0[xX]/, '$10x')) * 1;
  return undefined;
}

interface BucketGroup {
  metric: Metric;
  members: { series: VSeries; le: number }[];
  outs: VSeries[];
}

/** Go's labels.FormatOpenMetricsFloat: integral values get ".0". */
function formatOpenMetricsFloat(q: number): string {
  const str = formatG(q);
  if (Number.isFinite(q) && Number.isInteger(q) && !/[e.]/.test(str)) return `${str}.0`;
  return str;
}

/** histogram_quantile(s) / histogram_fraction over classic `le` buckets. */
function classicHistogram(ev: Evaluator, e: Call, args: Expr[], grid: Grid): VSeries[] {
  const st = ev.st;
  const mode = e.func === 'histogram_fraction' ? 'fraction' : e.func === 'histogram_quantiles' ? 'quantiles' : 'quantile';
  let qs: Float64Array[];
  let qPos: { start: number; end: number }[];
  let upper: Float64Array | undefined;
  let vecIdx: number;
  let qLabel = '';
  if (mode === 'quantiles') {
    qLabel = stringArg(args[1]);
    qs = args.slice(2).map((a) => ev.evalScalar(a, grid));
    qPos = e.args.slice(2).map((a) => a.pos);
    vecIdx = 0;
  } else if (mode === 'quantile') {
    qs = [ev.evalScalar(args[0], grid)];
    qPos = [e.args[0].pos];
    vecIdx = 1;
  } else {
    qs = [ev.evalScalar(args[0], grid)];
    qPos = [e.args[0].pos];
    upper = ev.evalScalar(args[1], grid);
    vecIdx = 2;
  }
  const vec = ev.evalVector(args[vecIdx], grid);
  const posV = e.args[vecIdx].pos;
  const posAnno = mode === 'quantiles' ? e.args[0].pos : e.args[1].pos;
  const delayed = st.delayedNameRemoval;
  const groups = new Map<string, BucketGroup>();
  const bad: VSeries[] = [];
  for (const s of vec) {
    const le = parseLe(s.metric.le);
    if (le === undefined) {
      bad.push(s);
      continue;
    }
    const rest: Metric = {};
    for (const k in s.metric) if (k !== 'le') rest[k] = s.metric[k];
    const key = metricKey(rest);
    let g = groups.get(key);
    if (!g) {
      const m: Metric = {};
      for (const k in rest) if (k !== '__name__') m[k] = rest[k];
      groups.set(key, (g = { metric: delayed ? m : dropReserved(m), members: [], outs: [] }));
    }
    g.members.push({ series: s, le });
  }
  const out: VSeries[] = [];
  for (let i = 0; i < grid.n; i++) {
    checkAbort(st);
    if (mode !== 'fraction') {
      for (let k = 0; k < qs.length; k++) {
        const q = qs[k][i];
        if (q !== q || q < 0 || q > 1) annotate(st, 'warning', `quantile value should be between 0 and 1, got ${formatG(q)}`, qPos[k]);
      }
    }
    for (const s of bad) {
      if (!s.p[i]) continue;
      const name = delayed && s.metric.__name__ ? ` for metric name "${s.metric.__name__}"` : '';
      annotate(st, 'warning', `bucket label "le" is missing or has a malformed value of "${s.metric.le ?? ''}"${name}`, posV);
    }
    for (let k = 0; k < qs.length; k++) {
      for (const g of groups.values()) {
        const buckets: Bucket[] = [];
        for (const m of g.members) if (m.series.p[i]) buckets.push({ upperBound: m.le, count: m.series.v[i] });
        if (buckets.length === 0) continue;
        let value: number;
        if (mode === 'fraction') value = bucketFraction(qs[0][i], upper![i], buckets);
        else {
          const r = bucketQuantile(qs[k][i], buckets);
          value = r.value;
          if (r.forcedMonotonic) {
            annotate(st, 'info', 'input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)', posAnno);
          }
        }
        let o = g.outs[k];
        if (!o) {
          const metric = mode === 'quantiles' ? setLabel(g.metric, qLabel, formatOpenMetricsFloat(qs[k][i])) : g.metric;
          o = g.outs[k] = newVSeries(metric, grid.n, true);
          out.push(o);
        }
        o.v[i] = value;
        o.p[i] = 1;
      }
    }
  }
  return mergeSameLabels(out);
}
