#!/usr/bin/env node
// A tiny bin: everything lives in the built entry point.
import { main } from '../dist/src/cli/main.js';

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
