// The Backend over the embedded engine and the in-memory store: results are
// converted to the Prometheus HTTP API model (seconds, string values, sorted
// label objects) so every consumer treats both backends alike.

import type { Backend, BackendInfo, QueryOptions, SeriesQuery, TracedNode } from './backend.js';
import type { MemoryStore } from '../storage/store.js';
import { sortedLabels } from '../storage/store.js';
import type { Metric, MetricMetadata, QueryData, QueryResult } from '../model/result.js';
import type { HistogramPair } from '../model/histogram.js';
import { histogramToJSON } from '../engine/histogram-json.js';
import { formatSampleValue } from '../model/result.js';
import { Engine, formatAnnotation } from '../engine/index.js';
import type { EngineResult } from '../engine/result.js';
import { traceInstantQuery } from '../engine/trace.js';
import type { Expr } from '../promql/ast.js';
import { QueryError } from '../errors.js';
import { compareMetrics } from '../model/labels.js';

export interface LocalBackendOptions {
  /** Prompt name, e.g. "sample". */
  name: string;
  /** For `promlearn status`, e.g. "sample dataset (embedded engine)". */
  description: string;
  /** Lookback delta in ms (default 5m). */
  lookbackDeltaMs?: number;
  /** Max samples a query may load (default 50e6). */
  maxSamples?: number;
  /** Query timeout in ms (default 2m). */
  timeoutMs?: number;
  /** Enable experimental functions (default: off, as a stock Prometheus 3). */
  enableExperimentalFunctions?: boolean;
  /**
   * The window the data stands for (unix seconds), when it is documented (the
   * sample ends at a round instant); default: first to last sample.
   */
  dataRange?: { start: number; end: number };
}

/** QueryOptions plus a cancellation check polled during evaluation (used by the worker backend). */
export interface LocalQueryOptions extends QueryOptions {
  shouldAbort?: () => boolean;
}

/** Lets a pending Ctrl-C (AbortSignal) be seen before a synchronous evaluation starts. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new QueryError('query was canceled', { errorType: 'canceled' });
}

function toQueryResult(r: EngineResult, query: string, withStats: boolean): QueryResult {
  const sec = (ms: number): number => ms / 1000;
  let data: QueryData;
  const v = r.value;
  switch (v.type) {
    case 'vector':
      data = {
        resultType: 'vector',
        result: v.samples.map((s) =>
          s.h
            ? { metric: sortedLabels(s.metric), histogram: [sec(s.t), histogramToJSON(s.h)] }
            : { metric: sortedLabels(s.metric), value: [sec(s.t), formatSampleValue(s.v)] },
        ),
      };
      break;
    case 'matrix':
      data = {
        resultType: 'matrix',
        result: v.series.map((s) => {
          const values: [number, string][] = [];
          const histograms: HistogramPair[] = [];
          for (let i = 0; i < s.t.length; i++) {
            const h = s.h?.[i];
            if (h) histograms.push([sec(s.t[i]), histogramToJSON(h)]);
            else values.push([sec(s.t[i]), formatSampleValue(s.v[i])]);
          }
          // `values` is always there (maybe empty); JSON output leaves an empty one out as the API does (apiResult).
          return histograms.length === 0
            ? { metric: sortedLabels(s.metric), values }
            : { metric: sortedLabels(s.metric), values, histograms };
        }),
      };
      break;
    case 'scalar':
      data = { resultType: 'scalar', result: [sec(v.t), formatSampleValue(v.v)] };
      break;
    case 'string':
      data = { resultType: 'string', result: [sec(v.t), v.v] };
      break;
  }
  const out: QueryResult = { data };
  const warnings = r.annotations.filter((a) => a.kind === 'warning').map((a) => formatAnnotation(a, query));
  const infos = r.annotations.filter((a) => a.kind === 'info').map((a) => formatAnnotation(a, query));
  if (warnings.length) out.warnings = warnings;
  if (infos.length) out.infos = infos;
  if (withStats) {
    out.stats = {
      timings: { evalTotalTime: r.stats.evalTotalTime },
      samples: { totalQueryableSamples: r.stats.totalQueryableSamples, peakSamples: r.stats.peakSamples },
    };
  }
  return out;
}

/** Attach the query text to errors so the CLI can point at the position. */
function withQuery(e: unknown, query: string): never {
  if (e instanceof QueryError && e.query === undefined && e.errorType !== 'canceled' && e.errorType !== 'timeout') {
    throw new QueryError(e.message, { errorType: e.errorType, query, position: e.position, hint: e.hint });
  }
  throw e;
}

