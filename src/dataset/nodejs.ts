// What prom-client's collectDefaultMetrics() exposes for one Node.js process,
// plus up and the shop's build-info gauge. Driven by the instance's request
// load; one instance (frontend-1 in the sample) leaks memory.

import { emitHistogram, GC_BUCKETS, roundTo } from './histogram.js';
import { Rng } from './random.js';
import type { ServiceSpec } from './services.js';
import { cumulate, initialUptime, poissonIncrements, type Emitter, type Target } from './target.js';

const MiB = 1024 * 1024;
/** Heap growth of the leaking instance. */
const LEAK_BYTES_PER_SECOND = (50 * MiB) / 3600;

const REVISIONS: Record<string, string> = { '2.3.1': 'a1f9c3e', '2.4.0': '7d02b5c' };

const GC_KINDS = [
  { kind: 'minor', perSecond: 0.4, perRequest: 0.02, median: 0.0012, sigma: 0.6 },
  { kind: 'incremental', perSecond: 0.08, perRequest: 0.002, median: 0.004, sigma: 0.7 },
  { kind: 'major', perSecond: 0.015, perRequest: 0.0005, median: 0.03, sigma: 0.6 },
  { kind: 'weakcb', perSecond: 0.005, perRequest: 0, median: 0.0004, sigma: 0.5 },
];

export function emitNodejsMetrics(em: Emitter, svc: ServiceSpec, requests: Float64Array, leakInstance: string): void {
  emitCpu(em, svc, requests);
  emitMemory(em, svc, leakInstance);
  emitRuntime(em, requests);
  emitVersions(em);
  emitGc(em, requests);
}

/** Requests per second at scrape i. */
function reqRate(t: Target, requests: Float64Array, i: number): number {
  return t.dt[i] > 0 ? requests[i] / t.dt[i] : 0;
}

function emitCpu(em: Emitter, svc: ServiceSpec, requests: Float64Array): void {
  const t = em.target;
  const rng = new Rng(`cpu/${t.instance}`);
  // Whole microseconds, as process.cpuUsage() reports them.
  const user = new Float64Array(t.n);
  const system = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) {
    const busy = (0.008 * t.dt[i] + requests[i] * svc.cpuPerRequest) * (1 + 0.1 * rng.gauss());
    user[i] = Math.max(0, Math.round(busy * 0.8e6));
    system[i] = Math.max(0, Math.round(busy * 0.2e6));
  }
  const uptime = initialUptime(t);
  const userBase = Math.round(uptime * (user[0] / t.dt[0]));
  const systemBase = Math.round(uptime * (system[0] / t.dt[0]));
  const userTotal = cumulate(t, user, userBase);
  const systemTotal = cumulate(t, system, systemBase);
  const seconds = (us: Float64Array) => us.map((v) => v / 1e6);
  em.emit('process_cpu_user_seconds_total', {}, seconds(userTotal));
  em.emit('process_cpu_system_seconds_total', {}, seconds(systemTotal));
  em.emit('process_cpu_seconds_total', {}, seconds(userTotal.map((v, i) => v + systemTotal[i])));
}

function emitMemory(em: Emitter, svc: ServiceSpec, leakInstance: string): void {
  const t = em.target;
  const rng = new Rng(`heap/${t.instance}`);
  const used = new Float64Array(t.n);
  const total = new Float64Array(t.n);
  const rss = new Float64Array(t.n);
  let saw = 0.5;
  for (let i = 0; i < t.n; i++) {
    if (t.restarted[i]) saw = 0;
    // Garbage accumulates between scrapes and is collected now and then.
    saw += 0.03 + 0.05 * rng.next();
    if (saw > 1) saw = 0.1 * rng.next();
    const age = t.times[i] / 1000 - t.runs[t.run[i]].start;
    const leak = t.instance === leakInstance ? LEAK_BYTES_PER_SECOND * age : 0;
    // A fresh process has a smaller heap for its first minutes.
    const warm = Math.min(1, 0.6 + age / 600);
    used[i] = Math.round(svc.heapBase * warm * (0.9 + 0.2 * saw) + leak);
    total[i] = Math.ceil((used[i] * 1.12 + 6 * MiB) / MiB) * MiB;
    rss[i] = Math.round((total[i] + 52 * MiB + 2 * MiB * rng.gauss()) / 4096) * 4096;
  }
  em.emit('nodejs_heap_size_used_bytes', {}, used);
  em.emit('nodejs_heap_size_total_bytes', {}, total);
  em.emit('process_resident_memory_bytes', {}, rss);
}

function emitRuntime(em: Emitter, requests: Float64Array): void {
  const t = em.target;
  const rng = new Rng(`runtime/${t.instance}`);
  const lag = new Float64Array(t.n);
  const handles = new Float64Array(t.n);
  const start = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) {
    const rps = reqRate(t, requests, i);
    lag[i] = roundTo((0.0015 + rps * 0.00012) * Math.exp(0.35 * rng.gauss()), 9);
    handles[i] = Math.max(1, Math.round(6 + rps * 0.4 + 2 * rng.gauss()));
    start[i] = t.runs[t.run[i]].start;
  }
  em.emit('nodejs_eventloop_lag_seconds', {}, lag);
  em.emit('nodejs_active_handles', {}, handles);
  em.emit('process_start_time_seconds', {}, start);
}

/** Info gauges (value 1) whose labels change when a deploy changes the versions. */
function emitVersions(em: Emitter): void {
  const t = em.target;
  const seen = new Set<string>();
  for (const run of t.runs) {
    const values = (key: (r: typeof run) => string) => Float64Array.from(t.run, (r) => (key(t.runs[r]) === key(run) ? 1 : NaN));
    if (!seen.has(`node/${run.nodeVersion}`)) {
      seen.add(`node/${run.nodeVersion}`);
      const [major, minor, patch] = run.nodeVersion.slice(1).split('.');
      em.emit(
        'nodejs_version_info',
        { version: run.nodeVersion, major, minor, patch },
        values((r) => r.nodeVersion),
      );
    }
    if (!seen.has(`app/${run.appVersion}`)) {
      seen.add(`app/${run.appVersion}`);
      const labels = { version: run.appVersion, revision: REVISIONS[run.appVersion] ?? 'unknown' };
      em.emit(
        'shop_build_info',
        labels,
        values((r) => r.appVersion),
      );
    }
  }
}

function emitGc(em: Emitter, requests: Float64Array): void {
  const t = em.target;
  const uptime = initialUptime(t);
  for (const g of GC_KINDS) {
    const rng = new Rng(`gc/${t.instance}/${g.kind}`);
    const rate = Float64Array.from(requests, (_, i) => g.perSecond + g.perRequest * reqRate(t, requests, i));
    const incs = poissonIncrements(t, rng, rate);
    emitHistogram(em, 'nodejs_gc_duration_seconds', { kind: g.kind }, GC_BUCKETS, incs, Math.round(rate[0] * uptime), () => g);
  }
}
