// The build `npm test` runs: src/, test/ and scripts/ transpiled to dist/ by
// esbuild (under a second; `tsc` takes 12 s or more, most of it type
// checking), then the sample snapshots and the CLI bundle, as `npm run build` does.
//
// Types are still checked, by `npm run lint` (tsc --noEmit) in CI and before
// each commit; tsconfig.json's isolatedModules makes tsc reject what a
// file-by-file transpiler cannot compile. `npm run build` (and so prepack,
// what gets published) still compiles with tsc.
//
//   node scripts/build-tests.mjs
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

rmSync(DIST, { recursive: true, force: true });
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // A node_modules installed before esbuild was a devDependency: still build, the slow way.
  console.error('esbuild is not installed (run npm install): building with tsc instead');
}
if (esbuild) {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    outdir: DIST,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
} else {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
}
// The CLI bundle bin/promlearn.js runs (dist/src/bundle/), as `npm run build` makes it:
// esbuild bundles in a process of its own while this one writes the snapshots.
const bundled = esbuild ? import(pathToFileURL(join(DIST, 'scripts', 'build-bundle.js')).href) : undefined;
// The prebuilt sample dataset and variant world (dist/src/dataset/*.snapshot), in this process.
// Unchecked here: test/dataset/snapshot.test.ts compares each with the generator's output.
const { writeSnapshots } = await import(pathToFileURL(join(DIST, 'scripts', 'build-snapshot.js')).href);
writeSnapshots({ check: false });
await bundled;
