// The Prometheus HTTP API backend: results come back as the API returns
// them (src/model/result.ts), warnings/infos and stats included. Transport,
// auth and error mapping live in ./http/.

import type { Backend, BackendInfo, QueryOptions, SeriesQuery } from './backend.js';
import type { Metric, MetricMetadata, QueryData, QueryResult, QueryStats } from '../model/result.js';
import type { BackendHost } from './options.js';
import { QueryError } from '../errors.js';
import { ApiClient } from './http/client.js';
import { resolveConnection, type RemoteOptions } from './http/config.js';

export type { RemoteOptions } from './http/config.js';

/** What `promlearn status` can ask a remote backend beyond the Backend interface. */
export interface RemoteBackend extends Backend {
  /** Series in the server's head block (/api/v1/status/tsdb), when it says. */
  headSeries(signal?: AbortSignal): Promise<number | undefined>;
}

const RESULT_TYPES = new Set(['vector', 'matrix', 'scalar', 'string']);

function badShape(what: string): QueryError {
  return new QueryError(`the server's answer to ${what} is not in Prometheus's format`, {
    errorType: 'bad_response',
    hint: 'is this a Prometheus API? --server should be the base URL, e.g. http://localhost:9090',
  });
}

function num(n: number): string {
  // Unix seconds / step as plain decimals (no exponent), ms precision.
  return String(Math.round(n * 1000) / 1000);
}

function asQueryResult(data: unknown, warnings?: string[], infos?: string[]): QueryResult {
  const d = data as { resultType?: unknown; result?: unknown; stats?: QueryStats } | null;
  if (!d || typeof d !== 'object' || !RESULT_TYPES.has(String(d.resultType)) || d.result === undefined) throw badShape('the query');
  const out: QueryResult = { data: { resultType: d.resultType, result: d.result } as QueryData };
  if (warnings?.length) out.warnings = warnings;
  if (infos?.length) out.infos = infos;
  if (d.stats) out.stats = d.stats;
  return out;
}

function stringList(data: unknown, what: string): string[] {
  if (data === null) return [];
  if (!Array.isArray(data)) throw badShape(what);
  return data.map(String);
}

function rangeParams(q?: SeriesQuery): [string, string][] {
  const p: [string, string][] = [];
  for (const m of q?.match ?? []) p.push(['match[]', m]);
  if (q?.start !== undefined) p.push(['start', num(q.start)]);
  if (q?.end !== undefined) p.push(['end', num(q.end)]);
  if (q?.limit !== undefined) p.push(['limit', String(q.limit)]);
  return p;
}

function limited<T>(xs: T[], limit?: number): T[] {
  return limit !== undefined && limit > 0 ? xs.slice(0, limit) : xs;
}

/** Name, description and version of the server: buildinfo, or (Thanos, Mimir & co.) a probe of the query API. */
async function serverInfo(client: ApiClient, signal?: AbortSignal): Promise<BackendInfo> {
  const baseUrl = client.conn.baseUrl;
  let version: string | undefined;
  try {
    const r = await client.call('/api/v1/status/buildinfo', [], { signal });
    version = (r.data as { version?: string } | null)?.version;
  } catch (e) {
    // Thanos, Mimir & co. may lack buildinfo; anything else is a real problem.
    if (!(e instanceof QueryError && (e.errorType === 'not_found' || e.errorType === 'bad_response'))) throw e;
    // Is there a query API at all (or is the path prefix wrong)? This throws if not.
    await client.call('/api/v1/query', [['query', '1']], { signal });
  }
  return {
    name: new URL(baseUrl).host,
    description: version ? `Prometheus ${version} at ${baseUrl}` : `Prometheus-compatible server at ${baseUrl}`,
    kind: 'remote',
    version,
  };
}

/** Series in the server's head block (/api/v1/status/tsdb), when it says. */
async function headSeries(client: ApiClient, signal?: AbortSignal): Promise<number | undefined> {
  try {
    const r = await client.call('/api/v1/status/tsdb', [], { signal });
    const n = (r.data as { headStats?: { numSeries?: unknown } } | null)?.headStats?.numSeries;
    return typeof n === 'number' ? n : undefined;
  } catch (e) {
    if (e instanceof QueryError && (e.errorType === 'not_found' || e.errorType === 'bad_response')) return undefined;
    throw e;
  }
}

export async function createRemoteBackend(opts: RemoteOptions, host: BackendHost): Promise<RemoteBackend> {
  const conn = await resolveConnection(opts, host);
  const client = new ApiClient(conn, (line) => host.log(line), opts.maxBodyBytes);

  async function query(path: string, params: [string, string][], q: string, o: QueryOptions = {}): Promise<QueryResult> {
    if (o.stats) params.push(['stats', 'all']);
    const r = await client.call(path, params, {
      method: 'POST',
      signal: o.signal,
      timeoutMs: o.timeoutMs,
      query: q,
      serverTimeout: true,
    });
    return asQueryResult(r.data, r.warnings, r.infos);
  }

  return {
    info: (signal?: AbortSignal) => serverInfo(client, signal),

    instantQuery(q, time, o) {
      return query('/api/v1/query', [['query', q], ['time', num(time)]], q, o);
    },

    rangeQuery(q, start, end, step, o) {
      const params: [string, string][] = [['query', q], ['start', num(start)], ['end', num(end)], ['step', num(step)]];
      return query('/api/v1/query_range', params, q, o);
    },

    async series(q: SeriesQuery): Promise<Metric[]> {
      const match = q.match?.length ? q.match : ['{__name__=~".+"}'];
      const r = await client.call('/api/v1/series', rangeParams({ ...q, match }), { method: 'POST', signal: q.signal });
      if (!Array.isArray(r.data)) throw badShape('the series request');
      return limited(r.data as Metric[], q.limit);
    },

    async labelNames(q?: SeriesQuery): Promise<string[]> {
      const r = await client.call('/api/v1/labels', rangeParams(q), { method: 'POST', signal: q?.signal });
      return limited(stringList(r.data, 'the label names request'), q?.limit);
    },

    async labelValues(name: string, q?: SeriesQuery): Promise<string[]> {
      const path = `/api/v1/label/${encodeURIComponent(name)}/values`;
      const r = await client.call(path, rangeParams(q), { signal: q?.signal });
      return limited(stringList(r.data, 'the label values request'), q?.limit);
    },

    async metadata(metric?: string, signal?: AbortSignal): Promise<Record<string, MetricMetadata[]>> {
      const r = await client.call('/api/v1/metadata', metric ? [['metric', metric]] : [], { signal });
      if (!r.data || typeof r.data !== 'object' || Array.isArray(r.data)) throw badShape('the metadata request');
      return r.data as Record<string, MetricMetadata[]>;
    },

    headSeries: (signal?: AbortSignal) => headSeries(client, signal),

    close: () => client.close(),
  };
}
