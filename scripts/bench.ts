// `npm run bench`: every performance goal as a measurement (not a test), each
// against its target; a ratio where there is a reference.
//
//   startup     `promlearn query up` and `fmt x` wall time vs `node -e 0`, peak RSS
//   memory      bytes per sample of the sample dataset
//   load        10 M-sample OpenMetrics / text files and a 1,000,000-series file (in /tmp)
//   engine      range queries vs Prometheus 2.42's evalTotalTime (backfilled with promtool)
//   histogram   histogram_quantile over native (NHCB) vs classic histograms, per bucket value (bench-histogram.ts)
//   completion  REPL Tab answers on the sample
//   regex       label-matcher regex throughput, fast paths against RE2 (bench-regex.ts)
//
//   node dist/scripts/bench.js [--only startup,memory,...] [--runs N] [--no-prometheus] [--query REGEX]
//
// The machine may be shared: medians of several runs, with their spread.

import { prometheusInstalled } from '../test/helpers/prometheus.js';
import { benchComplete, printComplete } from './bench-complete.js';
import { benchEngine, engineRatio, printEngine } from './bench-engine.js';
import { benchHistogram, printHistogram } from './bench-histogram.js';
import { benchLoad, printLoad } from './bench-load.js';
import { benchRegex } from './bench-regex.js';
import { benchMemory, printMemory } from './bench-memory.js';
import { benchStartup, printStartup } from './bench-startup.js';

type Section = 'startup' | 'memory' | 'load' | 'engine' | 'histogram' | 'completion' | 'regex';

interface Verdict {
  goal: string;
  measured: string;
  target: string;
  met: boolean;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(flag(args, '--runs') ?? 5);
  const only = flag(args, '--only')?.split(',');
  const want = (s: Section) => !only || only.includes(s);
  const verdicts: Verdict[] = [];

  if (want('startup')) {
    console.log('\n## startup (sample dataset)');
    const r = benchStartup(Math.max(runs, 7));
    printStartup(r);
    const query = r.find((x) => x.name.includes('query'))!;
    const fmt = r.find((x) => x.name.includes('fmt'))!;
    verdicts.push({
      goal: 'query up wall',
      measured: `${query.ratio!.toFixed(2)} x node -e 0 (CPU ${query.cpuRatio!.toFixed(2)} x)`,
      target: '<= 2.5 x',
      met: query.ratio! <= 2.5,
    });
    verdicts.push({
      goal: 'query up peak RSS',
      measured: `${query.peakMiB.toFixed(0)} MiB`,
      target: '<= 80 MiB',
      met: query.peakMiB <= 80,
    });
    verdicts.push({
      goal: 'fmt x wall',
      measured: `${fmt.ratio!.toFixed(2)} x node -e 0 (CPU ${fmt.cpuRatio!.toFixed(2)} x)`,
      target: '<= 1.5 x',
      met: fmt.ratio! <= 1.5,
    });
  }
  if (want('memory')) {
    console.log('\n## memory');
    const r = benchMemory();
    printMemory(r);
    for (const x of r)
      verdicts.push({
        goal: `${x.name} bytes/sample (float series)`,
        measured: `${x.floatBytesPerSample.toFixed(2)} (with native histograms ${x.bytesPerSample.toFixed(2)})`,
        target: '<= 10',
        met: x.floatBytesPerSample <= 10,
      });
  }
  if (want('load')) {
    console.log('\n## load (files in /tmp, written on first use)');
    // Five runs a file at most (~1.5 s each): a median of three moved by a tenth on this shared machine.
    const r = await benchLoad(Math.min(runs, 5));
    printLoad(r);
    for (const x of r) {
      const scale = x.samples / 10_000_000;
      // A big file loads in two threads: the time a user waits is the wall time (its CPU time counts both
      // cores). On a shared machine that counts waits for a core too, hence the fastest run beside the median.
      verdicts.push({
        goal: `load ${x.name} (wall time)`,
        measured: `${(x.ms / 1000).toFixed(2)} s (fastest ${(x.spreadMs[0] / 1000).toFixed(2)} s; CPU ${(x.cpuMs / 1000).toFixed(1)} s), ${x.peakMiB.toFixed(0)} MiB`,
        target: `<= ${(3 * scale).toFixed(1)} s, <= ${(1024 * scale).toFixed(0)} MiB`,
        met: x.ms <= 3000 * scale && x.peakMiB <= 1024 * scale,
      });
      verdicts.push({
        goal: `${x.name} bytes/sample`,
        measured: x.bytesPerSample.toFixed(1),
        target: '<= 10',
        met: x.bytesPerSample <= 10,
      });
    }
  }
  if (want('engine')) {
    console.log('\n## engine (range queries)');
    const withProm = !args.includes('--no-prometheus') && prometheusInstalled();
    const r = await benchEngine(Math.max(runs, 7), withProm, flag(args, '--query'));
    printEngine(r);
    for (const row of r.rows) {
      const ratio = engineRatio(row);
      if (ratio === undefined) continue;
      // Medians of interleaved rounds (see bench-engine.ts: the same span on both sides).
      verdicts.push({ goal: `engine ${row.q}`, measured: `${ratio.toFixed(2)} x prometheus`, target: '<= 0.6 x', met: ratio <= 0.6 });
    }
  }
  if (want('histogram')) {
    console.log('\n## native vs classic histograms (sample dataset, 6 h at 15 s)');
    const r = benchHistogram(Math.max(runs, 5));
    printHistogram(r);
    const [classic, native] = r.rows;
    verdicts.push({
      goal: 'histogram_quantile native vs classic, per bucket value',
      measured: `${r.warmRatio.toFixed(2)} x (CPU ${native.warmMs.toFixed(0)} vs ${classic.warmMs.toFixed(0)} ms; cold ${r.coldRatio.toFixed(2)} x)`,
      target: '<= 1 x',
      met: r.warmRatio <= 1 && r.coldRatio <= 1,
    });
  }
  if (want('completion')) {
    console.log('\n## REPL completion (sample)');
    const r = await benchComplete(runs);
    printComplete(r);
    const worst = Math.max(...r.map((x) => x.coldMs));
    verdicts.push({ goal: 'slowest first Tab', measured: `${worst.toFixed(1)} ms`, target: '<= 50 ms', met: worst <= 50 });
  }

  if (want('regex')) {
    console.log('\n## label-matcher regexes');
    benchRegex();
  }

  console.log('\n## goals');
  console.log('goal | measured | target | met');
  for (const v of verdicts) console.log(`${v.goal} | ${v.measured} | ${v.target} | ${v.met ? 'yes' : 'NO'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
