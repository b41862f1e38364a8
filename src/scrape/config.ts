// What to scrape: targets from URLs on the command line, or the
// `scrape_configs` of a real prometheus.yml. Only the fields promlearn's
// scraper implements are accepted; any other field is refused by name, so a
// config never half-works in silence.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.js';
import { parsePromDuration } from '../util/time.js';
import { currentLang, t } from '../util/messages/index.js';

/** Prometheus's defaults (config/config.go DefaultGlobalConfig). */
export const DEFAULT_INTERVAL_MS = 15_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface TargetConfig {
  job: string;
  /** host:port, the `instance` label. */
  address: string;
  scheme: 'http' | 'https';
  metricsPath: string;
  params: Record<string, string[]>;
  intervalMs: number;
  timeoutMs: number;
  honorLabels: boolean;
  /** Extra target labels from static_configs[].labels. */
  labels: Record<string, string>;
  /** Authorization header value, if any ("Basic …" / "Bearer …"). */
  authorization?: string;
  /** Refuse bodies larger than this many bytes (0 = no limit). */
  bodySizeLimit: number;
}

export interface TargetDefaults {
  intervalMs?: number;
  timeoutMs?: number;
  honorLabels?: boolean;
  job?: string;
  bodySizeLimit?: number;
}

/** The full scrape URL of a target, with its params. */
export function targetUrl(t: TargetConfig): string {
  const u = new URL(`${t.scheme}://${t.address}${t.metricsPath}`);
  for (const [k, vs] of Object.entries(t.params)) for (const v of vs) u.searchParams.append(k, v);
  return u.toString();
}

/** Timeout defaults to 10s but never above the interval (a shorter interval caps it). */
function defaultTimeout(intervalMs: number, timeoutMs?: number): number {
  return timeoutMs ?? Math.min(DEFAULT_TIMEOUT_MS, intervalMs);
}

/** A hint that only says in the learner's language what Prometheus's English message says (none in English). */
function meaningOf(text: string): string | undefined {
  return currentLang() === 'en' ? undefined : text;
}

function checkTimes(intervalMs: number, timeoutMs: number, job: string): void {
  if (intervalMs <= 0) throw new UsageError(t('scrape.intervalZero', { job }));
  if (timeoutMs <= 0) throw new UsageError(t('scrape.timeoutZero', { job }));
  if (timeoutMs > intervalMs) {
    // Prometheus's own wording (config/config.go), English in every language; the hint is ours.
    throw new UsageError(
      `scrape timeout greater than scrape interval for scrape config with job name "${job}"`,
      t('scrape.timeoutOverIntervalHint'),
    );
  }
}

/** Targets from URLs such as http://127.0.0.1:9464/metrics (job "promlearn" unless given). */
export function targetsFromUrls(urls: string[], d: TargetDefaults = {}): TargetConfig[] {
  const intervalMs = d.intervalMs ?? DEFAULT_INTERVAL_MS;
  const timeoutMs = defaultTimeout(intervalMs, d.timeoutMs);
  const job = d.job ?? 'promlearn';
  checkTimes(intervalMs, timeoutMs, job);
  return urls.map((raw) => {
    let u: URL;
    try {
      u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    } catch {
      throw new UsageError(t('scrape.badUrl', { url: JSON.stringify(raw) }), t('scrape.badUrlHint'));
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new UsageError(t('scrape.badUrlScheme', { url: JSON.stringify(raw) }), t('backend.badSchemeHint'));
    }
    const scheme = u.protocol === 'https:' ? 'https' : 'http';
    const port = u.port || (scheme === 'https' ? '443' : '80');
    const params: Record<string, string[]> = {};
    for (const [k, v] of u.searchParams) (params[k] ??= []).push(v);
    const authorization = u.username ? basicAuth(decodeURIComponent(u.username), decodeURIComponent(u.password)) : undefined;
    return {
      job,
      address: `${u.hostname}:${port}`,
      scheme,
      metricsPath: u.pathname === '/' && !raw.endsWith('/') ? '/metrics' : u.pathname,
      params,
      intervalMs,
      timeoutMs,
      honorLabels: d.honorLabels ?? false,
      labels: {},
      authorization,
      bodySizeLimit: d.bodySizeLimit ?? 0,
    };
  });
}

