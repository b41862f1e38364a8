// The Prometheus HTTP API's endpoints over any Backend, answering as
// Prometheus 3's web/api/v1/api.go does: the same parameters, defaults,
// limits, error types and wording. Everything that needs a query goes
// through the Backend, so the sample dataset, a --dataset file and the live
// scraped store are served alike.

import { hostname } from 'node:os';
import type { Backend } from '../backends/backend.js';
import { QueryError } from '../errors.js';
import { apiResult, type QueryResult } from '../model/result.js';
import { parse, formatDuration } from '../promql/index.js';
import { prettyExpr } from '../promql/pretty.js';
import { matcherTest } from '../storage/store.js';
import type { TargetSource } from '../scrape/live.js';
import { ApiError, Form, invalidParam, limitParam, parseDuration, parseTime, timeParam } from './params.js';
import { translateAst } from './parse-query.js';

/** Where /api/v1/rules and /api/v1/alerts get their data (the rules engine plugs in here). */
export interface RulesHook {
  /** Rule groups as Prometheus's RuleDiscovery.groups; `type` filters "alert" / "record". */
  groups(filter: { type?: 'alert' | 'record' }): Promise<unknown[]>;
  /** Active alerts as Prometheus's AlertDiscovery.alerts. */
  alerts(): Promise<unknown[]>;
}

export interface ApiContext {
  backend: Backend;
  targets?: TargetSource;
  rules?: RulesHook;
  /** Evaluation time (unix s) when a query gives none: now, or the end of a fixed dataset. */
  defaultTime(): Promise<number>;
  version: string;
  startTime: Date;
}

export interface ApiResult {
  data: unknown;
  warnings?: string[];
  infos?: string[];
}

type Handler = (ctx: ApiContext, form: Form, params: Record<string, string>) => Promise<ApiResult>;

const MAX_POINTS = 11000;
const TRUNCATED = 'results truncated due to limit';

/** A backend failure as Prometheus's returnAPIError / invalidParamError would report it. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof QueryError) {
    switch (e.errorType) {
      case 'bad_data':
        return invalidParam('query', e.message);
      case 'timeout':
        return new ApiError('timeout', e.message);
      case 'canceled':
        return new ApiError('canceled', e.message);
      case 'unavailable':
        return new ApiError('unavailable', e.message);
      case 'internal':
      case 'bad_response':
      case 'auth':
        return new ApiError('internal', e.message);
      default:
        return new ApiError('execution', e.message);
    }
  }
  return new ApiError('internal', e instanceof Error ? e.message : String(e));
}

function timeoutMs(form: Form): number | undefined {
  const to = form.get('timeout');
  if (to === '') return undefined;
  try {
    return parseDuration(to) * 1000;
  } catch (e) {
    throw invalidParam('timeout', (e as Error).message);
  }
}

/** Checks lookback_delta as Prometheus does; promlearn's engine always uses the 5m default, so a value earns a warning. */
function lookbackWarning(form: Form): string[] {
  const s = form.get('lookback_delta');
  if (s === '') return [];
  try {
    parseDuration(s);
  } catch (e) {
    throw new ApiError('bad_data', `error parsing lookback delta duration: ${(e as Error).message}`);
  }
  return ['lookback_delta is not supported by promlearn serve: the default 5m was used'];
}

function withLimit(r: QueryResult, limit: number): { r: QueryResult; truncated: boolean } {
  const d = r.data;
  if (limit <= 0 || (d.resultType !== 'vector' && d.resultType !== 'matrix') || d.result.length <= limit) return { r, truncated: false };
  const data = d.resultType === 'vector' ? { ...d, result: d.result.slice(0, limit) } : { ...d, result: d.result.slice(0, limit) };
  return { r: { ...r, data }, truncated: true };
}

/** The response data of a query; warnings capped at 10 each as Prometheus's AsStrings(query, 10, 10). */
function queryResult(r: QueryResult, limit: number, form: Form, extra: string[]): ApiResult {
  const { r: res, truncated } = withLimit(r, limit);
  const warnings = [...(res.warnings ?? []), ...extra, ...(truncated ? [TRUNCATED] : [])];
  const stats = form.get('stats');
  if (stats !== '' && stats !== 'true' && stats !== 'all') {
    warnings.push(
      `value ${JSON.stringify(stats)} for parameter "stats" is deprecated and will be rejected in the next major release, use "true" or "all"`,
    );
  }
  const data: Record<string, unknown> = { resultType: res.data.resultType, result: apiResult(res.data) };
  if (stats !== '' && res.stats) data.stats = res.stats;
  return { data, warnings: cap(warnings, 'warning'), infos: cap(res.infos ?? [], 'info') };
}

function cap(list: string[], kind: string): string[] | undefined {
  if (list.length === 0) return undefined;
  if (list.length <= 10) return list;
  return [...list.slice(0, 10), `${list.length - 10} more ${kind} annotations omitted`];
}

