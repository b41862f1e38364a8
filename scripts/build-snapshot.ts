// Writes the prebuilt sample dataset (dist/src/dataset/sample.snapshot) and
// the judge's variant world (variant.snapshot) after `tsc`, as part of
// `npm run build`; see src/dataset/snapshot.ts.
//
//   node dist/scripts/build-snapshot.js

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSampleStore } from '../src/dataset/generate.js';
import { VARIANT_INCIDENTS } from '../src/dataset/incidents.js';
import { encodeSnapshot, generatorFingerprint, SNAPSHOT_URL, VARIANT_SNAPSHOT_URL } from '../src/dataset/snapshot.js';
import { snapshotDifference } from '../src/dataset/snapshot-check.js';

for (const [url, store] of [
  [SNAPSHOT_URL, generateSampleStore()],
  [VARIANT_SNAPSHOT_URL, generateSampleStore(VARIANT_INCIDENTS)],
] as const) {
  const bytes = encodeSnapshot(store, generatorFingerprint());
  const problem = snapshotDifference(store, bytes);
  if (problem) {
    console.error(`${fileURLToPath(url)} does not decode to the generated data: ${problem}`);
    process.exit(1);
  }
  writeFileSync(url, bytes);
  console.log(`${fileURLToPath(url)}: ${(bytes.length / 2 ** 20).toFixed(2)} MiB, ${store.numSeries} series, ${store.numSamples} samples`);
}
