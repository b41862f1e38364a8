// Runs several compiled test files in one node process (used by
// scripts/run-tests.mjs): node:test queues the top-level tests of every
// imported file on one root and runs them one after another, in file order.
// One process instead of one per file saves node's start and the loading of
// the shared modules (the engine, the sample dataset) for each small file.
// A file that fails to load becomes a failing test named after it, and the
// other files still run.
//
//   node --test-reporter=spec scripts/test-group.mjs dist/test/a.test.js dist/test/b.test.js
import { relative, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) {
  try {
    await import(pathToFileURL(resolve(file)).href);
  } catch (error) {
    test(`${relative(process.cwd(), resolve(file))} loads`, () => {
      throw error;
    });
  }
}
