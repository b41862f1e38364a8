// The sample dataset, prebuilt: `npm run build` generates it once and writes
// this compact file (dist/src/dataset/sample.snapshot, about 2.1 MB) so that a
// command starts in milliseconds instead of generating 1.6 M samples. Series
// are decoded on first read, so `promlearn query up` decodes a dozen series,
// not a thousand. The judge's variant world (the sample with its incidents
// moved) is prebuilt the same way (variant.snapshot), so the first exercise
// judged does not generate it. A test checks each snapshot equals the
// generator's output.
//
// The file records a fingerprint of the generator's compiled modules; when
// they change (a build by `tsc` alone) the snapshot no longer matches and the
// sample is generated instead, as before: never stale data, only slower.
//
// Layout: "PLS2", a uint32 header length, the JSON header (padded to a
// multiple of 8 bytes), then the encoded columns (storage/codec.ts) at the
// offsets the header gives, and two tables read in place as typed arrays:
// each series' numbers (Float64) and label sets (Int32), as indexes into one
// table of strings in the header. So opening the sample interns each distinct
// name and value once, not every series' labels one by one, and makes no JS
// array or object per series (in a cold process the sample's 1,100 series
// were a fifth of `query up`, and their garbage slowed every scavenge).

import { readdirSync, readFileSync } from 'node:fs';
import type { Metric, MetricMetadata } from '../model/result.js';
import { ByteReader, ByteWriter, decodeColumn, encodeColumn } from '../storage/codec.js';
import { MemoryStore } from '../storage/store.js';
import { addNhcbSeries, nhcbSeriesOf, type ClassicGroup } from './nhcb.js';

const MAGIC = 'PLS2';

/** Defined in the CLI bundle only: generatorFingerprint() of the modules it was made of. */
declare const __PROMLEARN_GENERATOR_FINGERPRINT__: string | undefined;
// Named from the folder above, so that the same text finds them from the CLI
// bundle (dist/src/bundle/, one level deep as this folder is).
export const SNAPSHOT_URL = new URL('../dataset/sample.snapshot', import.meta.url);
/** The variant world's snapshot (VARIANT_INCIDENTS), beside the sample's. */
export const VARIANT_SNAPSHOT_URL = new URL('../dataset/variant.snapshot', import.meta.url);

/** Modules of this folder that do not shape the generated data. */
const NOT_GENERATOR = new Set(['snapshot.js', 'snapshot-check.js', 'sample.js', 'load-file.js', 'open.js']);

interface Header {
  fingerprint: string;
  metadata: [string, MetricMetadata][];
  /** Distinct timestamp columns: [offset, count]. */
  times: [number, number][];
  /** Every label name and value, once: series' label sets are indexes into it. */
  strings: string[];
  /**
   * [offset, count] of an Int32 table: per series in id order, its number of
   * labels n, then n (name, value) index pairs into `strings`, names sorted.
   */
  labels: [number, number];
  /** [offset, count] of a Float64 table: per series in id order, times index, offset of values, count, minT, maxT. */
  series: [number, number];
  /**
   * Native histograms converted from classic ones (./nhcb.ts), rebuilt from
   * their classic series on first read rather than stored:
   * [labels, bucket series indexes, their bounds (null for +Inf), _count index or -1, _sum index or -1, count, minT, maxT]
   */
  nhcb?: [Metric, number[], (number | null)[], number, number, number, number, number][];
}

/**
 * A hash of the generator's compiled modules (this folder's .js files): two
 * 32-bit FNV-1a lanes, enough to notice a change (node:crypto would cost
 * more start-up time than everything else here).
 */
