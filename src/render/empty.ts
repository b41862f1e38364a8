// Explaining an empty result, with "did you mean" from the metric names the
// backend knows (`backend.labelValues('__name__')`).

import { readQuery } from './query-text.js';
import { CLI_ADVICE, type Advice } from './render-context.js';
import { editDistance } from '../util/edit-distance.js';
import { t } from '../util/messages/index.js';

/** Up to three known names close to `name`: the counter form first, then by edit distance. */
export function suggestMetrics(name: string, known: string[]): string[] {
  const scored: Array<[number, string]> = [];
  for (const k of known) {
    if (k === name) continue;
    let score: number;
    if (k === `${name}_total` || (k.startsWith(name) && /^_(total|seconds|bytes|count|sum|bucket|info)/.test(k.slice(name.length))))
      score = 0;
    else if (k.includes(name) && name.length >= 4) score = 1 + (k.length - name.length) / 100;
    else {
      const d = editDistance(name, k);
      if (d > Math.max(2, Math.floor(name.length / 4))) continue;
      score = 1 + d;
    }
    scored.push([score, k]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].length - b[1].length || (a[1] < b[1] ? -1 : 1))
    .slice(0, 3)
    .map(([, k]) => k);
}

/** Lines explaining why `query` returned nothing. */
export function explainEmpty(query: string | undefined, known: string[] | undefined, advice: Advice = CLI_ADVICE): string[] {
  if (!query) return [t('render.empty.noSeries')];
  const shape = readQuery(query);
  const knownSet = new Set(known ?? []);
  const unknown = known ? shape.metrics.filter((m) => !knownSet.has(m)) : [];
  if (unknown.length > 0) {
    return unknown
      .map((m) => {
        const s = suggestMetrics(m, known!);
        const dym = s.length > 0 ? t('render.empty.didYouMean', { names: s.map((x) => `\`${x}\``).join(t('sel.or')) }) : '';
        return t('render.empty.noMatch', { metric: m, dym });
      })
      .concat([t('render.empty.listMetrics', { command: advice.listMetrics })]);
  }
  const lines = [t('render.empty.returnedNothing')];
  if (/\{[^}]*[=~]/.test(query)) {
    const m = shape.metrics[0];
    lines.push(t('render.empty.checkMatchers', { command: advice.listSeries(m ?? '{...}') }));
  }
  if (['>', '<', '==', '!=', '>=', '<='].some((op) => shape.ops.has(op))) lines.push(t('render.empty.comparison'));
  if (/\b(and|unless)\b|\bon\s*\(|\bignoring\s*\(/.test(query)) lines.push(t('render.empty.binary'));
  if (/\boffset\b|@/.test(query)) lines.push(t('render.empty.offset'));
  return lines;
}