const query: Handler = async (ctx, form) => {
  const limit = limitParam(form);
  const time = timeParam(form, 'time', await ctx.defaultTime());
  const to = timeoutMs(form);
  const extra = lookbackWarning(form);
  try {
    const r = await ctx.backend.instantQuery(form.get('query'), time, { timeoutMs: to, stats: form.get('stats') !== '' });
    return queryResult(r, limit, form, extra);
  } catch (e) {
    throw toApiError(e);
  }
};

const queryRange: Handler = async (ctx, form) => {
  const limit = limitParam(form);
  const parsed = (name: string) => {
    try {
      return parseTime(form.get(name));
    } catch (e) {
      throw invalidParam(name, (e as Error).message);
    }
  };
  const start = parsed('start');
  const end = parsed('end');
  if (end < start) throw invalidParam('end', 'end timestamp must not be before start time');
  let step: number;
  try {
    step = parseDuration(form.get('step'));
  } catch (e) {
    throw invalidParam('step', (e as Error).message);
  }
  if (step <= 0) throw invalidParam('step', 'zero or negative query resolution step widths are not accepted. Try a positive integer');
  if ((end - start) / step > MAX_POINTS) {
    throw new ApiError(
      'bad_data',
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  }
  const to = timeoutMs(form);
  const extra = lookbackWarning(form);
  try {
    const r = await ctx.backend.rangeQuery(form.get('query'), start, end, step, { timeoutMs: to, stats: form.get('stats') !== '' });
    return queryResult(r, limit, form, extra);
  } catch (e) {
    throw toApiError(e);
  }
};

/** parseMatchersParam: each match[] a series selector, and at least one matcher that does not match "". */
function matchersParam(form: Form, wrap: boolean): string[] {
  const ms = form.all('match[]');
  for (const m of ms) {
    let expr;
    try {
      expr = parse(m);
    } catch (e) {
      throw wrap ? invalidParam('match[]', (e as Error).message) : new ApiError('bad_data', (e as Error).message);
    }
    if (expr.type !== 'VectorSelector') {
      const msg = `1:1: parse error: unexpected ${expr.type === 'MatrixSelector' ? 'range vector' : 'expression'} in series selector ${JSON.stringify(m)}`;
      throw wrap ? invalidParam('match[]', msg) : new ApiError('bad_data', msg);
    }
    if (expr.matchers.every((x) => matcherTest(x)({}))) {
      const msg = 'match[] must contain at least one non-empty matcher';
      throw wrap ? invalidParam('match[]', msg) : new ApiError('bad_data', msg);
    }
  }
  return ms;
}

function range(form: Form): { start?: number; end?: number } {
  const start = timeParam(form, 'start', -Infinity);
  const end = timeParam(form, 'end', Infinity);
  return { start: Number.isFinite(start) ? start : undefined, end: Number.isFinite(end) ? end : undefined };
}

function truncate<T>(list: T[], limit: number): ApiResult {
  if (limit > 0 && list.length > limit) return { data: list.slice(0, limit), warnings: [TRUNCATED] };
  return { data: list };
}

const series: Handler = async (ctx, form) => {
  if (form.all('match[]').length === 0) throw new ApiError('bad_data', 'no match[] parameter provided');
  const limit = limitParam(form);
  const r = range(form);
  const match = matchersParam(form, true);
  try {
    return truncate(await ctx.backend.series({ match, ...r }), limit);
  } catch (e) {
    throw toApiError(e);
  }
};

const labels: Handler = async (ctx, form) => {
  const limit = limitParam(form);
  const r = range(form);
  const match = matchersParam(form, false);
  try {
    return truncate(await ctx.backend.labelNames({ match, ...r }), limit);
  } catch (e) {
    throw toApiError(e);
  }
};

const labelValues: Handler = async (ctx, form, params) => {
  let name = params.name;
  if (name.startsWith('U__')) name = unescapeName(name.slice(3));
  if (name === '') throw new ApiError('bad_data', `invalid label name: ${JSON.stringify(name)}`);
  const limit = limitParam(form);
  const r = range(form);
  const match = matchersParam(form, false);
  try {
    return truncate(await ctx.backend.labelValues(name, { match, ...r }), limit);
  } catch (e) {
    throw toApiError(e);
  }
};

/** Prometheus's value-encoding escape: `_` stands for itself as `__`, `_2E_` for a code point. */
function unescapeName(s: string): string {
  return s.replace(/__|_([0-9A-Fa-f]+)_/g, (_all, hex: string | undefined) =>
    hex === undefined ? '_' : String.fromCodePoint(parseInt(hex, 16)),
  );
}

const metadata: Handler = async (ctx, form) => {
  const num = (name: string): number => {
    const s = form.get(name);
    if (s === '') return -1;
    if (!/^[+-]?\d+$/.test(s)) throw new ApiError('bad_data', `${name} must be a number`);
    return Number(s);
  };
  const limit = num('limit');
  const perMetric = num('limit_per_metric');
  const metric = form.get('metric') || undefined;
  const all = await ctx.backend.metadata(metric);
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(all).sort()) {
    if (limit >= 0 && Object.keys(out).length >= limit) break;
    const list = all[name];
    out[name] = perMetric > 0 ? list.slice(0, perMetric) : list;
  }
  return { data: out };
};

