// End to end, as a user gets it: pack the package, install the tarball in an
// empty folder (runtime dependencies only), and run `promlearn query`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack → install the tarball → promlearn query works', { timeout: 240_000 }, (t) => {
  const work = mkdtempSync(join(tmpdir(), 'promlearn-e2e-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));

  // dist/ is already built by `npm test`; --ignore-scripts keeps `prepack`
  // from rebuilding it under the other tests' feet.
  execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: repo, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack produced a tarball');

  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'e2e-app', private: true }));
  const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], {
    cwd: app,
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, install.stderr);
  // No install-time scripts: the tarball ships dist/ built at prepack, so npm has nothing to run
  // (and prints no install-scripts warning).
  assert.doesNotMatch(install.stderr, /install-scripts|prepare|postinstall/i, install.stderr);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'promlearn', 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
    assert.equal(installed.scripts?.[hook], undefined, `no ${hook} script in the shipped package.json`);
  }
  assert.ok(installed.scripts?.prepack?.includes('npm run build'), 'prepack runs the full build');

  // Only runtime files shipped: no tests, no TypeScript sources.
  const shipped = readdirSync(join(app, 'node_modules', 'promlearn'));
  assert.ok(shipped.includes('lessons'), 'lessons are shipped');
  assert.ok(!shipped.includes('test'), `no test/src folders shipped: ${shipped.join(', ')}`);
  assert.ok(!shipped.includes('src'), `no test/src folders shipped: ${shipped.join(', ')}`);

  const bin = join(app, 'node_modules', '.bin', 'promlearn');
  const env = { ...process.env, NO_COLOR: '1', PROMETHEUS_URL: '' };
  const run = spawnSync(bin, ['query', 'sum by (job) (rate(http_requests_total[5m]))'], { cwd: app, env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  for (const job of ['api', 'checkout', 'frontend']) assert.match(run.stdout, new RegExp(job));

  // Rule files (the yaml dependency) from the shipped examples.
  const rules = spawnSync(
    bin,
    ['rules', 'eval', join('node_modules', 'promlearn', 'examples', 'rules', 'shop-rules.yml'), '--start', '-1h30m'],
    { cwd: app, env, encoding: 'utf8' },
  );
  assert.equal(rules.status, 0, rules.stderr);
  assert.match(rules.stdout, /HighErrorRate\{job="checkout", severity="page"\}/);

  const version = spawnSync(bin, ['--version'], { cwd: app, env, encoding: 'utf8' });
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);

  const bad = spawnSync(bin, ['query', 'rate(http_requests_total)'], { cwd: app, env, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /expected type range vector/);
  assert.doesNotMatch(bad.stderr, /    at /, 'no stack trace for a user mistake');
});
