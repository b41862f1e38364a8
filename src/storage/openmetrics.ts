// Writes a MemoryStore as OpenMetrics text in the form promtool 2.42's
// `tsdb create-blocks-from openmetrics` accepts (see shared/PROMETHEUS.md):
// timestamps in seconds with ms precision, `# EOF`, no blank lines, no
// `untyped`, `# UNIT` only when the name ends in `_<unit>`, `{a="b",c="d"}`
// without spaces, each series written whole in time order, counters as
// family `foo` with samples `foo_total`. Staleness markers cannot be written
// and are left out. Also writes the Prometheus text format (ms timestamps).

import type { Metric, MetricMetadata } from '../model/result.js';
import { type MemoryStore, type SampleColumns, isHistogramMark, isStaleNaN } from './store.js';

export interface WriteOptions {
  /** Lines per chunk yielded by the chunked writers (default 5000). */
  chunkLines?: number;
}

/** Sample-name suffixes each OpenMetrics type allows ('' = the family name itself). */
const OM_SUFFIXES: Record<string, string[]> = {
  counter: ['_total'],
  gauge: [''],
  unknown: [''],
  histogram: ['_bucket', '_count', '_sum'],
  gaugehistogram: ['_bucket', '_gcount', '_gsum'],
  summary: ['', '_count', '_sum'],
  info: ['_info'],
  stateset: [''],
};

interface Family {
  name: string;
  type: string;
  meta?: MetricMetadata;
  ids: number[];
}

/** Which OpenMetrics family a sample name belongs to, given the store's metadata. */
function omFamily(store: MemoryStore, name: string): { family: string; type: string; meta?: MetricMetadata } {
  const exact = store.getMetadata(name);
  const exactType = normType(exact?.type);
  // Text-format counters declare the `_total` name itself as the family.
  if (exactType === 'counter' && name.endsWith('_total')) return { family: name.slice(0, -6), type: 'counter', meta: exact };
  if (exact && OM_SUFFIXES[exactType]?.includes('')) return { family: name, type: exactType, meta: exact };
  for (const suf of ['_total', '_bucket', '_count', '_sum', '_gcount', '_gsum', '_info']) {
    if (!name.endsWith(suf)) continue;
    const fam = name.slice(0, -suf.length);
    const m = store.getMetadata(fam);
    const t = normType(m?.type);
    if (m && OM_SUFFIXES[t]?.includes(suf)) return { family: fam, type: t, meta: m };
  }
  // Nothing fits: an `unknown` family named after the sample, keeping any HELP.
  return { family: name, type: 'unknown', meta: exact };
}

function normType(t: string | undefined): string {
  if (!t || t === 'untyped') return 'unknown';
  return t in OM_SUFFIXES ? t : 'unknown';
}

