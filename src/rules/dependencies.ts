// Which rules read the output of which: a rule depends on another when one
// of its selectors can match the other's output metric name (the record
// name, or ALERTS / ALERTS_FOR_STATE for alerting rules). A selector without
// a metric name can match anything, so it depends on every rule.
//
// Used to decide (1) whether rules can be evaluated rule by rule as range
// queries (every dependency on an earlier rule) and (2) whether a remote
// server, which cannot store recorded series, can evaluate them at all.

import { inspect } from '../promql/walk.js';
import type { Expr, LabelMatcher } from '../promql/ast.js';
import { matcherTest } from '../storage/store.js';
import type { GroupDef, RuleDef } from './model.js';

export function outputNames(rule: RuleDef): string[] {
  return rule.kind === 'recording' ? [rule.name] : ['ALERTS', 'ALERTS_FOR_STATE'];
}

interface SelectorInfo {
  nameMatchers: LabelMatcher[];
  /** `@` or a negative offset: the selector may read samples after the evaluation time. */
  readsFuture: boolean;
}

function selectors(e: Expr): SelectorInfo[] {
  const out: SelectorInfo[] = [];
  inspect(e, (n) => {
    if (n.type === 'VectorSelector') {
      out.push({
        nameMatchers: n.matchers.filter((m) => m.name === '__name__'),
        readsFuture: n.at !== undefined || n.offsetMs < 0 || n.offsetExpr !== undefined,
      });
    }
    if (n.type === 'SubqueryExpr' && (n.at !== undefined || n.offsetMs < 0)) out.push({ nameMatchers: [], readsFuture: true });
  });
  return out;
}

function canMatch(sel: SelectorInfo, name: string): boolean {
  return sel.nameMatchers.every((m) => matcherTest(m)({ __name__: name }));
}

export interface Dependency {
  rule: RuleDef;
  on: RuleDef;
  /** The output name the selector can read. */
  via: string;
}

/** Every (rule, rule it reads) pair, in file order. */
export function ruleDependencies(groups: GroupDef[]): Dependency[] {
  const all = groups.flatMap((g) => g.rules);
  const out: Dependency[] = [];
  for (const rule of all) {
    const sels = selectors(rule.ast);
    for (const other of all) {
      const via = outputNames(other).find((name) => sels.some((s) => canMatch(s, name)));
      if (via) out.push({ rule, on: other, via });
    }
  }
  return out;
}

/**
 * Whether evaluating each rule over the whole range before the next gives
 * the same results as evaluating groups step by step: every rule reads only
 * rules before it (file order) and nothing reads past the evaluation time.
 */
export function canEvaluateRuleByRule(groups: GroupDef[]): boolean {
  const order = new Map(groups.flatMap((g) => g.rules).map((r, i) => [r, i]));
  for (const g of groups) {
    for (const r of g.rules) if (selectors(r.ast).some((s) => s.readsFuture)) return false;
  }
  return ruleDependencies(groups).every((d) => order.get(d.on)! < order.get(d.rule)!);
}
