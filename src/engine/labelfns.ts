// label_replace and label_join: new label sets from the values of others.

import type { Call, Expr } from '../promql/ast.js';
import { isValidLabelName } from '../promql/syntax.js';
import { compileReplaceRegex, type ReplaceRegex } from '../promql/regex.js';
import type { Grid, Val } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { checkAbort, execError } from './state.js';
import { setLabel } from './labels.js';

/** The value of a string-literal argument (the checker guarantees the type). */
export function stringArg(e: Expr): string {
  if (e.type !== 'StringLiteral') throw execError('expected a string literal argument');
  return e.value;
}

export function labelReplace(ev: Evaluator, _e: Call, args: Expr[], grid: Grid): Val {
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
    checkAbort(ev.st, true); // a long label value costs linear time per series: let a timeout stop it
    const value = re.replace(s.metric[src] ?? '', repl);
    if (value === undefined) return s;
    const metric = setLabel(s.metric, dst, value);
    return { ...s, metric, dropName: dst === '__name__' ? false : s.dropName };
  });
  return { kind: 'vector', series: mergeSameLabels(out) };
}

export function labelJoin(ev: Evaluator, _e: Call, args: Expr[], grid: Grid): Val {
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
  return { kind: 'vector', series: mergeSameLabels(out) };
}
