// A real Prometheus holding the whole sample dataset, for the tests that
// compare it with the embedded engine (backends/differential,
// dataset/roundtrip). Building it is the most expensive fixture of the suite
// (~200 MB of OpenMetrics text, a promtool backfill of 1.6M samples), so
// `npm test` builds it once: scripts/run-tests.mjs runs this file as a
// service and hands its URL to those test files in
// PROMLEARN_SAMPLE_PROMETHEUS_URL. A test file run on its own (node --test
// FILE) starts its own, as before.
//
//   const prom = samplePrometheus();            // in a test file
//   const { url } = await prom.get();
//
//   node dist/test/helpers/sample-prometheus.js // the service: prints {"url": ...}
//                                               // once ready, stops on SIGTERM or
//                                               // when its stdin closes

import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSampleStore } from '../../src/dataset/index.js';
import { openMetricsChunks } from '../../src/storage/openmetrics.js';
import { startPrometheus, type PrometheusServer } from './prometheus.js';

/** The variable scripts/run-tests.mjs sets for the test files that use the shared server. */
export const SAMPLE_PROMETHEUS_ENV = 'PROMLEARN_SAMPLE_PROMETHEUS_URL';

/** The sample dataset's Prometheus: the run's shared one, or one of this file's own (stopped after its tests). */
export function samplePrometheus(): { get(): Promise<Pick<PrometheusServer, 'url'>> } {
  const url = process.env[SAMPLE_PROMETHEUS_ENV];
  if (url) return { get: async () => ({ url }) };
  let started: Promise<PrometheusServer> | undefined;
  after(async () => {
    if (started) await (await started.catch(() => undefined))?.stop();
  });
  return { get: () => (started ??= startSamplePrometheus()) };
}

/** Backfills the sample dataset into a fresh Prometheus and starts it. */
async function startSamplePrometheus(): Promise<PrometheusServer> {
  // The text goes to a file in chunks instead of being held as one 200 MB string.
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-sample-om-'));
  try {
    const file = join(dir, 'sample.om');
    const fd = openSync(file, 'w');
    try {
      for (const chunk of openMetricsChunks(loadSampleStore(), { chunkLines: 20_000 })) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    return await startPrometheus({ openMetricsFile: file, readyTimeoutMs: 120_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The service mode: start, print the URL as one JSON line, stop when told. */
async function serve(): Promise<void> {
  const server = await startSamplePrometheus();
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.once('end', stop);
  process.stdin.resume();
  process.stdout.write(JSON.stringify({ url: server.url }) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  serve().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
