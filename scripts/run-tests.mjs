// Runs the compiled test files (dist/test/**/*.test.js) with node's built-in
// test runner, several processes at a time, and adds up their counts.
//
//   node scripts/run-tests.mjs              # everything (npm test builds first)
//   node scripts/run-tests.mjs promql lex   # only files whose path contains one of the words
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
 * an idle core (measured; the CPU time of its child processes included): they
 * wait on Prometheus, promtool, npm or child processes, or compute for
 * seconds, so they run beside the rest. `needs: 'sample-prometheus'` waits for
 * the shared sample server (about 8 s to build).
 */
const OWN_PROCESS = [
  { file: 'scrape/prometheus-live.test.js', seconds: 17 }, // mostly waits: 15 s of live scrapes
  { file: 'e2e/pack.test.js', seconds: 9 }, // npm pack + npm install
  { file: 'backends/remote-fuzz.test.js', seconds: 7 },
  { file: 'lessons/course.test.js', seconds: 6 },
  { file: 'fuzz/fuzz.test.js', seconds: 6 },
  { file: 'cli/commands.test.js', seconds: 5 },
  { file: 'rules/eval.test.js', seconds: 3.5 },
  { file: 'conformance/conformance.test.js', seconds: 3 },
  { file: 'promql/depth.test.js', seconds: 3 },
  { file: 'dataset/dataset.test.js', seconds: 3 },
  { file: 'backends/differential.test.js', seconds: 3, needs: 'sample-prometheus' },
  { file: 'rules/lesson.test.js', seconds: 2.7 },
  { file: 'engine/fidelity.test.js', seconds: 1.6 },
  { file: 'render/chart-edges.test.js', seconds: 1.6 },
  { file: 'repl/repl.test.js', seconds: 1.8 },
  { file: 'promql/regex.test.js', seconds: 1.2 },
  { file: 'lessons/judge-worlds.test.js', seconds: 2.4 },
  { file: 'dataset/snapshot.test.js', seconds: 2 },
  { file: 'dataset/roundtrip.test.js', seconds: 2, needs: 'sample-prometheus' },
];

const SAMPLE_PROMETHEUS_ENV = 'PROMLEARN_SAMPLE_PROMETHEUS_URL';
const JOBS = Math.max(1, Number(process.env.PROMLEARN_TEST_JOBS) || availableParallelism() + 2);
/** Files per shared process: small enough to spread over the job slots at the end of the run. */
const GROUP_SIZE = 12;
/** What a file of a shared process takes on average (measured), for the start order. */
const GROUP_FILE_SECONDS = 0.35;

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
 * long one): own-process files, and the rest dealt round-robin into groups
 * (which spreads the heavier folders).
 */
function planJobs(files) {
  const own = OWN_PROCESS.filter((o) => files.includes(o.file));
  const ownNames = new Set(own.map((o) => o.file));
  const rest = files.filter((f) => !ownNames.has(f));
  const jobs = own.map((o) => ({ name: o.file, files: [o.file], needs: o.needs, seconds: o.seconds }));
  const groups = Math.ceil(rest.length / GROUP_SIZE);
  for (let g = 0; g < groups; g++) {
    const part = rest.filter((_, i) => i % groups === g);
    jobs.push({ name: `group ${g + 1} of ${groups}: ${part.join(', ')}`, files: part, seconds: part.length * GROUP_FILE_SECONDS });
  }
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
  const filter = process.argv.slice(2);
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
  summarize(results, files.length, (performance.now() - t0) / 1000);
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
