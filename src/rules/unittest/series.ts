// promtool's input_series: a series selector and values in expanding
// notation, loaded one value per test interval:
//
//   '1+2x3'   -> 1 3 5 7         (start, then 3 more adding 2)
//   '5-1x2'   -> 5 4 3
//   '1x3'     -> 1 1 1 1
//   '_'       -> no sample at this step     '_x3' -> three steps without samples
//   'stale'   -> a staleness marker
//
// Native-histogram values ({{schema:...}}) are not supported by promlearn's
// engine and are reported as such.

import type { Metric } from '../../model/result.js';
import { parse } from '../../promql/index.js';
import { QueryError } from '../../errors.js';
import { STALE_NAN } from '../../storage/store.js';
import { t } from '../../util/messages/index.js';

export type SeriesValue = { kind: 'missing' } | { kind: 'stale' } | { kind: 'value'; v: number };

const NUM = String.raw`(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[Ii]nf|NaN`;
// No hexadecimal: Prometheus's lexer disallows it in series descriptions (0x20 is 0 repeated).
const PLAIN_RE = new RegExp(`^[+-]?(?:${NUM})$`);
const EXPAND_RE = new RegExp(`^([+-]?(?:${NUM}))(?:([+-])(${NUM}))?x([0-9]+)$`);

function num(s: string): number {
  const t = s.replace(/^\+/, '');
  if (/^-?[Ii]nf$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^-?NaN$/.test(t)) return NaN;
  return Number(t);
}

/** Expands a values string; throws Error naming the bad item. */
export function expandValues(values: string): SeriesValue[] {
  const out: SeriesValue[] = [];
  for (const item of values.trim().split(/\s+/).filter(Boolean)) {
    if (item === '_') out.push({ kind: 'missing' });
    else if (/^_x[0-9]+$/.test(item)) for (let i = 0; i < Number(item.slice(2)); i++) out.push({ kind: 'missing' });
    else if (item === 'stale') out.push({ kind: 'stale' });
    else if (PLAIN_RE.test(item)) out.push({ kind: 'value', v: num(item) });
    else {
      const m = EXPAND_RE.exec(item);
      if (!m) {
        if (item.startsWith('{{')) throw new Error(t('rules.test.histogramValues', { item }));
        throw new Error(t('rules.test.badValue', { item: JSON.stringify(item) }));
      }
      const start = num(m[1]!);
      const step = m[2] ? (m[2] === '-' ? -num(m[3]!) : num(m[3]!)) : 0;
      const n = Number(m[4]);
      // Prometheus adds the step repeatedly (not start + i*step), so float steps round the same way.
      let v = start;
      out.push({ kind: 'value', v });
      for (let i = 0; i < n; i++) {
        v += step;
        out.push({ kind: 'value', v });
      }
    }
  }
  return out;
}

/** The labels of a series selector such as `up{job="api"}` (equality matchers only). */
export function seriesLabels(series: string): Metric {
  let expr;
  try {
    expr = parse(series);
  } catch (e) {
    if (e instanceof QueryError) throw new Error(t('rules.test.badSeries', { series: JSON.stringify(series), detail: e.message }));
    throw e;
  }
  if (expr.type !== 'VectorSelector')
    throw new Error(t('rules.test.badSeries', { series: JSON.stringify(series), detail: t('rules.test.notSelector') }));
  const labels: Metric = {};
  for (const m of expr.matchers) {
    if (m.op !== '=')
      throw new Error(t('rules.test.badSeries', { series: JSON.stringify(series), detail: t('rules.test.notEquality', { op: m.op }) }));
    labels[m.name] = m.value;
  }
  return labels;
}

/**
 * Appends one input series' samples: timestamps start + i*interval, missing
 * steps skipped. The stale marker goes straight into the store: a NaN kept in
 * a plain JS array may lose its payload (V8 canonicalises NaNs there).
 */
export function appendSeriesSamples(
  append: (tMs: number, v: number) => void,
  values: SeriesValue[],
  startMs: number,
  intervalMs: number,
): void {
  values.forEach((v, i) => {
    if (v.kind === 'missing') return;
    append(startMs + i * intervalMs, v.kind === 'stale' ? STALE_NAN : v.v);
  });
}
