// Benchmark: generating the sample dataset in a fresh process (cold, as the
// CLI does it): import and generation time, CPU, memory.
//
//   npm run bench:dataset

import { execFileSync } from 'node:child_process';

const PROBE = `
const t0 = performance.now();
const { loadSampleStore } = await import(${JSON.stringify(new URL('../src/dataset/index.js', import.meta.url).href)});
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const store = loadSampleStore();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
globalThis.gc?.();
const mem = process.memoryUsage();
console.log(JSON.stringify({
  importMs: t1 - t0, generateMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000,
  series: store.numSeries, samples: store.numSamples,
  heapMB: mem.heapUsed / 2 ** 20, arrayBuffersMB: mem.arrayBuffers / 2 ** 20, rssMB: mem.rss / 2 ** 20,
}));
`;

const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', PROBE], { encoding: 'utf8' });
const m = JSON.parse(out) as Record<string, number>;
console.log(
  `sample dataset: ${m.series} series, ${m.samples} samples; import ${m.importMs.toFixed(0)} ms, generate+load ${m.generateMs.toFixed(0)} ms ` +
    `(cpu ${m.cpuMs.toFixed(0)} ms); heap ${m.heapMB.toFixed(1)} MB, sample arrays ${m.arrayBuffersMB.toFixed(1)} MB, rss ${m.rssMB.toFixed(0)} MB`,
);
