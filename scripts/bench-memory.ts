// Memory per sample of the sample dataset, in a fresh process: heap and
// ArrayBuffer bytes the store adds, over its sample count — from the
// prebuilt snapshot with every series decoded, and freshly generated.

import { execFileSync } from 'node:child_process';

const DATASET = new URL('../src/dataset/index.js', import.meta.url).href;
const GENERATE = new URL('../src/dataset/generate.js', import.meta.url).href;

const PROBE = (how: 'snapshot' | 'generated') => `
const { loadSampleStore } = await import(${JSON.stringify(DATASET)});
const { generateSampleStore } = await import(${JSON.stringify(GENERATE)});
const used = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const before = used();
const store = ${how === 'snapshot' ? 'loadSampleStore()' : 'generateSampleStore()'};
const lazy = used() - before;
for (let id = 0; id < store.numSeries; id++) store.samples(id);
const all = used() - before;
console.log(JSON.stringify({ samples: store.numSamples, lazy: lazy / store.numSamples, all: all / store.numSamples }));
`;

export interface MemoryResult {
  name: string;
  samples: number;
  bytesPerSample: number;
  beforeDecode?: number;
}

export function benchMemory(): MemoryResult[] {
  return (['snapshot', 'generated'] as const).map((how) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', PROBE(how)], { encoding: 'utf8' });
    const m = JSON.parse(out) as { samples: number; lazy: number; all: number };
    return {
      name: `sample dataset (${how})`,
      samples: m.samples,
      bytesPerSample: m.all,
      beforeDecode: how === 'snapshot' ? m.lazy : undefined,
    };
  });
}

export function printMemory(results: MemoryResult[]): void {
  console.log('store | samples | bytes/sample (all series read) | before any read');
  for (const r of results) console.log(`${r.name} | ${r.samples} | ${r.bytesPerSample.toFixed(2)} | ${r.beforeDecode?.toFixed(2) ?? '-'}`);
}
