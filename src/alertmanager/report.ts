// `promlearn alerts route` output: where each alert goes (as `amtool config
// routes test` answers), then every notification Alertmanager would send,
// and what inhibitions and time intervals held back. JSON for --output json.

import type { Metric } from '../model/result.js';
import { formatLabels, padEnd, visibleWidth } from '../render/text.js';
import type { Style } from '../util/style.js';
import { t, type MessageKey } from '../util/messages/index.js';
import type { EvalReport } from '../rules/report.js';
import { timeFormatter } from '../rules/report.js';
import type { AlertmanagerConfig, Route } from './config.js';
import { groupLabels, matchRoutes, routeText } from './route.js';
import type { AmAlert, Notification, NotifyReason, Suppression } from './simulate.js';

/** The alerts Prometheus sends: every firing episode of the rules' timeline. */
export function alertsFromReport(r: EvalReport): AmAlert[] {
  const out: AmAlert[] = [];
  for (const tl of r.alerts) {
    for (const e of tl.episodes) {
      if (e.firingAtMs === undefined) continue;
      out.push({
        labels: tl.labels,
        annotations: e.annotations,
        startsAtMs: e.firingAtMs,
        endsAtMs: e.endedFrom === 'firing' ? e.endedAtMs : undefined,
      });
    }
  }
  return out;
}

export interface RoutingRow {
  labels: Metric;
  fired: boolean;
  routes: Route[];
}

export function routingTable(r: EvalReport, cfg: AlertmanagerConfig): RoutingRow[] {
  return r.alerts.map((tl) => ({
    labels: tl.labels,
    fired: tl.episodes.some((e) => e.firingAtMs !== undefined),
    routes: matchRoutes(cfg.route, tl.labels),
  }));
}

function alertText(labels: Metric): string {
  const { alertname, ...rest } = labels;
  return `${alertname ?? ''}${formatLabels(rest)}`;
}

/** Why a notification is sent, as the learner reads it (JSON keeps the reason itself). */
const REASON = {
  first: 'alerts.report.reason.first',
  'new alerts': 'alerts.report.reason.newAlerts',
  resolved: 'alerts.report.reason.resolved',
  'all resolved': 'alerts.report.reason.allResolved',
  repeat: 'alerts.report.reason.repeat',
} as const satisfies Record<NotifyReason, MessageKey>;

export interface RouteReport {
  routing: RoutingRow[];
  notifications: Notification[];
  suppressions: Suppression[];
}

export function renderRouteReport(rep: RouteReport, evalReport: EvalReport, style: Style): string {
  const fmt = timeFormatter(evalReport.startMs, evalReport.endMs);
  const lines: string[] = [style.bold(t('alerts.report.routing')) + style.dim(t('alerts.report.asAmtool'))];
  if (rep.routing.length === 0) lines.push(`  ${t('alerts.report.noAlerts')}`);
  const w = Math.max(0, ...rep.routing.map((x) => visibleWidth(alertText(x.labels))));
  for (const row of rep.routing) {
    const receivers = row.routes.map((r) => r.receiver).join(',');
    const routes = row.routes.map((r) => `${routeText(r)} group_by [${r.groupByAll ? '...' : r.groupBy.join(', ')}]`).join('; ');
    const via = t('alerts.report.via', { routes }) + (row.fired ? '' : t('alerts.report.neverFired'));
    lines.push(`  ${padEnd(alertText(row.labels), w)}  -> ${style.name(receivers)}  ${style.dim(via)}`);
  }
  lines.push('', style.bold(t('alerts.report.notifications')));
  if (rep.notifications.length === 0) lines.push(`  ${t('alerts.report.none')}`);
  for (const n of rep.notifications) {
    const group = t('alerts.report.group', { labels: formatLabels(n.groupLabels) });
    const head = `${fmt(n.tMs)}  ${style.name(n.receiver)}  ${group}  ${t(REASON[n.reason])}`;
    lines.push(`  ${n.sent ? head : style.dim(head + t('alerts.report.notSent'))}`);
    for (const a of n.firing)
      lines.push(
        `      ${style.error('firing')}   ${alertText(a.labels)} ${style.dim(t('alerts.report.since', { time: fmt(a.startsAtMs) }))}`,
      );
    for (const a of n.resolved)
      lines.push(`      ${style.ok('resolved')} ${alertText(a.labels)} ${style.dim(t('alerts.report.at', { time: fmt(a.endsAtMs!) }))}`);
  }
  if (rep.suppressions.length) {
    lines.push('', style.bold(t('alerts.report.heldBack')));
    for (const s of rep.suppressions) {
      const what = s.alerts.map((a) => alertText(a.labels)).join(', ');
      const why = s.kind === 'inhibited' ? t('alerts.report.inhibited', { by: s.by }) : t('alerts.report.muted', { by: s.by });
      lines.push(`  ${fmt(s.tMs)}  ${s.receiver}  ${what}  ${style.dim(why)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function routeReportJSON(rep: RouteReport): unknown {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  const alert = (a: AmAlert) => ({ labels: a.labels, annotations: a.annotations, startsAt: iso(a.startsAtMs), endsAt: iso(a.endsAtMs) });
  return {
    routing: rep.routing.map((r) => ({
      labels: r.labels,
      fired: r.fired,
      receivers: r.routes.map((x) => x.receiver),
      routes: r.routes.map((x) => ({
        id: x.id,
        matchers: routeText(x),
        groupBy: x.groupByAll ? ['...'] : x.groupBy,
        groupLabels: groupLabels(x, r.labels),
      })),
    })),
    notifications: rep.notifications.map((n) => ({
      time: iso(n.tMs),
      receiver: n.receiver,
      groupLabels: n.groupLabels,
      reason: n.reason,
      sent: n.sent,
      firing: n.firing.map(alert),
      resolved: n.resolved.map(alert),
    })),
    heldBack: rep.suppressions.map((s) => ({
      time: iso(s.tMs),
      receiver: s.receiver,
      kind: s.kind,
      by: s.by,
      alerts: s.alerts.map(alert),
    })),
  };
}
