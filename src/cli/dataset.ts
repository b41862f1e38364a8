// `promlearn dataset info|export`: what is in the bundled sample dataset (and
// when its incidents happen), and writing it out for a real Prometheus.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
// The dataset's timeline is plain data; the generator, the store and the
// writers load only when a subcommand runs.
import { GAP_END, GAP_INSTANCE, GAP_START, INCIDENTS, SCRAPE_INTERVAL_SECONDS } from '../dataset/timeline.js';
import { UsageError } from '../errors.js';
import type { MemoryStore } from '../storage/store.js';
import type { ExportSummary } from '../storage/openmetrics.js';
import { wrap } from '../render/text.js';
import type { IO } from '../util/io.js';
import { formatRfc3339 } from '../util/time.js';
import type { CommandDeps } from './deps.js';
import { addFormatOption, familyOf, type ListFormat } from './metrics.js';

interface DatasetOptions {
  server?: string;
  dataset?: string;
}

function iso(unixSeconds: number): string {
  return formatRfc3339(Math.round(unixSeconds));
}

function clock(unixSeconds: number): string {
  return iso(unixSeconds).slice(11).replace(/:00Z$/, 'Z');
}

/** The store the options choose; the dataset commands only make sense locally. */
async function localStore(opts: DatasetOptions, io: IO, what: string): Promise<MemoryStore> {
  if (opts.server ?? io.env.PROMETHEUS_URL) {
    throw new UsageError(
      `dataset ${what} is about the bundled sample dataset (or a --dataset file); it does not apply to a Prometheus server`,
      'for a server, try promlearn status, promlearn metrics or promlearn labels with --server (unset PROMETHEUS_URL to use the sample)',
    );
  }
  if (opts.dataset) {
    const [{ loadDatasetFile }, { hostFromIO }] = await Promise.all([import('../backends/open.js'), import('../backends/options.js')]);
    return loadDatasetFile(opts.dataset, hostFromIO(io));
  }
  const { loadSampleStore } = await import('../dataset/index.js');
  return loadSampleStore();
}

function jobs(store: MemoryStore): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const job of store.labelValues('job')) {
    const ids = store.select([{ name: 'job', op: '=', value: job }]);
    out[job] = [...new Set(ids.map((id) => store.labels(id).instance ?? ''))].filter(Boolean).sort();
  }
  return out;
}

interface InfoOptions extends DatasetOptions {
  output: ListFormat;
}

/**
 * Metric names (each __name__: a histogram's x_bucket, x_sum and x_count are
 * three) and the families `promlearn metrics` lists (that histogram is one).
 */
