#!/usr/bin/env node
// A tiny bin: everything lives in the built entry point. It is CommonJS
// (bin/package.json), as the bundle is: a run that loads no ES module never
// starts Node's ES module loader (scripts/build-bundle.ts).
'use strict';
const { statSync } = require('node:fs');
const module_ = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

// Node 22.1+ keeps compiled code between runs (Node 20 has no such cache).
module_.enableCompileCache?.();

// The bundle of the CLI (scripts/build-bundle.ts) starts faster than the
// hundred modules `tsc` writes, but only `npm run build` remakes it: after a
// bare `tsc`, dist/src/cli/main.js is newer (by the seconds tsc takes) and
// runs instead. An installed package's files are all written within a moment.
// The bundle require()s ES-module packages (chalk, string-width): Node 20.19+.
const BUNDLE = join(__dirname, '../dist/src/bundle/main.js');
const MODULES = join(__dirname, '../dist/src/cli/main.js');

function bundleIsCurrent() {
  if (process.env.PROMLEARN_NO_BUNDLE || process.features.require_module !== true) return false;
  try {
    return statSync(BUNDLE).mtimeMs + 2000 >= statSync(MODULES).mtimeMs;
  } catch {
    return false;
  }
}

// `promlearn dataset export | head`: the reader went away; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const entry = bundleIsCurrent() ? Promise.resolve(require(BUNDLE)) : import(pathToFileURL(MODULES).href);
entry
  .then(({ main }) => main(process.argv))
  .then((code) => {
    process.exitCode = code;
  });
