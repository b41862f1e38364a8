// promlearn's own test scripts (test/conformance/cases/*.test), in the
// format of Prometheus's, run by the same runner as the corpus: every case
// must pass.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadProjectBinding } from './binding.js';
import { runCorpus } from './corpus.js';

const dir = fileURLToPath(new URL('../../../test/conformance/cases', import.meta.url));

test('own conformance cases (test/conformance/cases) all pass', async () => {
  const totals = runCorpus(dir, await loadProjectBinding('v3'), { dialect: 'v3' });
  const failures = totals.files.flatMap((f) =>
    f.cases.filter((c) => c.status !== 'pass').map((c) => `${f.file}:${c.line}: ${c.expr}\n  ${c.reason}`),
  );
  assert.deepEqual(failures, []);
  assert.ok(totals.passed >= 10, `only ${totals.passed} cases ran`);
});
