// Engine benchmark: builds a deterministic store (1,000 counter series and a
// 20-instance classic histogram, 6 h at 15 s), runs range queries over the
// 6 h at a 15 s step and prints eval time (median of runs), samples touched,
// peak samples and memory per stored sample. With /usr/bin/prometheus and
// promtool, the same data is backfilled into a real Prometheus and its
// evalTotalTime is shown beside ours. Then label-matcher regex throughput
// (bench-regex.ts).
//
//   node dist/scripts/bench.js [--runs N] [--no-prometheus]

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryStore } from '../src/storage/store.js';
import { Engine } from '../src/engine/index.js';
import { benchRegex } from './bench-regex.js';
import { prometheusInstalled, startPrometheus, type PrometheusServer } from '../test/helpers/prometheus.js';

const START = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const HOURS = 6;
const STEP = 15_000;
const N_SERIES = 1000;
const N_HIST = 20;
const LES = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '+Inf'];

const QUERIES = [
  'rate(x_total[5m])',
  'sum by (job) (rate(x_total[5m]))',
  'histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))',
  'topk(5, rate(x_total[5m]))',
  'max_over_time(rate(x_total[5m])[30m:1m])',
  'x_total',
];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Series {
  labels: Record<string, string>;
  values: Float64Array;
}

function generate(): { series: Series[]; points: number } {
  const points = (HOURS * 3600_000) / STEP + 1;
  const rand = rng(42);
  const series: Series[] = [];
  for (let i = 0; i < N_SERIES; i++) {
    const values = new Float64Array(points);
    const rate = 1 + rand() * 20;
    let v = 0;
    for (let k = 0; k < points; k++) {
      v += Math.round(rate * 15 * (0.5 + rand()));
      if (k === 700 && i % 50 === 0) v = 0; // a few counter resets
      values[k] = v;
    }
    series.push({ labels: { __name__: 'x_total', job: `job${i % 10}`, instance: `host${i}:9100` }, values });
  }
  for (let h = 0; h < N_HIST; h++) {
    const counts = new Float64Array(LES.length);
    const cols = LES.map(() => new Float64Array(points));
    for (let k = 0; k < points; k++) {
      const n = Math.round(50 * rand());
      for (let o = 0; o < n; o++) {
        const x = Math.exp(rand() * 6 - 6);
        for (let b = 0; b < LES.length; b++) if (LES[b] === '+Inf' || x <= Number(LES[b])) counts[b]++;
      }
      for (let b = 0; b < LES.length; b++) cols[b][k] = counts[b];
    }
    LES.forEach((le, b) => series.push({ labels: { __name__: 'h_bucket', job: 'api', instance: `api${h}`, le }, values: cols[b] }));
  }
  return { series, points };
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function buildStore(data: Series[], points: number): { store: MemoryStore; bytesPerSample: number } {
  gc();
  const before = process.memoryUsage();
  const store = new MemoryStore();
  for (const s of data) {
    const id = store.getOrCreateSeries(s.labels);
    for (let k = 0; k < points; k++) store.append(id, START + k * STEP, s.values[k]);
  }
  store.finish();
  gc();
  const after = process.memoryUsage();
  const bytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  return { store, bytesPerSample: bytes / store.numSamples };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function toOpenMetrics(data: Series[], points: number): string {
  const lines: string[] = [];
  for (const s of data) {
    const { __name__, ...rest } = s.labels;
    const lbl = Object.entries(rest)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',');
    for (let k = 0; k < points; k++) lines.push(`${__name__}{${lbl}} ${s.values[k]} ${(START + k * STEP) / 1000}`);
  }
  lines.push('# EOF');
  return lines.join('\n');
}

async function promEvalTime(server: PrometheusServer, q: string, runs: number): Promise<number> {
  const times: number[] = [];
  const body = new URLSearchParams({
    query: q,
    start: String(START / 1000),
    end: String((START + HOURS * 3600_000) / 1000),
    step: '15',
    stats: 'all',
  });
  for (let r = 0; r < runs; r++) {
    const res = await fetch(`${server.url}/api/v1/query_range`, { method: 'POST', body });
    const j = (await res.json()) as { data?: { stats?: { timings?: { evalTotalTime?: number } } }; error?: string };
    if (j.error) throw new Error(j.error);
    times.push(j.data?.stats?.timings?.evalTotalTime ?? NaN);
  }
  return median(times);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsIdx = args.indexOf('--runs');
  const runs = runsIdx >= 0 ? Number(args[runsIdx + 1]) : 5;
  const withProm = !args.includes('--no-prometheus') && prometheusInstalled();
  const { series, points } = generate();
  const { store, bytesPerSample } = buildStore(series, points);
  console.log(`store: ${store.numSeries} series, ${store.numSamples} samples, ${bytesPerSample.toFixed(1)} bytes/sample`);
  const engine = new Engine(store);
  const end = START + HOURS * 3600_000;
  const rows: { q: string; ms: number; total: number; peak: number; prom?: number }[] = [];
  for (const q of QUERIES) {
    const times: number[] = [];
    let total = 0;
    let peak = 0;
    for (let r = 0; r < runs; r++) {
      const res = engine.rangeQuery(q, START, end, STEP);
      times.push(res.stats.evalTotalTime * 1000);
      total = res.stats.totalQueryableSamples;
      peak = res.stats.peakSamples;
    }
    rows.push({ q, ms: median(times), total, peak });
  }
  if (withProm) {
    const server = await startPrometheus({ openMetrics: toOpenMetrics(series, points), readyTimeoutMs: 120_000 });
    try {
      for (const row of rows) row.prom = (await promEvalTime(server, row.q, runs)) * 1000;
    } finally {
      await server.stop();
    }
  }
  const header = ['query', 'promlearn ms', 'samples', 'peak', ...(withProm ? ['prometheus ms', 'ratio'] : [])];
  console.log(header.join(' | '));
  for (const r of rows) {
    const cells = [r.q, r.ms.toFixed(1), String(r.total), String(r.peak)];
    if (withProm) cells.push(r.prom!.toFixed(1), (r.ms / r.prom!).toFixed(2));
    console.log(cells.join(' | '));
  }
  if (!withProm) console.log('(prometheus/promtool not found or --no-prometheus: no comparison)');
  console.log('');
  benchRegex();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
