// Runs the compiled test files (dist/test/**/*.test.js) with node's built-in
// test runner, several processes at a time, and adds up their counts.
//
//   node scripts/run-tests.mjs              # everything (npm test builds first)
//   node scripts/run-tests.mjs promql lex   # only files whose path contains one of the words
//   node scripts/run-tests.mjs --times      # and then each file's seconds, slowest first
//   PROMLEARN_TEST_JOBS=1 node scripts/run-tests.mjs   # one process at a time
//
// Why not plain `node --test FILES`: it starts one process per file (about
// 0.2 s of CPU each, before any test runs) and, on 2 cores, runs one file at
// a time next to the runner. Here:
// - the slow files below run in a process each and start first, so the run
//   does not end waiting on one of them;
// - every other file runs in a few shared processes (scripts/test-group.mjs);
// - the sample dataset backfilled into a real Prometheus, which two files
//   compare against, is built once by a service process
//   (test/helpers/sample-prometheus.ts) while the other files run;
// - more processes than cores run at once, since many tests wait on servers
//   and child processes rather than compute.
// Each process's report is printed whole when it ends (no interleaving).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEST_DIR = join(ROOT, 'dist', 'test');

/**
 * Files that get a process of their own, with the seconds each takes alone on
 * an idle core (measured: CPU time, its child processes' included, or the
 * wall time when it mostly waits): they wait on Prometheus, npm or child
 * processes, or compute for seconds, so they start first and run beside the
 * rest. `needs: 'sample-prometheus'` waits for the shared sample server.
 */
const OWN_PROCESS = [
  { file: 'scrape/prometheus-live.test.js', seconds: 15 }, // mostly waits: Prometheus's target discovery, then live scrapes
  { file: 'e2e/pack.test.js', seconds: 8 }, // npm pack + npm install
  { file: 'lessons/course.test.js', seconds: 6.5 },
  { file: 'backends/remote-fuzz.test.js', seconds: 5.7 },
  { file: 'fuzz/fuzz.test.js', seconds: 4.5 },
  { file: 'conformance/conformance.test.js', seconds: 4.5 },
  { file: 'cli/commands.test.js', seconds: 4.5 },
  { file: 'backends/remote-edges.test.js', seconds: 6 }, // mostly waits: slow and stalled fake servers, timeouts
  { file: 'backends/differential.test.js', seconds: 3, needs: 'sample-prometheus' },
  { file: 'promql/depth.test.js', seconds: 2.5 }, // a worker thread with a deep stack
  { file: 'dataset/roundtrip.test.js', seconds: 1.6, needs: 'sample-prometheus' },
];

/**
 * What the heavier of the other files cost in a shared process (measured CPU
 * seconds); a file not listed counts DEFAULT_FILE_SECONDS. Only used to deal
 * the files into groups of even size and to start the longest jobs first.
 */
const FILE_SECONDS = {
  'dataset/snapshot.test.js': 2.9,
  'engine/hist-dense.test.js': 2.5,
  'cli/main.test.js': 2.2,
  'explain/trace.test.js': 2,
  'lessons/examples-golden.test.js': 1.8,
  'serve/lessons-over-server.test.js': 1.8,
  'explain/lessons.test.js': 1.6,
  'rules/eval.test.js': 1.5,
  'dataset/dataset.test.js': 1.5,
  'repl/repl.test.js': 1.5,
  'render/chart-edges.test.js': 1.4,
  'rules/promtool.test.js': 1.3,
  'util/width.test.js': 1.3,
  'golden/ko-rules.test.js': 1.2,
  'lessons/judge-worlds.test.js': 1.1,
  'serve/promtool.test.js': 1,
  'rules/lesson.test.js': 0.8,
  'rules/repl-rules.test.js': 0.8,
  'alertmanager/cli.test.js': 0.8,
  'lessons/tutorial.test.js': 0.8,
  'dataset/nhcb.test.js': 0.8,
  'engine/fidelity.test.js': 0.7,
  'promql/regex.test.js': 0.5,
};
const DEFAULT_FILE_SECONDS = 0.3;

