// Runs several compiled test files in one node process (used by
// scripts/run-tests.mjs): node:test queues the top-level tests of every
// imported file on one root and runs them one after another, in file order.
// One process instead of one per file saves node's start and the loading of
// the shared modules (the engine, the sample dataset) for each small file.
//
// The files are imported as one module graph (a module of static imports), so
// every file's top-level code and root-level before() hooks have run before
// the first test starts: imported one by one, a later file's setup would run
// beside an earlier file's tests and could upset their timing. A graph that
// fails to load becomes one failing test that says so.
//
//   node --test-reporter=spec scripts/test-group.mjs dist/test/a.test.js dist/test/b.test.js
import { relative, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const files = process.argv.slice(2).map((f) => resolve(f));
const source = files.map((f) => `import ${JSON.stringify(pathToFileURL(f).href)};`).join('\n');
try {
  await import(`data:text/javascript,${encodeURIComponent(source)}`);
} catch (error) {
  test(`loading ${files.map((f) => relative(process.cwd(), f)).join(', ')}`, () => {
    throw error;
  });
}
