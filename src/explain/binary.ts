// Binary operator diagnosis: the matching in effect, the pairs it found, the
// series left without a partner (and the labels that kept them apart), the
// duplicated group behind a many-to-one / many-to-many error, and for
// comparisons how many series the filter dropped and the `bool` form.
//
// Computed from the operands' results as the backend returned them, with
// Prometheus's matching rules (signature = the `on` labels, or every label
// but the `ignoring` ones and the metric name).

import type { InstantSample, Metric, QueryResult } from '../model/result.js';
import type { BinaryExpr, Expr } from '../promql/ast.js';
import { printExpr } from '../promql/index.js';
import type { BinaryDiagnosis, UnmatchedSeries } from './model.js';
import { t } from '../util/messages/index.js';

const COMPARISON = new Set(['==', '!=', '>', '<', '>=', '<=']);
const SET_OPS = new Set(['and', 'or', 'unless']);
const SHOWN = 5;

function vectorOf(r: QueryResult | undefined): InstantSample[] | undefined {
  return r?.data.resultType === 'vector' ? r.data.result : undefined;
}

/** The labels matching compares, as Prometheus's signature function. */
export function matchLabels(m: Metric, b: BinaryExpr): Metric {
  const vm = b.matching;
  const out: Metric = {};
  if (vm?.on) {
    for (const l of vm.matchingLabels) if (m[l] !== undefined) out[l] = m[l];
    return out;
  }
  const ignored = new Set(vm?.matchingLabels ?? []);
  for (const [k, v] of Object.entries(m)) if (k !== '__name__' && !ignored.has(k)) out[k] = v;
  return out;
}

function key(m: Metric): string {
  return JSON.stringify(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function matchingWords(b: BinaryExpr): string {
  const vm = b.matching;
  if (vm?.on) return `on (${vm.matchingLabels.join(', ')})`;
  if (vm && vm.matchingLabels.length > 0) return t('explain.matchWords.ignoring', { labels: vm.matchingLabels.join(', ') });
  return t('explain.matchWords.all');
}

/** Labels whose values differ between two signatures (missing counts as different). */
function differing(a: Metric, b: Metric): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n]).sort();
}

function unmatched(series: InstantSample[], others: InstantSample[], b: BinaryExpr): UnmatchedSeries[] {
  const otherSigs = others.map((o) => matchLabels(o.metric, b));
  return series.slice(0, SHOWN).map((s) => {
    const sig = matchLabels(s.metric, b);
    let best: string[] | undefined;
    for (const o of otherSigs) {
      const d = differing(sig, o);
      if (!best || d.length < best.length) best = d;
    }
    return { metric: s.metric, apart: best ?? [] };
  });
}

function groupBySig(v: InstantSample[], b: BinaryExpr): Map<string, InstantSample[]> {
  const g = new Map<string, InstantSample[]>();
  for (const s of v) {
    const k = key(matchLabels(s.metric, b));
    const list = g.get(k);
    if (list) list.push(s);
    else g.set(k, [s]);
  }
  return g;
}

function exprOperandType(e: Expr, r: QueryResult | undefined): 'vector' | 'scalar' {
  return r?.data.resultType === 'scalar' || e.type === 'NumberLiteral' ? 'scalar' : 'vector';
}

/**
 * Diagnoses a binary operation from its operands' results and its own outcome
 * (`own` is its result; `ownError` the error it raised, e.g. many-to-many).
 */
export function diagnoseBinary(
  b: BinaryExpr,
  left: QueryResult | undefined,
  right: QueryResult | undefined,
  own: QueryResult | undefined,
  ownError?: string,
): BinaryDiagnosis {
  const lt = exprOperandType(b.lhs, left);
  const rt = exprOperandType(b.rhs, right);
  const lv = vectorOf(left) ?? [];
  const rv = vectorOf(right) ?? [];
  const ov = vectorOf(own);
  const d: BinaryDiagnosis = {
    operands: `${lt}-${rt}`,
    leftCount: lt === 'vector' ? lv.length : 1,
    rightCount: rt === 'vector' ? rv.length : 1,
  };
  if (lt === 'vector' && rt === 'vector') Object.assign(d, vectorVector(b, lv, rv, ownError));
  if (COMPARISON.has(b.op) && !b.returnBool && (lt === 'vector' || rt === 'vector') && ov) {
    const candidates = lt === 'vector' && rt === 'vector' ? (d.matchedPairs ?? 0) : lt === 'vector' ? lv.length : rv.length;
    d.filterDropped = Math.max(0, candidates - ov.length);
    d.boolAlternative = printExpr({ ...b, returnBool: true });
  }
  return d;
}

