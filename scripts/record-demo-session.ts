// Records the session lesson 12 is judged on: three copies of the REAL demo
// app (src/demo/, prom-client, node:http) scraped by the REAL scraper
// (src/scrape/: HTTP with content negotiation, the OpenMetrics parser, target
// labels, up and scrape_* series), on a simulated clock so that an hour is
// recorded in seconds and the file is the same on every run:
//
//   - time is a counter the script advances one second at a time; the apps
//     answer at once and observe the latency they drew (see src/demo/app.ts);
//   - every app draws from its own seeded random source;
//   - the traffic is sent one request at a time, so the order is fixed;
//   - every 15 simulated seconds the scraper scrapes every target, stamping
//     the samples with the simulated time.
//
// The incidents are switched at fixed times (SCENARIOS below): the ones the
// lesson asks about, and a variant with the same incidents at other times and
// on other instances, which the judge uses as its second world. The result is
// written as OpenMetrics, as `promlearn scrape --save` writes it, gzipped.
//
//   npm run record:session          # writes lessons/data/12-session.om.gz and 12-session-variant.om.gz
//   npm run record:session -- --out /tmp/x   # elsewhere

import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DemoApp, pickRoute } from '../src/demo/app.js';
import { targetsFromUrls } from '../src/scrape/config.js';
import { Scraper } from '../src/scrape/scraper.js';
import { writeOpenMetrics } from '../src/storage/openmetrics.js';
import { mulberry32 } from '../src/dataset/random.js';

/** 2026-02-02 10:00:00 UTC: the session's first scrape. */
const START_MS = Date.UTC(2026, 1, 2, 10, 0, 0);
const MINUTES = 60;
const INTERVAL_S = 15;
/** Requests per second each instance receives. */
const RPS = 3;
const PORTS = [8081, 8082, 8083];
const JOB = 'shop';

type Event =
  | { at: number; port: number; kind: 'slow' | 'fast'; route: string }
  | { at: number; port: number; kind: 'errors'; rate: number }
  | { at: number; port: number; kind: 'crash' | 'restart' };

/** Incidents by minute of the session. */
const SCENARIOS: Record<string, { seed: number; events: Event[] }> = {
  '12-session': {
    seed: 12,
    events: [
      ...PORTS.map((port) => ({ at: 15, port, kind: 'slow' as const, route: '/api/products' })),
      ...PORTS.map((port) => ({ at: 30, port, kind: 'fast' as const, route: '/api/products' })),
      { at: 38, port: 8083, kind: 'errors', rate: 0.2 },
      { at: 45, port: 8083, kind: 'errors', rate: 0 },
      { at: 50, port: 8081, kind: 'crash' },
      { at: 51, port: 8081, kind: 'restart' },
    ],
  },
  // The judge's second world: every incident elsewhere and at another time.
  '12-session-variant': {
    seed: 1212,
    events: [
      { at: 8, port: 8081, kind: 'errors', rate: 0.25 },
      { at: 16, port: 8081, kind: 'errors', rate: 0 },
      { at: 22, port: 8083, kind: 'crash' },
      { at: 23.5, port: 8083, kind: 'restart' },
      ...PORTS.map((port) => ({ at: 34, port, kind: 'slow' as const, route: '/api/products' })),
      ...PORTS.map((port) => ({ at: 47, port, kind: 'fast' as const, route: '/api/products' })),
    ],
  },
};

function send(agent: Agent, url: string, method: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { method, agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    // A request to a crashed app is lost, as a client's would be.
    req.on('error', () => resolve());
    req.end();
  });
}

async function applyEvent(app: DemoApp, e: Event): Promise<void> {
  if (e.kind === 'slow') app.incidents.slow.add(e.route);
  else if (e.kind === 'fast') app.incidents.slow.delete(e.route);
  else if (e.kind === 'errors') app.incidents.errorRate = e.rate;
  else if (e.kind === 'crash') await app.crash();
  else await app.restart();
}

async function record(name: string, scenario: { seed: number; events: Event[] }): Promise<string> {
  let now = START_MS;
  const clock = () => now;
  const apps = PORTS.map(
    (port, i) => new DemoApp({ host: '127.0.0.1', port, simulated: { now: clock, random: mulberry32(scenario.seed * 10 + i) } }),
  );
  const traffic = mulberry32(scenario.seed);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (const app of apps) await app.start();
  const scraper = new Scraper(
    targetsFromUrls(
      PORTS.map((p) => `http://127.0.0.1:${p}/metrics`),
      { job: JOB, intervalMs: INTERVAL_S * 1000 },
    ),
    { now: clock, userAgent: 'promlearn-recorder' },
  );
  const pending = [...scenario.events].sort((a, b) => a.at - b.at);
  try {
    for (let s = 0; s < MINUTES * 60; s++) {
      now = START_MS + s * 1000;
      while (pending.length && pending[0].at * 60 <= s) {
        const e = pending.shift()!;
        await applyEvent(apps[PORTS.indexOf(e.port)], e);
      }
      if (s % INTERVAL_S === 0) await scraper.scrapeAll();
      for (const app of apps) {
        if (!app.up) continue;
        for (let r = 0; r < RPS; r++) {
          const route = pickRoute(traffic);
          await send(agent, `${app.url}${route.example(traffic)}`, route.method);
        }
      }
    }
    now = START_MS + MINUTES * 60 * 1000;
    await scraper.scrapeAll();
  } finally {
    agent.destroy();
    await scraper.stop({ staleMarkers: false });
    for (const app of apps) await app.stop();
  }
  const text = writeOpenMetrics(scraper.store);
  process.stdout.write(
    `${name}: ${scraper.store.numSeries} series, ${scraper.store.numSamples} samples, ${text.length} bytes of OpenMetrics\n`,
  );
  return text;
}

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : join(process.cwd(), 'lessons', 'data');
mkdirSync(outDir, { recursive: true });
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  const text = await record(name, scenario);
  const file = join(outDir, `${name}.om.gz`);
  writeFileSync(file, gzipSync(text, { level: 9 }));
  process.stdout.write(`  wrote ${file}\n`);
}
