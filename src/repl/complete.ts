// Tab completion: the context (./context.ts) says what belongs at the cursor,
// this file finds the candidates and shapes them for node:readline.
//
// readline inserts the common prefix of what the completer returns, and on a
// second Tab lists the entries. So when the candidates share a longer prefix
// than what was typed we return just that (readline inserts it); otherwise we
// return display forms — function signatures rather than bare names.

import { FUNCTIONS, formatSignature } from '../promql/functions.js';
import { AGGREGATIONS } from '../promql/aggregations.js';
import type { CompletionSource } from './cache.js';
import { completionContext, type CompletionContext } from './completion-context.js';
import { t } from '../util/messages/index.js';

interface Candidate {
  /** What is inserted when this is the only match, e.g. `rate(`. */
  insert: string;
  /** What the list shows, e.g. `rate(range-vector) instant-vector`. */
  display: string;
  group: 'keyword' | 'function' | 'metric' | 'label' | 'value' | 'duration';
}

/** Most entries a listing shows; the rest are summarised. */
export const MAX_LISTED = 200;

const DURATIONS = ['30s', '1m', '2m', '5m', '10m', '15m', '30m', '1h', '2h', '6h', '12h', '1d', '7d'];

function functionCandidates(prefix: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { name: agg, param } of AGGREGATIONS.values()) {
    if (!agg.startsWith(prefix)) continue;
    const args = param ? `${param}, instant-vector` : 'instant-vector';
    out.push({ insert: `${agg}(`, display: `${agg}(${args}) instant-vector  [aggregation]`, group: 'function' });
  }
  for (const f of FUNCTIONS.values()) {
    if (!f.name.startsWith(prefix)) continue;
    const tag = f.experimental ? '  [experimental]' : '';
    out.push({ insert: `${f.name}(`, display: formatSignature(f) + tag, group: 'function' });
  }
  return out.sort((a, b) => a.insert.localeCompare(b.insert));
}

function words(list: string[], prefix: string, group: Candidate['group'], suffix = ''): Candidate[] {
  return list.filter((w) => w.startsWith(prefix)).map((w) => ({ insert: w + suffix, display: w, group }));
}

/** PromQL double-quoted string literal (Go %q-style escapes for the common cases). */
export function quoteValue(v: string, quote: string): string {
  if (quote === '`' && !v.includes('`')) return `\`${v}\``;
  const q = quote === "'" ? "'" : '"';
  const body = v.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n');
  return `${q}${body}${q}`;
}

async function safe(p: Promise<string[]>): Promise<string[]> {
  try {
    return await p;
  } catch {
    return []; // completion must never break the prompt
  }
}

/** Candidates for a context, in listing order. */
export async function candidatesFor(ctx: CompletionContext, src: CompletionSource): Promise<Candidate[]> {
  const p = ctx.prefix;
  switch (ctx.kind) {
    case 'expr': {
      const metrics = (await safe(src.metricNames())).filter((m) => m.startsWith(p));
      return [
        ...words(ctx.keywords, p, 'keyword', ' '),
        ...functionCandidates(p),
        ...metrics.map((m): Candidate => ({ insert: m, display: m, group: 'metric' })),
      ];
    }
    case 'operator':
      return words(ctx.keywords, p, 'keyword', ' ');
    case 'labelName': {
      const names = await safe(src.labelNames(ctx.selector));
      const hidden = new Set(ctx.exclude);
      const shown = names.filter((n) => !hidden.has(n) && (n !== '__name__' || p.startsWith('_')));
      return words(shown, p, 'label');
    }
    case 'labelValue': {
      const values = await safe(src.labelValues(ctx.label, ctx.selector));
      return values
        .map((v) => quoteValue(v, ctx.quote))
        .filter((q) => q.startsWith(p) || (!/^["'`]/.test(p) && q.slice(1).startsWith(p)))
        .map((q) => ({ insert: q, display: q, group: 'value' }));
    }
    case 'duration':
      return words(DURATIONS, p, 'duration');
    case 'none':
      return [];
  }
}

function commonPrefix(items: string[]): string {
  if (items.length === 0) return '';
  let prefix = items[0];
  for (const s of items) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** The [entries, replaced-text] pair readline's completer returns. */
export function forReadline(cands: Candidate[], prefix: string): [string[], string] {
  // Nothing to add (`5m` fully typed) must not list the word itself on a second Tab.
  if (cands.length === 0 || (cands.length === 1 && cands[0].insert === prefix)) return [[], prefix];
  const common = commonPrefix(cands.map((c) => c.insert));
  // Values may be completed from an unquoted prefix: the common prefix replaces it.
  if (common.length > prefix.length && (common.startsWith(prefix) || cands[0].group === 'value')) return [[common], prefix];
  if (cands.length === 1) return [[cands[0].insert], prefix];
  const listed: string[] = [];
  let group: Candidate['group'] | undefined;
  for (const c of cands.slice(0, MAX_LISTED)) {
    if (group !== undefined && c.group !== group) listed.push(''); // readline: a blank row between groups
    group = c.group;
    listed.push(c.display);
  }
  if (cands.length > MAX_LISTED) listed.push('', t('repl.moreCandidates', { n: cands.length - MAX_LISTED }));
  return [listed, prefix];
}

/** Everything in one step: text before the cursor → readline's completer answer. */
export async function complete(textBeforeCursor: string, src: CompletionSource): Promise<[string[], string]> {
  const ctx = completionContext(textBeforeCursor);
  return forReadline(await candidatesFor(ctx, src), ctx.prefix);
}
