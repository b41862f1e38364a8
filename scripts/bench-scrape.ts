// Benchmark (not a test): what scraping costs. 10 targets of 2,000 series each,
// scraped every 15 s into the live store; the targets run in a child process so
// only the scraper's CPU is measured. Goal: under 5% of one core.
//
//   npm run bench:scrape                      # 4 intervals of 15 s (about 1 minute)
//   npm run bench:scrape -- --intervals 2 --interval 5s --targets 10 --series 2000

import { spawn } from 'node:child_process';
import { Scraper } from '../src/scrape/scraper.js';
import { targetsFromUrls } from '../src/scrape/config.js';
import { parseDurationArg } from '../src/util/time.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

const TARGETS = Number(arg('targets', '10'));
const SERIES = Number(arg('series', '2000'));
const INTERVAL_MS = parseDurationArg(arg('interval', '15s'));
const INTERVALS = Number(arg('intervals', '4'));

// The targets: one child process, one port each, a text-format body of SERIES
// series (100 counter families × SERIES/100 label sets) whose values grow.
const TARGET_SCRIPT = `
const http = require('node:http');
const [targets, series] = process.argv.slice(1).map(Number);
const perFamily = Math.max(1, Math.floor(series / 100));
let n = 0;
function body() {
  n++;
  let out = '';
  for (let f = 0; f < 100; f++) {
    out += '# HELP bench_family_' + f + '_total A benchmark counter.\\n# TYPE bench_family_' + f + '_total counter\\n';
    for (let i = 0; i < perFamily; i++) out += 'bench_family_' + f + '_total{method="GET",route="/r/' + i + '",status_code="200"} ' + (n * (i + 1)) + '\\n';
  }
  return out;
}
const ports = [];
let open = 0;
for (let t = 0; t < targets; t++) {
  const s = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }); res.end(body()); });
  s.listen(0, '127.0.0.1', () => { ports.push(s.address().port); if (++open === targets) console.log(JSON.stringify(ports)); });
}
`;

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['-e', TARGET_SCRIPT, String(TARGETS), String(SERIES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ports = await new Promise<number[]>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()) as number[])),
  );
  try {
    const scraper = new Scraper(
      targetsFromUrls(
        ports.map((p) => `http://127.0.0.1:${p}/metrics`),
        { intervalMs: INTERVAL_MS },
      ),
    );
    // Warm-up round (JIT, first series creation) measured on its own.
    let cpu = process.cpuUsage();
    let t0 = performance.now();
    await scraper.scrapeAll();
    const first = process.cpuUsage(cpu);
    console.log(
      `first round (creates ${scraper.store.numSeries} series): ${((first.user + first.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms wall`,
    );
    cpu = process.cpuUsage();
    t0 = performance.now();
    scraper.start();
    await new Promise((r) => setTimeout(r, INTERVALS * INTERVAL_MS - 100));
    await scraper.stop();
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - t0;
    const cpuMs = (used.user + used.system) / 1000;
    const down = scraper.targets().filter((t) => t.health !== 'up');
    if (down.length) throw new Error(`targets down: ${down.map((t) => t.lastError).join('; ')}`);
    const rounds = INTERVALS;
    console.log(
      `${TARGETS} targets × ${SERIES} series every ${INTERVAL_MS / 1000}s, ${rounds} rounds: ${scraper.store.numSamples} samples in the store`,
    );
    console.log(
      `CPU ${cpuMs.toFixed(0)} ms over ${(wall / 1000).toFixed(1)} s wall = ${((100 * cpuMs) / wall).toFixed(2)}% of one core (goal < 5%); ${(cpuMs / rounds).toFixed(0)} ms per round`,
    );
  } finally {
    child.kill();
  }
}

await main();
