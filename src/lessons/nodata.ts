// Why a learner's query returns nothing: per selector, which matcher removed
// the last series and which values do exist, or, when every selector finds
// series, that an operator or filter removed them. A small interface of the
// tutorial's own (NoDataDiagnosis), so the explain layer's richer selector
// diagnosis can take its place without touching the judge.

import type { Backend } from '../backends/backend.js';
import { inspect, parse, type LabelMatcher, type VectorSelector } from '../promql/index.js';
import { editDistance } from '../util/edit-distance.js';

/** Explains an empty result in the learner's terms: one message per finding, most useful first. */
export type NoDataDiagnosis = (backend: Backend, query: string, range: { start: number; end: number }) => Promise<string[]>;

/** Values of a label to show: at most this many. */
const SHOWN_VALUES = 8;

export const diagnoseNoData: NoDataDiagnosis = async (backend, query, range) => {
  let selectors: VectorSelector[];
  try {
    selectors = selectorsOf(query);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const sel of selectors) {
    const finding = await emptySelector(backend, sel, range);
    if (finding) out.push(finding);
  }
  if (out.length === 0 && selectors.length > 0) {
    out.push(
      'Every selector in your query finds series, yet the whole query returns nothing: a comparison or filter removes everything, or the two sides of an operator have no label set in common (compare their labels; on(...) or ignoring(...) says which to match on).',
    );
  }
  return out;
};

function selectorsOf(query: string): VectorSelector[] {
  const seen = new Set<string>();
  const out: VectorSelector[] = [];
  inspect(parse(query), (n) => {
    if (n.type !== 'VectorSelector') return;
    const key = n.matchers.map(matcherText).join(',');
    if (!seen.has(key)) out.push(n);
    seen.add(key);
  });
  return out;
}

function matcherText(m: LabelMatcher): string {
  return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}

/** The first matcher (metric name first) after which no series is left, in words; undefined if the selector finds series. */
async function emptySelector(backend: Backend, sel: VectorSelector, range: { start: number; end: number }): Promise<string | undefined> {
  const count = async (ms: LabelMatcher[]) => {
    try {
      return (await backend.series({ match: [`{${ms.map(matcherText).join(', ')}}`], ...range, limit: 1 })).length;
    } catch {
      return -1; // e.g. a selector of only empty-matching matchers: not a verdict on its own
    }
  };
  if ((await count(sel.matchers)) !== 0) return undefined;
  const ordered = [...sel.matchers].sort((a, b) => Number(b.name === '__name__') - Number(a.name === '__name__'));
  const kept: LabelMatcher[] = [];
  for (const m of ordered) {
    if ((await count([...kept, m])) === 0) return describe(backend, m, kept, range);
    kept.push(m);
  }
  return undefined;
}

async function describe(backend: Backend, m: LabelMatcher, kept: LabelMatcher[], range: { start: number; end: number }): Promise<string> {
  const match = kept.length > 0 ? [`{${kept.map(matcherText).join(', ')}}`] : undefined;
  const values = await backend.labelValues(m.name, { match, ...range }).catch(() => [] as string[]);
  if (m.name === '__name__' && m.op === '=') {
    const near = values
      .map((v) => ({ v, d: editDistance(v, m.value) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(m.value.length / 4)))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((x) => x.v);
    return `There is no metric named \`${m.value}\`${near.length ? `: did you mean ${near.map((v) => `\`${v}\``).join(' or ')}?` : '.'}`;
  }
  const where = kept.length > 0 ? ` among the series of \`{${kept.map(matcherText).join(', ')}}\`` : '';
  const shown = values.slice(0, SHOWN_VALUES).map((v) => JSON.stringify(v)).join(', ') + (values.length > SHOWN_VALUES ? ', …' : '');
  const regexNote = m.op === '=~' || m.op === '!~' ? ' (a regex must match the whole value: "5.." matches 500, "5xx" matches only the text 5xx)' : '';
  const exist = values.length > 0 ? ` The values of \`${m.name}\` that exist${where}: ${shown}.` : ` No series${where} has a \`${m.name}\` label.`;
  return `The matcher \`${matcherText(m)}\` removes the last series${regexNote}.${exist}`;
}
