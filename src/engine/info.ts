// info(v, [data-label-selector]): enriches each series with the data labels of
// info metrics (target_info by default) that share its identifying labels
// (instance, job), as Prometheus's promql/info.go (metric-join mode) does.
//
// Info series are read as of the base series' reference time: the @ / offset
// of the first selector in the first argument, composed with the @ / offset of
// the subqueries around it (Prometheus PR #19266).

import type { Call, Expr, LabelMatcher, VectorSelector } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { Grid, VSeries } from './types.js';
import { newVSeries, setHist } from './types.js';
import type { Evaluator } from './eval.js';
import { checkAbort, execError } from './state.js';
import { evalVectorSelector, resolveAt, selectIds } from './selectors.js';
import { matcherTest } from '../storage/store.js';
import { formatMetric, metricKey, sortMetric } from './labels.js';
import { childExprs } from '../promql/walk.js';

const TARGET_INFO = 'target_info';
const IDENTIFYING = ['instance', 'job'] as const;

export function evalInfo(ev: Evaluator, e: Call, grid: Grid): VSeries[] {
  const base = ev.evalVector(e.args[0], grid);
  const sel = e.args[1] ? unparenSelector(e.args[1]) : undefined;
  const matchers = sel?.matchers ?? [];
  const nameMatchers = effectiveNameMatchers(matchers);
  const dataMatchers = matchers.filter((m) => m.name !== '__name__');
  const dataNames = new Set(dataMatchers.map((m) => m.name));
  const allMatchEmpty = dataMatchers.every((m) => matcherTest(m)({}));

  // Info series themselves are passed through, not enriched.
  const nameTests = nameMatchers.map(matcherTest);
  const ignored = base.map((s) => nameTests.every((t) => t({ __name__: s.metric.__name__ ?? '' })));

  const info = fetchInfo(ev, e.args[0], base, ignored, [...nameMatchers, ...dataMatchers], grid);
  const infoNames = [...new Set(info.map((s) => s.metric.__name__ ?? ''))];
  const infoSigs = info.map((s) => sigOf(s.metric.__name__ ?? '', s.metric));
  const baseSigs = base.map((s) => infoNames.map((n) => sigOf(n, s.metric)));

  const out = new Map<string, VSeries>();
  const bySig = new Map<string, number>();
  for (let i = 0; i < grid.n; i++) {
    checkAbort(ev.st);
    // The newest info sample per signature (values hold the sample timestamps).
    bySig.clear();
    for (let k = 0; k < info.length; k++) {
      if (!info[k].p[i]) continue;
      if (info[k].h?.[i]) throw execError('info sample should be float');
      const prev = bySig.get(infoSigs[k]);
      if (prev === undefined || info[prev].v[i] < info[k].v[i]) bySig.set(infoSigs[k], k);
      else if (info[prev].v[i] === info[k].v[i]) {
        const t = Math.round(info[k].v[i] * 1000);
        throw execError(
          `found duplicate series for info metric: existing ${formatMetric(info[prev].metric)} @ ${t}, new ${formatMetric(info[k].metric)} @ ${t}`,
        );
      }
    }
    for (let b = 0; b < base.length; b++) {
      const s = base[b];
      if (!s.p[i]) continue;
      let metric: Metric | undefined = s.metric;
      if (!ignored[b]) metric = enrich(s.metric, baseSigs[b], bySig, info, dataNames, allMatchEmpty);
      if (metric) emit(out, metric, s, i, grid.n);
    }
  }
  return [...out.values()];
}

/** The base labels plus the matching info series' data labels; undefined drops the sample. */
function enrich(
  metric: Metric,
  sigs: string[],
  bySig: Map<string, number>,
  info: VSeries[],
  dataNames: Set<string>,
  allMatchEmpty: boolean,
): Metric | undefined {
  const added: Record<string, string> = {};
  let matched = false;
  for (const sig of sigs) {
    const k = bySig.get(sig);
    if (k === undefined) continue;
    const im = info[k].metric;
    for (const name in im) {
      if (name === '__name__') continue;
      if (dataNames.size > 0 && !dataNames.has(name)) continue;
      const have = added[name];
      if (have !== undefined && have !== '' && have !== im[name]) throw execError(`conflicting label: ${name}`);
      if (name in metric) continue;
      if (im[name] !== '') added[name] = im[name];
    }
    matched = true;
  }
  if (!matched && !allMatchEmpty) return undefined;
  if (Object.keys(added).length === 0) return metric;
  return sortMetric({ ...metric, ...added });
}

