// Engine benchmark: range queries on the deterministic stores of
// bench-engine-stores.ts, promlearn's engine beside Prometheus 2.42 on the same
// samples (backfilled with promtool) when it is installed.
//
// Like with like: Prometheus's `evalTotalTime` is the span of its
// execEvalStmt: series selection, evaluation and the result's sort, from a
// parsed query to the result matrix; parsing, HTTP and JSON are outside it.
// Our side times the same span: `Engine.rangeQuery` on a query parsed
// beforehand, whose `stats.evalTotalTime` starts after parsing and ends with
// the sorted result matrix (the API model and JSON are the backend's, later).
// CPU time (user+sys of this process) is taken over the same call.
//
// Fair on a shared machine: one warm-up run of each query on each side, then
// `rounds` rounds in which our run and Prometheus's alternate (who goes first
// swaps every round), so both see the same load; medians of the rounds, and
// the load average before and after. Our side starts each run on a collected
// heap, and Prometheus's answers are not parsed beyond their timing, so our
// runs do not pay for the bench's own garbage.
//
// Warm, not hot: a small query (the regex row, ~110 series) is timed on its
// 2nd to 8th run, and the full collections before each run make V8 drop
// optimised code that depended on the hidden classes of the previous query's
// objects (none alive then). The engine's hot loops take numbers and typed
// arrays only (rate-kernel.ts, floatSteps in selectors.ts) so that code
// survives. A first run in a fresh process (the CLI's case) also compiles the
// engine and is not timed here.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Expr } from '../src/promql/ast.js';
import { Engine } from '../src/engine/index.js';
import { startPrometheus, type PrometheusServer } from '../test/helpers/prometheus.js';
import { buildStore, gc, storeA, storeB, writeOpenMetrics, type StoreSpec } from './bench-engine-stores.js';

/** One timed run: wall ms of the evalTotalTime span, and CPU ms (ours: this process; Prometheus's: its process over the request). */
interface Run {
  wall: number;
  cpu: number;
}

export interface EngineRow {
  store: string;
  q: string;
  ours: Run[];
  prom: Run[];
  total: number;
  peak: number;
}

