// `promlearn alerts route` output: where each alert goes (as `amtool config
// routes test` answers), then every notification Alertmanager would send,
// and what inhibitions and time intervals held back. JSON for --output json.

import type { Metric } from '../model/result.js';
import { formatLabels, padEnd, visibleWidth } from '../render/text.js';
import type { Style } from '../util/style.js';
import type { EvalReport } from '../rules/report.js';
import { timeFormatter } from '../rules/report.js';
import type { AlertmanagerConfig, Route } from './config.js';
import { groupLabels, matchRoutes, routeText } from './route.js';
import type { AmAlert, Notification, Suppression } from './simulate.js';

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

export interface RouteReport {
  routing: RoutingRow[];
  notifications: Notification[];
  suppressions: Suppression[];
}

export function renderRouteReport(rep: RouteReport, evalReport: EvalReport, style: Style): string {
  const fmt = timeFormatter(evalReport.startMs, evalReport.endMs);
  const lines: string[] = [style.bold('Routing') + style.dim(' (as amtool config routes test)')];
  if (rep.routing.length === 0) lines.push('  (the rules produced no alerts in this range)');
  const w = Math.max(0, ...rep.routing.map((x) => visibleWidth(alertText(x.labels))));
  for (const row of rep.routing) {
    const receivers = row.routes.map((r) => r.receiver).join(',');
    const via = row.routes.map((r) => `${routeText(r)} group_by [${r.groupByAll ? '...' : r.groupBy.join(', ')}]`).join('; ');
    lines.push(
      `  ${padEnd(alertText(row.labels), w)}  -> ${style.name(receivers)}  ${style.dim(`via ${via}${row.fired ? '' : '  (never fired: not sent)'}`)}`,
    );
  }
  lines.push('', style.bold('Notifications'));
  if (rep.notifications.length === 0) lines.push('  (none)');
  for (const n of rep.notifications) {
    const head = `${fmt(n.tMs)}  ${style.name(n.receiver)}  group ${formatLabels(n.groupLabels)}  ${n.reason}`;
    lines.push(`  ${n.sent ? head : style.dim(head + ' (not sent: the receiver has send_resolved off)')}`);
    for (const a of n.firing)
      lines.push(`      ${style.error('firing')}   ${alertText(a.labels)} ${style.dim(`since ${fmt(a.startsAtMs)}`)}`);
    for (const a of n.resolved) lines.push(`      ${style.ok('resolved')} ${alertText(a.labels)} ${style.dim(`at ${fmt(a.endsAtMs!)}`)}`);
  }
  if (rep.suppressions.length) {
    lines.push('', style.bold('Held back'));
    for (const s of rep.suppressions) {
      const what = s.alerts.map((a) => alertText(a.labels)).join(', ');
      const why = s.kind === 'inhibited' ? `inhibited by ${s.by}` : `muted (${s.by})`;
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
