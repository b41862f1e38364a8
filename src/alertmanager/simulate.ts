// What Alertmanager would send, over an alert timeline. Modelled on its
// dispatcher and notification pipeline:
//
// - each alert goes to every route it matches (route.ts), into the
//   aggregation group of that route keyed by its group_by labels;
// - a new group flushes after group_wait, then every group_interval;
// - at a flush, inhibited alerts (inhibit_rules, with a firing source alert)
//   and routes muted by time intervals are left out; then the notification
//   log decides (notify.DedupStage.needsUpdate): the first notification when
//   something fires, again when new alerts fire, when all resolve, when some
//   resolve (only receivers with send_resolved), or when repeat_interval has
//   passed; resolved alerts leave the group after the flush, and an empty
//   group is deleted (a later alert starts a new one, with group_wait).
//
// Simplifications: Prometheus's resend every minute and Alertmanager's
// resolve_timeout are not modelled; an alert arrives when it starts firing
// and resolves when the rule says so.

import type { Metric } from '../model/result.js';
import { labelsKey } from '../storage/store.js';
import type { AlertmanagerConfig, Route } from './config.js';
import { matchesAll } from './matchers.js';
import { groupLabels, matchRoutes } from './route.js';
import { intervalContains } from './time-intervals.js';
import { formatLabels } from '../render/text.js';

function formatSeriesLabels(l: Metric): string {
  const { alertname, ...rest } = l;
  return `${alertname ?? ''}${formatLabels(rest)}`;
}

export interface AmAlert {
  labels: Metric;
  annotations: Record<string, string>;
  startsAtMs: number;
  /** When it resolved; undefined: still firing at the end. */
  endsAtMs?: number;
}

export type NotifyReason = 'first' | 'new alerts' | 'resolved' | 'all resolved' | 'repeat';

export interface Notification {
  tMs: number;
  receiver: string;
  route: Route;
  groupLabels: Metric;
  firing: AmAlert[];
  resolved: AmAlert[];
  reason: NotifyReason;
  /** False when only resolved alerts were due and the receiver does not send resolved notifications. */
  sent: boolean;
}

export interface Suppression {
  tMs: number;
  receiver: string;
  groupLabels: Metric;
  kind: 'inhibited' | 'muted';
  alerts: AmAlert[];
  /** Inhibited: the source alert's labels; muted: the time interval's name. */
  by: string;
}

interface Group {
  route: Route;
  labels: Metric;
  alerts: Map<string, AmAlert>;
  nextFlushMs: number;
  entry?: { firing: Set<string>; resolved: Set<string>; tMs: number };
}

const key = (a: AmAlert) => labelsKey(a.labels);
const isFiring = (a: AmAlert, t: number) => a.startsAtMs <= t && (a.endsAtMs === undefined || a.endsAtMs > t);

export class NotificationSimulator {
  readonly notifications: Notification[] = [];
  readonly suppressions: Suppression[] = [];
  private readonly groups = new Map<string, Group>();
  /** Every alert known so far (the inhibitor's source cache). */
  private readonly known = new Map<string, AmAlert>();

  constructor(private readonly cfg: AlertmanagerConfig) {}

  run(alerts: AmAlert[], endMs: number): void {
    const arrivals = [...alerts].sort((a, b) => a.startsAtMs - b.startsAtMs);
    let i = 0;
    for (;;) {
      const nextArrival = i < arrivals.length ? arrivals[i]!.startsAtMs : Infinity;
      const nextFlush = Math.min(...[...this.groups.values()].map((g) => g.nextFlushMs));
      const t = Math.min(nextArrival, nextFlush);
      if (!(t <= endMs)) break;
      // Alerts received at t are in their groups before a flush at t.
      while (i < arrivals.length && arrivals[i]!.startsAtMs === t) this.receive(arrivals[i++]!);
      for (const [k, g] of [...this.groups]) if (g.nextFlushMs === t) this.flush(k, g, t);
    }
  }

