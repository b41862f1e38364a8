// What `promlearn rules eval` shows: per alert, one line per label set with
// its episodes (pending at, firing at, resolved at); the recording rules'
// output; a table of every state transition; and the evaluation errors.
// The same facts as JSON for --output json.

import type { Metric } from '../model/result.js';
import { formatDate, formatRfc3339, humanDuration as formatDuration, zonedIso } from '../util/time.js';
import { formatLabels, padEnd, visibleWidth } from '../render/text.js';
import type { Style } from '../util/style.js';
import { currentLang, t } from '../util/messages/index.js';
import { noteLines } from './files.js';
import { evalErrorNote } from './problem-notes.js';
import { labelsKey } from '../storage/store.js';
import type { AlertState, Transition } from './alerting.js';
import type { RuleEvaluator } from './evaluate.js';
import type { TimelineMode } from './timeline.js';

export interface Episode {
  pendingAtMs: number;
  firingAtMs?: number;
  /** When it became inactive: resolved (was firing) or dropped (was pending). */
  endedAtMs?: number;
  endedFrom?: AlertState;
  /** Annotations when it fired (or, if it never fired, when it went pending). */
  annotations: Record<string, string>;
  valueAtFiring?: number;
  /** It stayed firing after its series went away, for keep_firing_for. */
  keptFiring?: boolean;
}

export interface AlertTimeline {
  alertname: string;
  group: string;
  labels: Metric;
  episodes: Episode[];
}

export interface EvalReport {
  startMs: number;
  endMs: number;
  mode: TimelineMode;
  evaluations: number;
  complete: boolean;
  alerts: AlertTimeline[];
  /** Alerting rules that were never active. */
  quietAlerts: string[];
  recording: Array<{ group: string; record: string; series: number; samples: number; last: Array<{ labels: Metric; value: number }> }>;
  transitions: Transition[];
  errors: Array<{ tMs: number; group: string; rule: string; message: string }>;
}

