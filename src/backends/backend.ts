// The one interface every consumer (CLI, renderers, REPL, lessons) talks to.
// Two implementations: the embedded engine over the in-memory store
// (./local.ts) and the Prometheus HTTP API client (./remote.ts).

import type { Metric, MetricMetadata, QueryResult } from '../model/result.js';

export interface QueryOptions {
  /** Abort the query (Ctrl-C). Both backends honour it. */
  signal?: AbortSignal;
  /** Ask for `stats=all`-style statistics. */
  stats?: boolean;
  /** Per-query timeout in milliseconds. */
  timeoutMs?: number;
}

export interface SeriesQuery {
  /** Series selectors, e.g. ['up', 'http_requests_total{job="api"}']; empty = all (label endpoints only). */
  match?: string[];
  /** Unix seconds. */
  start?: number;
  end?: number;
  signal?: AbortSignal;
  /** Stop after this many results (Prometheus's `limit`). */
  limit?: number;
}

export interface BackendInfo {
  /** Short name for prompts: "sample", "prod", "127.0.0.1:9090". */
  name: string;
  /** One line for `promlearn status`: "sample dataset (embedded engine)", "Prometheus 2.42.0 at http://…". */
  description: string;
  kind: 'local' | 'remote';
  version?: string;
  /**
   * For a local dataset, the time range its data covers (unix seconds); relative
   * times (-1h) and the default evaluation time are taken from `end`.
   */
  dataRange?: { start: number; end: number };
}

/** One sub-expression's value, recorded while the whole query was evaluated (see `traceInstantQuery`). */
export interface TracedNode {
  /** The AST node's type and byte offsets in the query text, as the promql parser gives them. */
  type: string;
  start: number;
  end: number;
  /** What an instant query of this sub-expression alone, at the same time, returns (annotation positions refer to the whole query). */
  result: QueryResult;
}

export interface Backend {
  info(signal?: AbortSignal): Promise<BackendInfo>;
  /** Instant query at `time` (unix seconds). */
  instantQuery(query: string, time: number, opts?: QueryOptions): Promise<QueryResult>;
  /**
   * Optional (the embedded engine has it, the HTTP API has nothing like it):
   * the instant query evaluated once, with the value of every sub-expression
   * that was evaluated at `time` itself (not those inside subqueries). Plain
   * data. Parse errors, cancellation and timeouts are thrown as by
   * instantQuery; another error leaves out the failing node and those above it.
   */
  traceInstantQuery?(query: string, time: number, opts?: QueryOptions): Promise<{ nodes: TracedNode[] }>;
  /** Range query; start, end in unix seconds, step in seconds. */
  rangeQuery(query: string, start: number, end: number, step: number, opts?: QueryOptions): Promise<QueryResult>;
  series(q: SeriesQuery): Promise<Metric[]>;
  labelNames(q?: SeriesQuery): Promise<string[]>;
  labelValues(name: string, q?: SeriesQuery): Promise<string[]>;
  /** Metric families' metadata, keyed by metric family name (as /api/v1/metadata). */
  metadata(metric?: string, signal?: AbortSignal): Promise<Record<string, MetricMetadata[]>>;
  close?(): Promise<void>;
}