function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

const GLOBAL_KEYS = new Set(['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'external_labels']);
// Sections that are not about scraping (alerting, rule_files, remote_write, …) are left to their own readers.
const JOB_KEYS = new Set([
  'job_name',
  'static_configs',
  'metrics_path',
  'scheme',
  'params',
  'scrape_interval',
  'scrape_timeout',
  'honor_labels',
  'basic_auth',
  'authorization',
  'body_size_limit',
]);
const STATIC_KEYS = new Set(['targets', 'labels']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Refuses a field promlearn does not implement, naming it and where it is. */
function onlyKnown(o: Obj, known: Set<string>, where: string, file: string): void {
  for (const k of Object.keys(o)) {
    if (!known.has(k)) {
      throw new UsageError(
        t('scrape.unsupportedField', { file, where, field: k }),
        t('scrape.unsupportedFieldHint', { fields: [...known].join(', ') }),
      );
    }
  }
}

function duration(v: unknown, what: string, file: string): number | undefined {
  if (v === undefined) return undefined;
  const ms = parsePromDuration(String(v));
  // Prometheus's words for a bad duration (model.ParseDuration), after ours for where it is.
  if (ms === undefined)
    throw new UsageError(`${file}: ${what}: not a valid duration string: ${JSON.stringify(v)}`, t('scrape.durationHint'));
  return ms;
}

/** Reads the scrape_configs of a prometheus.yml. `overrides` (from flags) win over the file. */
export function loadScrapeConfigFile(file: string, overrides: TargetDefaults = {}): TargetConfig[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(t('scrape.cannotRead', { file, detail: (e as Error).message }));
  }
  return parseScrapeConfig(text, file, overrides);
}

export function parseScrapeConfig(text: string, file = 'prometheus.yml', overrides: TargetDefaults = {}): TargetConfig[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new UsageError(t('scrape.badYaml', { file, detail: (e as Error).message.split('\n')[0]! }));
  }
  if (doc === null || doc === undefined) doc = {};
  if (!isObj(doc)) throw new UsageError(t('scrape.topLevelMapping', { file }));
  const global = doc.global ?? {};
  if (!isObj(global)) throw new UsageError(t('scrape.expectedMapping', { file, where: 'global' }));
  onlyKnown(global, GLOBAL_KEYS, 'global', file);
  const gInterval = overrides.intervalMs ?? duration(global.scrape_interval, 'global.scrape_interval', file) ?? 60_000;
  const gTimeout = overrides.timeoutMs ?? duration(global.scrape_timeout, 'global.scrape_timeout', file);
  const jobs = doc.scrape_configs ?? [];
  if (!Array.isArray(jobs)) throw new UsageError(t('scrape.expectedList', { file, where: 'scrape_configs' }));
  const seen = new Set<string>();
  const out: TargetConfig[] = [];
  for (const [i, j] of jobs.entries()) {
    if (!isObj(j)) throw new UsageError(t('scrape.expectedMapping', { file, where: `scrape_configs[${i}]` }));
    const job = j.job_name;
    if (typeof job !== 'string' || job === '') throw new UsageError(t('scrape.jobNameRequired', { file, where: `scrape_configs[${i}]` }));
    // Prometheus's own wording (config/config.go).
    if (seen.has(job))
      throw new UsageError(`${file}: found multiple scrape configs with job name "${job}"`, meaningOf(t('scrape.duplicateJobHint')));
    seen.add(job);
    out.push(...jobTargets(j, job, file, gInterval, gTimeout, overrides));
  }
  if (out.length === 0) throw new UsageError(t('scrape.noTargets', { file }), t('scrape.noTargetsHint'));
  return out;
}

function jobTargets(j: Obj, job: string, file: string, gInterval: number, gTimeout: number | undefined, o: TargetDefaults): TargetConfig[] {
  const where = `job "${job}"`;
  onlyKnown(j, JOB_KEYS, where, file);
  const intervalMs = o.intervalMs ?? duration(j.scrape_interval, `${where} scrape_interval`, file) ?? gInterval;
  const timeoutMs = defaultTimeout(intervalMs, o.timeoutMs ?? duration(j.scrape_timeout, `${where} scrape_timeout`, file) ?? gTimeout);
  checkTimes(intervalMs, timeoutMs, job);
  const scheme = j.scheme ?? 'http';
  if (scheme !== 'http' && scheme !== 'https') throw new UsageError(t('scrape.badScheme', { file, where, scheme: JSON.stringify(scheme) }));
  const metricsPath = String(j.metrics_path ?? '/metrics');
  const params = stringLists(j.params, `${where} params`, file);
  const authorization = authHeader(j, where, file);
  const bodySizeLimit = o.bodySizeLimit ?? (j.body_size_limit === undefined ? 0 : parseBytes(String(j.body_size_limit)));
  const statics = j.static_configs ?? [];
  if (!Array.isArray(statics)) throw new UsageError(t('scrape.staticsList', { file, where }));
  const out: TargetConfig[] = [];
  for (const sc of statics) {
    if (!isObj(sc)) throw new UsageError(t('scrape.staticMapping', { file, where }));
    onlyKnown(sc, STATIC_KEYS, `${where} static_configs`, file);
    const labels = stringMap(sc.labels, `${where} labels`, file);
    for (const addr of (sc.targets ?? []) as unknown[]) {
      if (typeof addr !== 'string' || addr.includes('/')) {
        throw new UsageError(t('scrape.targetHostPort', { file, where, target: JSON.stringify(addr) }), t('scrape.targetHostPortHint'));
      }
      const address = addr.includes(':') ? addr : `${addr}:${scheme === 'https' ? 443 : 80}`;
      out.push({
        job,
        address,
        scheme,
        metricsPath,
        params,
        intervalMs,
        timeoutMs,
        honorLabels: o.honorLabels ?? j.honor_labels === true,
        labels,
        authorization,
        bodySizeLimit,
      });
    }
  }
  return out;
}

function stringMap(v: unknown, where: string, file: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw new UsageError(t('scrape.expectedMapping', { file, where }));
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k)) throw new UsageError(t('scrape.badLabelName', { file, where, name: JSON.stringify(k) }));
    out[k] = String(x);
  }
  return out;
}

