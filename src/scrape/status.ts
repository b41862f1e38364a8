// The target list as text, like Prometheus's /targets page: one line per
// target with its health, when it was last scraped, how long it took and the
// last error (a parse error names its line).

import type { Style } from '../util/style.js';
import { padEnd, visibleWidth } from '../util/width.js';
import type { TargetStatus } from './scraper.js';
import { t } from '../util/messages/index.js';

function ago(ms: number | undefined, nowMs: number): string {
  if (ms === undefined) return t('targets.never');
  const s = Math.max(0, (nowMs - ms) / 1000);
  return t('targets.ago', { dur: s < 60 ? `${s.toFixed(s < 10 ? 1 : 0)}s` : `${Math.floor(s / 60)}m${Math.round(s % 60)}s` });
}

function fmtDuration(sec: number): string {
  return sec < 1 ? `${(sec * 1000).toFixed(1)}ms` : `${sec.toFixed(3)}s`;
}

export function formatTargets(targets: TargetStatus[], style: Style, nowMs = Date.now()): string {
  if (targets.length === 0) return t('targets.none') + '\n';
  const rows = targets.map((t) => {
    const health = t.health === 'up' ? style.ok('UP') : t.health === 'down' ? style.error('DOWN') : style.dim('UNKNOWN');
    return {
      endpoint: t.scrapeUrl,
      health,
      healthLen: t.health.length,
      labels: `job="${t.labels.job}" instance="${t.labels.instance}"`,
      last: ago(t.lastScrape, nowMs),
      dur: t.lastScrape === undefined ? '-' : fmtDuration(t.lastScrapeDuration),
      samples: t.lastScrape === undefined ? '-' : String(t.lastSamples),
      error: t.lastError,
    };
  });
  const w = (f: (r: (typeof rows)[number]) => string, title: string) =>
    Math.max(visibleWidth(title), ...rows.map((r) => visibleWidth(f(r))));
  const we = w((r) => r.endpoint, 'ENDPOINT');
  const wl = w((r) => r.labels, 'LABELS');
  const wa = w((r) => r.last, 'LAST SCRAPE');
  const wd = w((r) => r.dur, 'DURATION');
  const pad = padEnd;
  let out =
    style.dim(
      `${pad('ENDPOINT', we)}  ${pad('STATE', 7)}  ${pad('LABELS', wl)}  ${pad('LAST SCRAPE', wa)}  ${pad('DURATION', wd)}  SAMPLES`,
    ) + '\n';
  for (const r of rows) {
    out += `${pad(r.endpoint, we)}  ${r.health}${' '.repeat(Math.max(0, 7 - r.healthLen))}  ${pad(r.labels, wl)}  ${pad(r.last, wa)}  ${pad(r.dur, wd)}  ${r.samples}\n`;
    if (r.error) out += `  ${style.error(t('targets.error'))} ${r.error}\n`;
  }
  return out;
}
