// Why a learner's query returns nothing, for the judge's feedback: for each
// selector that matches no series, the explain layer's selector diagnosis
// (which matcher removed the last series, the closest existing values, a
// "did you mean" for a misspelt metric); when every selector finds series,
// that an operator or filter removed them.

import type { Backend } from '../backends/backend.js';
import { diagnoseSelector, hasWholeValueHint, isHintLine, selectorCulpritLines } from '../explain/selectors.js';
import { t } from '../util/messages/index.js';
import { inspect, parse, printExpr, type MatrixSelector, type VectorSelector } from '../promql/index.js';

/** Explains an empty result at `time` (unix s) in the learner's terms: one message per finding, most useful first. */
export type NoDataDiagnosis = (backend: Backend, query: string, time: number) => Promise<string[]>;


export const diagnoseNoData: NoDataDiagnosis = async (backend, query, time) => {
  let selectors: (VectorSelector | MatrixSelector)[];
  try {
    selectors = selectorsOf(query);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const sel of selectors) {
    const d = await diagnoseSelector(backend, sel, time);
    if (d.matched > 0) continue;
    const why = selectorCulpritLines(d).map((l) => (isHintLine(l) ? l.slice(t('sel.hintPrefix').length) : l));
    const op = d.culprit?.matcher.op;
    if ((op === '=~' || op === '!~') && !hasWholeValueHint(d)) why.push(t('nodata.regexNote'));
    const text = t('nodata.matchesNothing', { selector: d.selector, why: why.length ? ': ' + why.join('; ') : '' });
    out.push(/[.?!]$/.test(text) ? text : `${text}.`);
  }
  if (out.length === 0 && selectors.length > 0) {
    out.push(t('nodata.operatorEmptied'));
  }
  return out;
};

/** The query's selectors, each once (a range selector as a whole, not its inner instant selector). */
function selectorsOf(query: string): (VectorSelector | MatrixSelector)[] {
  const seen = new Set<string>();
  const out: (VectorSelector | MatrixSelector)[] = [];
  inspect(parse(query), (n) => {
    if (n.type !== 'VectorSelector' && n.type !== 'MatrixSelector') return;
    const key = printExpr(n);
    if (!seen.has(key)) out.push(n);
    seen.add(key);
    return false;
  });
  return out;
}
