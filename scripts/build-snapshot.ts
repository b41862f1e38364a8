// Writes the prebuilt sample dataset (dist/src/dataset/sample.snapshot) after
// `tsc`, as part of `npm run build`; see src/dataset/snapshot.ts.
//
//   node dist/scripts/build-snapshot.js

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSampleStore } from '../src/dataset/generate.js';
import { encodeSnapshot, generatorFingerprint, SNAPSHOT_URL } from '../src/dataset/snapshot.js';
import { snapshotDifference } from '../src/dataset/snapshot-check.js';

const store = generateSampleStore();
const bytes = encodeSnapshot(store, generatorFingerprint());
const problem = snapshotDifference(store, bytes);
if (problem) {
  console.error(`sample snapshot does not decode to the generated data: ${problem}`);
  process.exit(1);
}
writeFileSync(SNAPSHOT_URL, bytes);
console.log(
  `${fileURLToPath(SNAPSHOT_URL)}: ${(bytes.length / 2 ** 20).toFixed(2)} MiB, ${store.numSeries} series, ${store.numSamples} samples`,
);
