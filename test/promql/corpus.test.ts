// Round trip over Prometheus's own PromQL test corpus (../shared, not shipped):
// every eval expression parses with all experimental syntax enabled (Prometheus
// rejects the whole file otherwise), and parse(print(parse(q))) equals parse(q)
// ignoring positions. Skipped when the corpus is not there (users' machines),
// failed instead with CI=true.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_FEATURES, parse, printExpr, type Expr } from '../../src/promql/index.js';
import { corpusDir, corpusExists, corpusSkip, requireCorpus } from '../conformance/corpus.js';

const CORPUS = corpusDir('v3');

interface EvalCase {
  file: string;
  line: number;
  expr: string;
  /** The eval expects a failure, and the message (if any). */
  fail?: string;
}

/** The eval lines of a .test file (FORMAT.md §5), with their expected failure. */
function evalCases(file: string): EvalCase[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim());
  const out: EvalCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m =
      /^eval(_fail|_warn|_ordered|_info)?\s+instant\s+at\s+\S+\s+(.+)$/.exec(lines[i]) ??
      /^eval(_fail|_warn|_info)?\s+range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+\s+(.+)$/.exec(lines[i]);
    if (!m) continue;
    const c: EvalCase = { file, line: i + 1, expr: m[2] };
    if (m[1] === '_fail') c.fail = '';
    for (let j = i + 1; j < lines.length && lines[j] !== '' && !lines[j].startsWith('#'); j++) {
      const f = /^expect fail(?:\s+(?:msg|regex):\s*(.*))?$/.exec(lines[j]);
      if (f) c.fail = f[1] ?? '';
    }
    out.push(c);
  }
  return out;
}

/** A tree without positions or source spellings, with matchers in a canonical order. */
function normalise(e: Expr): unknown {
  return JSON.parse(
    JSON.stringify(e, (k, v: unknown) => {
      if (k === 'pos' || k === 'text' || k === 'explicit' || k === 'explicitGrouping') return undefined;
      if (k === 'matchers') return [...(v as object[])].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      return v;
    }),
  );
}

const cases = corpusExists(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.test'))
      .flatMap((f) => evalCases(join(CORPUS, f)))
  : [];

test('corpus: every eval expression parses and round-trips through the printer', { skip: corpusSkip(CORPUS) }, (t) => {
  requireCorpus(CORPUS);
  let roundTrips = 0;
  const problems: string[] = [];
  for (const c of cases) {
    if (c.fail !== undefined && /parse error/.test(c.fail)) continue;
    try {
      const a = parse(c.expr, ALL_FEATURES);
      const printed = printExpr(a);
      const b = parse(printed, ALL_FEATURES);
      assert.deepEqual(normalise(b), normalise(a), `${c.expr} printed as ${printed}`);
      roundTrips++;
    } catch (e) {
      problems.push(`${c.file.split('/').pop()}:${c.line}: ${c.expr}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  t.diagnostic(`${roundTrips} of ${cases.length} corpus expressions round-trip`);
  assert.deepEqual(problems, []);
});

test('corpus: every parse-time failure is rejected, every runtime failure parses', { skip: corpusSkip(CORPUS) }, (t) => {
  requireCorpus(CORPUS);
  // Prometheus parses each eval expression when it reads the file, so an
  // `expect fail` case is a parse failure only when its message says so.
  const failing = cases.filter((c) => c.fail !== undefined);
  const parseTime = failing.filter((c) => /parse error/.test(c.fail!));
  for (const c of parseTime) assert.throws(() => parse(c.expr, ALL_FEATURES), `${c.file}:${c.line} ${c.expr}`);
  for (const c of failing.filter((x) => !parseTime.includes(x))) {
    assert.doesNotThrow(() => parse(c.expr, ALL_FEATURES), `${c.file}:${c.line} ${c.expr} fails at run time, not parse time`);
  }
  t.diagnostic(`${failing.length} failing evals: ${parseTime.length} at parse time, ${failing.length - parseTime.length} at run time`);
});
