// Running rule groups over a time range. Two ways, same results:
//
// - step by step: at each evaluation time, each group in file order, each
//   rule in order (what Prometheus does; one instant query per rule per step);
// - rule by rule: each rule as one range query over all its evaluation times
//   (step = the group's interval), its per-step vectors then fed through the
//   same recording / alert-state code. Correct when every rule reads only
//   rules before it and nothing reads past the evaluation time
//   (dependencies.ts); 20-30x faster, and one HTTP request per rule against
//   a server instead of one per step. A rule whose range query fails falls
//   back to instant queries, so one bad step fails only that step.

import type { GroupDef, RuleDef } from './model.js';
import type { OutputSample } from './alerting.js';
import { canEvaluateRuleByRule } from './dependencies.js';
import { evaluationTimes, type RuleEvaluator } from './evaluate.js';

/** Range queries for the rule-by-rule mode: the vector at each step, keyed by time (ms). */
export interface RangeRuleQuerier {
  queryRange(expr: string, startMs: number, endMs: number, stepMs: number): Promise<Map<number, OutputSample[]>>;
}

export interface TimelineOptions {
  startMs: number;
  endMs: number;
  /** Range queries for rule-by-rule evaluation; without it, always step by step. */
  range?: RangeRuleQuerier;
  signal?: AbortSignal;
}

/** Steps per range query (Prometheus refuses more than 11,000 points per series). */
const MAX_STEPS = 10_000;

export type TimelineMode = 'step-by-step' | 'rule-by-rule';

/** Evaluates every group over [start, end]; the evaluator holds the results. Returns the mode used. */
export async function runTimeline(ev: RuleEvaluator, opts: TimelineOptions): Promise<TimelineMode> {
  if (opts.range && canEvaluateRuleByRule(ev.groups)) {
    for (const g of ev.groups) for (const rule of g.rules) await ruleByRule(ev, g, rule, opts, opts.range);
    ev.transitions.sort((a, b) => a.tMs - b.tMs);
    return 'rule-by-rule';
  }
  const events: Array<{ t: number; order: number; g: GroupDef }> = [];
  ev.groups.forEach((g, order) => {
    for (const t of evaluationTimes(ev.intervalOf(g), opts.startMs, opts.endMs)) events.push({ t, order, g });
  });
  events.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const e of events) {
    checkAbort(opts.signal);
    await ev.evalGroup(e.g, e.t);
  }
  return 'step-by-step';
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Error('evaluation canceled');
}

async function ruleByRule(ev: RuleEvaluator, g: GroupDef, rule: RuleDef, opts: TimelineOptions, range: RangeRuleQuerier): Promise<void> {
  const interval = ev.intervalOf(g);
  const offset = g.queryOffsetMs ?? 0;
  const times = evaluationTimes(interval, opts.startMs, opts.endMs);
  for (let i = 0; i < times.length; i += MAX_STEPS) {
    const chunk = times.slice(i, i + MAX_STEPS);
    checkAbort(opts.signal);
    let vectors: Map<number, OutputSample[]> | undefined;
    try {
      vectors = await range.queryRange(rule.expr, chunk[0]! - offset, chunk[chunk.length - 1]! - offset, interval);
    } catch {
      vectors = undefined; // evaluated step by step below: only the failing steps fail
    }
    for (const t of chunk) {
      ev.evaluations++;
      try {
        if (vectors) await ev.applyResult(g, rule, t, vectors.get(t - offset) ?? []);
        else await ev.evalRuleAt(g, rule, t);
      } catch (e) {
        ev.fail(g, rule, t, e);
      }
    }
  }
}
