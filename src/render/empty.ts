// Explaining an empty result, with "did you mean" from the metric names the
// backend knows (`backend.labelValues('__name__')`).

import { readQuery } from './query-text.js';
import { CLI_ADVICE, type Advice } from './render-context.js';
import { editDistance } from '../util/edit-distance.js';

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
  if (!query) return ['empty result: no series'];
  const shape = readQuery(query);
  const knownSet = new Set(known ?? []);
  const unknown = known ? shape.metrics.filter((m) => !knownSet.has(m)) : [];
  if (unknown.length > 0) {
    return unknown
      .map((m) => {
        const s = suggestMetrics(m, known!);
        const dym = s.length > 0 ? `; did you mean ${s.map((x) => `\`${x}\``).join(' or ')}?` : '';
        return `no series matched \`${m}\`${dym}`;
      })
      .concat([`hint: ${advice.listMetrics} lists the metric names that exist`]);
  }
  const lines = ['empty result: the query returned no series'];
  if (/\{[^}]*[=~]/.test(query)) {
    const m = shape.metrics[0];
    lines.push(`hint: check the label matchers; ${advice.listSeries(m ?? '{...}')} shows which label values exist`);
  }
  if (['>', '<', '==', '!=', '>=', '<='].some((op) => shape.ops.has(op)))
    lines.push('hint: a comparison filters out the series for which it is false (add `bool` to keep them as 0/1)');
  if (/\b(and|unless)\b|\bon\s*\(|\bignoring\s*\(/.test(query))
    lines.push('hint: the two sides of a binary operation may have no matching label sets');
  if (/\boffset\b|@/.test(query)) lines.push('hint: the offset or @ time may fall outside the data');
  return lines;
}
