// Explain benchmark: how long `explain` takes compared with the query itself,
// on the sample dataset, through the same backend the CLI uses (the embedded
// engine in a worker thread). The target (issue 13): explaining a 10-node
// query takes at most 3 x the query.
//
//   npm run bench:explain             (builds first)
//   node dist/scripts/bench-explain.js [--runs N] [--in-process]
//
// Prints, per query: its node count, the median time of the query alone, of
// explain (every node evaluated, selectors diagnosed), of explain --samples,
// and the ratios; then the end-to-end CLI times (process start, data load,
// evaluation, output) of `promlearn query` and `promlearn explain`.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bufferIO } from '../src/util/io.js';
import { openLocalDataset } from '../src/backends/open.js';
import { hostFromIO } from '../src/backends/options.js';
import { SAMPLE_END } from '../src/dataset/index.js';
import { explain } from '../src/explain/index.js';
import { planNodes } from '../src/explain/evaluate.js';
import { ALL_FEATURES, parse } from '../src/promql/index.js';
import type { Backend } from '../src/backends/backend.js';

const QUERIES = [
  // 10 nodes: how many jobs have more than 1% errors (sum, >, /, two sums, two rates, two range selectors, 0.01).
  'sum(sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / on(job) sum by (job) (rate(http_requests_total[5m])) > bool 0.01)',
  'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))',
  'max_over_time(deriv(nodejs_heap_size_used_bytes{instance="frontend-1:3000"}[10m])[1h:5m]) > 10000',
  'up{job="api"} == 0',
];

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 10 : 15);
const inProcess = args.includes('--in-process');

function countNodes(q: string): number {
  let n = 0;
  const visit = (p: ReturnType<typeof planNodes>) => {
    n++;
    p.children.forEach(visit);
  };
  visit(planNodes(parse(q, ALL_FEATURES), 0));
  return n;
}

/** Medians of several functions, run interleaved so a busy machine slows them alike. */
async function medians(fns: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const fn of fns) for (let i = 0; i < 3; i++) await fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      times[k]!.push(performance.now() - t0);
    }
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!);
}

const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9);

async function evaluationTimes(backend: Backend): Promise<void> {
  // The CLI has the backend's info before it explains (it needs the default time): so does the benchmark.
  const info = await backend.info();
  console.log(`evaluation only (${inProcess ? 'engine in this thread' : 'engine in a worker thread, as the CLI'}; median of ${runs}):`);
  console.log(`${'nodes'.padStart(5)}  ${'query'.padStart(9)}  ${'explain'.padStart(9)}  ratio  ${'--samples'.padStart(9)}  ratio  query`);
  for (const q of QUERIES) {
    const [query, ex, exs] = (await medians([
      () => backend.instantQuery(q, SAMPLE_END),
      () => explain(backend, q, { time: SAMPLE_END, info }),
      () => explain(backend, q, { time: SAMPLE_END, info, samples: true }),
    ])) as [number, number, number];
    const x = await explain(backend, q, { time: SAMPLE_END });
    console.log(
      `${String(countNodes(q)).padStart(5)}  ${ms(query)}  ${ms(ex)}  ${(ex / query).toFixed(2).padStart(5)}  ${ms(exs)}  ${(exs / query).toFixed(2).padStart(5)}  ${q}  (${x.queriesRun} queries)`,
    );
  }
}

function cliTimes(): void {
  const bin = fileURLToPath(new URL('../../bin/promlearn.js', import.meta.url));
  const q = QUERIES[0]!;
  const time = (argv: string[]) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`promlearn ${argv.join(' ')} failed: ${r.stderr}`);
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2]!;
  };
  const tq = time(['query', q]);
  const te = time(['explain', q]);
  console.log(
    `\nend to end (a new process each time, median of 5):\n  promlearn query   ${ms(tq)}\n  promlearn explain ${ms(te)}  ratio ${(te / tq).toFixed(2)}`,
  );
}

const backend = await openLocalDataset({ inProcess }, hostFromIO(bufferIO()));
try {
  await evaluationTimes(backend);
} finally {
  await backend.close?.();
}
cliTimes();
