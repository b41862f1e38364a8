// Exercises that ask for one form of a query, not only its numbers: `uses:`
// names metrics the answer must read, `avoids:` metrics it must not (the
// native-histogram exercise of lesson 8 is right only when it reads the
// native histogram, although the classic buckets give the same numbers).
// Checked on the query's selectors, after the results were judged right.

import { parse } from '../promql/index.js';
import { inspect } from '../promql/walk.js';
import { t } from '../util/messages/index.js';
import type { ExerciseBlock } from './model.js';

/** The metric names the query's selectors read (`name{...}` or `{__name__="name"}`). */
export function metricsRead(query: string): Set<string> {
  const out = new Set<string>();
  let expr;
  try {
    expr = parse(query);
  } catch {
    return out;
  }
  inspect(expr, (node) => {
    if (node.type !== 'VectorSelector') return;
    for (const m of node.matchers) if (m.name === '__name__' && m.op === '=') out.add(m.value);
  });
  return out;
}

const list = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');

/** What the answer's form lacks (uses:) or has too much of (avoids:); undefined when it is as the task asks. */
export function metricUseProblem(ex: Pick<ExerciseBlock, 'uses' | 'avoids'>, answer: string): string | undefined {
  if (!ex.uses?.length && !ex.avoids?.length) return undefined;
  const read = metricsRead(answer);
  const missing = (ex.uses ?? []).filter((n) => !read.has(n));
  if (missing.length > 0) return t('judge.mustUse', { metrics: list(missing) });
  const avoided = (ex.avoids ?? []).filter((n) => read.has(n));
  if (avoided.length > 0) return t('judge.mustNotUse', { metrics: list(avoided) });
  return undefined;
}