function vectorVector(b: BinaryExpr, lv: InstantSample[], rv: InstantSample[], ownError?: string): Partial<BinaryDiagnosis> {
  const card = b.matching?.card ?? (SET_OPS.has(b.op) ? 'many-to-many' : 'one-to-one');
  const lg = groupBySig(lv, b);
  const rg = groupBySig(rv, b);
  const leftOnlyAll = lv.filter((s) => !rg.has(key(matchLabels(s.metric, b))));
  const rightOnlyAll = rv.filter((s) => !lg.has(key(matchLabels(s.metric, b))));
  const out: Partial<BinaryDiagnosis> = {
    matching: matchingWords(b),
    card,
    matchedPairs: card === 'one-to-many' ? rv.length - rightOnlyAll.length : lv.length - leftOnlyAll.length,
    leftOnlyCount: leftOnlyAll.length,
    rightOnlyCount: rightOnlyAll.length,
    leftOnly: unmatched(leftOnlyAll, rv, b),
    rightOnly: unmatched(rightOnlyAll, lv, b),
  };
  if (ownError && /duplicate series|multiple matches|many-to-many|many-to-one|one-to-many/.test(ownError)) {
    out.duplicate = findDuplicate(b, card, lg, rg);
  }
  return out;
}

/** The duplicated match group behind a matching error, and what to change. */
function findDuplicate(
  b: BinaryExpr,
  card: string,
  lg: Map<string, InstantSample[]>,
  rg: Map<string, InstantSample[]>,
): BinaryDiagnosis['duplicate'] {
  const dupOf = (g: Map<string, InstantSample[]>, other: Map<string, InstantSample[]>) =>
    [...g].find(([k, list]) => list.length > 1 && other.has(k));
  // The side that must be unique: the right for one-to-one and group_left, the left for group_right.
  const rightDup = card === 'one-to-many' ? undefined : dupOf(rg, lg);
  const leftDup = card === 'many-to-one' ? undefined : dupOf(lg, rg);
  const found = rightDup ? (['right', rightDup] as const) : leftDup ? (['left', leftDup] as const) : undefined;
  if (!found) return undefined;
  const [side, [, list]] = found;
  const metrics = list.map((s) => s.metric);
  const differingLabels = [...new Set(metrics.flatMap((m) => Object.keys(m)))]
    .filter((n) => n !== '__name__' && new Set(metrics.map((m) => m[n])).size > 1)
    .sort();
  const group = matchLabels(metrics[0]!, b);
  const vm = b.matching;
  const first = differingLabels[0] ?? t('explain.dup.aLabel');
  const sideText = t(side === 'left' ? 'explain.bin.left' : 'explain.bin.right');
  let advice: string;
  if (card === 'one-to-one' && side === 'left' && !rightDup) {
    advice = t('explain.dup.manyLeft', { first, where: vm?.on ? 'on (...)' : t('explain.dup.matchingLabels') });
  } else if (card === 'one-to-one' && side === 'right') {
    advice = t('explain.dup.manyRight', { first, aggregate: vm?.on ? '' : t('explain.dup.orAggregateRight') });
  } else if (vm?.on) {
    advice = t('explain.dup.uniqueOn', { side: sideText, first, labels: vm.matchingLabels.join(', ') });
  } else {
    advice = t('explain.dup.uniqueIgnoring', { side: sideText, first });
  }
  return { side, group, series: metrics.slice(0, SHOWN), differingLabels, advice };
}
