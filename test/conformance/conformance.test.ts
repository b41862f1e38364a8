// Runs Prometheus's v3 PromQL test scripts against promlearn's engine and
// checks that at least the recorded number of cases pass. The corpus lives
// beside the project (../shared), so on users' machines this test skips (and
// with CI=true it fails instead).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProjectBinding } from './binding.js';
import { corpusDir, corpusSkip, requireCorpus, runCorpus, skipReasons, summaryLine } from './corpus.js';

const dir = corpusDir('v3');
const baselinePath = fileURLToPath(new URL('../../../test/conformance/baseline.json', import.meta.url));
const baseline = (JSON.parse(readFileSync(baselinePath, 'utf8')) as { passed: number }).passed;

test('PromQL conformance (prometheus-v3 corpus)', { skip: corpusSkip(dir) }, async (t) => {
  requireCorpus(dir);
  const binding = await loadProjectBinding('v3');
  const totals = runCorpus(dir, binding, { dialect: 'v3' });
  for (const f of totals.files) t.diagnostic(`${f.file}: ${f.passed} passed, ${f.failed} failed, ${f.skipped} skipped`);
  for (const [reason, n] of skipReasons(totals)) t.diagnostic(`skipped ${n}: ${reason}`);
  t.diagnostic(summaryLine(totals));
  assert.ok(
    totals.passed >= baseline,
    `${totals.passed} cases passed, fewer than the baseline of ${baseline} (test/conformance/baseline.json)`,
  );
});