function metricCounts(store: MemoryStore): { names: number; families: number } {
  const names = store.labelValues('__name__');
  const meta = Object.fromEntries([...store.allMetadata()].map(([family, m]) => [family, [m]]));
  return { names: names.length, families: new Set(names.map((n) => familyOf(n, meta))).size };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

async function runInfo(opts: InfoOptions, io: IO): Promise<void> {
  const store = await localStore(opts, io, 'info');
  const counts = metricCounts(store);
  const range = store.timeRange();
  const sample = !opts.dataset;
  const byJob = jobs(store);
  const info = {
    name: sample ? 'sample' : opts.dataset!,
    start: range ? range.minT / 1000 : null,
    end: range ? range.maxT / 1000 : null,
    scrapeIntervalSeconds: sample ? SCRAPE_INTERVAL_SECONDS : undefined,
    series: store.numSeries,
    samples: store.numSamples,
    metricNames: counts.names,
    metricFamilies: counts.families,
    jobs: byJob,
    incidents: sample ? INCIDENTS : [],
  };
  if (opts.output === 'json') return io.out(JSON.stringify(info) + '\n');
  if (opts.output === 'csv') {
    io.out('id,title,start,end,query\n');
    for (const i of info.incidents) io.out([i.id, i.title, iso(i.start), iso(i.end), i.query].map(csvCell).join(',') + '\n');
    return;
  }
  const s = io.style;
  const lines: string[] = [];
  lines.push(
    s.bold(
      sample
        ? 'The sample dataset: a small online shop (Node.js services frontend, api, checkout and 3 node_exporter hosts)'
        : opts.dataset!,
    ),
  );
  if (range)
    lines.push(
      `  time range  ${iso(range.minT / 1000)} to ${iso(range.maxT / 1000)}${sample ? `, scraped every ${SCRAPE_INTERVAL_SECONDS}s` : ''}`,
    );
  lines.push(`  series      ${store.numSeries.toLocaleString('en-US')}`);
  lines.push(
    `  metrics     ${plural(counts.families, 'family', 'families')}, ${plural(counts.names, 'name', 'names')} ${s.dim('(names x_bucket, x_sum and x_count are one family x, as promlearn metrics lists them)')}`,
  );
  lines.push(`  samples     ${store.numSamples.toLocaleString('en-US')}`);
  const jobList = Object.entries(byJob).map(([job, inst]) => `${job} (${inst.length})`);
  if (jobList.length) lines.push(`  jobs        ${jobList.join(', ')}`);
  if (sample) {
    lines.push('', s.bold('Incidents to find (times UTC on 2026-01-15):'));
    for (const i of INCIDENTS) {
      lines.push(`  ${s.info(`${clock(i.start)}–${clock(i.end)}`)}  ${s.bold(i.title)}`);
      lines.push(...wrap(i.description, Math.max(40, io.columns - 5)).map((l) => `    ${l}`));
      lines.push(`    ${s.dim('try:')} promlearn query '${i.query}' --time ${iso(i.at)}`);
    }
    lines.push('', s.dim('Relative times such as --time -1h count back from the end of the data. More: docs/dataset.md'));
  }
  io.out(lines.join('\n') + '\n');
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const EXPORT_FORMATS = ['openmetrics', 'text'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExportOptions extends DatasetOptions {
  /** -o/--output is the format here as in every command; the file is the argument. */
  output: string;
}

function exportFormat(output: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(output)) return output as ExportFormat;
  throw new UsageError(
    `invalid --output "${output}": expected openmetrics or text`,
    /[./\\]/.test(output)
      ? `-o is the format, as in every command; name the file without it: promlearn dataset export ${output}`
      : 'e.g. -o text',
  );
}

async function runExport(file: string | undefined, opts: ExportOptions, io: IO): Promise<void> {
  const format = exportFormat(opts.output);
  const store = await localStore(opts, io, 'export');
  const { openMetricsChunks, textFormatChunks, exportSummary } = await import('../storage/openmetrics.js');
  const chunks = format === 'text' ? textFormatChunks(store) : openMetricsChunks(store);
  const summary = exportSummary(store);
  if (!file || file === '-') {
    for (const c of chunks) io.out(c);
    await noteLeftOut(store, summary, io);
    return;
  }
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`, 'check the directory exists and is writable');
  }
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
  io.err(
    io.errStyle.dim(
      `wrote ${summary.samples.toLocaleString('en-US')} samples of ${summary.series.toLocaleString('en-US')} series to ${file}`,
    ) + '\n',
  );
  await noteLeftOut(store, summary, io);
}

/** Native histogram samples have no text form: say how many were left out (and that converted ones' classic series were written). */
async function noteLeftOut(store: MemoryStore, summary: ExportSummary, io: IO): Promise<void> {
  if (summary.histogramSamples === 0) return;
  const { nhcbSeriesOf } = await import('../dataset/nhcb.js');
  const { t } = await import('../util/messages/index.js');
  const derived = nhcbSeriesOf(store);
  const classic = summary.histogramSeries.every((id) => derived.has(id)) ? t('export.classicWritten') : '';
  const samples = summary.histogramSamples.toLocaleString('en-US');
  io.err(io.errStyle.dim(t('export.histogramsLeftOut', { samples, series: summary.histogramSeries.length, classic })) + '\n');
}

const EXPORT_HELP = `
Examples:
  $ promlearn dataset export shop.om                  # OpenMetrics (default)
  $ promlearn dataset export -o text | head           # Prometheus text format, ms timestamps

Load it into a real Prometheus (promtool backfill, then start on the blocks):
  $ promlearn dataset export shop.om
  $ promtool tsdb create-blocks-from openmetrics shop.om ./data
  $ echo 'global: {}' > empty.yml
  $ prometheus --config.file=empty.yml --storage.tsdb.path=./data \\
      --storage.tsdb.retention.time=100y --web.listen-address=127.0.0.1:9090
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))' --server http://127.0.0.1:9090 \\
      --time 2026-01-15T11:00:00Z   # the data's time: at "now" the answer is empty (a note says so)

Caveat: OpenMetrics cannot carry staleness markers. In the sample data,
${GAP_INSTANCE} cannot be scraped from ${clock(GAP_START)} to ${clock(GAP_END)} and its series
end with a staleness marker, so the embedded engine drops them at once; a
backfilled Prometheus never saw the marker and keeps returning their last
values for up to 5 minutes (the lookback delta). Near that scrape gap (and
where the api deploy retires the old nodejs_version_info series) the two
answer differently; everywhere else they agree.
HELP/TYPE/UNIT are not kept by a backfill either (/api/v1/metadata is empty).`;

export function register(program: Command, { io }: CommandDeps): void {
  const dataset = program
    .command('dataset')
    .description('describe or export the bundled sample dataset')
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn dataset info              # time range, size, and the incidents to find
  $ promlearn dataset export shop.om    # for promtool / a real Prometheus`,
    );

  const info = dataset
    .command('info')
    .description('show the time range, series and sample counts, and the incidents with their times')
    .option('--dataset <file>', 'describe your own OpenMetrics / text-format file instead')
    .option('-s, --server <url>', '(not applicable: the dataset commands are about local data)');
  addFormatOption(info).addHelpText(
    'after',
    `
Examples:
  $ promlearn dataset info
  $ promlearn dataset info -o json | jq '.incidents[] | {id, start, query}'
  $ promlearn dataset info --dataset my-metrics.om`,
  );
  info.action(async (opts: InfoOptions) => runInfo(opts, io));

  const exp = dataset
    .command('export')
    .description('write the sample dataset as OpenMetrics (for promtool backfill) or Prometheus text format')
    .argument('[file]', 'write to this file (default: stdout)')
    .option('-o, --output <format>', 'output format: openmetrics or text', 'openmetrics')
    .option('--dataset <file>', 'convert your own OpenMetrics / text-format file instead')
    .option('-s, --server <url>', '(not applicable: the dataset commands are about local data)')
    .addHelpText('after', EXPORT_HELP);
  exp.action(async (file: string | undefined, opts: ExportOptions) => runExport(file, opts, io));
}
