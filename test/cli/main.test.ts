import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import { commandIndex } from '../../src/cli/argv.js';
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

test('only the program options and no command: help (the REPL on a terminal), in the chosen language', async () => {
  const io = bufferIO();
  const code = await main(['node', 'promlearn', '--lang', 'ko', '--tz=Asia/Seoul'], io);
  assert.equal(code, 0);
  assert.match(io.output.out, /^사용법: promlearn /);
  assert.equal(io.output.err, '');
  for (const [argv, at] of [
    [['node', 'p'], 2],
    [['node', 'p', 'query', 'up'], 2],
    [['node', 'p', '--lang', 'ko', 'query', 'up'], 4],
    [['node', 'p', '--lang=ko', '--tz', 'UTC', 'fmt', '-1'], 5],
    [['node', 'p', '--tz'], 3],
  ] as const) {
    assert.equal(commandIndex(argv), at, argv.join(' '));
  }
});

// Declaring the commands must stay cheap: `promlearn fmt` and `--help` never
// load the engine, the sample dataset (its timeline is plain data), the store
// or the backends. A loader hook makes loading any of them an error, so this
// test fails the day one is imported at startup. It runs the bin twice: on the
// modules tsc writes, and on the bundle (scripts/build-bundle.ts), where the
// hook reads from the bundle's metafile which modules each chunk holds. The
// bundle's chunks are CommonJS: there the hook is one of require() (--require).
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const HEAVY = /\/dist\/src\/(engine|storage|backends)\/|\/dist\/src\/dataset\/(?!timeline\.js)/;
const BUNDLE_META = join(repo, 'dist/src/bundle/meta.json');

function runWithHeavyModulesForbidden(args: string[], bundled: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-lazy-'));
  try {
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { readFileSync } from 'node:fs';
const meta = JSON.parse(readFileSync(${JSON.stringify(BUNDLE_META)}, 'utf8'));
const chunks = new Map(Object.entries(meta.outputs).map(([out, o]) => [out.replace(/^(.*\\/)?dist\\/src\\/bundle\\//, ''), Object.keys(o.inputs)]));
export async function load(url, context, next) {
  const chunk = /\\/dist\\/src\\/bundle\\/([^/]+)$/.exec(url);
  for (const m of chunk ? (chunks.get(chunk[1]) ?? []).map((i) => '/' + i) : [url]) {
    if (${HEAVY}.test(m)) throw new Error('heavy module loaded: ' + m + (chunk ? ' (in ' + chunk[1] + ')' : ''));
  }
  return next(url, context);
}\n`,
    );
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    writeFileSync(
      join(dir, 'hooks.cjs'),
      `const Module = require('node:module');
const { pathToFileURL } = require('node:url');
const { load } = require('node:module').createRequire(__filename)('./hooks-check.cjs');
const js = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  load(pathToFileURL(filename).href);
  return js.call(this, module, filename);
};\n`,
    );
    writeFileSync(
      join(dir, 'hooks-check.cjs'),
      `const meta = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(BUNDLE_META)}, 'utf8'));
const chunks = new Map(Object.entries(meta.outputs).map(([out, o]) => [out.replace(/^(.*\\/)?dist\\/src\\/bundle\\//, ''), Object.keys(o.inputs)]));
exports.load = (url) => {
  const chunk = /\\/dist\\/src\\/bundle\\/([^/]+)$/.exec(url);
  for (const m of chunk ? (chunks.get(chunk[1]) ?? []).map((i) => '/' + i) : []) {
    if (${HEAVY}.test(m)) throw new Error('heavy module loaded: ' + m + ' (in ' + chunk[1] + ')');
  }
};\n`,
    );
    return spawnSync(
      process.execPath,
      [
        '--require',
        join(dir, 'hooks.cjs'),
        '--import',
        pathToFileURL(join(dir, 'register.mjs')).href,
        join(repo, 'bin/promlearn.js'),
        ...args,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', PROMETHEUS_URL: '', PROMLEARN_NO_BUNDLE: bundled ? '' : '1' },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const bundled of [false, true]) {
  const what = bundled ? 'the bundle' : 'the modules';
  test(`promlearn fmt and --help load no engine, dataset, store or backend code (${what})`, () => {
    const fmt = runWithHeavyModulesForbidden(['fmt', 'up'], bundled);
    assert.equal(fmt.stderr, '');
    assert.equal(fmt.stdout, 'up\n');
    assert.equal(fmt.status, 0);
    const help = runWithHeavyModulesForbidden(['--help'], bundled);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: promlearn/);
  });

  test(`the loader hook does catch a heavy module (query needs a backend; ${what})`, () => {
    const r = runWithHeavyModulesForbidden(['query', 'up'], bundled);
    assert.notEqual(r.status, 0);
    assert.match(
      r.stderr,
      bundled ? /heavy module loaded: .*\/dist\/src\/.* \(in chunk-/ : /heavy module loaded: .*\/dist\/src\/backends\//,
    );
  });
}
