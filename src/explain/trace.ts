// One traced evaluation instead of a query per node, when the backend can
// trace (the embedded engine: Backend.traceInstantQuery). The backend reports
// the value of every node it evaluated at the query's own instant, exactly as
// that node's own instant query would return it; those results are put in the
// query cache under the node's query, so nothing else changes: the nodes it
// did not report (inside subqueries, literals aside, or above a failing node)
// are then queried one by one as before, and selector diagnoses whose query
// equals a node's are served from the cache too.

import type { Backend, TracedNode } from '../backends/backend.js';
import { QueryError } from '../errors.js';
import type { PlannedNode, QueryCache } from './evaluate.js';

export interface TraceOutcome {
  /** Whether the backend traced the query. */
  traced: boolean;
  /** Nodes (not literals) whose result the trace gave. */
  seeded: number;
}

const key = (type: string, start: number, end: number): string => `${type}:${start}:${end}`;

/** Traces `query` (the text `plan` was parsed from) and seeds the cache with the nodes evaluated at the root's time. */
export async function seedFromTrace(
  backend: Backend,
  query: string,
  plan: PlannedNode,
  cache: QueryCache,
  opts: { signal?: AbortSignal; timeoutMs?: number },
): Promise<TraceOutcome> {
  if (!backend.traceInstantQuery) return { traced: false, seeded: 0 };
  let nodes: TracedNode[];
  try {
    ({ nodes } = await backend.traceInstantQuery(query, plan.evaluation.time, opts));
  } catch (e) {
    if (e instanceof QueryError && e.errorType === 'canceled') throw e;
    return { traced: false, seeded: 0 }; // refused as a whole: the per-node queries say why, as before
  }
  const byNode = new Map(nodes.map((n) => [key(n.type, n.start, n.end), n.result]));
  let seeded = 0;
  const visit = (n: PlannedNode): void => {
    const result = byNode.get(key(n.expr.type, n.expr.pos.start, n.expr.pos.end));
    // Only where the node is shown at the root's time (never inside a subquery).
    if (result && !n.evaluation.literal && !n.evaluation.note && n.evaluation.time === plan.evaluation.time) {
      cache.seed(n.evaluation.query, n.evaluation.time, result);
      seeded++;
    }
    n.children.forEach(visit);
  };
  visit(plan);
  return { traced: true, seeded };
}
