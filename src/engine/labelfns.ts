// label_replace and label_join: new label sets from the values of others.

import type { Call, Expr } from '../promql/ast.js';
import { isValidLabelName } from '../promql/syntax.js';
import { compileMatcherRegex } from '../promql/regex.js';
import type { Grid, Val } from './types.js';
import type { Evaluator } from './eval.js';
import { mergeSameLabels } from './same-labels.js';
import { execError } from './state.js';
import { setLabel } from './labels.js';

/** The value of a string-literal argument (the checker guarantees the type). */
export function stringArg(e: Expr): string {
  if (e.type !== 'StringLiteral') throw execError('expected a string literal argument');
  return e.value;
}

/** Go's regexp.Expand template: $1, ${1}, $name, ${name}, $$. */
function expandTemplate(tpl: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    const c = tpl[i];
    if (c !== '$' || i + 1 >= tpl.length) {
      out += c;
      continue;
    }
    if (tpl[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string;
    let end: number;
    if (tpl[i + 1] === '{') {
      const close = tpl.indexOf('}', i + 2);
      const inner = close < 0 ? '' : tpl.slice(i + 2, close);
      if (close < 0 || !/^[A-Za-z0-9_]+$/.test(inner)) {
        out += c;
        continue;
      }
      name = inner;
      end = close;
    } else {
      const mm = /^[A-Za-z0-9_]+/.exec(tpl.slice(i + 1));
      if (!mm) {
        out += c;
        continue;
      }
      name = mm[0];
      end = i + mm[0].length;
    }
    if (/^\d+$/.test(name)) out += m[Number(name)] ?? '';
    else out += m.groups?.[name] ?? '';
    i = end;
  }
  return out;
}

export function labelReplace(ev: Evaluator, _e: Call, args: Expr[], grid: Grid): Val {
  const dst = stringArg(args[1]);
  const repl = stringArg(args[2]);
  const src = stringArg(args[3]);
  const regexStr = stringArg(args[4]);
  let re: RegExp;
  try {
    re = compileMatcherRegex(regexStr.replace(/\(\?P</g, '(?<'));
  } catch {
    throw execError(`invalid regular expression in label_replace(): ${regexStr}`);
  }
  if (!isValidLabelName(dst)) throw execError(`invalid destination label name in label_replace(): ${dst}`);
  const vec = ev.evalVector(args[0], grid);
  const out = vec.map((s) => {
    const m = re.exec(s.metric[src] ?? '');
    if (!m) return s;
    const metric = setLabel(s.metric, dst, expandTemplate(repl, m));
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