function emit(out: Map<string, VSeries>, metric: Metric, s: VSeries, i: number, n: number): void {
  const key = metricKey(metric);
  let o = out.get(key);
  if (!o) out.set(key, (o = newVSeries(metric, n, s.dropName)));
  else if (o.p[i]) throw execError('vector cannot contain metrics with the same labelset');
  o.p[i] = 1;
  o.v[i] = s.v[i];
  const h = s.h?.[i];
  if (h) setHist(o, i, h);
}

/**
 * Which metrics are info metrics: the positive __name__ matchers (all must
 * match); negated ones alone narrow `.+_info`; none means target_info.
 */
function effectiveNameMatchers(matchers: LabelMatcher[]): LabelMatcher[] {
  const names = matchers.filter((m) => m.name === '__name__');
  if (names.length === 0) return [{ name: '__name__', op: '=', value: TARGET_INFO }];
  if (names.some((m) => m.op === '=' || m.op === '=~')) return names;
  return [{ name: '__name__', op: '=~', value: '.+_info' }, ...names];
}

/** Signature joining a series with info metric `name`: the name plus the identifying labels present. */
function sigOf(name: string, m: Metric): string {
  let sig = name;
  for (const l of IDENTIFYING) if (m[l] !== undefined) sig += `\xff${l}\xfe${m[l]}`;
  return sig;
}

/** Info series whose identifying labels occur in the (non-ignored) base series; values are sample timestamps in s. */
function fetchInfo(ev: Evaluator, arg: Expr, base: VSeries[], ignored: boolean[], matchers: LabelMatcher[], grid: Grid): VSeries[] {
  const idValues = new Map<string, Set<string>>();
  base.forEach((s, i) => {
    if (ignored[i]) return;
    for (const l of IDENTIFYING) {
      const v = s.metric[l];
      if (!v) continue;
      let set = idValues.get(l);
      if (!set) idValues.set(l, (set = new Set()));
      set.add(v);
    }
  });
  if (idValues.size === 0) return [];
  const ids = selectIds(ev.store, matchers, ev.st).filter((id) => {
    const m = ev.store.labels(id);
    for (const [l, vals] of idValues) if (!vals.has(m[l] ?? '')) return false;
    return true;
  });
  const { atMs, offsetMs } = referenceTime(ev, arg);
  return evalVectorSelector(ev.store, ids, offsetMs, atMs, grid, ev.st, 'info');
}

/**
 * The time the base series are read at, as an `@` and offset applied to each
 * step: found along the path to the first selector (pre-order); an `@` on
 * the way replaces the time, offsets subtract.
 */
function referenceTime(ev: Evaluator, arg: Expr): { atMs?: number; offsetMs: number } {
  const path = pathToSelector(arg, []);
  let atMs: number | undefined;
  let offsetMs = 0;
  for (const n of path ?? []) {
    if (n.type !== 'SubqueryExpr' && n.type !== 'VectorSelector') continue;
    const at = resolveAt(n.at, ev.st);
    if (at !== undefined) {
      atMs = at;
      offsetMs = 0;
    }
    offsetMs += ev.offsetOf(n);
  }
  return { atMs, offsetMs };
}

function pathToSelector(e: Expr, path: Expr[]): Expr[] | undefined {
  if (e.type === 'VectorSelector') return [...path, e];
  // Go's Inspect visits an aggregation's expression before its parameter.
  const children = e.type === 'AggregateExpr' ? [e.expr, ...(e.param ? [e.param] : [])] : childExprs(e);
  for (const c of children) {
    const p = pathToSelector(c, [...path, e]);
    if (p) return p;
  }
  return undefined;
}

function unparenSelector(e: Expr): VectorSelector {
  while (e.type === 'ParenExpr') e = e.expr;
  if (e.type !== 'VectorSelector') throw execError('expected label selector as second argument of info()');
  return e;
}
