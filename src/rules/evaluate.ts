// Evaluating rule groups over time, as Prometheus's rule manager does
// (rules/group.go, Group.Eval): at each evaluation time a group runs its
// rules in order; each rule queries at `t - query_offset`; recording rules
// write their vector (renamed, labels applied), alerting rules their ALERTS
// and ALERTS_FOR_STATE series; series that a rule returned last time but not
// now get a staleness marker. A failing rule is reported and skipped; the
// group goes on, as in Prometheus.
//
// Where the samples go is the caller's choice (a SeriesWriter): the local
// store, so later rules and later queries see them, or nowhere (a remote
// server cannot be written to).

import type { Metric } from '../model/result.js';
import { labelsKey, STALE_NAN } from '../storage/store.js';
import { AlertingRuleState, type OutputSample, type Transition } from './alerting.js';
import type { GroupDef, RuleDef } from './model.js';
import { PROMTOOL } from './promtool-words.js';

export interface RuleQuerier {
  /** Instant query; a vector (or a scalar as one sample without labels). Throws Error with the server's message. */
  query(expr: string, tMs: number): Promise<OutputSample[]>;
}

export interface SeriesWriter {
  /** Appends one sample; throws when it is out of order (the sample is then dropped, as Prometheus does). `key` is labelsKey(labels). */
  append(labels: Metric, tMs: number, value: number, key?: string): void;
}

export interface RuleEvalError {
  tMs: number;
  group: string;
  rule: string;
  message: string;
}

export interface RecordedSeriesSummary {
  group: string;
  rule: string;
  /** Distinct output label sets, keyed by labelsKey. */
  series: Map<string, Metric>;
  samples: number;
  /** The last evaluation's vector. */
  last: OutputSample[];
}

export interface EvaluatorOptions {
  /** Interval of groups that do not set one (Prometheus's global evaluation_interval, 1m). */
  defaultIntervalMs: number;
  externalLabels?: Record<string, string>;
  externalURL?: string;
  writer?: SeriesWriter;
}

/** The rule manager's state: alert states and each rule's previous output, across evaluations. */
export class RuleEvaluator {
  readonly transitions: Transition[] = [];
  readonly errors: RuleEvalError[] = [];
  readonly recorded = new Map<RuleDef, RecordedSeriesSummary>();
  readonly alerting = new Map<RuleDef, AlertingRuleState>();
  /** Samples the writer refused (out of order / duplicate timestamp). */
  dropped = 0;
  evaluations = 0;
  private readonly previous = new Map<RuleDef, Map<string, Metric>>();

  constructor(
    readonly groups: GroupDef[],
    private readonly querier: RuleQuerier,
    private readonly opts: EvaluatorOptions,
  ) {
    for (const g of groups) {
      for (const r of g.rules) {
        if (r.kind === 'alerting') this.alerting.set(r, new AlertingRuleState(r));
        else this.recorded.set(r, { group: g.name, rule: r.name, series: new Map(), samples: 0, last: [] });
      }
    }
  }

  intervalOf(g: GroupDef): number {
    return g.intervalMs ?? this.opts.defaultIntervalMs;
  }

  /** Group.Eval at `tMs`: every rule in order; returns the errors of this evaluation. */
  async evalGroup(g: GroupDef, tMs: number): Promise<RuleEvalError[]> {
    const errors: RuleEvalError[] = [];
    for (const rule of g.rules) {
      this.evaluations++;
      try {
        await this.evalRuleAt(g, rule, tMs);
      } catch (e) {
        errors.push(this.fail(g, rule, tMs, e));
      }
    }
    return errors;
  }

  /** One rule at one time: its instant query, then applyResult. */
  async evalRuleAt(g: GroupDef, rule: RuleDef, tMs: number): Promise<void> {
    const result = await this.querier.query(rule.expr, tMs - (g.queryOffsetMs ?? 0));
    await this.applyResult(g, rule, tMs, result);
  }

  /** Everything after the query: recording output or alert states, then writing (and stale markers). */
  async applyResult(g: GroupDef, rule: RuleDef, tMs: number, result: OutputSample[]): Promise<void> {
    const at = tMs - (g.queryOffsetMs ?? 0);
    let out: OutputSample[];
    if (rule.kind === 'recording') {
      out = recordingOutput(rule, result);
      if (g.limit > 0 && out.length > g.limit) throw new Error(PROMTOOL.seriesLimit(g.limit, out.length));
      const summary = this.recorded.get(rule)!;
      summary.last = out;
      summary.samples += out.length;
      for (const s of out) summary.series.set(labelsKey(s.labels), s.labels);
    } else {
      out = await this.alerting.get(rule)!.eval(
        result,
        {
          tMs,
          limit: g.limit,
          externalLabels: this.opts.externalLabels ?? {},
          externalURL: this.opts.externalURL ?? '',
          group: g.name,
          templateEnv: {
            nowMs: tMs,
            externalURL: this.opts.externalURL ?? '',
            query: async (q) => (await this.querier.query(q, tMs)).map((s) => ({ labels: s.labels, value: s.value })),
          },
        },
        this.transitions,
      );
    }
    this.write(rule, out, at);
  }

  /** Records a failed evaluation of one rule (Prometheus logs it and goes on). */
  fail(g: GroupDef, rule: RuleDef, tMs: number, e: unknown): RuleEvalError {
    const err = { tMs, group: g.name, rule: rule.name, message: (e as Error).message };
    this.errors.push(err);
    return err;
  }

  /** Appends the rule's output and stale markers for the series it no longer returns. */
  private write(rule: RuleDef, out: OutputSample[], at: number): void {
    const returned = new Map<string, Metric>();
    for (const s of out) {
      const key = labelsKey(s.labels);
      if (this.append(s.labels, at, s.value, key)) returned.set(key, s.labels);
    }
    for (const [key, labels] of this.previous.get(rule) ?? []) {
      if (!returned.has(key)) this.append(labels, at, STALE_NAN, key, true);
    }
    this.previous.set(rule, returned);
  }

  private append(labels: Metric, tMs: number, value: number, key: string, stale = false): boolean {
    if (!this.opts.writer) return true;
    try {
      this.opts.writer.append(labels, tMs, value, key);
      return true;
    } catch {
      // Out of order or a different value at the same timestamp: Prometheus drops it (quietly for stale markers).
      if (!stale) this.dropped++;
      return false;
    }
  }
}

/** RecordingRule.Eval: rename to the record name, apply the rule's labels, refuse duplicates. */
export function recordingOutput(rule: RuleDef, vector: OutputSample[]): OutputSample[] {
  const seen = new Set<string>();
  return vector.map((s) => {
    const labels: Metric = { ...s.labels, __name__: rule.name };
    for (const [k, v] of Object.entries(rule.labels)) labels[k] = v;
    for (const k of Object.keys(labels)) if (labels[k] === '') delete labels[k];
    const key = labelsKey(labels);
    if (seen.has(key)) throw new Error(PROMTOOL.sameLabelset('rule'));
    seen.add(key);
    return { labels, value: s.value };
  });
}

/** The evaluation times of a group in [startMs, endMs]: multiples of its interval (no per-group hash offset). */
export function evaluationTimes(intervalMs: number, startMs: number, endMs: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(startMs / intervalMs) * intervalMs; t <= endMs; t += intervalMs) out.push(t);
  return out;
}