export function generatorFingerprint(): string {
  // The CLI bundle holds the generator it was built from, and its fingerprint (scripts/build-bundle.ts).
  if (typeof __PROMLEARN_GENERATOR_FINGERPRINT__ === 'string') return __PROMLEARN_GENERATOR_FINGERPRINT__;
  const dir = new URL('../dataset/', import.meta.url);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  // Four bytes a step: this runs at every start on the sample.
  const mix = (bytes: Uint8Array) => {
    const aligned = new Uint8Array((bytes.length + 3) & ~3);
    aligned.set(bytes);
    const words = new Int32Array(aligned.buffer);
    for (let i = 0; i < words.length; i++) {
      a = Math.imul(a ^ words[i], 0x01000193);
      b = Math.imul(b ^ words[i], 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ bytes.length, 0x01000193);
  };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.js') || NOT_GENERATOR.has(name)) continue;
    mix(Buffer.from(`${name}\0`));
    mix(readFileSync(new URL(name, dir)));
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** The snapshot file's bytes for a finished store. */
export function encodeSnapshot(store: MemoryStore, fingerprint: string): Uint8Array {
  const w = new ByteWriter();
  const header: Header = { fingerprint, metadata: [...store.allMetadata()], times: [], strings: [], labels: [0, 0], series: [0, 0] };
  const labelTable: number[] = [];
  const seriesTable: number[] = [];
  const timesIndex = new Map<Float64Array, number>();
  const stringIndex = new Map<string, number>();
  const indexOf = (str: string): number => {
    let i = stringIndex.get(str);
    if (i === undefined) stringIndex.set(str, (i = header.strings.push(str) - 1));
    return i;
  };
  const nhcb = nhcbSeriesOf(store);
  // Header index of each stored series id (NHCB series are not among them).
  const index = new Map<number, number>();
  for (let id = 0; id < store.numSeries; id++) {
    if (nhcb.has(id)) continue;
    index.set(id, index.size);
    const s = store.samples(id);
    const t = s.t.subarray(0, s.length);
    // Series share timestamp columns by reference (see storage/append-log.ts).
    let ti = timesIndex.get(s.t);
    if (ti === undefined) {
      ti = header.times.length;
      timesIndex.set(s.t, ti);
      header.times.push([w.length, t.length]);
      encodeColumn(w, t);
    }
    // A store's label sets are sorted by name, without empty values: decodeSnapshot adds them as they are.
    const labels = Object.entries(store.labels(id));
    labelTable.push(labels.length);
    for (const [name, value] of labels) labelTable.push(indexOf(name), indexOf(value));
    seriesTable.push(ti, w.length, s.length, s.length ? t[0] : 0, s.length ? t[s.length - 1] : 0);
    encodeColumn(w, s.v.subarray(0, s.length));
  }
  if (nhcb.size > 0) {
    const at = (id: number | undefined) => (id === undefined ? -1 : index.get(id)!);
    header.nhcb = [...nhcb.values()].map(({ group: g, extent: e }) => [
      g.labels,
      g.buckets.map((b) => at(b.id)),
      g.buckets.map((b) => (b.le === Infinity ? null : b.le)),
      at(g.count),
      at(g.sum),
      e.count,
      e.minT,
      e.maxT,
    ]);
  }
  const seriesAt = align8(w.length);
  const labelsAt = seriesAt + 8 * seriesTable.length;
  header.series = [seriesAt, seriesTable.length];
  header.labels = [labelsAt, labelTable.length];
  // JSON may end in spaces: the body starts 8-aligned, and so do the tables in it.
  const text = JSON.stringify(header);
  const json = Buffer.from(text.padEnd(text.length + align8(8 + Buffer.byteLength(text)) - 8 - Buffer.byteLength(text)), 'utf8');
  const body = 8 + json.length;
  const out = Buffer.alloc(body + labelsAt + 4 * labelTable.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  out.set(w.bytes(), body);
  out.set(new Uint8Array(Float64Array.from(seriesTable).buffer), body + seriesAt);
  out.set(new Uint8Array(Int32Array.from(labelTable).buffer), body + labelsAt);
  return out;
}

/** A store over the snapshot's bytes; undefined if the bytes are not a snapshot of this generator. */
export function decodeSnapshot(bytes: Uint8Array, fingerprint: string): MemoryStore | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const len = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + len)) as Header;
  if (header.fingerprint !== fingerprint) return undefined;
  const store = new MemoryStore();
  addStoredSeries(store, buf.subarray(8 + len), header);
  addNhcb(store, header.nhcb ?? []);
  for (const [name, meta] of header.metadata) store.setMetadata(name, meta);
  return store;
}

