// A real Prometheus for tests: backfill OpenMetrics text with promtool, start
// Debian's `prometheus` on a free loopback port, stop it by pid.
//
//   import { requirePrometheus, startPrometheus, sharedPrometheus } from '../helpers/prometheus.js';
//
//   test('up is 1', async (t) => {
//     if (!requirePrometheus(t)) return;          // skip (or fail when CI=true)
//     const prom = await startPrometheus({ openMetrics: TEXT });
//     try { ... fetch(`${prom.url}/api/v1/query?...`) ... } finally { await prom.stop(); }
//   });
//
// Or one server per test file: `const prom = sharedPrometheus(() => TEXT)`,
// then `await prom.get()` inside tests; it stops after the file's tests.
// See ../shared/PROMETHEUS.md for what promtool 2.42's OpenMetrics parser demands.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, type TestContext } from 'node:test';

export interface PrometheusServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  dataDir: string;
  /** Process-group leader: the watchdog shell whose child is prometheus. */
  pid: number;
  /** Kill the server (by pid: its process group) and remove its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

interface StartOptions {
  /** OpenMetrics text: timestamps in seconds, ending with `# EOF` (empty or absent: no backfill). */
  openMetrics?: string;
  /** Or a file of it (for data too large for one string). */
  openMetricsFile?: string;
  /** prometheus.yml contents (default `global: {}`), e.g. scrape_configs for a live scrape test. */
  configYaml?: string;
  /** Extra prometheus flags, e.g. ['--query.lookback-delta=10m']. */
  extraArgs?: string[];
  /** How long to wait for /-/ready, ms (default 30 s: the machine may be busy). */
  readyTimeoutMs?: number;
}

/** Finds an executable on PATH, falling back to /usr/bin. */
function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const dir of dirs) {
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Installed? (PROMLEARN_NO_PROMETHEUS=1 pretends not, to exercise the skip path.) */
export function prometheusInstalled(): boolean {
  if (process.env.PROMLEARN_NO_PROMETHEUS === '1') return false;
  return findBinary('prometheus') !== undefined && findBinary('promtool') !== undefined;
}

const MISSING = 'Prometheus/promtool not installed (apt-get install prometheus); skipping the live test';

/**
 * Call first in a live test. Returns true when Prometheus is available.
 * Otherwise skips the test with a message — or, when env CI=true, fails it,
 * so CI can never pass by silently skipping the live tests.
 */
export function requirePrometheus(t: Pick<TestContext, 'skip'>): boolean {
  if (prometheusInstalled()) return true;
  if (process.env.CI === 'true') {
    throw new Error('CI=true but prometheus/promtool are not installed: the live tests must run in CI');
  }
  t.skip(MISSING);
  return false;
}

/** A free TCP port on 127.0.0.1 (the OS picks; tiny race, handled by retrying the start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

// Servers still running, so they can be killed when the test process exits.
const live = new Map<number, { child: ChildProcess; dir: string }>();
let exitHookInstalled = false;

// Prometheus runs under a tiny sh watchdog in its own process group: the
// watchdog stops it when this test process dies, even by SIGKILL (when no
// exit hook runs), and killing the group (-pid) stops both.
const WATCHDOG = `"$@" &
child=$!
trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT HUP
while kill -0 $PPID 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
kill $child 2>/dev/null
wait $child
if ! kill -0 $PPID 2>/dev/null && [ -n "$PROMLEARN_PROM_DIR" ]; then rm -rf "$PROMLEARN_PROM_DIR"; fi`;

function killGroup(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, sig);
    return true;
  } catch {
    return false; // already gone
  }
}

function killAllSync(): void {
  for (const [pid, { dir }] of live) {
    killGroup(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllSync);
  // On a signal, clean up, then let the default action end the process.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAllSync();
      process.kill(process.pid, sig);
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited';
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return 'ready';
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  return 'timeout';
}

function stopChild(child: ChildProcess, pid: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (!killGroup(pid, 'SIGTERM')) {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Backfills `openMetrics` into a fresh TSDB and starts Prometheus on it. */
export async function startPrometheus(opts: StartOptions): Promise<PrometheusServer> {
  const prometheus = findBinary('prometheus');
  const promtool = findBinary('promtool');
  if (!prometheus || !promtool) throw new Error(MISSING);
  installExitHook();

  const dir = mkdtempSync(join(tmpdir(), 'promlearn-prom-'));
  const dataDir = join(dir, 'data');
  try {
    let omFile = opts.openMetricsFile;
    if (!omFile && opts.openMetrics) {
      omFile = join(dir, 'data.om');
      writeFileSync(omFile, opts.openMetrics.endsWith('\n') ? opts.openMetrics : opts.openMetrics + '\n');
    }
    if (omFile) {
      const bf = await run(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', omFile, dataDir], dir);
      if (bf.code !== 0) throw new Error(`promtool backfill failed (exit ${bf.code}):\n${bf.output.slice(-2000)}`);
    }
    const cfg = join(dir, 'prometheus.yml');
    writeFileSync(cfg, opts.configYaml ?? 'global: {}\n');

    // The port may be taken between freePort() and the bind: retry a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const logFile = join(dir, `prometheus-${attempt}.log`);
      const logFd = openSync(logFile, 'w');
      const child = spawn(
        '/bin/sh',
        [
          '-c',
          WATCHDOG,
          'prometheus-watchdog',
          prometheus,
          `--config.file=${cfg}`,
          `--storage.tsdb.path=${dataDir}`,
          '--storage.tsdb.retention.time=100y',
          `--web.listen-address=127.0.0.1:${port}`,
          ...(opts.extraArgs ?? []),
        ],
        { cwd: dir, stdio: ['ignore', 'ignore', logFd], detached: true, env: { ...process.env, PROMLEARN_PROM_DIR: dir } },
      );
      closeSync(logFd);
      // Do not keep the test process alive for it; stop() or the exit hook ends it.
      child.unref();
      const pid = child.pid;
      if (pid === undefined) throw new Error('could not start prometheus');
      live.set(pid, { child, dir });
      const state = await waitReady(url, child, opts.readyTimeoutMs ?? 30_000);
      if (state === 'ready') {
        let stopped: Promise<void> | undefined;
        return {
          url,
          port,
          dataDir,
          pid,
          stop: () =>
            (stopped ??= stopChild(child, pid).then(() => {
              live.delete(pid);
              rmSync(dir, { recursive: true, force: true });
            })),
        };
      }
      await stopChild(child, pid);
      live.delete(pid);
      const log = readFileSync(logFile, 'utf8');
      if (state === 'exited' && /address already in use/.test(log) && attempt < 4) continue;
      throw new Error(`prometheus did not become ready (${state}); log tail:\n${log.slice(-2000)}`);
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * One server shared by the tests of a file: started on the first `get()`,
 * stopped after all of the file's tests. `openMetrics` may be a function so
 * that expensive fixtures are only built when a live test actually runs.
 */
export function sharedPrometheus(openMetrics: string | (() => string | Promise<string>), extraArgs?: string[]) {
  let started: Promise<PrometheusServer> | undefined;
  after(async () => {
    if (started) await (await started.catch(() => undefined))?.stop();
  });
  return {
    get(): Promise<PrometheusServer> {
      started ??= (async () => {
        const text = typeof openMetrics === 'function' ? await openMetrics() : openMetrics;
        return startPrometheus({ openMetrics: text, extraArgs });
      })();
      return started;
    },
  };
}
