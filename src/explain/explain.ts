// Taking a query apart: every node planned (./evaluate.ts), evaluated
// through the backend, diagnosed and assembled into the tree (./build.ts);
// selectors diagnosed (./selectors.ts); --samples walk-throughs added.

import type { Backend, BackendInfo } from '../backends/backend.js';
import { QueryError } from '../errors.js';
import type { Expr } from '../promql/ast.js';
import { ALL_FEATURES, parse } from '../promql/index.js';
import { buildTree } from './build.js';
import { evaluateNodes, planNodes, QueryCache, type PlannedNode } from './evaluate.js';
import type { Explanation, NodeOutcome } from './model.js';
import { diagnoseSelector } from './selectors.js';
import { seedFromTrace, type TraceOutcome } from './trace.js';
import { buildWalkthroughs } from './walkthrough.js';
import { t } from '../util/messages/index.js';

export interface ExplainOptions {
  /** Evaluation time, unix seconds. */
  time: number;
  signal?: AbortSignal;
  /** Per-query timeout in ms, passed to the backend with each node's query. */
  timeoutMs?: number;
  /** Add --samples walk-throughs for rate & co and histogram_quantile. */
  samples?: boolean;
  /** `--series '{...}'`: the series the walk-throughs use (default: the first). */
  series?: string;
  /** The backend's lookback delta, for the sentences (default 5m). */
  lookbackMs?: number;
  /** The backend's info, when the caller has it already (saves a request). */
  info?: BackendInfo;
  /** Run every node as its own query even when the backend can trace (to compare the two). */
  perNode?: boolean;
}

/** Parses as Prometheus with every feature on; whether the backend accepts it is the backend's call. */
function parseQuery(query: string): Expr {
  return parse(query, ALL_FEATURES);
}

function isParseError(e: unknown): boolean {
  return e instanceof QueryError && e.errorType === 'bad_data';
}

export async function explain(backend: Backend, query: string, opts: ExplainOptions): Promise<Explanation> {
  const expr = parseQuery(query);
  const info = opts.info ?? (await backend.info(opts.signal));
  const plan = planNodes(expr, opts.time);
  const cache = new QueryCache(backend, opts.signal, opts.timeoutMs);
  const trace = opts.perNode ? { traced: false, seeded: 0 } : await seedFromTrace(backend, query, plan, cache, opts);
  const outcomes = await evaluateNodes(plan, cache);
  const rootError = outcomes.get(plan.id)?.error;
  // The backend refused the query as a whole (an experimental function it has off, say): report it as `query` would.
  if (rootError !== undefined && (isParseError(rootError) || (rootError instanceof QueryError && rootError.errorType === 'canceled')))
    throw rootError;
  const selectors = await diagnoseSelectors(backend, plan, outcomes, cache, opts.signal);
  const root = buildTree(plan, { outcomes, lookbackMs: opts.lookbackMs });
  attachSelectors(root, selectors);
  const walkthroughs = opts.samples ? buildWalkthroughs(plan, outcomes, opts.series) : [];
  const method = methodSentence(info, trace, countQueried(plan));
  return {
    query,
    time: opts.time,
    backend: { name: info.name, kind: info.kind },
    method,
    root,
    walkthroughs,
    queriesRun: cache.runs + (trace.traced ? 1 : 0),
  };
}

function methodSentence(info: BackendInfo, trace: TraceOutcome, queried: number): string {
  const name = info.name;
  if (info.kind === 'remote') return t('explain.method.remote', { name });
  if (!trace.traced) return t('explain.method.separate', { name });
  const once = t('explain.method.once', { name });
  const rest = queried - trace.seeded;
  if (rest === 0) return t('explain.method.recordAll', { once });
  const others = rest === 1 ? t('explain.method.otherOne') : t('explain.method.others', { n: rest });
  return trace.seeded === 1
    ? t('explain.method.recordOne', { once, others })
    : t('explain.method.recordSome', { once, n: trace.seeded, others });
}

/** Nodes that need a value from the backend (literals do not). */
function countQueried(n: PlannedNode): number {
  return (n.evaluation.literal ? 0 : 1) + n.children.reduce((k, c) => k + countQueried(c), 0);
}

type Diagnoses = Map<number, Awaited<ReturnType<typeof diagnoseSelector>>>;

/** Diagnoses every selector that has label matchers (or returned nothing); the cache serves repeated queries. */
async function diagnoseSelectors(
  backend: Backend,
  plan: PlannedNode,
  outcomes: Map<number, NodeOutcome>,
  cache: QueryCache,
  signal?: AbortSignal,
): Promise<Diagnoses> {
  const jobs: Array<Promise<void>> = [];
  const out: Diagnoses = new Map();
  const visit = (n: PlannedNode) => {
    const e = n.expr;
    if (e.type === 'VectorSelector' || e.type === 'MatrixSelector') {
      const vs = e.type === 'MatrixSelector' ? e.vector : e;
      const empty = isEmpty(outcomes.get(n.id));
      if (vs.matchers.length > 1 || empty) {
        jobs.push(
          diagnoseSelector(backend, e, n.evaluation.time, { signal, run: (q, t) => cache.run(q, t) })
            .then((d) => void out.set(n.id, d))
            .catch(() => undefined),
        );
      }
    }
    n.children.forEach(visit);
  };
  visit(plan);
  await Promise.all(jobs);
  return out;
}

function isEmpty(o: NodeOutcome | undefined): boolean {
  const d = o?.result?.data;
  return (d?.resultType === 'vector' || d?.resultType === 'matrix') && d.result.length === 0;
}

function attachSelectors(node: Explanation['root'], diagnoses: Diagnoses): void {
  const d = diagnoses.get(node.id);
  if (d) node.selector = d;
  node.children.forEach((c) => attachSelectors(c, diagnoses));
}
