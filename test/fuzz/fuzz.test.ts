// The differential fuzz run in CI: a fixed seed, 600 generated queries over
// the fuzz sample, against Debian's Prometheus (2.42). Every disagreement must
// be one of the documented 2.42-vs-3 differences (known-differences.ts).
// Longer runs: `npm run fuzz -- --seed N --count M`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requirePrometheus } from '../helpers/prometheus.js';
import { formatMismatch, runFuzz, startFuzzPrometheus } from './run.js';

const SEED = 20261129;
const COUNT = 600;

test(`differential fuzz: ${COUNT} queries (seed ${SEED}) agree with Prometheus or differ only as 2.42 and 3.x do`, async (t) => {
  if (!requirePrometheus(t)) return;
  const server = await startFuzzPrometheus();
  try {
    const r = await runFuzz(server, SEED, COUNT);
    t.diagnostic(
      `${r.queries} queries in ${r.seconds.toFixed(1)} s: ${r.agreed} agree, ${r.bothErrors} both errors, ${[...r.byCategory].map(([k, n]) => `${k} ${n}`).join(', ') || 'no known differences'}`,
    );
    assert.equal(r.queries, COUNT);
    // Agreeing on errors alone would prove nothing.
    assert.ok(r.agreed > COUNT * 0.8, `only ${r.agreed} of ${COUNT} agree`);
    assert.deepEqual(r.unexplained.map(formatMismatch), []);
  } finally {
    await server.stop();
  }
});
