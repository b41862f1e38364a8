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
// The bundle sits one folder below dist/src, as the layers' folders do, so a
// module's `new URL('../dataset/sample.snapshot', import.meta.url)` finds the
// same file from either place. Worker threads start from the unbundled files.
// bin/promlearn.js runs the bundle unless `tsc` has written newer files since.
//
// The message catalog's index (src/util/messages/index.ts, every area in both
// languages) is replaced in the bundle by src/util/messages/bundled.ts, which
// reads one language's texts from the messages.<lang>.json written here.

import { build, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/** Every import of the catalog's index.js resolves to bundled.js instead. */
const catalogByLanguage: Plugin = {
  name: 'catalog-by-language',
  setup(b) {
    const index = `${SRC}util/messages/index.js`;
    b.onResolve({ filter: /(^|\/)index\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === index ? { path: `${SRC}util/messages/bundled.js` } : undefined,
    );
  },
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const lang of LANGS) {
  const texts = Object.fromEntries(Object.entries(CATALOG as Record<string, Message>).map(([key, m]) => [key, m[lang]]));
  writeFileSync(`${OUT}/${bundledTextsFile(lang)}`, JSON.stringify(texts));
}
const result = await build({
  entryPoints: { main: `${SRC}cli/main.js` },
  outdir: OUT,
  // The metafile names modules from the repository's root (dist/src/..., node_modules/...).
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: EXTERNAL,
  // commander is CommonJS: its require() calls of node's modules need a require in ESM chunks.
  // Every chunk gets this line, so the require is made on its first call only (createRequire
  // costs ~0.1 ms, and `query up` loads ~50 chunks of which one calls it).
  banner: {
    js:
      `import { createRequire as __promlearnCreateRequire } from 'node:module'; let __promlearnRequire; ` +
      `const require = (id) => (__promlearnRequire ??= __promlearnCreateRequire(import.meta.url))(id);`,
  },
  // The bundle holds the sample's generator as these modules are now: their
  // fingerprint, for checking the snapshot, need not be hashed at every start.
  define: { __PROMLEARN_GENERATOR_FINGERPRINT__: JSON.stringify(generatorFingerprint()) },
  plugins: [catalogByLanguage],
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${OUT}/meta.json`, JSON.stringify(result.metafile));
// For each module it loads, Node looks for the nearest package.json (is .js an ES module?),
// making a URL for every folder on the way up: one here ends the walk at the first step
// for each of the ~50 chunks `query up` loads (~3% of `fmt x`'s instructions).
writeFileSync(`${OUT}/package.json`, JSON.stringify({ type: 'module' }) + '\n');
const chunks = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
const bytes = chunks.reduce((n, f) => n + result.metafile.outputs[f].bytes, 0);
console.log(`${OUT}: ${chunks.length} chunks, ${(bytes / 2 ** 20).toFixed(2)} MiB`);