export function createLocalBackend(store: MemoryStore, opts: LocalBackendOptions): Backend {
  const engineFor = (timeoutMs?: number): Engine =>
    new Engine(store, {
      lookbackDeltaMs: opts.lookbackDeltaMs,
      maxSamples: opts.maxSamples,
      timeoutMs: timeoutMs ?? opts.timeoutMs,
      enableExperimentalFunctions: opts.enableExperimentalFunctions,
    });
  const defaultEngine = engineFor();

  return {
    async info(): Promise<BackendInfo> {
      const r = store.timeRange();
      return {
        name: opts.name,
        description: opts.description,
        kind: 'local',
        dataRange: opts.dataRange ?? (r ? { start: r.minT / 1000, end: r.maxT / 1000 } : undefined),
      };
    },

    async instantQuery(query: string, time: number, qo: LocalQueryOptions = {}): Promise<QueryResult> {
      await yieldToEventLoop();
      throwIfAborted(qo.signal);
      try {
        const r = engineFor(qo.timeoutMs).instantQuery(query, Math.round(time * 1000), { signal: qo.signal, shouldAbort: qo.shouldAbort });
        return toQueryResult(r, query, !!qo.stats);
      } catch (e) {
        return withQuery(e, query);
      }
    },

    async traceInstantQuery(query: string, time: number, qo: LocalQueryOptions = {}): Promise<{ nodes: TracedNode[] }> {
      await yieldToEventLoop();
      throwIfAborted(qo.signal);
      try {
        const t = traceInstantQuery(engineFor(qo.timeoutMs), query, Math.round(time * 1000), {
          signal: qo.signal,
          shouldAbort: qo.shouldAbort,
        });
        return { nodes: t.nodes.map((n) => ({ type: n.type, start: n.start, end: n.end, result: toQueryResult(n.result, query, false) })) };
      } catch (e) {
        return withQuery(e, query);
      }
    },

    async rangeQuery(query: string, start: number, end: number, step: number, qo: LocalQueryOptions = {}): Promise<QueryResult> {
      await yieldToEventLoop();
      throwIfAborted(qo.signal);
      try {
        const r = engineFor(qo.timeoutMs).rangeQuery(query, Math.round(start * 1000), Math.round(end * 1000), Math.round(step * 1000), {
          signal: qo.signal,
          shouldAbort: qo.shouldAbort,
        });
        return toQueryResult(r, query, !!qo.stats);
      } catch (e) {
        return withQuery(e, query);
      }
    },

    ...storeListings(store, (selector) => defaultEngine.parse(selector)),
  };
}

type ListingCalls = Pick<Backend, 'series' | 'labelNames' | 'labelValues' | 'metadata'>;

/** The metadata calls (series, label names and values, metadata), answered from the store's index. */
function storeListings(store: MemoryStore, parse: (selector: string) => Expr): ListingCalls {
  /** Series ids matching any of the selectors and having samples in [start, end]. */
  const matchIds = (q: SeriesQuery): number[] => {
    const ids = new Set<number>();
    for (const m of q.match ?? []) {
      const expr = parse(m);
      if (expr.type !== 'VectorSelector') {
        throw new QueryError(`invalid parameter "match[]": expected a vector selector, got ${JSON.stringify(m)}`, {
          errorType: 'bad_data',
        });
      }
      for (const id of store.select(expr.matchers)) ids.add(id);
    }
    const minT = q.start === undefined ? -Infinity : q.start * 1000;
    const maxT = q.end === undefined ? Infinity : q.end * 1000;
    return [...ids].filter((id) => hasSampleIn(store, id, minT, maxT)).sort((a, b) => a - b);
  };
  const unfiltered = (q: SeriesQuery): boolean => !q.match?.length && q.start === undefined && q.end === undefined;
  /** For label names and values, no selector means every series. */
  const matchOrAll = (q: SeriesQuery): number[] => matchIds(q.match?.length ? q : { ...q, match: ['{__name__=~".+"}'] });
  const limited = <T>(xs: T[], limit?: number): T[] => (limit !== undefined && limit > 0 ? xs.slice(0, limit) : xs);

  return {
    async series(q: SeriesQuery): Promise<Metric[]> {
      throwIfAborted(q.signal);
      const metrics = matchIds(q).map((id) => sortedLabels(store.labels(id)));
      metrics.sort(compareMetrics);
      return limited(metrics, q.limit);
    },

    async labelNames(q: SeriesQuery = {}): Promise<string[]> {
      throwIfAborted(q.signal);
      if (unfiltered(q)) return limited(store.labelNames(), q.limit);
      const set = new Set<string>();
      for (const id of matchOrAll(q)) for (const n of Object.keys(store.labels(id))) set.add(n);
      return limited([...set].sort(), q.limit);
    },

    async labelValues(name: string, q: SeriesQuery = {}): Promise<string[]> {
      throwIfAborted(q.signal);
      if (unfiltered(q)) return limited(store.labelValues(name), q.limit);
      const set = new Set<string>();
      for (const id of matchOrAll(q)) {
        const v = store.labels(id)[name];
        if (v !== undefined) set.add(v);
      }
      return limited([...set].sort(), q.limit);
    },

    async metadata(metric?: string, signal?: AbortSignal): Promise<Record<string, MetricMetadata[]>> {
      throwIfAborted(signal);
      const out: Record<string, MetricMetadata[]> = {};
      for (const [family, m] of store.allMetadata()) {
        if (metric === undefined || metric === family) out[family] = [m];
      }
      return out;
    },
  };
}

function hasSampleIn(store: MemoryStore, id: number, minT: number, maxT: number): boolean {
  if (minT === -Infinity && maxT === Infinity) return true;
  const { t, length } = store.samples(id);
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < minT) lo = mid + 1;
    else hi = mid;
  }
  return lo < length && t[lo] <= maxT;
}
