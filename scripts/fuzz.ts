// Differential fuzzing against a live Prometheus (Debian's 2.42 at
// /usr/bin/prometheus): generated queries over a generated sample, answers
// compared with the embedded engine. Known 2.42-vs-3 differences are counted
// by name (test/fuzz/known-differences.ts); anything else is printed.
//
//   npm run fuzz -- --seed 1 --count 2000

import { formatMismatch, runFuzz, startFuzzPrometheus } from '../test/fuzz/run.js';
import { prometheusInstalled } from '../test/helpers/prometheus.js';

function flag(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`${name} wants a whole number, got ${args[i + 1] ?? 'nothing'}`);
    process.exit(2);
  }
  return v;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log('usage: npm run fuzz -- [--seed N] [--count M] [--show K]\n  e.g. npm run fuzz -- --seed 7 --count 5000');
    return;
  }
  const seed = flag(args, '--seed', 1);
  const count = flag(args, '--count', 1000);
  const show = flag(args, '--show', 20);
  if (!prometheusInstalled()) {
    console.error('prometheus and promtool are needed (apt-get install prometheus)');
    process.exit(1);
  }
  const server = await startFuzzPrometheus();
  try {
    const r = await runFuzz(server, seed, count, (i) => {
      if (process.stderr.isTTY && i % 50 === 0) process.stderr.write(`\r${i}/${count}`);
    });
    if (process.stderr.isTTY) process.stderr.write('\r');
    console.log(`seed ${seed}: ${r.queries} queries in ${r.seconds.toFixed(1)} s: ${r.agreed} agree, ${r.bothErrors} both errors`);
    for (const [cat, n] of [...r.byCategory].sort((a, b) => b[1] - a[1])) console.log(`  ${cat}: ${n}`);
    for (const m of r.unexplained.slice(0, show)) console.log('\n' + formatMismatch(m));
    if (r.unexplained.length > 0) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
