// `promlearn dataset info|export`: what is in the bundled sample dataset (and
// when its incidents happen), and writing it out for a real Prometheus.

import { t } from '../util/messages/index.js';
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
    throw new UsageError(t('usage.datasetNotServer', { what }), t('usage.datasetNotServer.hint'));
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
  lines.push(s.bold(sample ? t('dataset.info.sample') : opts.dataset!));
  if (range) {
    const scraped = sample ? t('dataset.info.scraped', { n: SCRAPE_INTERVAL_SECONDS }) : '';
    lines.push(t('dataset.info.timeRange', { start: iso(range.minT / 1000), end: iso(range.maxT / 1000) }) + scraped);
  }
  lines.push(t('dataset.info.series', { n: store.numSeries.toLocaleString('en-US') }));
  const families = { n: counts.families.toLocaleString('en-US') };
  const names = { n: counts.names.toLocaleString('en-US') };
  lines.push(
    t('dataset.info.metrics', {
      families: counts.families === 1 ? t('dataset.info.families.one', families) : t('dataset.info.families.many', families),
      names: counts.names === 1 ? t('dataset.info.names.one', names) : t('dataset.info.names.many', names),
      note: s.dim(t('dataset.info.familyNote')),
    }),
  );
  lines.push(t('dataset.info.samples', { n: store.numSamples.toLocaleString('en-US') }));
  const jobList = Object.entries(byJob).map(([job, inst]) => `${job} (${inst.length})`);
  if (jobList.length) lines.push(t('dataset.info.jobs', { jobs: jobList.join(', ') }));
  if (sample) lines.push('', ...incidentLines(io), '', s.dim(t('dataset.info.relative')));
  io.out(lines.join('\n') + '\n');
}

/** The incidents of the sample, each with its times, what happens and a query to try. */
function incidentLines(io: IO): string[] {
  const s = io.style;
  const lines = [s.bold(t('dataset.info.incidents'))];
  for (const i of INCIDENTS) {
    lines.push(`  ${s.info(`${clock(i.start)}–${clock(i.end)}`)}  ${s.bold(i.title)}`);
    lines.push(...wrap(i.description, Math.max(40, io.columns - 5)).map((l) => `    ${l}`));
    lines.push(`    ${s.dim(t('dataset.info.try'))} promlearn query '${i.query}' --time ${iso(i.at)}`);
  }
  return lines;
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
    t('usage.exportFormat', { output }),
    /[./\\]/.test(output) ? t('usage.exportFormat.file', { output }) : t('usage.eg', { example: '-o text' }),
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
    throw new UsageError(t('usage.cannotWrite', { file, detail: (e as Error).message }), t('usage.cannotWrite.hint'));
  }
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
  const wrote = { samples: summary.samples.toLocaleString('en-US'), series: summary.series.toLocaleString('en-US'), file };
  io.err(io.errStyle.dim(t('dataset.export.wrote', wrote)) + '\n');
  await noteLeftOut(store, summary, io);
}

/** Native histogram samples have no text form: say how many were left out (and that converted ones' classic series were written). */
async function noteLeftOut(store: MemoryStore, summary: ExportSummary, io: IO): Promise<void> {
  if (summary.histogramSamples === 0) return;
  const { nhcbSeriesOf } = await import('../dataset/nhcb.js');
  const derived = nhcbSeriesOf(store);
  const classic = summary.histogramSeries.every((id) => derived.has(id)) ? t('export.classicWritten') : '';
  const samples = summary.histogramSamples.toLocaleString('en-US');
  io.err(io.errStyle.dim(t('export.histogramsLeftOut', { samples, series: summary.histogramSeries.length, classic })) + '\n');
}

/** `dataset export --help`'s text after the options: the scrape gap's times come from the timeline. */
function exportHelp(): string {
  return t('cli.dataset.export.help', { instance: GAP_INSTANCE, gapStart: clock(GAP_START), gapEnd: clock(GAP_END) });
}

export function register(program: Command, { io }: CommandDeps): void {
  const dataset = program.command('dataset').description(t('cli.dataset.description')).addHelpText('after', t('cli.dataset.help'));

  const info = dataset
    .command('info')
    .description(t('cli.dataset.info.description'))
    .option('--dataset <file>', t('cli.dataset.info.dataset'))
    .option('-s, --server <url>', t('cli.dataset.server'));
  addFormatOption(info).addHelpText('after', t('cli.dataset.info.help'));
  info.action(async (opts: InfoOptions) => runInfo(opts, io));

  const exp = dataset
    .command('export')
    .description(t('cli.dataset.export.description'))
    .argument('[file]', t('cli.dataset.export.file'))
    .option('-o, --output <format>', t('cli.dataset.export.output'), 'openmetrics')
    .option('--dataset <file>', t('cli.dataset.export.dataset'))
    .option('-s, --server <url>', t('cli.dataset.server'))
    .addHelpText('after', exportHelp());
  exp.action(async (file: string | undefined, opts: ExportOptions) => runExport(file, opts, io));
}
