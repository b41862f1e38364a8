// Runs Prometheus's PromQL test scripts against promlearn's engine and prints
// a report. Usage:
//   node dist/scripts/conformance.js [--verbose] [--v2] [--check-baseline]
//        [--no-at] [--no-range-check] [file-substring...]
// Exit 0 regardless of failures (it is a report); --check-baseline exits 1
// when fewer cases pass than test/conformance/baseline.json records.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProjectBinding } from '../test/conformance/binding.js';
import { corpusDir, corpusExists, formatReport, runCorpus } from '../test/conformance/corpus.js';

interface Args {
  verbose: boolean;
  v2: boolean;
  checkBaseline: boolean;
  atReruns: boolean;
  rangeCheck: boolean;
  filters: string[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = { verbose: false, v2: false, checkBaseline: false, atReruns: true, rangeCheck: true, filters: [] };
  for (const x of argv) {
    if (x === '--verbose' || x === '-v') a.verbose = true;
    else if (x === '--v2') a.v2 = true;
    else if (x === '--check-baseline') a.checkBaseline = true;
    else if (x === '--no-at') a.atReruns = false;
    else if (x === '--no-range-check') a.rangeCheck = false;
    else if (x.startsWith('-')) throw new Error(`unknown option ${x}`);
    else a.filters.push(x);
  }
  return a;
}

function baseline(v2: boolean): number {
  const path = fileURLToPath(new URL('../../test/conformance/baseline.json', import.meta.url));
  const b = JSON.parse(readFileSync(path, 'utf8')) as { passed: number; v2Passed?: number };
  return (v2 ? b.v2Passed : b.passed) ?? 0;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`conformance: ${(e as Error).message}`);
    return 2;
  }
  const dialect = args.v2 ? 'v2' : 'v3';
  const dir = corpusDir(dialect);
  if (!corpusExists(dir)) {
    console.error(`conformance: corpus not found at ${dir} (set PROMQL_CONFORMANCE_DIR)`);
    return 2;
  }
  let binding;
  try {
    binding = await loadProjectBinding(dialect);
  } catch (e) {
    console.error(`conformance: cannot load promlearn's engine or parser (build first): ${(e as Error).message}`);
    return 2;
  }
  const started = Date.now();
  const totals = runCorpus(dir, binding, { dialect, atReruns: args.atReruns, rangeCheck: args.rangeCheck }, args.filters);
  console.log(formatReport(totals, args.verbose));
  if (args.verbose) console.error(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (args.checkBaseline && args.filters.length === 0) {
    const want = baseline(args.v2);
    if (totals.passed < want) {
      console.error(`conformance: ${totals.passed} passed, below the baseline of ${want}`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
