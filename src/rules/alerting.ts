// One alerting rule's state over time, as Prometheus's rules/alerting.go
// (AlertingRule.Eval): each evaluation's result vector creates or refreshes
// alerts; an alert is pending until it has been active for `for`, then
// firing; when its series disappears it is inactive (resolved), unless
// `keep_firing_for` keeps it firing a while; resolved alerts are retained
// for 15 minutes (so Alertmanager hears about the resolution).
//
// Outputs per evaluation: the ALERTS and ALERTS_FOR_STATE samples, and the
// state transitions the timeline shows.

import { labelsKey } from '../storage/store.js';
import type { Metric } from '../model/result.js';
import type { RuleDef } from './model.js';
import { expandAlertTemplate, type TemplateEnv } from './template/index.js';
import { PROMTOOL } from './promtool-words.js';

export type AlertState = 'inactive' | 'pending' | 'firing';

/** Prometheus keeps resolved alerts this long (rules.resolvedRetention). */
export const RESOLVED_RETENTION_MS = 15 * 60_000;

export interface ActiveAlert {
  labels: Metric;
  annotations: Record<string, string>;
  state: AlertState;
  value: number;
  activeAtMs: number;
  firedAtMs?: number;
  resolvedAtMs?: number;
  keepFiringSinceMs?: number;
}

export interface Transition {
  tMs: number;
  group: string;
  rule: string;
  labels: Metric;
  from: AlertState;
  to: AlertState;
  value: number;
  annotations: Record<string, string>;
  /** The transition to inactive came after keep_firing_for ran out. */
  keptFiring?: boolean;
}

export interface OutputSample {
  labels: Metric;
  value: number;
}

export interface AlertEvalContext {
  tMs: number;
  limit: number;
  externalLabels: Record<string, string>;
  externalURL: string;
  templateEnv: TemplateEnv;
  group: string;
}

export class AlertingRuleState {
  readonly active = new Map<string, ActiveAlert>();
  constructor(readonly rule: RuleDef) {}

  /**
   * One evaluation given the query result; returns the ALERTS samples to write
   * and appends state changes to `transitions`. Throws Error like Prometheus
   * for duplicate label sets and exceeded limits.
   */
  async eval(result: OutputSample[], ctx: AlertEvalContext, transitions: Transition[]): Promise<OutputSample[]> {
    const ts = ctx.tMs;
    const fresh = new Map<string, ActiveAlert>();
    for (const smpl of result) {
      const data = { labels: smpl.labels, externalLabels: ctx.externalLabels, externalURL: ctx.externalURL, value: smpl.value };
      const expand = (text: string) => expandAlertTemplate(text, this.rule.name, data, ctx.templateEnv);
      const labels: Metric = { ...smpl.labels };
      delete labels.__name__;
      for (const [k, v] of Object.entries(this.rule.labels)) labels[k] = await expand(v);
      labels.alertname = this.rule.name;
      for (const k of Object.keys(labels)) if (labels[k] === '') delete labels[k];
      const annotations: Record<string, string> = {};
      for (const [k, v] of Object.entries(this.rule.annotations)) annotations[k] = await expand(v);
      const key = labelsKey(labels);
      if (fresh.has(key)) throw new Error(PROMTOOL.sameLabelset('alert'));
      fresh.set(key, { labels, annotations, state: 'pending', value: smpl.value, activeAtMs: ts });
    }
    for (const [key, a] of fresh) {
      const existing = this.active.get(key);
      if (existing && existing.state !== 'inactive') {
        existing.value = a.value;
        existing.annotations = a.annotations;
        continue;
      }
      this.active.set(key, a);
      transitions.push(this.transition(ctx, a, existing?.state ?? 'inactive', 'pending'));
    }
    const out: OutputSample[] = [];
    let numActivePending = 0;
    for (const [key, a] of this.active) {
      if (!fresh.has(key)) {
        let keepFiring = false;
        if (a.state === 'firing' && this.rule.keepFiringForMs > 0) {
          a.keepFiringSinceMs ??= ts;
          if (ts - a.keepFiringSinceMs < this.rule.keepFiringForMs) keepFiring = true;
        }
        if (a.state === 'pending' || (a.resolvedAtMs !== undefined && ts - a.resolvedAtMs > RESOLVED_RETENTION_MS)) this.active.delete(key);
        if (a.state !== 'inactive' && !keepFiring) {
          transitions.push({ ...this.transition(ctx, a, a.state, 'inactive'), keptFiring: a.keepFiringSinceMs !== undefined });
          a.state = 'inactive';
          a.resolvedAtMs = ts;
        }
        if (!keepFiring) continue;
      } else {
        a.keepFiringSinceMs = undefined;
      }
      numActivePending++;
      if (a.state === 'pending' && ts - a.activeAtMs >= this.rule.forMs) {
        a.state = 'firing';
        a.firedAtMs = ts;
        transitions.push(this.transition(ctx, a, 'pending', 'firing'));
      }
      out.push({ labels: { ...a.labels, __name__: 'ALERTS', alertstate: a.state }, value: 1 });
      out.push({ labels: { ...a.labels, __name__: 'ALERTS_FOR_STATE' }, value: Math.floor(a.activeAtMs / 1000) });
    }
    if (ctx.limit > 0 && numActivePending > ctx.limit) {
      this.active.clear();
      throw new Error(PROMTOOL.alertLimit(ctx.limit, numActivePending));
    }
    return out;
  }

  /** Alerts in a state, as ActiveAlerts() filtered (promtool compares the firing ones). */
  alertsIn(state: AlertState): ActiveAlert[] {
    return [...this.active.values()].filter((a) => a.state === state);
  }

  private transition(ctx: AlertEvalContext, a: ActiveAlert, from: AlertState, to: AlertState): Transition {
    return { tMs: ctx.tMs, group: ctx.group, rule: this.rule.name, labels: a.labels, from, to, value: a.value, annotations: a.annotations };
  }
}
