// The fuzz harness's own data: a small generated sample (counters with a
// reset, gauges with negative values, a classic histogram, a sparse series
// with gaps) written both into a MemoryStore and, through writeOpenMetrics,
// into what promtool backfills for the live Prometheus.
//
// Samples sit half a second off the whole second (t = ... .5), query and @
// times a quarter second off (generator.ts), and offsets, ranges and steps
// are whole seconds, so no window edge ever falls on a sample or a subquery
// step: Prometheus 3's left-open windows and 2.42's closed ones then select
// the same points (see known-differences.ts).

import { MemoryStore } from '../../src/storage/store.js';
import { mulberry32 } from '../../src/dataset/random.js';

export const FUZZ_START = 1_767_225_600; // 2026-01-01T00:00:00Z, seconds
export const FUZZ_HOURS = 3;
export const FUZZ_END = FUZZ_START + FUZZ_HOURS * 3600;
export const SCRAPE_S = 15;
const PHASE_MS = 500;

export const JOBS = ['api', 'web'];
export const INSTANCES = ['a', 'b', 'c'];
export const CODES = ['200', '500'];
export const LES = ['0.1', '0.5', '1', '+Inf'];

/** Deterministic numbers in [0, 1), by seed. */
export const rng = mulberry32;

interface Pending {
  labels: Record<string, string>;
  values: (number | undefined)[];
}

function appendSeries(out: Pending[], labels: Record<string, string>, value: (k: number) => number | undefined): void {
  const points = (FUZZ_HOURS * 3600) / SCRAPE_S + 1;
  const values: (number | undefined)[] = [];
  for (let k = 0; k < points; k++) values.push(value(k));
  out.push({ labels, values });
}

const labelKey = (l: Record<string, string>): string =>
  Object.keys(l)
    .sort()
    .map((k) => `${k}\xff${l[k]}`)
    .join('\xfe');

/**
 * Series enter the store sorted by label set, the order Prometheus's blocks
 * (where promtool's backfill puts them) return them in: topk, bottomk and
 * limitk break ties by input order, so both sides must see the same order.
 */
function fill(store: MemoryStore, pending: Pending[]): void {
  pending.sort((a, b) => (labelKey(a.labels) < labelKey(b.labels) ? -1 : 1));
  for (const p of pending) {
    const id = store.getOrCreateSeries(p.labels);
    p.values.forEach((v, k) => {
      if (v !== undefined) store.append(id, FUZZ_START * 1000 + k * SCRAPE_S * 1000 + PHASE_MS, v);
    });
  }
}

/** Builds the fuzz sample (the same for every seed: queries vary, data does not). */
export function fuzzStore(): MemoryStore {
  const store = new MemoryStore();
  const rand = rng(7);
  const pending: Pending[] = [];
  store.setMetadata('fz_requests_total', { type: 'counter', help: 'Requests.', unit: '' });
  store.setMetadata('fz_temperature', { type: 'gauge', help: 'A temperature.', unit: '' });
  store.setMetadata('fz_latency_seconds', { type: 'histogram', help: 'Latency.', unit: 'seconds' });
  store.setMetadata('fz_up', { type: 'gauge', help: 'Up.', unit: '' });
  store.setMetadata('fz_sparse', { type: 'gauge', help: 'Sometimes there.', unit: '' });
  for (const job of JOBS) {
    for (const instance of INSTANCES) {
      for (const code of CODES) {
        let v = 0;
        const rate = 1 + Math.floor(rand() * 20) * (code === '500' ? 0.1 : 1);
        const resetAt = instance === 'b' ? 300 : -1;
        appendSeries(pending, { __name__: 'fz_requests_total', job, instance, code }, (k) => {
          if (k === resetAt) v = 0;
          v += Math.round(rate * SCRAPE_S * (0.5 + rand()));
          return v;
        });
      }
      const base = (rand() - 0.3) * 40;
      appendSeries(pending, { __name__: 'fz_temperature', job, instance }, (k) => Math.round((base + 10 * Math.sin(k / 40)) * 100) / 100);
      appendSeries(pending, { __name__: 'fz_up', job, instance }, (k) => (instance === 'c' && k > 200 && k < 260 ? 0 : 1));
    }
    const counts = LES.map(() => 0);
    let sum = 0;
    const cols: number[][] = LES.map(() => []);
    const sums: number[] = [];
    const totals: number[] = [];
    for (let k = 0; k <= (FUZZ_HOURS * 3600) / SCRAPE_S; k++) {
      const n = Math.floor(rand() * 10);
      for (let o = 0; o < n; o++) {
        const x = Math.round(rand() * rand() * 150) / 100;
        sum += x;
        LES.forEach((le, b) => {
          if (le === '+Inf' || x <= Number(le)) counts[b]++;
        });
      }
      LES.forEach((_, b) => cols[b].push(counts[b]));
      sums.push(Math.round(sum * 100) / 100);
      totals.push(counts[LES.length - 1]);
    }
    LES.forEach((le, b) => appendSeries(pending, { __name__: 'fz_latency_seconds_bucket', job, le }, (k) => cols[b][k]));
    appendSeries(pending, { __name__: 'fz_latency_seconds_sum', job }, (k) => sums[k]);
    appendSeries(pending, { __name__: 'fz_latency_seconds_count', job }, (k) => totals[k]);
    // Present for 20 minutes, gone for 20: longer than the 5m lookback.
    appendSeries(pending, { __name__: 'fz_sparse', job }, (k) => (Math.floor(k / 80) % 2 === 0 ? k % 17 : undefined));
  }
  fill(store, pending);
  store.finish();
  return store;
}
