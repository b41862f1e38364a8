import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../src/cli/main.js';
import { bufferIO } from '../src/util/io.js';

test('--version prints the package version and exits 0', async () => {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', '--version'], io);
  assert.equal(code, 0);
  assert.match(io.output.out, /^\d+\.\d+\.\d+\n$/);
});

test('an unknown command is a usage error (exit 2)', async () => {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', 'frobnicate'], io);
  assert.equal(code, 2);
  assert.match(io.output.err, /unknown command/);
});
