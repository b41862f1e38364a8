// The Prometheus HTTP API backend: results come back as the API returns
// them (src/model/result.ts), warnings/infos and stats included. Transport,
// auth and error mapping live in ./http/.

import type { Backend, BackendInfo, QueryOptions, SeriesQuery } from './backend.js';
import type { Metric, MetricMetadata, QueryResult } from '../model/result.js';
import type { BackendHost } from './options.js';
import { QueryError } from '../errors.js';
import { ApiClient } from './http/client.js';
import { resolveConnection, type RemoteOptions } from './http/config.js';
import { checkShape, checkStats, checkStrings } from './http/shape.js';

export type { RemoteOptions } from './http/config.js';

/** What `promlearn status` can ask a remote backend beyond the Backend interface. */
export interface RemoteBackend extends Backend {
  /** Series in the server's head block (/api/v1/status/tsdb), when it says. */
  headSeries(signal?: AbortSignal): Promise<number | undefined>;
  /**
   * Where the server's newest data is (unix seconds), from its head block's
   * stats (/api/v1/status/tsdb: one cheap call, no data read); null when its
   * head is empty (data only in older blocks, e.g. backfilled), undefined when it does not say.
   */
  dataEnd(signal?: AbortSignal): Promise<number | null | undefined>;
}

function num(n: number): string {
  // Unix seconds / step as plain decimals (no exponent), ms precision.
  return String(Math.round(n * 1000) / 1000);
}

/** The server and endpoint, as shape errors name them. */
function source(client: ApiClient, path: string): [string, string] {
  return [`the server at ${client.conn.baseUrl}`, path];
}

function asQueryResult(client: ApiClient, path: string, data: unknown, warnings?: unknown, infos?: unknown): QueryResult {
  const out: QueryResult = { data: checkShape('query', data, ...source(client, path)) };
  const w = checkStrings(warnings);
  const i = checkStrings(infos);
  if (w) out.warnings = w;
  if (i) out.infos = i;
  const stats = checkStats((data as { stats?: unknown }).stats);
  if (stats) out.stats = stats;
  return out;
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
    const v = (r.data as { version?: unknown } | null)?.version;
    version = typeof v === 'string' && v ? v : undefined;
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

interface HeadStats {
  numSeries?: unknown;
  minTime?: unknown;
  maxTime?: unknown;
}

/** The head block's stats (/api/v1/status/tsdb), when the server has that endpoint. */
async function headStats(client: ApiClient, signal?: AbortSignal): Promise<HeadStats | undefined> {
  try {
    const r = await client.call('/api/v1/status/tsdb', [], { signal });
    const h = (r.data as { headStats?: unknown } | null)?.headStats;
    return h && typeof h === 'object' ? (h as HeadStats) : undefined;
  } catch (e) {
    if (e instanceof QueryError && (e.errorType === 'not_found' || e.errorType === 'bad_response')) return undefined;
    throw e;
  }
}

/** Series in the server's head block, when it says. */
async function headSeries(client: ApiClient, signal?: AbortSignal): Promise<number | undefined> {
  const n = (await headStats(client, signal))?.numSeries;
  return typeof n === 'number' ? n : undefined;
}

/** The newest sample's time in the head block (seconds); an empty head reports minTime > maxTime. */
async function dataEnd(client: ApiClient, signal?: AbortSignal): Promise<number | null | undefined> {
  const h = await headStats(client, signal);
  const { minTime, maxTime, numSeries } = h ?? {};
  if (typeof minTime !== 'number' || typeof maxTime !== 'number') return undefined;
  if (minTime > maxTime || numSeries === 0) return null;
  return maxTime / 1000;
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
    return asQueryResult(client, path, r.data, r.warnings, r.infos);
  }

  return {
    info: (signal?: AbortSignal) => serverInfo(client, signal),

    instantQuery(q, time, o) {
      return query(
        '/api/v1/query',
        [
          ['query', q],
          ['time', num(time)],
        ],
        q,
        o,
      );
    },

    rangeQuery(q, start, end, step, o) {
      const params: [string, string][] = [
        ['query', q],
        ['start', num(start)],
        ['end', num(end)],
        ['step', num(step)],
      ];
      return query('/api/v1/query_range', params, q, o);
    },

    async series(q: SeriesQuery): Promise<Metric[]> {
      const match = q.match?.length ? q.match : ['{__name__=~".+"}'];
      const r = await client.call('/api/v1/series', rangeParams({ ...q, match }), { method: 'POST', signal: q.signal });
      return limited(checkShape('series', r.data, ...source(client, '/api/v1/series')), q.limit);
    },

    async labelNames(q?: SeriesQuery): Promise<string[]> {
      const r = await client.call('/api/v1/labels', rangeParams(q), { method: 'POST', signal: q?.signal });
      return limited(checkShape('names', r.data, ...source(client, '/api/v1/labels')), q?.limit);
    },

    async labelValues(name: string, q?: SeriesQuery): Promise<string[]> {
      const path = `/api/v1/label/${encodeURIComponent(name)}/values`;
      const r = await client.call(path, rangeParams(q), { signal: q?.signal });
      return limited(checkShape('names', r.data, ...source(client, path)), q?.limit);
    },

    async metadata(metric?: string, signal?: AbortSignal): Promise<Record<string, MetricMetadata[]>> {
      const r = await client.call('/api/v1/metadata', metric ? [['metric', metric]] : [], { signal });
      return checkShape('metadata', r.data, ...source(client, '/api/v1/metadata'));
    },

    headSeries: (signal?: AbortSignal) => headSeries(client, signal),
    dataEnd: (signal?: AbortSignal) => dataEnd(client, signal),

    close: () => client.close(),
  };
}
