// Start-up benchmark: wall time and peak RSS of whole CLI runs, against a
// bare `node -e 0` (the floor no Node.js program goes below), each the median
// of several runs in fresh processes.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/promlearn.js', import.meta.url));

export interface StartupResult {
  name: string;
  args: string[];
  ms: number;
  spread: [number, number];
  peakMiB: number;
  ratio?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall ms and peak RSS (MiB, from GNU time when present, else the child's own report is not available: NaN). */
function runOnce(args: string[]): { ms: number; peakMiB: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, peakMiB: kb / 1024 };
}

export function benchStartup(runs: number): StartupResult[] {
  const cases: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['promlearn query up', [BIN, 'query', 'up']],
    ['promlearn fmt x', [BIN, 'fmt', 'x']],
  ];
  // One warm-up round (file cache), then interleaved rounds so a busy moment hits every case alike.
  for (const [, args] of cases) runOnce(args);
  const samples = cases.map(() => [] as { ms: number; peakMiB: number }[]);
  for (let r = 0; r < runs; r++) cases.forEach(([, args], i) => samples[i].push(runOnce(args)));
  const results = cases.map(([name, args], i): StartupResult => {
    const ms = samples[i].map((s) => s.ms);
    return { name, args, ms: median(ms), spread: [Math.min(...ms), Math.max(...ms)], peakMiB: median(samples[i].map((s) => s.peakMiB)) };
  });
  for (const r of results.slice(1)) r.ratio = r.ms / results[0].ms;
  return results;
}

export function printStartup(results: StartupResult[]): void {
  console.log('command | wall ms (median, min-max) | x node -e 0 | peak RSS MiB');
  for (const r of results) {
    console.log(
      `${r.name} | ${r.ms.toFixed(0)} (${r.spread[0].toFixed(0)}-${r.spread[1].toFixed(0)}) | ${r.ratio?.toFixed(2) ?? '1.00'} | ${r.peakMiB.toFixed(0)}`,
    );
  }
}
