// The local backend with a worker thread started only when a query needs it.
//
// A worker thread costs start-up time and memory (its own isolate, modules
// and store) on every run, yet most queries on the sample take milliseconds.
// So queries run in this thread first, with a small time budget; a query that
// runs past it is abandoned and run again in the worker (started then, and
// used for every later query), where Ctrl-C can cancel it — in this thread a
// synchronous evaluation cannot see Ctrl-C until it ends. Label and series
// calls are always answered here: they are quick.
//
//   const b = createLazyWorkerBackend(store, opts, () => createWorkerBackend({ kind: 'sample' }, opts));

import type { Metric, MetricMetadata } from '../model/result.js';
import type { MemoryStore } from '../storage/store.js';
import type { Backend, BackendInfo, QueryOptions, SeriesQuery, TracedNode } from './backend.js';
import { createLocalBackend, type LocalBackendOptions, type LocalQueryOptions } from './local.js';

/** How long a query may hold this thread (Ctrl-C waits at most this long) before the worker takes over. */
export const IN_THREAD_BUDGET_MS = 150;

export interface LazyWorkerHooks {
  budgetMs?: number;
}

export function createLazyWorkerBackend(
  store: MemoryStore,
  opts: LocalBackendOptions,
  startWorker: () => Promise<Backend>,
  hooks: LazyWorkerHooks = {},
): Backend {
  const local = createLocalBackend(store, opts);
  const budgetMs = hooks.budgetMs ?? IN_THREAD_BUDGET_MS;
  let worker: Promise<Backend> | undefined;

  async function query<T>(
    inThread: (o: LocalQueryOptions) => Promise<T>,
    inWorker: (w: Backend) => Promise<T>,
    qo: QueryOptions = {},
  ): Promise<T> {
    // Once started, the worker answers every query: it is warm, and cancellable.
    if (worker) return inWorker(await worker);
    const started = Date.now();
    let overBudget = false;
    try {
      return await inThread({ ...qo, shouldAbort: () => (overBudget = Date.now() - started > budgetMs) });
    } catch (e) {
      if (!overBudget || qo.signal?.aborted) throw e;
      worker ??= startWorker();
      return inWorker(await worker);
    }
  }

  return {
    info: (signal?: AbortSignal): Promise<BackendInfo> => local.info(signal),
    instantQuery: (q: string, time: number, qo?: QueryOptions) =>
      query(
        (o) => local.instantQuery(q, time, o),
        (w) => w.instantQuery(q, time, qo),
        qo,
      ),
    // explain's one traced evaluation (both sides have it: the local backend and the worker).
    traceInstantQuery: (q: string, time: number, qo?: QueryOptions): Promise<{ nodes: TracedNode[] }> =>
      query(
        (o) => local.traceInstantQuery!(q, time, o),
        (w) => w.traceInstantQuery!(q, time, qo),
        qo,
      ),
    rangeQuery: (q: string, start: number, end: number, step: number, qo?: QueryOptions) =>
      query(
        (o) => local.rangeQuery(q, start, end, step, o),
        (w) => w.rangeQuery(q, start, end, step, qo),
        qo,
      ),
    series: (sq: SeriesQuery): Promise<Metric[]> => local.series(sq),
    labelNames: (sq?: SeriesQuery): Promise<string[]> => local.labelNames(sq),
    labelValues: (name: string, sq?: SeriesQuery): Promise<string[]> => local.labelValues(name, sq),
    metadata: (metric?: string, signal?: AbortSignal): Promise<Record<string, MetricMetadata[]>> => local.metadata(metric, signal),
    close: async () => {
      const w = await worker?.catch(() => undefined);
      await w?.close?.();
    },
  };
}
