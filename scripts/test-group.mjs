// Runs several compiled test files in one node process (used by
// scripts/run-tests.mjs): node:test queues the top-level tests of every
// imported file on one root and runs them one after another, in file order.
// One process instead of one per file saves node's start and the loading of
// the shared modules (the engine, the sample dataset) for each small file.
//
//   node --test-reporter=spec scripts/test-group.mjs dist/test/a.test.js dist/test/b.test.js
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
