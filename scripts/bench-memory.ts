// Memory per sample of the sample dataset, in a fresh process: heap and
// ArrayBuffer bytes the store adds, over its sample count — from the
// prebuilt snapshot with every series decoded, and freshly generated. The
// float series are read first and counted on their own (the goal of at most
// 10 bytes a sample is theirs), then the native histograms (NHCB) too.

import { execFileSync } from 'node:child_process';

const DATASET = new URL('../src/dataset/index.js', import.meta.url).href;
const GENERATE = new URL('../src/dataset/generate.js', import.meta.url).href;
const NHCB = new URL('../src/dataset/nhcb.js', import.meta.url).href;

const PROBE = (how: 'snapshot' | 'generated') => `
const { loadSampleStore } = await import(${JSON.stringify(DATASET)});
const { generateSampleStore } = await import(${JSON.stringify(GENERATE)});
const { nhcbSeriesOf } = await import(${JSON.stringify(NHCB)});
const used = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const before = used();
const store = ${how === 'snapshot' ? 'loadSampleStore()' : 'generateSampleStore()'};
const lazy = used() - before;
const histograms = nhcbSeriesOf(store);
let floatSamples = 0;
for (let id = 0; id < store.numSeries; id++) if (!histograms.has(id)) floatSamples += store.samples(id).length;
const floats = used() - before;
for (let id = 0; id < store.numSeries; id++) store.samples(id);
const all = used() - before;
console.log(JSON.stringify({ samples: store.numSamples, floatSamples, lazy: lazy / store.numSamples, floats: floats / floatSamples, all: all / store.numSamples }));
`;

export interface MemoryResult {
  name: string;
  samples: number;
  /** Every series read, native histograms too. */
  bytesPerSample: number;
  /** Only the float series read, over their samples (the store's lazy overhead included). */
  floatBytesPerSample: number;
  floatSamples: number;
  beforeDecode?: number;
}

export function benchMemory(): MemoryResult[] {
  return (['snapshot', 'generated'] as const).map((how) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', PROBE(how)], { encoding: 'utf8' });
    const m = JSON.parse(out) as { samples: number; floatSamples: number; lazy: number; floats: number; all: number };
    return {
      name: `sample dataset (${how})`,
      samples: m.samples,
      bytesPerSample: m.all,
      floatBytesPerSample: m.floats,
      floatSamples: m.floatSamples,
      beforeDecode: how === 'snapshot' ? m.lazy : undefined,
    };
  });
}

export function printMemory(results: MemoryResult[]): void {
  console.log('store | samples (floats) | bytes/sample, float series read | all series read | before any read');
  for (const r of results)
    console.log(
      `${r.name} | ${r.samples} (${r.floatSamples}) | ${r.floatBytesPerSample.toFixed(2)} | ${r.bytesPerSample.toFixed(2)} | ${r.beforeDecode?.toFixed(2) ?? '-'}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) printMemory(benchMemory());
