import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

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

// Declaring the commands must stay cheap: `promlearn fmt` and `--help` never
// load the engine, the sample dataset (its timeline is plain data), the store
// or the backends. A loader hook makes loading any of them an error, so this
// test fails the day one is imported at startup.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const HEAVY = /\/dist\/src\/(engine|storage|backends)\/|\/dist\/src\/dataset\/(?!timeline\.js)/;

function runWithHeavyModulesForbidden(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-lazy-'));
  try {
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `export async function load(url, context, next) {
  if (${HEAVY}.test(url)) throw new Error('heavy module loaded: ' + url);
  return next(url, context);
}\n`,
    );
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    return spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(repo, 'bin/promlearn.js'), ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', PROMETHEUS_URL: '' },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('promlearn fmt and --help load no engine, dataset, store or backend code', () => {
  const fmt = runWithHeavyModulesForbidden(['fmt', 'up']);
  assert.equal(fmt.stderr, '');
  assert.equal(fmt.stdout, 'up\n');
  assert.equal(fmt.status, 0);
  const help = runWithHeavyModulesForbidden(['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: promlearn/);
});

test('the loader hook does catch a heavy module (query needs a backend)', () => {
  const r = runWithHeavyModulesForbidden(['query', 'up']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /heavy module loaded: .*\/dist\/src\/backends\//);
});
