// REPL completion benchmark: Tab answers on the sample dataset, through the
// backend the REPL opens (openLocalDataset) and, for comparison, the worker
// backend, each on a fresh completion cache (the first Tab of a session, the
// slow case) and then again (cached).

import type { Backend } from '../src/backends/backend.js';
import { openLocalDataset, SAMPLE_BACKEND_OPTIONS } from '../src/backends/open.js';
import { QUIET_HOST } from '../src/backends/options.js';
import { createWorkerBackend } from '../src/backends/worker.js';
import { CompletionSource } from '../src/repl/cache.js';
import { complete } from '../src/repl/complete.js';

const INPUTS = [
  '',
  'http_',
  'rate(http_requests_total{',
  'http_requests_total{status_code="',
  'sum by (',
  'node_cpu_seconds_total{mode=~"',
  'rate(http_requests_total[5m]) / on(',
];

export interface CompleteResult {
  backend: string;
  input: string;
  coldMs: number;
  warmMs: number;
  entries: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchComplete(runs: number): Promise<CompleteResult[]> {
  return [
    ...(await benchOn('as the REPL opens it', await openLocalDataset({}, QUIET_HOST), runs)),
    ...(await benchOn('worker thread', await createWorkerBackend({ kind: 'sample' }, SAMPLE_BACKEND_OPTIONS), runs)),
  ];
}

async function benchOn(name: string, backend: Backend, runs: number): Promise<CompleteResult[]> {
  try {
    const out: CompleteResult[] = [];
    for (const input of INPUTS) {
      const cold: number[] = [];
      const warm: number[] = [];
      let entries = 0;
      for (let r = 0; r < runs; r++) {
        const src = new CompletionSource(backend);
        let t0 = performance.now();
        const [list] = await complete(input, src);
        cold.push(performance.now() - t0);
        t0 = performance.now();
        await complete(input, src);
        warm.push(performance.now() - t0);
        entries = list.length;
      }
      out.push({ backend: name, input, coldMs: median(cold), warmMs: median(warm), entries });
    }
    return out;
  } finally {
    await backend.close?.();
  }
}

export function printComplete(results: CompleteResult[]): void {
  console.log('backend | text before the cursor | first Tab ms | again ms | entries');
  for (const r of results)
    console.log(`${r.backend} | ${JSON.stringify(r.input)} | ${r.coldMs.toFixed(1)} | ${r.warmMs.toFixed(1)} | ${r.entries}`);
}
