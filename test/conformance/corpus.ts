// Running a whole corpus folder and summarising it, shared by
// scripts/conformance.ts and test/conformance/conformance.test.ts.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineBinding } from './binding.js';
import { type FileResult, type RunnerOptions, ScriptRunner } from './runner.js';

interface CorpusTotals {
  passed: number;
  failed: number;
  skipped: number;
  files: FileResult[];
}

/**
 * `../shared/promql-conformance/<sub>` beside the repo root. $PROMQL_CONFORMANCE_DIR
 * overrides it: either the promql-conformance folder (holding prometheus-v3/
 * and prometheus-v2.42/) or its prometheus-v3 folder itself; a trailing slash
 * does not matter.
 */
export function corpusDir(dialect: 'v3' | 'v2' = 'v3'): string {
  const sub = dialect === 'v3' ? 'prometheus-v3' : 'prometheus-v2.42';
  const env = process.env.PROMQL_CONFORMANCE_DIR;
  if (env) {
    if (existsSync(join(env, 'prometheus-v3'))) return join(env, sub);
    return dialect === 'v3' ? join(env) : join(env, '..', sub);
  }
  // This file is dist/test/conformance/corpus.js: the repo root is three levels up.
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return join(root, '..', 'shared', 'promql-conformance', sub);
}

export function corpusExists(dir: string): boolean {
  return existsSync(dir);
}

/**
 * A test's `skip` option for a corpus folder: skipped where the corpus is
 * missing (users' machines), except with CI=true, where the test runs and
 * fails (see requireCorpus) instead of passing silently.
 */
export function corpusSkip(dir: string): string | false {
  if (corpusExists(dir) || process.env.CI === 'true') return false;
  return `conformance corpus not found at ${dir} (set PROMQL_CONFORMANCE_DIR)`;
}

/** Fails when the corpus is missing: only reached under CI=true (corpusSkip skips otherwise). */
export function requireCorpus(dir: string): void {
  if (!corpusExists(dir)) {
    throw new Error(`conformance corpus not found at ${dir}: with CI=true it is required (set PROMQL_CONFORMANCE_DIR)`);
  }
}

export function runCorpus(dir: string, binding: EngineBinding, opts: RunnerOptions, filters: string[] = []): CorpusTotals {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.test'))
    .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
    .sort();
  const totals: CorpusTotals = { passed: 0, failed: 0, skipped: 0, files: [] };
  for (const name of names) {
    const r = new ScriptRunner(binding, opts).run(name, readFileSync(join(dir, name), 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    totals.files.push(r);
  }
  return totals;
}

/** Skip reasons with their counts, most frequent first. */
export function skipReasons(t: CorpusTotals): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of t.files)
    for (const c of f.cases) if (c.status === 'skip') counts.set(c.reason ?? '?', (counts.get(c.reason ?? '?') ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function summaryLine(t: { passed: number; failed: number; skipped: number }): string {
  return `conformance: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

/** The report: per-file counts, failures, skip reasons, then the summary line. */
export function formatReport(t: CorpusTotals, verbose: boolean): string {
  const out: string[] = [];
  for (const f of t.files) out.push(`${f.file}: ${f.passed} passed, ${f.failed} failed, ${f.skipped} skipped`);
  const failures = t.files.flatMap((f) => f.cases.filter((c) => c.status === 'fail'));
  if (failures.length > 0) {
    out.push('', 'failures:');
    for (const c of failures) {
      const reason = verbose ? (c.reason ?? '') : clip(c.reason ?? '', 300);
      out.push(`  ${c.file}:${c.line}: ${clip(c.expr, verbose ? 1000 : 120)}`, `      ${reason.replace(/\n/g, '\n      ')}`);
    }
  }
  const skips = skipReasons(t);
  if (skips.length > 0) {
    out.push('', 'skipped:');
    for (const [reason, n] of skips) out.push(`  ${String(n).padStart(5)}  ${reason}`);
  }
  out.push('', summaryLine(t));
  return out.join('\n');
}

function clip(s: string, n: number): string {
  const one = s.split('\n')[0];
  return one.length > n ? `${one.slice(0, n)}…` : one;
}
