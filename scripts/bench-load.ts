// Load benchmark: large OpenMetrics / text files (written to /tmp on first
// use, see bench-files.ts) loaded through `loadDatasetFile`, each in a fresh
// process, reporting wall time, peak RSS and the store's bytes per sample.
//
//   node dist/scripts/bench-load.js [--runs N] [--only NAME]

import { execFileSync } from 'node:child_process';
import { ensureFile, LOAD_SHAPES } from './bench-files.js';

const LOADER = new URL('../src/dataset/load-file.js', import.meta.url).href;

const PROBE = `
const { loadDatasetFile } = await import(${JSON.stringify(LOADER)});
const gc = () => { globalThis.gc(); globalThis.gc(); };
gc();
const m0 = process.memoryUsage();
const c0 = process.cpuUsage();
const t0 = performance.now();
const store = await loadDatasetFile(process.argv[1]);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
gc();
const m1 = process.memoryUsage();
const bytes = m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers;
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, samples: store.numSamples, series: store.numSeries,
  bytesPerSample: bytes / store.numSamples, peakMiB: process.resourceUsage().maxRSS / 1024 }));
`;

export interface LoadResult {
  name: string;
  mb: number;
  samples: number;
  series: number;
  ms: number;
  spreadMs: [number, number];
  /** CPU time of the loading thread(s) (user + system): what a shared machine disturbs least. */
  cpuMs: number;
  peakMiB: number;
  bytesPerSample: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchLoad(runs: number, only?: string): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const shape of LOAD_SHAPES) {
    const label = `${shape.name} ${shape.format}`;
    if (only && !label.includes(only)) continue;
    const file = await ensureFile(shape);
    const probes: { ms: number; cpuMs: number; samples: number; series: number; bytesPerSample: number; peakMiB: number }[] = [];
    for (let r = 0; r < runs; r++) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', PROBE, file.path], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      probes.push(JSON.parse(out));
    }
    const times = probes.map((p) => p.ms);
    results.push({
      name: label,
      mb: file.bytes / 2 ** 20,
      samples: probes[0].samples,
      series: probes[0].series,
      ms: median(times),
      spreadMs: [Math.min(...times), Math.max(...times)],
      cpuMs: median(probes.map((p) => p.cpuMs)),
      peakMiB: median(probes.map((p) => p.peakMiB)),
      bytesPerSample: median(probes.map((p) => p.bytesPerSample)),
    });
  }
  return results;
}

export function printLoad(results: LoadResult[]): void {
  console.log('file | MB | series | samples | load ms (median, min-max) | CPU ms | peak RSS MiB | bytes/sample');
  for (const r of results) {
    console.log(
      `${r.name} | ${r.mb.toFixed(0)} | ${r.series} | ${r.samples} | ${r.ms.toFixed(0)} (${r.spreadMs[0].toFixed(0)}-${r.spreadMs[1].toFixed(0)}) | ${r.cpuMs.toFixed(0)} | ${r.peakMiB.toFixed(0)} | ${r.bytesPerSample.toFixed(1)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const runsIdx = args.indexOf('--runs');
  const onlyIdx = args.indexOf('--only');
  benchLoad(runsIdx >= 0 ? Number(args[runsIdx + 1]) : 3, onlyIdx >= 0 ? args[onlyIdx + 1] : undefined)
    .then(printLoad)
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
