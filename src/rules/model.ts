// Rule files as promlearn holds them after loading: groups of recording and
// alerting rules with their parsed expressions and where each part was
// written (for FILE:LINE:COL messages).

import type { Expr } from '../promql/ast.js';
import type { Position } from './yaml-nodes.js';

export interface RuleDef {
  kind: 'recording' | 'alerting';
  /** The `record:` metric name or the `alert:` name. */
  name: string;
  expr: string;
  ast: Expr;
  /** `for:` in ms (alerting only). */
  forMs: number;
  keepFiringForMs: number;
  /** Rule labels merged over the group's labels (rule wins), as rules.FromMaps. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** 1-based position in its group, as promtool numbers rules. */
  index: number;
  pos: Position;
  exprPos: Position;
}

export interface GroupDef {
  name: string;
  file: string;
  /** Undefined: the evaluation interval of the caller (Prometheus's global one, 1m by default). */
  intervalMs?: number;
  queryOffsetMs?: number;
  /** 0 = no limit. */
  limit: number;
  labels: Record<string, string>;
  rules: RuleDef[];
  pos: Position;
}

export interface RuleFile {
  path: string;
  groups: GroupDef[];
}

/** The labels of a rule's output series or alerts that identify it (for duplicate checks). */
export function ruleIdentity(rule: RuleDef): string {
  const keys = Object.keys(rule.labels).sort();
  return `${rule.name}\u0000${keys.map((k) => `${k}=${rule.labels[k]}`).join('\u0000')}`;
}
