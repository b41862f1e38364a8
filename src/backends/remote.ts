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
import { locateData, type DataProbe, type DataWhere, type LocateOptions } from './http/data-end.js';
import { t } from '../util/messages/index.js';

export type { RemoteOptions } from './http/config.js';
export type { DataWhere } from './http/data-end.js';

/** What `promlearn status` can ask a remote backend beyond the Backend interface. */
export interface RemoteBackend extends Backend {
  /** Series in the server's head block (/api/v1/status/tsdb), when it says. */
  headSeries(signal?: AbortSignal): Promise<number | undefined>;
  /**
   * Where the data of these series selectors lies relative to `time` (unix
   * seconds): for an empty answer, whether the data ended before it (a
   * backfilled or stopped Prometheus) and where. A few small requests within a
   * time budget (./http/data-end.ts).
   */
  locateData(selectors: string[], time: number, opts?: LocateOptions): Promise<DataWhere>;
}

function num(n: number): string {
  // Unix seconds / step as plain decimals (no exponent), ms precision.
  return String(Math.round(n * 1000) / 1000);
}

/** The server (its base URL) and endpoint, as shape errors name them. */
function source(client: ApiClient, path: string): [string, string] {
  return [client.conn.baseUrl, path];
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
    description: version ? t('backend.prometheus', { version, url: baseUrl }) : t('backend.compatible', { url: baseUrl }),
    kind: 'remote',
    version,
  };
}

interface HeadStats {
  numSeries?: unknown;
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

/** The server's answers to the data search's two questions, for these selectors. */
function dataProbe(client: ApiClient, selectors: string[]): DataProbe {
  const match = selectors.map((s): [string, string] => ['match[]', s]);
  // timestamp() reads sample times only straight from a selector; each selector's
  // max gets its own label so that `or` keeps them all.
  const newest =
    selectors.length === 1
      ? `max(timestamp(${selectors[0]}))`
      : `max(${selectors.map((s, i) => `label_replace(max(timestamp(${s})), "__promlearn_i", "${i}", "", "")`).join(' or ')})`;
  return {
    async any(start, end, signal) {
      const p: [string, string][] = [...match, ['limit', '1']]; // limit: Prometheus 2.49+ (older ones ignore it)
      if (start !== undefined) p.push(['start', num(start)]);
      if (end !== undefined) p.push(['end', num(end)]);
      const r = await client.call('/api/v1/series', p, { method: 'POST', signal });
      return checkShape('series', r.data, ...source(client, '/api/v1/series')).length > 0;
    },
    async newestAt(time, signal) {
      const r = await client.call(
        '/api/v1/query',
        [
          ['query', newest],
          ['time', num(time)],
        ],
        { method: 'POST', signal, query: newest },
      );
      const data = checkShape('query', r.data, ...source(client, '/api/v1/query'));
      const v = data.resultType === 'vector' ? data.result[0]?.value?.[1] : undefined;
      return v !== undefined && Number.isFinite(Number(v)) ? Number(v) : undefined;
    },
  };
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
    locateData: (selectors, time, opts) =>
      selectors.length > 0 ? locateData(dataProbe(client, selectors), time, opts) : Promise.resolve({ kind: 'unknown' }),

    close: () => client.close(),
  };
}
