// Runs generated queries against the embedded engine and a live Prometheus
// and sorts every disagreement into a known 2.42-vs-3 difference
// (known-differences.ts) or "unexplained".

import type { QueryResult } from '../../src/model/result.js';
import { createLocalBackend } from '../../src/backends/local.js';
import type { Backend } from '../../src/backends/backend.js';
import { writeOpenMetrics } from '../../src/storage/openmetrics.js';
import { startPrometheus, type PrometheusServer } from '../helpers/prometheus.js';
import { diffResults } from '../backends/compare.js';
import { fuzzStore } from './sample.js';
import { generate, type FuzzQuery } from './generator.js';
import { classify, type Outcome } from './known-differences.js';

/** Prometheus's default subquery step is its evaluation_interval: set it, do not rely on a default. */
export const FUZZ_CONFIG = 'global:\n  evaluation_interval: 1m\n';

export interface Mismatch {
  q: FuzzQuery;
  category: string;
  detail: string;
}

export interface FuzzReport {
  queries: number;
  agreed: number;
  bothErrors: number;
  byCategory: Map<string, number>;
  unexplained: Mismatch[];
  seconds: number;
}

async function remoteQuery(url: string, q: FuzzQuery): Promise<Outcome> {
  const params: Record<string, string> =
    q.kind === 'instant'
      ? { query: q.query, time: String(q.time) }
      : { query: q.query, start: String(q.start), end: String(q.end), step: String(q.step) };
  const res = await fetch(`${url}/api/v1/${q.kind === 'instant' ? 'query' : 'query_range'}`, {
    method: 'POST',
    body: new URLSearchParams(params),
  });
  const j = (await res.json()) as { status: string; data?: QueryResult['data']; error?: string; errorType?: string };
  if (j.status !== 'success') return { error: `${j.errorType}: ${j.error}` };
  return { result: { data: j.data! } };
}

async function localQuery(b: Backend, q: FuzzQuery): Promise<Outcome> {
  try {
    const r = q.kind === 'instant' ? await b.instantQuery(q.query, q.time) : await b.rangeQuery(q.query, q.start, q.end, q.step);
    return { result: r };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export async function startFuzzPrometheus(): Promise<PrometheusServer> {
  return startPrometheus({ openMetrics: writeOpenMetrics(fuzzStore()), configYaml: FUZZ_CONFIG, readyTimeoutMs: 120_000 });
}

/** Runs `count` queries of `seed` against the server; never throws for a disagreement. */
export async function runFuzz(
  server: PrometheusServer,
  seed: number,
  count: number,
  onProgress?: (i: number) => void,
): Promise<FuzzReport> {
  const t0 = Date.now();
  const local = createLocalBackend(fuzzStore(), { name: 'fuzz', description: 'fuzz sample (embedded engine)' });
  const report: FuzzReport = { queries: 0, agreed: 0, bothErrors: 0, byCategory: new Map(), unexplained: [], seconds: 0 };
  const queries = generate(seed, count);
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    const [l, r] = [await localQuery(local, q), await remoteQuery(server.url, q)];
    report.queries++;
    onProgress?.(i);
    if (l.error !== undefined && r.error !== undefined) {
      report.bothErrors++;
      continue;
    }
    let detail: string;
    if (l.error !== undefined || r.error !== undefined)
      detail = `promlearn: ${l.error ?? 'a result'}; prometheus: ${r.error ?? 'a result'}`;
    else {
      const diffs = diffResults(l.result!, r.result!);
      if (diffs.length === 0) {
        report.agreed++;
        continue;
      }
      detail = diffs.join('\n    ');
    }
    const category = classify(q.query, l, r) ?? 'unexplained';
    report.byCategory.set(category, (report.byCategory.get(category) ?? 0) + 1);
    if (category === 'unexplained') report.unexplained.push({ q, category, detail });
  }
  report.seconds = (Date.now() - t0) / 1000;
  return report;
}

export function formatMismatch(m: Mismatch): string {
  const when = m.q.kind === 'instant' ? `instant at ${m.q.time}` : `range ${m.q.start}..${m.q.end} step ${m.q.step}`;
  return `${m.q.query}\n  (${when})\n    ${m.detail}`;
}
