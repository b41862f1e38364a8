// The engine benchmark's data: two deterministic stores (the same samples for
// promlearn's store and, as OpenMetrics text backfilled with promtool, for
// Prometheus) and the queries timed on each.
//
// Store A: 1,000 counter series, a 20-instance classic histogram and one
// build_info series per job, 6 h at 15 s; queries over the 6 h at a 15 s step.
// Store B: 100,000 counter series at a 60 s scrape interval (6.6 M samples);
// `sum by (job) (rate(x[5m]))` over 1 h at a 15 s step.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryStore } from '../src/storage/store.js';
import { mulberry32 } from '../src/dataset/random.js';

export const START = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const LES = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '+Inf'];

interface Series {
  labels: Record<string, string>;
  values: Float64Array;
}

export interface StoreSpec {
  name: string;
  series: Series[];
  stepMs: number;
  points: number;
  /** Query window and resolution. */
  range: { start: number; end: number; stepMs: number };
  queries: string[];
}

function counters(n: number, points: number, stepS: number, rand: () => number, name: string): Series[] {
  const out: Series[] = [];
  for (let i = 0; i < n; i++) {
    const values = new Float64Array(points);
    const rate = 1 + rand() * 20;
    let v = 0;
    for (let k = 0; k < points; k++) {
      v += Math.round(rate * stepS * (0.5 + rand()));
      if (k === Math.floor(points / 2) && i % 50 === 0) v = 0; // a few counter resets
      values[k] = v;
    }
    out.push({ labels: { __name__: name, job: `job${i % 10}`, instance: `host${i}:9100` }, values });
  }
  return out;
}

export function storeA(): StoreSpec {
  const hours = 6;
  const stepMs = 15_000;
  const points = (hours * 3600_000) / stepMs + 1;
  const rand = mulberry32(42);
  const series = counters(1000, points, 15, rand, 'x_total');
  for (let h = 0; h < 20; h++) {
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
  for (let j = 0; j < 10; j++)
    series.push({ labels: { __name__: 'build_info', job: `job${j}`, version: `1.${j}.0` }, values: new Float64Array(points).fill(1) });
  return {
    name: '1,000 series, 6 h at 15 s',
    series,
    stepMs,
    points,
    range: { start: START, end: START + hours * 3600_000, stepMs: 15_000 },
    queries: [
      'rate(x_total[5m])',
      'sum by (job) (rate(x_total[5m]))',
      'histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))',
      'topk(5, rate(x_total[5m]))',
      'max_over_time(rate(x_total[5m])[30m:1m])',
      'x_total',
      'sum by (job) (rate(x_total{instance=~"host1.*", job!~"job[0-4]"}[5m]))',
      'sum by (job, instance) (rate(x_total[5m])) * on (job) group_left (version) build_info',
      'count_values("value", floor(rate(x_total[5m])))',
      'quantile_over_time(0.9, x_total[10m])',
    ],
  };
}

export function storeB(): StoreSpec {
  const stepMs = 60_000;
  const minutes = 65;
  const points = minutes + 1;
  return {
    name: '100,000 series, 65 min at 60 s',
    series: counters(100_000, points, 60, mulberry32(7), 'x'),
    stepMs,
    points,
    range: { start: START + 5 * 60_000, end: START + minutes * 60_000, stepMs: 15_000 },
    queries: ['sum by (job) (rate(x[5m]))'],
  };
}

/** A full collection (V8's gc(), exposed for the bench). */
export function gc(): void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  // Twice: ArrayBuffers of dropped arrays are released by the second pass.
  collect();
  collect();
}

/** Builds the store the way a loaded file is built (one append per sample), and its bytes per sample. */
export function buildStore(spec: StoreSpec): { store: MemoryStore; bytesPerSample: number } {
  gc();
  const before = process.memoryUsage();
  const store = new MemoryStore();
  for (const s of spec.series) {
    const id = store.getOrCreateSeries(s.labels);
    for (let k = 0; k < spec.points; k++) store.append(id, START + k * spec.stepMs, s.values[k]);
  }
  store.finish();
  gc();
  const after = process.memoryUsage();
  const bytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  return { store, bytesPerSample: bytes / store.numSamples };
}

export async function writeOpenMetrics(spec: StoreSpec, file: string): Promise<void> {
  const out = createWriteStream(file);
  let buf = '';
  for (const s of spec.series) {
    const { __name__, ...rest } = s.labels;
    const head = `${__name__}{${Object.entries(rest)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}} `;
    for (let k = 0; k < spec.points; k++) buf += `${head}${s.values[k]} ${(START + k * spec.stepMs) / 1000}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf + '# EOF\n');
  await once(out, 'close');
}
