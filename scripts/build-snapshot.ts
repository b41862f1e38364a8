// Writes the prebuilt sample dataset (dist/src/dataset/sample.snapshot) and
// the judge's variant world (variant.snapshot) after `tsc`, as part of
// `npm run build`; see src/dataset/snapshot.ts.
//
//   node dist/scripts/build-snapshot.js
//
// The build checks that each file decodes to what was generated before it
// writes it. The test build (scripts/build-tests.mjs) calls writeSnapshots
// without that check: test/dataset/snapshot.test.ts makes the same
// comparison, bit for bit, in the test run.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSampleStore } from '../src/dataset/generate.js';
import { VARIANT_INCIDENTS } from '../src/dataset/incidents.js';
import { encodeSnapshot, generatorFingerprint, SNAPSHOT_URL, VARIANT_SNAPSHOT_URL } from '../src/dataset/snapshot.js';
import { snapshotDifference } from '../src/dataset/snapshot-check.js';

/** Generates and writes both snapshots; with `check`, first compares each with the store it was made from. */
export function writeSnapshots({ check }: { check: boolean }): void {
  for (const [url, plan] of [
    [SNAPSHOT_URL, undefined],
    [VARIANT_SNAPSHOT_URL, VARIANT_INCIDENTS],
  ] as const) {
    const store = generateSampleStore(plan);
    const bytes = encodeSnapshot(store, generatorFingerprint());
    const problem = check ? snapshotDifference(store, bytes) : undefined;
    if (problem) throw new Error(`${fileURLToPath(url)} does not decode to the generated data: ${problem}`);
    writeFileSync(url, bytes);
    console.log(
      `${fileURLToPath(url)}: ${(bytes.length / 2 ** 20).toFixed(2)} MiB, ${store.numSeries} series, ${store.numSamples} samples`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeSnapshots({ check: true });
