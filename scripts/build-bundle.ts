// Bundles the CLI for start-up (`npm run build` runs it after `tsc`):
//
//   node dist/scripts/build-bundle.js
//
// Node 20 spends most of a short command's time resolving, reading and
// linking ES modules one by one (a hundred files for `promlearn query up`),
// and commander and chalk are packages of several files each. esbuild joins
// the compiled modules of dist/src into a few chunks in dist/src/bundle/,
// keeping every dynamic import() a chunk boundary, so a command still loads
// only the code it runs: `promlearn fmt x` neither loads the engine nor the
// dataset, in the bundle as in dist/src (test/cli/main.test.ts checks both
// through the metafile written beside the chunks).
//
// The chunks are then made CommonJS, each on its own (esbuild splits only ES
// modules): Node 20 loads a CommonJS file with one synchronous read and
// compile, where an ES module goes through the ES module loader (URL
// resolution, asynchronous reads, linking), whose start alone is ~5% of a
// bare `node -e 0`: about a tenth of what `fmt x` and `query up` add to
// Node's own start. A chunk's import() of another becomes a require() in a
// promise, `import.meta.url` the URL of its file; packages (chalk,
// @inquirer/prompts, …) are still import()ed. require() of an ES-module
// package needs Node 20.19+: bin/promlearn.js runs the modules tsc writes on
// an older Node.
//
// The bundle sits one folder below dist/src, as the layers' folders do, so a
// module's `new URL('../dataset/sample.snapshot', import.meta.url)` finds the
// same file from either place. Worker threads start from the unbundled files.
// bin/promlearn.js runs the bundle unless `tsc` has written newer files since.
//
// Two modules are replaced in the bundle: the message catalog's index
// (src/util/messages/index.ts, every area in both languages) by
// src/util/messages/bundled.ts, which reads one language's texts from the
// messages.<lang>.json written here; and src/util/esm-require.ts by the same
// without its fallback for an older Node (a top-level await). And commander
// requires node:child_process (with net and dgram, ~2 ms) when it loads, for
// executable subcommands, which promlearn has none of: here it does so when
// it would spawn one.

import { build, transform, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorFingerprint } from '../src/dataset/snapshot.js';
import { LANGS } from '../src/util/lang.js';
import { CATALOG, type Message } from '../src/util/messages/index.js';
import { bundledTextsFile } from '../src/util/messages/translate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const OUT = `${SRC}bundle`;

/** Packages loaded only by some commands (and large): left in node_modules, loaded when a command needs them. */
const EXTERNAL = ['undici', 'yaml', 'prom-client', '@inquirer/prompts', 're2js', 'string-width', 'chalk'];

/** The modules the bundle has in place of others (see above). */
const replacements: Plugin = {
  name: 'bundle-replacements',
  setup(b) {
    const index = `${SRC}util/messages/index.js`;
    b.onResolve({ filter: /(^|\/)index\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === index ? { path: `${SRC}util/messages/bundled.js` } : undefined,
    );
    b.onLoad({ filter: /\/commander\/lib\/command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const code = readFileSync(args.path, 'utf8');
      if (!code.includes(eager)) throw new Error(`${args.path}: no "${eager}" to make lazy (a new commander?)`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: code.replace(eager, lazy), loader: 'js' };
    });
    b.onLoad({ filter: /\/util\/esm-require\.js$/ }, () => ({
      contents:
        `import { createRequire } from 'node:module';\n` +
        `export function requireEsm(fromUrl, specifier) {\n  return createRequire(fromUrl)(specifier);\n}\n`,
      loader: 'js',
    }));
  },
};

/** A local chunk's import("./chunk-X.js"): the same module, required once the promise runs. */
const LOCAL_IMPORT = /\bimport\("(\.\/[\w-]+\.js)"\)/g;

/** The chunk's code as a CommonJS module (strict, as ES modules are). */
async function commonJS(code: string): Promise<string> {
  const local = code.replace(LOCAL_IMPORT, (_, path: string) => `Promise.resolve().then(() => require("${path}"))`);
  const usesUrl = local.includes('import.meta.url');
  const out = await transform(local, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: usesUrl ? { 'import.meta.url': '__promlearnModuleUrl' } : {},
    banner: '"use strict";' + (usesUrl ? ` const __promlearnModuleUrl = require("node:url").pathToFileURL(__filename).href;` : ''),
    logLevel: 'warning',
  });
  return out.code;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const lang of LANGS) {
  const texts = Object.fromEntries(Object.entries(CATALOG as Record<string, Message>).map(([key, m]) => [key, m[lang]]));
  writeFileSync(`${OUT}/${bundledTextsFile(lang)}`, JSON.stringify(texts));
}
const result = await build({
  entryPoints: { main: `${SRC}cli/main.js` },
  outdir: OUT,
  write: false,
  // The metafile names modules from the repository's root (dist/src/..., node_modules/...).
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: EXTERNAL,
  // The bundle holds the sample's generator as these modules are now: their
  // fingerprint, for checking the snapshot, need not be hashed at every start.
  define: { __PROMLEARN_GENERATOR_FINGERPRINT__: JSON.stringify(generatorFingerprint()) },
  plugins: [replacements],
  metafile: true,
  logLevel: 'warning',
});
let bytes = 0;
for (const file of result.outputFiles) {
  const code = await commonJS(file.text);
  bytes += code.length;
  writeFileSync(`${OUT}/${basename(file.path)}`, code);
}
writeFileSync(`${OUT}/meta.json`, JSON.stringify(result.metafile));
// The chunks' .js files are CommonJS. For each module it loads, Node looks for the nearest
// package.json, making a URL for every folder on the way up: this one ends the walk at once.
writeFileSync(`${OUT}/package.json`, JSON.stringify({ type: 'commonjs' }) + '\n');
console.log(`${OUT}: ${result.outputFiles.length} chunks, ${(bytes / 2 ** 20).toFixed(2)} MiB`);