/** Folds the transitions into episodes per alert label set. */
export function alertTimelines(transitions: Transition[]): AlertTimeline[] {
  const byKey = new Map<string, AlertTimeline>();
  for (const t of transitions) {
    const key = labelsKey(t.labels);
    let tl = byKey.get(key);
    if (!tl) byKey.set(key, (tl = { alertname: t.rule, group: t.group, labels: t.labels, episodes: [] }));
    const cur = tl.episodes[tl.episodes.length - 1];
    if (t.to === 'pending') tl.episodes.push({ pendingAtMs: t.tMs, annotations: t.annotations });
    else if (t.to === 'firing' && cur) {
      cur.firingAtMs = t.tMs;
      cur.annotations = t.annotations;
      cur.valueAtFiring = t.value;
    } else if (t.to === 'inactive' && cur) {
      cur.endedAtMs = t.tMs;
      cur.endedFrom = t.from;
      if (t.keptFiring) cur.keptFiring = true;
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.episodes[0]!.pendingAtMs - b.episodes[0]!.pendingAtMs || a.alertname.localeCompare(b.alertname),
  );
}

export function buildReport(ev: RuleEvaluator, startMs: number, endMs: number, mode: TimelineMode): EvalReport {
  const alerts = alertTimelines(ev.transitions);
  const active = new Set(alerts.map((a) => a.alertname));
  return {
    startMs,
    endMs,
    mode,
    evaluations: ev.evaluations,
    complete: ev.errors.length === 0,
    alerts,
    quietAlerts: [...ev.alerting.keys()].map((r) => r.name).filter((n) => !active.has(n)),
    recording: [...ev.recorded.values()].map((r) => ({
      group: r.group,
      record: r.rule,
      series: r.series.size,
      samples: r.samples,
      last: r.last,
    })),
    transitions: ev.transitions,
    errors: ev.errors,
  };
}

/** Times as HH:MM:SS when the whole range is one day of the display zone (named in the report's first line), else RFC 3339. */
export function timeFormatter(startMs: number, endMs: number): (ms: number) => string {
  const sameDay = formatDate(startMs / 1000) === formatDate(endMs / 1000);
  return (ms) => (sameDay ? zonedIso(ms / 1000).slice(11, 19) : formatRfc3339(ms / 1000));
}

/** One episode: the alert states (Prometheus's words: pending, firing, resolved) and when. */
function episodeText(e: Episode, fmt: (ms: number) => string, style: Style, endMs: number): string {
  const parts = [`pending ${fmt(e.pendingAtMs)}`];
  if (e.firingAtMs !== undefined) parts.push(style.error(`firing ${fmt(e.firingAtMs)}`));
  if (e.endedAtMs !== undefined) {
    const kept = e.keptFiring ? style.dim(t('rules.report.keptFiring')) : '';
    parts.push(
      e.endedFrom === 'firing' ? style.ok(`resolved ${fmt(e.endedAtMs)}`) + kept : t('rules.report.neverFired', { time: fmt(e.endedAtMs) }),
    );
  } else {
    const time = fmt(endMs);
    parts.push(style.dim(e.firingAtMs !== undefined ? t('rules.report.stillFiring', { time }) : t('rules.report.stillPending', { time })));
  }
  if (e.firingAtMs !== undefined) {
    parts.push(style.dim(t('rules.report.firedFor', { duration: formatDuration((e.endedAtMs ?? endMs) - e.firingAtMs) })));
  }
  return parts.join('  ');
}

const NOT_SHOWN = new Set(['alertname']);

export function renderReport(r: EvalReport, style: Style): string {
  const fmt = timeFormatter(r.startMs, r.endMs);
  const lines: string[] = [];
  const iso = (ms: number) => formatRfc3339(ms / 1000);
  const mode = t(`rules.report.mode.${r.mode}`);
  lines.push(style.dim(t('rules.report.evaluated', { start: iso(r.startMs), end: iso(r.endMs), n: r.evaluations, mode })));
  if (!r.complete) lines.push(style.error(t('rules.report.incomplete', { n: r.errors.length })));
  lines.push('', style.bold(t('rules.report.alerts')));
  if (r.alerts.length === 0 && r.quietAlerts.length === 0) lines.push(`  ${t('rules.report.noAlertingRules')}`);
  for (const a of r.alerts) {
    const labels = Object.fromEntries(Object.entries(a.labels).filter(([k]) => !NOT_SHOWN.has(k)));
    lines.push(`  ${style.name(a.alertname)}${formatLabels(labels)}`);
    for (const e of a.episodes) {
      lines.push(`    ${episodeText(e, fmt, style, r.endMs)}`);
      for (const [k, v] of Object.entries(e.annotations)) lines.push(style.dim(`      ${k}: ${v}`));
    }
  }
  for (const q of r.quietAlerts) lines.push(`  ${style.name(q)} ${style.dim(t('rules.report.neverActive'))}`);
  if (r.recording.length) {
    lines.push('', style.bold(t('rules.report.recording')));
    const w = Math.max(...r.recording.map((x) => x.record.length));
    for (const x of r.recording) {
      const series = t('rules.report.series', { n: String(x.series).padStart(4) });
      const samples = t('rules.report.samples', { n: String(x.samples).padStart(7) });
      lines.push(`  ${padEnd(x.record, w)}  ${series}  ${samples}  ${style.dim(t('rules.report.group', { group: x.group }))}`);
    }
  }
  if (r.transitions.length) {
    lines.push('', style.bold(t('rules.report.transitions')));
    const rows = r.transitions.map((t) => [
      fmt(t.tMs),
      t.rule,
      formatLabels(Object.fromEntries(Object.entries(t.labels).filter(([k]) => !NOT_SHOWN.has(k)))),
      t.from,
      t.to,
      formatValue(t.value),
    ]);
    const head = [
      t('rules.report.head.time'),
      t('rules.report.head.alert'),
      t('rules.report.head.labels'),
      t('rules.report.head.from'),
      t('rules.report.head.to'),
      t('rules.report.head.value'),
    ];
    const widths = head.map((h, i) => Math.max(visibleWidth(h), ...rows.map((row) => visibleWidth(row[i]!))));
    lines.push(
      '  ' +
        style.dim(
          head
            .map((h, i) => padEnd(h, widths[i]!))
            .join('  ')
            .trimEnd(),
        ),
    );
    for (const row of rows)
      lines.push(
        '  ' +
          row
            .map((c, i) => padEnd(c, widths[i]!))
            .join('  ')
            .trimEnd(),
      );
  }
  return lines.join('\n') + '\n';
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/**
 * Errors grouped by rule and message: "rule X: message (at 10:00:00, 10:00:30 and 5 more)";
 * when the learner reads another language, what the error (Prometheus's English) means under it.
 */
export function renderErrors(r: EvalReport, style: Style, columns = 80): string {
  const fmt = timeFormatter(r.startMs, r.endMs);
  const groups = new Map<string, { rule: string; group: string; message: string; times: number[] }>();
  for (const e of r.errors) {
    const key = `${e.group}\u0000${e.rule}\u0000${e.message}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rule: e.rule, group: e.group, message: e.message, times: [] }));
    g.times.push(e.tMs);
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    const shown = g.times.slice(0, 3).map(fmt).join(', ');
    const times = g.times.length > 3 ? t('rules.report.errorMore', { times: shown, n: g.times.length - 3 }) : shown;
    out.push(
      style.error(t('rules.report.error', { group: g.group, rule: g.rule, message: g.message })) +
        style.dim(t('rules.report.errorAt', { times })),
    );
    const note = currentLang() === 'en' ? undefined : evalErrorNote(g.message);
    if (note) out.push(...noteLines(t('annotation.meaning', { text: note }), style, columns));
  }
  return out.join('\n') + '\n';
}

export function reportJSON(r: EvalReport): unknown {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    start: iso(r.startMs),
    end: iso(r.endMs),
    mode: r.mode,
    evaluations: r.evaluations,
    complete: r.complete,
    alerts: r.alerts.map((a) => ({
      alertname: a.alertname,
      group: a.group,
      labels: a.labels,
      episodes: a.episodes.map((e) => ({
        pendingAt: iso(e.pendingAtMs),
        firingAt: iso(e.firingAtMs),
        endedAt: iso(e.endedAtMs),
        state:
          e.endedAtMs === undefined
            ? e.firingAtMs !== undefined
              ? 'firing'
              : 'pending'
            : e.endedFrom === 'firing'
              ? 'resolved'
              : 'inactive',
        keptFiring: e.keptFiring ?? false,
        annotations: e.annotations,
      })),
    })),
    quietAlerts: r.quietAlerts,
    recording: r.recording.map((x) => ({ group: x.group, record: x.record, series: x.series, samples: x.samples, last: x.last })),
    transitions: r.transitions.map((t) => ({
      time: iso(t.tMs),
      alertname: t.rule,
      group: t.group,
      labels: t.labels,
      from: t.from,
      to: t.to,
      value: t.value,
    })),
    errors: r.errors.map((e) => ({ time: iso(e.tMs), group: e.group, rule: e.rule, message: e.message })),
  };
}