function stringLists(v: unknown, where: string, file: string): Record<string, string[]> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw new UsageError(t('scrape.expectedListMapping', { file, where }));
  const out: Record<string, string[]> = {};
  for (const [k, x] of Object.entries(v)) out[k] = (Array.isArray(x) ? x : [x]).map(String);
  return out;
}

function authHeader(j: Obj, where: string, file: string): string | undefined {
  if (j.basic_auth !== undefined && j.authorization !== undefined) {
    throw new UsageError(t('scrape.basicAndAuthorization', { file, where }));
  }
  if (isObj(j.basic_auth)) {
    const b = j.basic_auth;
    onlyKnown(b, new Set(['username', 'password', 'password_file']), `${where} basic_auth`, file);
    const password = b.password_file !== undefined ? readSecret(String(b.password_file), file) : String(b.password ?? '');
    return basicAuth(String(b.username ?? ''), password);
  }
  if (isObj(j.authorization)) {
    const a = j.authorization;
    onlyKnown(a, new Set(['type', 'credentials', 'credentials_file']), `${where} authorization`, file);
    const creds = a.credentials_file !== undefined ? readSecret(String(a.credentials_file), file) : String(a.credentials ?? '');
    return `${String(a.type ?? 'Bearer')} ${creds}`;
  }
  return undefined;
}

function readSecret(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (e) {
    throw new UsageError(t('scrape.cannotReadIn', { file, path, detail: (e as Error).message }));
  }
}

/** Prometheus byte sizes: 512, 10KB, 5MB, 1GB (units of 1024). */
export function parseBytes(s: string): number {
  const m = /^(\d+)(B|KB|MB|GB|TB|PB|EB)?$/i.exec(s.trim());
  if (!m) throw new UsageError(t('scrape.badSize', { size: JSON.stringify(s) }), t('scrape.sizeHint'));
  const pow = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'].indexOf((m[2] ?? 'B').toUpperCase());
  return Number(m[1]) * 1024 ** pow;
}
