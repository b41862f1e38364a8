// Start-up benchmark: wall time, CPU time (user + system) and peak RSS of
// whole CLI runs, against a bare `node -e 0` (the floor no Node.js program goes
// below), each the median of several runs in fresh processes. The goal is in
// wall time; on a shared machine the CPU ratio is the steadier figure (wall
// time also counts the waits for a core). bash's `time` reads the CPU time to
// the millisecond (GNU time prints hundredths), GNU time the peak RSS.

import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/promlearn.js', import.meta.url));

export interface StartupResult {
  name: string;
  args: string[];
  ms: number;
  spread: [number, number];
  cpuMs: number;
  peakMiB: number;
  ratio?: number;
  cpuRatio?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Run {
  ms: number;
  cpuMs: number;
  peakMiB: number;
}

/** One run: wall and CPU ms (bash's time), peak RSS in MiB (GNU time). */
function runOnce(args: string[]): Run {
  const script = 'TIMEFORMAT="%3R %3U %3S"; time /usr/bin/time -f %M "$@" >/dev/null';
  const r = spawnSync('bash', ['-c', script, 'bench', process.execPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const [real, user, sys] = lines.at(-1)!.split(' ').map(Number);
  return { ms: real * 1000, cpuMs: (user + sys) * 1000, peakMiB: Number(lines.at(-2)) / 1024 };
}

export function benchStartup(runs: number): StartupResult[] {
  const cases: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['promlearn query up', [BIN, 'query', 'up']],
    ['promlearn fmt x', [BIN, 'fmt', 'x']],
  ];
  // One warm-up round (file cache), then interleaved rounds so a busy moment hits every case alike.
  for (const [, args] of cases) runOnce(args);
  const samples = cases.map(() => [] as Run[]);
  for (let r = 0; r < runs; r++) cases.forEach(([, args], i) => samples[i].push(runOnce(args)));
  const results = cases.map(([name, args], i): StartupResult => {
    const ms = samples[i].map((s) => s.ms);
    return {
      name,
      args,
      ms: median(ms),
      spread: [Math.min(...ms), Math.max(...ms)],
      cpuMs: median(samples[i].map((s) => s.cpuMs)),
      peakMiB: median(samples[i].map((s) => s.peakMiB)),
    };
  });
  for (const r of results.slice(1)) {
    r.ratio = r.ms / results[0].ms;
    r.cpuRatio = r.cpuMs / results[0].cpuMs;
  }
  return results;
}

export function printStartup(results: StartupResult[]): void {
  console.log(`load average ${loadavg()[0].toFixed(1)}`);
  console.log('command | wall ms (median, min-max) | x node -e 0 | CPU ms | x node -e 0 | peak RSS MiB');
  for (const r of results) {
    console.log(
      `${r.name} | ${r.ms.toFixed(0)} (${r.spread[0].toFixed(0)}-${r.spread[1].toFixed(0)}) | ${r.ratio?.toFixed(2) ?? '1.00'} | ` +
        `${r.cpuMs.toFixed(0)} | ${r.cpuRatio?.toFixed(2) ?? '1.00'} | ${r.peakMiB.toFixed(0)}`,
    );
  }
}