  private receive(a: AmAlert): void {
    this.known.set(key(a), a);
    for (const route of matchRoutes(this.cfg.route, a.labels)) {
      const labels = groupLabels(route, a.labels);
      const gk = `${route.id}\u0000${labelsKey(labels)}`;
      let g = this.groups.get(gk);
      if (!g) this.groups.set(gk, (g = { route, labels, alerts: new Map(), nextFlushMs: a.startsAtMs + route.groupWaitMs }));
      g.alerts.set(key(a), a);
    }
  }

  /** inhibit.go: a target alert is muted by a firing source alert with equal `equal` labels (not by itself). */
  private inhibitor(a: AmAlert, t: number): AmAlert | undefined {
    for (const rule of this.cfg.inhibitRules) {
      if (!matchesAll(rule.target, a.labels)) continue;
      const twoSided = matchesAll(rule.source, a.labels);
      for (const s of this.known.values()) {
        if (!isFiring(s, t) || !matchesAll(rule.source, s.labels)) continue;
        if (twoSided && matchesAll(rule.target, s.labels)) continue;
        if (rule.equal.every((n) => (s.labels[n] ?? '') === (a.labels[n] ?? ''))) return s;
      }
    }
    return undefined;
  }

  private mutedBy(route: Route, t: number): string | undefined {
    const hit = (name: string) => (this.cfg.timeIntervals.get(name) ?? []).some((ti) => intervalContains(ti, t));
    const mute = route.muteTimeIntervals.find(hit);
    if (mute) return mute;
    if (route.activeTimeIntervals.length && !route.activeTimeIntervals.some(hit)) return `outside ${route.activeTimeIntervals.join(', ')}`;
    return undefined;
  }

  private flush(gk: string, g: Group, t: number): void {
    const receiver = g.route.receiver;
    const all = [...g.alerts.values()];
    const muted = this.mutedBy(g.route, t);
    if (muted) {
      this.suppressions.push({ tMs: t, receiver, groupLabels: g.labels, kind: 'muted', alerts: all, by: muted });
    } else {
      const visible: AmAlert[] = [];
      for (const a of all) {
        const src = this.inhibitor(a, t);
        if (src)
          this.suppressions.push({
            tMs: t,
            receiver,
            groupLabels: g.labels,
            kind: 'inhibited',
            alerts: [a],
            by: formatSeriesLabels(src.labels),
          });
        else visible.push(a);
      }
      // All inhibited: the pipeline stops before the notification log (MultiStage with no alerts left).
      if (visible.length) this.dedupAndNotify(g, visible, t);
    }
    for (const a of all) if (a.endsAtMs !== undefined && a.endsAtMs <= t) g.alerts.delete(key(a));
    if (g.alerts.size === 0) this.groups.delete(gk);
    else g.nextFlushMs = t + g.route.groupIntervalMs;
  }

  private dedupAndNotify(g: Group, alerts: AmAlert[], t: number): void {
    const firing = alerts.filter((a) => isFiring(a, t));
    const resolved = alerts.filter((a) => !isFiring(a, t));
    const fs = new Set(firing.map(key));
    const rs = new Set(resolved.map(key));
    const rec = this.cfg.receivers.get(g.route.receiver);
    const sendResolved = rec?.sendResolved ?? false;
    const e = g.entry;
    let reason: NotifyReason | undefined;
    if (!e) reason = fs.size > 0 ? 'first' : undefined;
    else if (![...fs].every((k) => e.firing.has(k))) reason = 'new alerts';
    else if (fs.size === 0) reason = e.firing.size > 0 ? 'all resolved' : undefined;
    else if (sendResolved && ![...rs].every((k) => e.resolved.has(k))) reason = 'resolved';
    else if (e.tMs < t - g.route.repeatIntervalMs) reason = 'repeat';
    if (!reason) return;
    g.entry = { firing: fs, resolved: rs, tMs: t };
    const shownResolved = sendResolved ? resolved : [];
    this.notifications.push({
      tMs: t,
      receiver: g.route.receiver,
      route: g.route,
      groupLabels: g.labels,
      firing,
      resolved: shownResolved,
      reason,
      sent: firing.length > 0 || shownResolved.length > 0,
    });
  }
}
