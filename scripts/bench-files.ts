// Large dataset files for the load benchmark, written to /tmp (never to the
// repository) and reused while their size matches. Two shapes:
//  - series-major: each series whole in time order (as `promlearn dataset
//    export` and promtool backfill files are), 10,000 series x 1,000 samples;
//  - time-major: one scrape of every series after another (a dump of
//    scrapes), 1,000,000 series x 5 samples.
// Half the series are integer counters, half gauges with three decimals.

import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';

export interface FileShape {
  name: string;
  series: number;
  samplesPerSeries: number;
  order: 'series-major' | 'time-major';
  format: 'openmetrics' | 'text';
}

const START_MS = 1_767_225_600_000;
const STEP_MS = 15_000;

function seriesText(i: number): string {
  return i % 2 === 0
    ? `http_requests_total{job="job${i % 10}",instance="host${i >> 1}:9100",code="${200 + (i % 3) * 100}"}`
    : `process_resident_memory_bytes{job="job${i % 10}",instance="host${i >> 1}:9100"}`;
}

function value(i: number, k: number): string {
  return i % 2 === 0 ? String(k * 7 + (i % 13) * k) : ((i % 1000) * 1.5 + k * 0.125 + 0.001).toFixed(3);
}

function ts(k: number, format: FileShape['format'], i: number): string {
  const ms = START_MS + k * STEP_MS + (i % 7);
  return format === 'openmetrics' ? `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}` : String(ms);
}

/** Writes the file unless one of the same name already exists; returns its path and size. */
export async function ensureFile(shape: FileShape): Promise<{ path: string; bytes: number; samples: number }> {
  const path = `/tmp/promlearn-bench-${shape.name}.${shape.format === 'openmetrics' ? 'om' : 'prom'}`;
  const samples = shape.series * shape.samplesPerSeries;
  if (!existsSync(path)) {
    const out = createWriteStream(path + '.part');
    let buf = '';
    const flush = async () => {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    };
    buf += '# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n';
    buf += '# TYPE process_resident_memory_bytes gauge\n';
    if (shape.order === 'series-major') {
      for (let i = 0; i < shape.series; i++) {
        const head = seriesText(i) + ' ';
        for (let k = 0; k < shape.samplesPerSeries; k++) buf += `${head}${value(i, k)} ${ts(k, shape.format, i)}\n`;
        if (buf.length > 1 << 20) await flush();
      }
    } else {
      const heads = Array.from({ length: shape.series }, (_, i) => seriesText(i) + ' ');
      for (let k = 0; k < shape.samplesPerSeries; k++) {
        for (let i = 0; i < shape.series; i++) {
          buf += `${heads[i]}${value(i, k)} ${ts(k, shape.format, i)}\n`;
          if (buf.length > 1 << 20) await flush();
        }
      }
    }
    if (shape.format === 'openmetrics') buf += '# EOF\n';
    await flush();
    out.end();
    await once(out, 'close');
    const { renameSync } = await import('node:fs');
    renameSync(path + '.part', path);
  }
  return { path, bytes: statSync(path).size, samples };
}

export const LOAD_SHAPES: FileShape[] = [
  { name: '10m-samples', series: 10_000, samplesPerSeries: 1_000, order: 'series-major', format: 'openmetrics' },
  { name: '10m-samples', series: 10_000, samplesPerSeries: 1_000, order: 'series-major', format: 'text' },
  { name: '1m-series', series: 1_000_000, samplesPerSeries: 5, order: 'time-major', format: 'openmetrics' },
];
