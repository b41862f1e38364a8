// Native histogram literals of the test-script language (FORMAT.md §3.3):
// `{{schema:1 sum:5 count:4 buckets:[1 2 1] offset:-1 counter_reset_hint:gauge}}`
// and the expansions `{{h}}xN`, `{{a}}+{{b}}xN`, `{{a}}-{{b}}xN`.

import { FloatHistogram, type CounterResetHint } from '../../src/histogram/histogram.js';
import { ScriptSyntaxError, parsePromNumber } from './lex.js';

/** A histogram slot, and whether its literal named a counter_reset_hint (then the hint is compared). */
export interface HistogramSlot {
  h: FloatHistogram;
  hintSet: boolean;
}

const HINTS: Record<string, CounterResetHint> = { unknown: 'unknown', reset: 'reset', not_reset: 'not_reset', gauge: 'gauge' };

/** Parse one `{{...}}` literal (the braces included). */
export function parseHistogramLiteral(text: string): HistogramSlot {
  if (!text.startsWith('{{') || !text.endsWith('}}')) throw new ScriptSyntaxError(`invalid histogram literal ${text}`);
  const body = text.slice(2, -2).trim();
  const fields = new Map<string, string>();
  // Items are key:value, lists [a b c] may hold spaces.
  const re = /([a-zA-Z_]+):\s*(\[[^\]]*\]|\S+)/gy;
  let i = 0;
  while (i < body.length) {
    while (body[i] === ' ' || body[i] === '\t') i++;
    if (i >= body.length) break;
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) throw new ScriptSyntaxError(`invalid histogram item in ${text}`);
    const key = m[1].toLowerCase();
    if (fields.has(key)) throw new ScriptSyntaxError(`duplicate key "${key}" in histogram ${text}`);
    fields.set(key, m[2]);
    i = re.lastIndex;
  }
  const h = new FloatHistogram();
  const num = (k: string): number | undefined => (fields.has(k) ? parsePromNumber(fields.get(k)!) : undefined);
  const list = (k: string): number[] => {
    const v = fields.get(k);
    if (v === undefined) return [];
    if (!v.startsWith('[')) throw new ScriptSyntaxError(`${k} must be a list in ${text}`);
    return v
      .slice(1, -1)
      .trim()
      .split(/\s+/)
      .filter((x) => x !== '')
      .map(parsePromNumber);
  };
  let hintSet = false;
  for (const k of fields.keys()) {
    switch (k) {
      case 'schema':
        h.schema = num(k)!;
        break;
      case 'sum':
        h.sum = num(k)!;
        break;
      case 'count':
        h.count = num(k)!;
        break;
      case 'z_bucket':
        h.zeroCount = num(k)!;
        break;
      case 'z_bucket_w':
        h.zeroThreshold = num(k)!;
        break;
      case 'custom_values':
        h.customValues = list(k);
        break;
      case 'counter_reset_hint': {
        const hint = HINTS[fields.get(k)!];
        if (!hint) throw new ScriptSyntaxError(`unknown counter_reset_hint in ${text}`);
        h.hint = hint;
        hintSet = true;
        break;
      }
      case 'buckets':
      case 'offset':
      case 'n_buckets':
      case 'n_offset':
        break;
      default:
        throw new ScriptSyntaxError(`unknown histogram key "${k}" in ${text}`);
    }
  }
  h.positive = side(list('buckets'), num('offset') ?? 0);
  h.negative = side(list('n_buckets'), num('n_offset') ?? 0);
  return { h, hintSet };
}

function side(counts: number[], offset: number): { idx: number[]; cnt: number[] } {
  return { idx: counts.map((_, k) => offset + k), cnt: counts };
}

/**
 * Expand a histogram item: `{{h}}`, `{{h}}xN` (N+1 copies), `{{a}}+{{b}}xN` /
 * `{{a}}-{{b}}xN` (a, a±b, … by repeated histogram addition).
 */
export function expandHistogramItem(item: string): HistogramSlot[] {
  const m = /^(\{\{[^]*?\}\})(?:([+-])(\{\{[^]*?\}\}))?(?:x(\d+))?$/.exec(item);
  if (!m) throw new ScriptSyntaxError(`invalid histogram item ${item}`);
  const base = parseHistogramLiteral(m[1]);
  const times = m[4] === undefined ? 0 : Number(m[4]);
  if (!m[2]) {
    const out: HistogramSlot[] = [];
    for (let k = 0; k <= times; k++) out.push({ h: base.h.copy(), hintSet: base.hintSet });
    return out;
  }
  if (m[4] === undefined) throw new ScriptSyntaxError(`histogram sequence without xN: ${item}`);
  const inc = parseHistogramLiteral(m[3]);
  const out: HistogramSlot[] = [{ h: base.h, hintSet: inc.hintSet }];
  let cur = base.h;
  for (let k = 1; k <= times; k++) {
    if (cur.schema > inc.h.schema)
      throw new ScriptSyntaxError(`error combining histograms: cannot merge from schema ${inc.h.schema} to ${cur.schema}`);
    const next = cur.copy();
    if (m[2] === '+') next.add(inc.h);
    else next.sub(inc.h);
    out.push({ h: next, hintSet: inc.hintSet });
    cur = next;
  }
  return out;
}

/** The histogram as a test literal, for failure messages. */
export function histogramText(h: FloatHistogram): string {
  const parts = [`schema:${h.schema}`, `count:${h.count}`, `sum:${h.sum}`];
  if (h.zeroThreshold) parts.push(`z_bucket_w:${h.zeroThreshold}`);
  if (h.zeroCount) parts.push(`z_bucket:${h.zeroCount}`);
  if (h.customValues) parts.push(`custom_values:[${h.customValues.join(' ')}]`);
  const side = (name: string, l: { idx: number[]; cnt: number[] }) =>
    l.idx.length ? [`${name}:{${l.idx.map((x, k) => `${x}:${l.cnt[k]}`).join(' ')}}`] : [];
  parts.push(...side('pos', h.positive), ...side('neg', h.negative), `counter_reset_hint:${h.hint}`);
  return `{{${parts.join(' ')}}}`;
}