const SAMPLE_PROMETHEUS_ENV = 'PROMLEARN_SAMPLE_PROMETHEUS_URL';
const JOBS = Math.max(1, Number(process.env.PROMLEARN_TEST_JOBS) || availableParallelism() + 2);
/**
 * Seconds of work per shared process: each process pays node's start, the
 * loading of the shared modules (engine, dataset) and the warming up of their
 * code once, so fewer and larger groups cost less CPU in all; small enough
 * that the last ones end together.
 */
const GROUP_SECONDS = 8;

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.js')) out.push(relative(TEST_DIR, p).split('\\').join('/'));
  }
  return out;
}

/**
 * The jobs to run, longest first (so that the run does not end waiting on a
 * long one): own-process files, and the rest dealt into groups of about
 * GROUP_SECONDS, each file (heaviest first) to the lightest group so far.
 */
function planJobs(files) {
  const own = OWN_PROCESS.filter((o) => files.includes(o.file));
  const ownNames = new Set(own.map((o) => o.file));
  const rest = files.filter((f) => !ownNames.has(f)).map((f) => ({ file: f, seconds: FILE_SECONDS[f] ?? DEFAULT_FILE_SECONDS }));
  const jobs = own.map((o) => ({ name: o.file, files: [o.file], needs: o.needs, seconds: o.seconds }));
  const total = rest.reduce((sum, f) => sum + f.seconds, 0);
  const groups = Array.from({ length: Math.min(rest.length, Math.ceil(total / GROUP_SECONDS)) }, () => ({ files: [], seconds: 0 }));
  for (const f of rest.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file))) {
    const g = groups.reduce((min, x) => (x.seconds < min.seconds ? x : min));
    g.files.push(f.file);
    g.seconds += f.seconds;
  }
  groups.forEach((g, i) => {
    g.files.sort();
    jobs.push({ name: `group ${i + 1} of ${groups.length}: ${g.files.join(', ')}`, files: g.files, seconds: g.seconds });
  });
  return jobs.sort((a, b) => b.seconds - a.seconds);
}

/** Starts the shared sample Prometheus; resolves to its URL, or undefined (the files then start their own). */
function startSampleService() {
  const child = spawn(process.execPath, [join(TEST_DIR, 'helpers', 'sample-prometheus.js')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let ready = false;
  const url = new Promise((resolve) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (ready || !out.includes('\n')) return;
      ready = true;
      resolve(JSON.parse(out.split('\n')[0]).url);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) {
        const what = ready ? 'stopped early' : 'did not start; its test files start their own';
        console.error(`(the shared sample Prometheus ${what}: exit ${code})\n${err}`);
      }
      resolve(undefined);
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.stdin.end();
    });
  return { url, stop };
}

