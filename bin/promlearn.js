#!/usr/bin/env node
// A tiny bin: everything lives in the built entry point.
import { statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (Node 20 has no such cache).
module.enableCompileCache?.();

// The bundle of the CLI (scripts/build-bundle.ts) starts faster than the
// hundred modules `tsc` writes, but only `npm run build` remakes it: after a
// bare `tsc`, dist/src/cli/main.js is newer (by the seconds tsc takes) and
// runs instead. An installed package's files are all written within a moment.
const BUNDLE = new URL('../dist/src/bundle/main.js', import.meta.url);
const MODULES = new URL('../dist/src/cli/main.js', import.meta.url);

function bundleIsCurrent() {
  if (process.env.PROMLEARN_NO_BUNDLE) return false;
  try {
    return statSync(BUNDLE).mtimeMs + 2000 >= statSync(MODULES).mtimeMs;
  } catch {
    return false;
  }
}

const { main } = await import((bundleIsCurrent() ? BUNDLE : MODULES).href);

// `promlearn dataset export | head`: the reader went away; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