export interface EngineBench {
  rows: EngineRow[];
  stores: { name: string; series: number; samples: number; bytesPerSample: number; load: [number, number] }[];
  rounds: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runOurs(engine: Engine, expr: Expr, spec: StoreSpec, row: EngineRow): Run {
  const { start, end, stepMs } = spec.range;
  // A clean heap: no collection of the bench's own garbage (Prometheus's answers, earlier runs) inside the span.
  gc();
  const cpu0 = process.cpuUsage();
  const res = engine.rangeQuery(expr, start, end, stepMs);
  const cpu = process.cpuUsage(cpu0);
  row.total = res.stats.totalQueryableSamples;
  row.peak = res.stats.peakSamples;
  return { wall: res.stats.evalTotalTime * 1000, cpu: (cpu.user + cpu.system) / 1000 };
}

/** CPU ms used so far by the prometheus process (the watchdog shell's child), from /proc; NaN if unreadable. */
function promCpuMs(server: PrometheusServer): number {
  try {
    const child = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/)[0];
    const stat = readFileSync(`/proc/${child}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function runProm(server: PrometheusServer, spec: StoreSpec, q: string): Promise<Run> {
  const body = new URLSearchParams({
    query: q,
    start: String(spec.range.start / 1000),
    end: String(spec.range.end / 1000),
    step: String(spec.range.stepMs / 1000),
    stats: 'all',
  });
  const cpu0 = promCpuMs(server);
  const res = await fetch(`${server.url}/api/v1/query_range`, { method: 'POST', body });
  // Only the timing is read: parsing a result of a million points would leave this process
  // garbage that our next timed run would pay for.
  const text = await res.text();
  const cpu = promCpuMs(server) - cpu0;
  const at = text.lastIndexOf('"evalTotalTime":');
  if (!text.startsWith('{"status":"success"') || at < 0) throw new Error(`prometheus: ${text.slice(0, 500)}`);
  return { wall: parseFloat(text.slice(at + '"evalTotalTime":'.length)) * 1000, cpu };
}

async function withPrometheus<T>(spec: StoreSpec, f: (server: PrometheusServer) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-bench-'));
  try {
    const file = join(dir, 'data.om');
    await writeOpenMetrics(spec, file);
    const server = await startPrometheus({ openMetricsFile: file, readyTimeoutMs: 300_000 });
    try {
      return await f(server);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Warm-up, then `rounds` interleaved rounds over the store's queries. */
async function measure(spec: StoreSpec, engine: Engine, server: PrometheusServer | undefined, rounds: number): Promise<EngineRow[]> {
  const rows = spec.queries.map((q): EngineRow => ({ store: spec.name, q, ours: [], prom: [], total: 0, peak: 0 }));
  const exprs = spec.queries.map((q) => engine.parse(q));
  for (let k = 0; k < rows.length; k++) {
    runOurs(engine, exprs[k], spec, rows[k]);
    if (server) await runProm(server, spec, rows[k].q);
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      if (server && r % 2 === 1) row.prom.push(await runProm(server, spec, row.q));
      row.ours.push(runOurs(engine, exprs[k], spec, row));
      if (server && r % 2 === 0) row.prom.push(await runProm(server, spec, row.q));
    }
  }
  return rows;
}

export async function benchEngine(rounds: number, withProm: boolean, only?: string): Promise<EngineBench> {
  const result: EngineBench = { rows: [], stores: [], rounds };
  for (const make of [storeA, storeB]) {
    const spec = make();
    if (only) spec.queries = spec.queries.filter((q) => new RegExp(only).test(q));
    if (spec.queries.length === 0) continue;
    const { store, bytesPerSample } = buildStore(spec);
    const engine = new Engine(store);
    const load0 = loadavg()[0];
    const rows = withProm
      ? await withPrometheus(spec, (server) => measure(spec, engine, server, rounds))
      : await measure(spec, engine, undefined, rounds);
    const load: [number, number] = [load0, loadavg()[0]];
    result.stores.push({ name: spec.name, series: store.numSeries, samples: store.numSamples, bytesPerSample, load });
    result.rows.push(...rows);
  }
  return result;
}

/** Our median evalTotalTime over Prometheus's (undefined without Prometheus). */
export function engineRatio(row: EngineRow): number | undefined {
  if (row.prom.length === 0) return undefined;
  return median(row.ours.map((r) => r.wall)) / median(row.prom.map((r) => r.wall));
}

const fmt = (x: number): string => (x !== x ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));

export function printEngine(result: EngineBench): void {
  console.log(
    [
      `Timed span on both sides: Prometheus's evalTotalTime (series selection, evaluation, result sort; no parsing, HTTP or JSON).`,
      `Ours: Engine.rangeQuery on a pre-parsed query after a full GC, stats.evalTotalTime (wall) and process CPU (user+sys) over the call.`,
      `${result.rounds} rounds after a warm-up, our run and Prometheus's alternating (who goes first swaps each round); medians.`,
      `Prometheus CPU is its process's over the whole request (parsing, HTTP, JSON included; 10 ms ticks).`,
    ].join('\n'),
  );
  for (const s of result.stores)
    console.log(
      `store ${s.name}: ${s.series} series, ${s.samples} samples, ${s.bytesPerSample.toFixed(1)} bytes/sample; ` +
        `load average ${s.load[0].toFixed(2)} -> ${s.load[1].toFixed(2)}`,
    );
  const withProm = result.rows.some((r) => r.prom.length > 0);
  const head = ['query', 'ours ms (min-max)', 'ours CPU ms', 'samples', 'peak'];
  if (withProm) head.push('prometheus ms (min-max)', 'prometheus CPU ms', 'ratio');
  console.log(head.join(' | '));
  for (const r of result.rows) {
    const walls = r.ours.map((x) => x.wall);
    const cells = [r.q, `${fmt(median(walls))} (${fmt(Math.min(...walls))}-${fmt(Math.max(...walls))})`];
    cells.push(fmt(median(r.ours.map((x) => x.cpu))), String(r.total), String(r.peak));
    if (r.prom.length > 0) {
      const pw = r.prom.map((x) => x.wall);
      cells.push(`${fmt(median(pw))} (${fmt(Math.min(...pw))}-${fmt(Math.max(...pw))})`);
      cells.push(fmt(median(r.prom.map((x) => x.cpu))), engineRatio(r)!.toFixed(2));
    }
    console.log(cells.join(' | '));
  }
  if (!withProm) console.log('(prometheus/promtool not found or --no-prometheus: no comparison)');
}
