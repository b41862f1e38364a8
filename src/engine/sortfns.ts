// sort, sort_desc, sort_by_label and sort_by_label_desc, with Go's sort
// algorithms where the order of equal elements shows.

import type { Call, Expr } from '../promql/ast.js';
import type { Grid, Val } from './types.js';
import { annotate, floatsOnly } from './types.js';
import type { Evaluator } from './eval.js';
import { compareMetrics } from '../model/labels.js';

export function evalSort(ev: Evaluator, e: Call, args: Expr[], grid: Grid): Val {
  let vec = ev.evalVector(args[0], grid);
  // sort and sort_desc order floats: histogram samples are left out (Prometheus's filterFloats).
  if (e.func === 'sort' || e.func === 'sort_desc') vec = vec.map(floatsOnly);
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