/**
 * The stored series as lazy ones, ids 0, 1, … in header order. Their decoders
 * hold the body and the timestamp columns (no more: a closure keeps its whole
 * scope, so the header and the histogram groups' closures are made
 * elsewhere), and once every stored series is read the body can go.
 */
function addStoredSeries(store: MemoryStore, body: Buffer, header: Header): void {
  const times: (Float64Array | undefined)[] = [];
  const timesIndex = header.times;
  const timesOf = (i: number): Float64Array => {
    const [offset, count] = timesIndex[i];
    return (times[i] ??= decodeColumn(new ByteReader(body, offset), count));
  };
  const ids = header.strings.map((str) => store.strings.intern(str));
  const series = table(Float64Array, body, header.series);
  const labels = table(Int32Array, body, header.labels);
  let pairs = new Int32Array(64);
  let k = 0;
  for (let i = 0; i < series.length; i += 5) {
    const n = labels[k++];
    if (pairs.length < 2 * n) pairs = new Int32Array(4 * n);
    for (let j = 0; j < 2 * n; j++) pairs[j] = ids[labels[k++]];
    addStored(store, pairs, n, series[i + 2], series[i + 3], series[i + 4], timesOf, series[i], body, series[i + 1]);
  }
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** A table of the body, [offset, count], in place (or copied, should the bytes not be aligned for it). */
function table<T extends Float64Array | Int32Array>(
  Type: { new (buffer: ArrayBufferLike, at: number, n: number): T; new (n: number): T; BYTES_PER_ELEMENT: number },
  body: Buffer,
  [offset, count]: [number, number],
): T {
  const at = body.byteOffset + offset;
  if (at % Type.BYTES_PER_ELEMENT === 0) return new Type(body.buffer, at, count);
  const copy = new Type(count);
  new Uint8Array(copy.buffer).set(body.subarray(offset, offset + count * Type.BYTES_PER_ELEMENT));
  return copy;
}

/** One stored series: its decoder's closure holds its own numbers, not the header. */
function addStored(
  store: MemoryStore,
  pairs: Int32Array,
  n: number,
  count: number,
  minT: number,
  maxT: number,
  timesOf: (i: number) => Float64Array,
  ti: number,
  body: Buffer,
  offset: number,
): void {
  store.addLazySeriesOfPairs(pairs, n, count, minT, maxT, () => ({ t: timesOf(ti), v: decodeColumn(new ByteReader(body, offset), count) }));
}

/** The native histograms converted from classic ones. The stored series got ids 0, 1, … in header order, so indexes are ids. */
function addNhcb(store: MemoryStore, nhcb: NonNullable<Header['nhcb']>): void {
  for (const [labels, bucketIds, bounds, count, sum, n, minT, maxT] of nhcb) {
    const group: ClassicGroup = {
      labels,
      buckets: bucketIds.map((id, i) => ({ le: bounds[i] ?? Infinity, id })),
      ...(count < 0 ? {} : { count }),
      ...(sum < 0 ? {} : { sum }),
    };
    addNhcbSeries(store, [group], () => ({ count: n, minT, maxT }));
  }
}

/** Each snapshot's shared store (undefined: no usable snapshot), by URL. Not the bytes: they go once every series is read. */
const loaded = new Map<string, MemoryStore | undefined>();

function readSnapshot(url: URL): MemoryStore | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(url);
  } catch {
    return undefined;
  }
  return decodeSnapshot(bytes, generatorFingerprint());
}

/**
 * The prebuilt store at `url` (the sample's by default), once per process, or
 * undefined when there is no snapshot or it is out of date.
 */
export function loadSnapshot(url: URL = SNAPSHOT_URL): MemoryStore | undefined {
  if (!loaded.has(url.href)) loaded.set(url.href, readSnapshot(url));
  return loaded.get(url.href);
}

/**
 * A store of the caller's own over the snapshot at `url` (a new one at each
 * call), for a caller that writes into it, such as `rules eval` recording
 * series. Undefined when there is no usable snapshot.
 */
export function freshSnapshot(url: URL = SNAPSHOT_URL): MemoryStore | undefined {
  return readSnapshot(url);
}
