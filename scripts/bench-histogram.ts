// Native histograms against classic ones (issue 18's benchmark): the same
// question, the 90th percentile of request duration by route over the sample
// dataset's last 6 h at a 15 s step, asked of the classic `_bucket` series and
// of the NHCB series made from them. A native sample carries all the buckets
// that the classic query reads as one sample each, so the two are compared
// per bucket value: native samples x buckets against classic samples.
//
// CPU time (user + system) of the engine's evaluation, not wall time: the
// machine may be shared. Warm: both queries in one process, interleaved,
// median of runs. Cold: each in a fresh process once the store is open, so the
// first read's work (decoding the snapshot's columns, making the NHCB column)
// counts too.

import { execFileSync } from 'node:child_process';
import { loadSampleStore } from '../src/dataset/index.js';
import { Engine } from '../src/engine/index.js';

export const HISTOGRAM_QUERIES = {
  classic: 'histogram_quantile(0.9, sum by (route, le) (rate(http_request_duration_seconds_bucket[5m])))',
  native: 'histogram_quantile(0.9, sum by (route) (rate(http_request_duration_seconds[5m])))',
} as const;

type Kind = keyof typeof HISTOGRAM_QUERIES;

export interface HistogramRow {
  kind: Kind;
  query: string;
  /** Median CPU ms in one process (after a first run), and the spread. */
  warmMs: number;
  spread: [number, number];
  /** Median CPU ms of the first run in a fresh process. */
  coldMs: number;
  samples: number;
  /** Bucket values read: samples, or native samples x buckets each. */
  bucketValues: number;
}

export interface HistogramResult {
  rows: HistogramRow[];
  /** Native ms per bucket value over classic ms per bucket value (warm and cold). */
  warmRatio: number;
  coldRatio: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The range the lead's command line asks (`query ... --range 6h --step 15s`): the sample's last 6 h. */
function range(engineStore: ReturnType<typeof loadSampleStore>): { start: number; end: number; step: number } {
  const end = engineStore.timeRange()!.maxT;
  return { start: end - 6 * 3600_000, end, step: 15_000 };
}

/** One query's first run in this process: CPU ms and samples read (the child's side of the cold measurement). */
export function coldRun(kind: Kind): { ms: number; samples: number } {
  const store = loadSampleStore();
  const r = range(store);
  const engine = new Engine(store);
  const c0 = cpuMs();
  const res = engine.rangeQuery(HISTOGRAM_QUERIES[kind], r.start, r.end, r.step);
  return { ms: cpuMs() - c0, samples: res.stats.totalQueryableSamples };
}

function coldMs(kind: Kind, runs: number): number {
  const self = new URL(import.meta.url).pathname;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [self, '--cold', kind], { encoding: 'utf8' });
    times.push((JSON.parse(out) as { ms: number }).ms);
  }
  return median(times);
}

/** Buckets of each native histogram: the classic `le` values (+Inf included). */
function bucketsPerHistogram(store: ReturnType<typeof loadSampleStore>): number {
  const ids = store.select([{ name: '__name__', op: '=', value: 'http_request_duration_seconds_bucket' }]);
  return new Set(ids.map((id) => store.labels(id).le)).size;
}

export function benchHistogram(runs: number): HistogramResult {
  const store = loadSampleStore();
  const r = range(store);
  const engine = new Engine(store);
  const buckets = bucketsPerHistogram(store);
  const times: Record<Kind, number[]> = { classic: [], native: [] };
  const samples: Record<Kind, number> = { classic: 0, native: 0 };
  const kinds: Kind[] = ['classic', 'native'];
  for (const k of kinds) engine.rangeQuery(HISTOGRAM_QUERIES[k], r.start, r.end, r.step);
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 ? [...kinds].reverse() : kinds) {
      const c0 = cpuMs();
      const res = engine.rangeQuery(HISTOGRAM_QUERIES[k], r.start, r.end, r.step);
      times[k].push(cpuMs() - c0);
      samples[k] = res.stats.totalQueryableSamples;
    }
  }
  const rows = kinds.map((k): HistogramRow => {
    const t = times[k];
    return {
      kind: k,
      query: HISTOGRAM_QUERIES[k],
      warmMs: median(t),
      spread: [Math.min(...t), Math.max(...t)],
      coldMs: coldMs(k, 3),
      samples: samples[k],
      bucketValues: k === 'native' ? samples[k] * buckets : samples[k],
    };
  });
  const [classic, native] = rows;
  const per = (row: HistogramRow, ms: number) => ms / row.bucketValues;
  return {
    rows,
    warmRatio: per(native, native.warmMs) / per(classic, classic.warmMs),
    coldRatio: per(native, native.coldMs) / per(classic, classic.coldMs),
  };
}

export function printHistogram(r: HistogramResult): void {
  console.log(
    'histograms | query | CPU ms warm (median, min-max) | CPU ms cold | samples read | bucket values | ns per bucket value (warm)',
  );
  for (const row of r.rows) {
    const ns = (row.warmMs * 1e6) / row.bucketValues;
    console.log(
      [
        row.kind,
        row.query,
        `${row.warmMs.toFixed(0)} (${row.spread[0].toFixed(0)}-${row.spread[1].toFixed(0)})`,
        row.coldMs.toFixed(0),
        String(row.samples),
        String(row.bucketValues),
        ns.toFixed(1),
      ].join(' | '),
    );
  }
  console.log(`native / classic per bucket value: ${r.warmRatio.toFixed(2)} warm, ${r.coldRatio.toFixed(2)} cold (target <= 1)`);
}

if (process.argv[2] === '--cold') {
  console.log(JSON.stringify(coldRun(process.argv[3] as Kind)));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  printHistogram(benchHistogram(Number(process.argv[2] ?? 7)));
}
