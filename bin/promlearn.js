#!/usr/bin/env node
// A tiny bin: everything lives in the built entry point.
import { main } from '../dist/src/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