function runJob(job, env, countsDir, index) {
  const countsFile = join(countsDir, `${index}.json`);
  const args = [
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(ROOT, 'scripts', 'test-counts-reporter.mjs')}`,
    `--test-reporter-destination=${countsFile}`,
    join(ROOT, 'scripts', 'test-group.mjs'),
    ...job.files.map((f) => join(TEST_DIR, f)),
  ];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('close', (code, signal) => {
      let counts;
      try {
        counts = JSON.parse(readFileSync(countsFile, 'utf8'));
      } catch {
        counts = undefined; // the process died before its reporter finished
      }
      const seconds = (performance.now() - started) / 1000;
      resolve({ job, code: code ?? (signal ? `signal ${signal}` : 'unknown'), output: Buffer.concat(chunks).toString(), counts, seconds });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const times = args.includes('--times');
  const filter = args.filter((a) => a !== '--times');
  let files;
  try {
    files = find(TEST_DIR).sort();
  } catch {
    files = [];
  }
  if (filter.length) files = files.filter((f) => filter.some((x) => `dist/test/${f}`.includes(x)));
  if (files.length === 0) {
    console.error(
      filter.length
        ? `no test file under dist/test matches ${filter.join(' or ')}`
        : 'no test files found under dist/test (build first: node scripts/build-tests.mjs, or npm test)',
    );
    process.exit(1);
  }

  const t0 = performance.now();
  const queue = planJobs(files);
  const needsSample = queue.some((j) => j.needs === 'sample-prometheus') && process.env.PROMLEARN_NO_PROMETHEUS !== '1';
  const service = needsSample ? startSampleService() : undefined;
  let sampleUrl;
  let sampleSettled = !service;
  service?.url.then((url) => {
    sampleUrl = url;
    sampleSettled = true;
    schedule();
  });

  const countsDir = mkdtempSync(join(tmpdir(), 'promlearn-test-counts-'));
  const results = [];
  let running = 0;
  let started = 0;
  let done;
  const finished = new Promise((r) => (done = r));

  // The service computes while it builds the server: it holds a slot until ready.
  const slots = () => JOBS - running - (sampleSettled ? 0 : 1);
  function schedule() {
    while (slots() > 0) {
      const i = queue.findIndex((j) => j.needs !== 'sample-prometheus' || sampleSettled);
      if (i < 0) break;
      const [job] = queue.splice(i, 1);
      const env = { ...process.env };
      if (job.needs === 'sample-prometheus' && sampleUrl) env[SAMPLE_PROMETHEUS_ENV] = sampleUrl;
      running++;
      runJob(job, env, countsDir, started++).then((r) => {
        running--;
        results.push(r);
        report(r);
        if (queue.length === 0 && running === 0) done();
        else schedule();
      });
    }
    if (queue.length === 0 && running === 0) done();
  }
  schedule();
  await finished;
  await service?.stop();
  rmSync(countsDir, { recursive: true, force: true });
  if (times) printTimes(results);
  summarize(results, files.length, (performance.now() - t0) / 1000);
}

/**
 * Each file's seconds (its top-level tests, as its process ran them), slowest
 * first, and each process's seconds outside its tests (node's start, loading
 * modules, top-level setup).
 */
function printTimes(results) {
  const rows = [];
  for (const r of results) {
    const files = Object.entries(r.counts?.files ?? {});
    const process = r.job.files.length === 1 ? 'own process' : r.job.name.split(':')[0];
    for (const [file, seconds] of files) rows.push([seconds, relative(TEST_DIR, file).split('\\').join('/'), process]);
    const inTests = files.reduce((sum, [, s]) => sum + s, 0);
    rows.push([r.seconds - inTests, `(outside tests: start, imports, setup)`, process]);
  }
  console.log('\nSeconds per test file (wall time of its tests in its process; CPU per process is in the reports above):');
  for (const [seconds, file, process] of rows.sort((a, b) => b[0] - a[0])) {
    console.log(`${seconds.toFixed(2).padStart(7)} s  ${file}  [${process}]`);
  }
}

function report(r) {
  process.stdout.write(
    `\n=== ${r.job.name} (${r.seconds.toFixed(1)} s${r.counts ? `, CPU ${r.counts.cpu.toFixed(1)} s` : ''}${r.code === 0 ? '' : `, exit ${r.code}`})\n`,
  );
  process.stdout.write(r.output.endsWith('\n') || r.output === '' ? r.output : r.output + '\n');
}

/** CPU seconds of every process this runner waited for, with their children (Linux); undefined elsewhere. */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

function summarize(results, fileCount, seconds) {
  const total = { tests: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  for (const r of results) for (const k of Object.keys(total)) total[k] += r.counts?.[k] ?? 0;
  const cpu = childrenCpuSeconds() ?? results.reduce((sum, r) => sum + (r.counts?.cpu ?? 0), 0);
  const failed = results.filter((r) => r.code !== 0 || !r.counts || r.counts.fail > 0 || r.counts.cancelled > 0);
  const slowest = [...results]
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 5)
    .map((r) => `${r.job.files.length === 1 ? r.job.name : r.job.name.split(':')[0]} ${r.seconds.toFixed(1)} s`);
  console.log('');
  for (const [k, v] of Object.entries(total)) console.log(`ℹ ${k} ${v}`);
  console.log(
    `ℹ ${fileCount} files in ${results.length} processes, ${JOBS} at a time: ${seconds.toFixed(1)} s, CPU ${cpu.toFixed(1)} s (slowest: ${slowest.join(', ')})`,
  );
  if (failed.length) {
    console.log(`✖ failed: ${failed.map((r) => r.job.name).join('; ')}`);
    process.exitCode = 1;
  }
}

await main();