const buildinfo: Handler = async (ctx) => ({
  data: {
    version: ctx.version,
    revision: 'promlearn',
    branch: 'promlearn',
    buildUser: 'promlearn',
    buildDate: '',
    goVersion: `node ${process.version}`,
  },
});

const runtimeinfo: Handler = async (ctx) => ({
  data: {
    startTime: ctx.startTime.toISOString(),
    CWD: process.cwd(),
    hostname: hostname(),
    serverTime: new Date().toISOString(),
    reloadConfigSuccess: true,
    lastConfigTime: ctx.startTime.toISOString(),
    corruptionCount: 0,
    goroutineCount: 0,
    GOMAXPROCS: 1,
    GOMEMLIMIT: 0,
    GOGC: '',
    GODEBUG: '',
    storageRetention: 'in memory',
  },
});

const targets: Handler = async (ctx, form) => {
  const pool = form.get('scrapePool');
  const state = form.get('state').toLowerCase();
  const active = state === '' || state === 'any' || state === 'active';
  const list = (ctx.targets?.targets() ?? []).filter((t) => pool === '' || t.scrapePool === pool);
  const activeTargets = active
    ? list.map((t) => ({
        discoveredLabels: {
          __address__: t.labels.instance,
          __metrics_path__: new URL(t.scrapeUrl).pathname,
          __scheme__: new URL(t.scrapeUrl).protocol.replace(':', ''),
          __scrape_interval__: formatDuration(t.scrapeIntervalMs),
          __scrape_timeout__: formatDuration(t.scrapeTimeoutMs),
          job: t.scrapePool,
        },
        labels: t.labels,
        scrapePool: t.scrapePool,
        scrapeUrl: t.scrapeUrl,
        globalUrl: t.scrapeUrl,
        lastError: t.lastError,
        lastScrape: t.lastScrape === undefined ? '0001-01-01T00:00:00Z' : new Date(t.lastScrape).toISOString(),
        lastScrapeDuration: t.lastScrapeDuration,
        health: t.health,
        scrapeInterval: formatDuration(t.scrapeIntervalMs),
        scrapeTimeout: formatDuration(t.scrapeTimeoutMs),
      }))
    : [];
  const dropped = state === '' || state === 'any' || state === 'dropped';
  const counts: Record<string, number> = {};
  if (dropped) for (const t of list) counts[t.scrapePool] = 0;
  return { data: { activeTargets, droppedTargets: [], ...(dropped ? { droppedTargetCounts: counts } : {}) } };
};

const rules: Handler = async (ctx, form) => {
  const type = form.get('type').toLowerCase();
  if (type !== '' && type !== 'alert' && type !== 'record')
    throw invalidParam('type', `not supported value ${JSON.stringify(form.get('type'))}`);
  const groups = ctx.rules ? await ctx.rules.groups({ type: (type || undefined) as 'alert' | 'record' | undefined }) : [];
  return { data: { groups } };
};

const alerts: Handler = async (ctx) => ({ data: { alerts: ctx.rules ? await ctx.rules.alerts() : [] } });

const formatQuery: Handler = async (_ctx, form) => {
  try {
    return { data: prettyExpr(parse(form.get('query'))) };
  } catch (e) {
    throw invalidParam('query', (e as Error).message);
  }
};

const parseQuery: Handler = async (_ctx, form) => {
  try {
    return { data: translateAst(parse(form.get('query'))) };
  } catch (e) {
    throw invalidParam('query', (e as Error).message);
  }
};

const exemplars: Handler = async (ctx, form) => {
  try {
    parse(form.get('query'));
  } catch (e) {
    throw invalidParam('query', (e as Error).message);
  }
  void ctx;
  return { data: [] };
};

/** Endpoints by path under /api/v1, with the methods Prometheus registers for each. */
export const ROUTES: ReadonlyArray<{ path: RegExp; methods: string[]; handler: Handler; keys?: string[] }> = [
  { path: /^\/query$/, methods: ['GET', 'POST'], handler: query },
  { path: /^\/query_range$/, methods: ['GET', 'POST'], handler: queryRange },
  { path: /^\/query_exemplars$/, methods: ['GET', 'POST'], handler: exemplars },
  { path: /^\/format_query$/, methods: ['GET', 'POST'], handler: formatQuery },
  { path: /^\/parse_query$/, methods: ['GET', 'POST'], handler: parseQuery },
  { path: /^\/series$/, methods: ['GET', 'POST'], handler: series },
  { path: /^\/labels$/, methods: ['GET', 'POST'], handler: labels },
  { path: /^\/label\/([^/]+)\/values$/, methods: ['GET'], handler: labelValues, keys: ['name'] },
  { path: /^\/metadata$/, methods: ['GET'], handler: metadata },
  { path: /^\/status\/buildinfo$/, methods: ['GET'], handler: buildinfo },
  { path: /^\/status\/runtimeinfo$/, methods: ['GET'], handler: runtimeinfo },
  { path: /^\/targets$/, methods: ['GET'], handler: targets },
  { path: /^\/rules$/, methods: ['GET'], handler: rules },
  { path: /^\/alerts$/, methods: ['GET'], handler: alerts },
];