function groupFamilies(store: MemoryStore, om: boolean): Family[] {
  const fams = new Map<string, Family>();
  for (let id = 0; id < store.numSeries; id++) {
    const name = store.labels(id).__name__;
    const samples = store.samples(id);
    // Native histograms have no form in these text formats (a converted one's classic series are written anyway).
    if (name === undefined || samples.length === 0 || (samples.h && !hasFloatSample(samples))) continue;
    const f = om ? omFamily(store, name) : textFamily(store, name);
    let fam = fams.get(f.family);
    if (!fam) fams.set(f.family, (fam = { name: f.family, type: f.type, meta: f.meta, ids: [] }));
    fam.ids.push(id);
  }
  return [...fams.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What an export writes (samples with a text form) and leaves out (native histograms), by series. */
export interface ExportSummary {
  series: number;
  samples: number;
  histogramSeries: number[];
  histogramSamples: number;
}

export function exportSummary(store: MemoryStore): ExportSummary {
  const out: ExportSummary = { series: 0, samples: 0, histogramSeries: [], histogramSamples: 0 };
  for (let id = 0; id < store.numSeries; id++) {
    if (store.labels(id).__name__ === undefined) continue;
    const s = store.samples(id);
    let floats = 0;
    let hists = 0;
    for (let i = 0; i < s.length; i++) {
      const v = s.v[i];
      if (isHistogramMark(v)) hists++;
      else if (!isStaleNaN(v)) floats++;
    }
    if (floats > 0) out.series++;
    out.samples += floats;
    if (hists > 0) out.histogramSeries.push(id);
    out.histogramSamples += hists;
  }
  return out;
}

function hasFloatSample(s: SampleColumns): boolean {
  for (let i = 0; i < s.length; i++) if (!isHistogramMark(s.v[i]) && !isStaleNaN(s.v[i])) return true;
  return false;
}

function textFamily(store: MemoryStore, name: string): { family: string; type: string; meta?: MetricMetadata } {
  const exact = store.getMetadata(name);
  if (exact) return { family: name, type: exact.type, meta: exact };
  for (const suf of ['_total', '_bucket', '_count', '_sum']) {
    const fam = name.slice(0, -suf.length);
    const m = name.endsWith(suf) ? store.getMetadata(fam) : undefined;
    if (m) return { family: fam, type: m.type, meta: m };
  }
  return { family: name, type: 'untyped' };
}

/** Go-style float text that parses back to the same number. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** ms → seconds text with exactly ms precision (`1767225600.123`). */
export function formatSecondsTs(ms: number): string {
  const abs = Math.abs(ms);
  const s = `${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
  return ms < 0 ? `-${s}` : s;
}

function escapeLabelValue(v: string): string {
  return /[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;
}

function escapeHelp(h: string, om: boolean): string {
  const s = h.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return om ? s.replace(/"/g, '\\"') : s;
}

/** `name{a="b",c="d"}` with sorted labels, no spaces. */
export function seriesText(labels: Metric): string {
  let body = '';
  for (const n of Object.keys(labels).sort()) {
    if (n === '__name__') continue;
    body += `${body === '' ? '' : ','}${n}="${escapeLabelValue(labels[n])}"`;
  }
  return body === '' ? labels.__name__ : `${labels.__name__}{${body}}`;
}

function* chunked(lines: Iterable<string>, size: number): Generator<string> {
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (buf.length >= size) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  }
  if (buf.length > 0) yield buf.join('\n') + '\n';
}

function* familyLines(store: MemoryStore, om: boolean): Generator<string> {
  for (const fam of groupFamilies(store, om)) {
    const help = fam.meta?.help;
    if (help) yield `# HELP ${fam.name} ${escapeHelp(help, om)}`;
    yield `# TYPE ${fam.name} ${om ? fam.type : fam.type === 'unknown' ? 'untyped' : fam.type}`;
    const unit = fam.meta?.unit;
    if (om && unit && fam.name.endsWith(`_${unit}`)) yield `# UNIT ${fam.name} ${unit}`;
    for (const id of fam.ids) {
      const head = `${seriesText(store.labels(id))} `;
      const s = store.samples(id);
      for (let i = 0; i < s.length; i++) {
        const v = s.v[i];
        if (isStaleNaN(v) || isHistogramMark(v)) continue; // staleness markers and native histograms have no exposition form
        yield `${head}${formatValue(v)} ${om ? formatSecondsTs(s.t[i]) : String(s.t[i])}`;
      }
    }
  }
}

/** OpenMetrics text in chunks of lines, ending with `# EOF`, for large stores. */
export function* openMetricsChunks(store: MemoryStore, opts: WriteOptions = {}): Generator<string> {
  yield* chunked(
    (function* () {
      yield* familyLines(store, true);
      yield '# EOF';
    })(),
    opts.chunkLines ?? 5000,
  );
}

export function writeOpenMetrics(store: MemoryStore, opts: WriteOptions = {}): string {
  return [...openMetricsChunks(store, opts)].join('');
}

/** The Prometheus text format 0.0.4 in chunks of lines, with ms timestamps. */
export function* textFormatChunks(store: MemoryStore, opts: WriteOptions = {}): Generator<string> {
  yield* chunked(familyLines(store, false), opts.chunkLines ?? 5000);
}

export function writeTextFormat(store: MemoryStore, opts: WriteOptions = {}): string {
  return [...textFormatChunks(store, opts)].join('');
}
