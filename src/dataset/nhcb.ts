// Classic histograms as Prometheus 3 stores them with
// `convert_classic_histograms_to_nhcb` (and `always_scrape_classic_histograms`,
// so the classic series stay too): a native histogram with custom buckets
// (NHCB, schema -53) under the base name (`http_request_duration_seconds`,
// without `_bucket` and `le`), whose custom_values are the classic `le`
// bounds and whose buckets are the classic cumulative counts made per bucket.
// util/convertnhcb's TempHistogram.Convert, sample by sample.
//
// The NHCB series are lazy: their columns are made the first time a query
// reads them, so opening the sample (or a `--dataset --nhcb` file) costs
// nothing more until they are used. Regular classic series (one timestamp
// column, a +Inf bucket) are read in place (src/storage/histogram-cumulative.ts:
// about a byte a sample); others are converted scrape by scrape here and
// packed (src/storage/histogram-packed.ts).

import { FloatHistogram, type BucketList } from '../histogram/histogram.js';
import { customBoundsMatch } from '../histogram/bounds.js';
import { sideDecreased } from '../histogram/reset.js';
import type { Metric } from '../model/result.js';
import type { LazyColumns } from '../storage/series.js';
import { HISTOGRAM_MARK, MemoryStore, STALE_NAN, isStaleNaN, labelsKey } from '../storage/store.js';
import { cumulativeColumns } from '../storage/histogram-cumulative.js';
import { PackedHistograms } from '../storage/histogram-packed.js';

const CUSTOM_BUCKETS_SCHEMA = -53;

/** A classic histogram's series in a store: buckets by bound, and its _count and _sum when present. */
export interface ClassicGroup {
  /** The NHCB series' labels: the base name, the classic labels without `le`. */
  labels: Metric;
  buckets: { le: number; id: number }[];
  count?: number;
  sum?: number;
}

/** Go's ParseFloat for `le` values as exposition formats write them; NaN for anything else. */
function parseLe(s: string): number {
  const t = s.trim();
  if (/^\+?inf(inity)?$/i.test(t)) return Infinity;
  if (/^-inf(inity)?$/i.test(t)) return -Infinity;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
}

/** The classic histograms in `store` (every `<base>_bucket` series with an `le`), optionally only some base names. */
export function findClassicHistograms(store: MemoryStore, wanted?: (base: string) => boolean): ClassicGroup[] {
  const groups = new Map<string, ClassicGroup>();
  const byKey = new Map<string, number>();
  for (let id = 0; id < store.numSeries; id++) byKey.set(labelsKey(store.labels(id)), id);
  for (let id = 0; id < store.numSeries; id++) {
    const { __name__: name, le, ...rest } = store.labels(id);
    if (!name?.endsWith('_bucket') || le === undefined) continue;
    const base = name.slice(0, -'_bucket'.length);
    const bound = parseLe(le);
    if (Number.isNaN(bound) || (wanted && !wanted(base))) continue;
    const labels = { __name__: base, ...rest };
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (!g) {
      const member = (suffix: string) => byKey.get(labelsKey({ ...rest, __name__: base + suffix }));
      groups.set(key, (g = { labels, buckets: [], count: member('_count'), sum: member('_sum') }));
    }
    g.buckets.push({ le: bound, id });
  }
  // A series of that name that is not a histogram (a gauge called like one) is left alone.
  return [...groups.values()]
    .filter((g) => !byKey.has(labelsKey(g.labels)))
    .map((g) => ({ ...g, buckets: g.buckets.sort((a, b) => a.le - b.le) }));
}

interface Member {
  t: Float64Array;
  v: Float64Array;
  length: number;
}

/** At time t: the cumulative bucket counts (NaN where absent), count and sum. */
interface Scrape {
  cum: Float64Array;
  count: number;
  sum: number;
  stale: boolean;
}

/**
 * One histogram from one scrape's classic samples (convertnhcb's Convert):
 * count from _count, else the highest bucket; a missing +Inf bucket added
 * with the count. Undefined when the classic samples do not make a histogram
 * (not cumulative, a negative count, count and +Inf bucket disagreeing):
 * Prometheus skips such a conversion too.
 */
export function convertScrape(
  les: number[],
  cum: ArrayLike<number>,
  count: number,
  sum: number,
  bounds: readonly number[],
): FloatHistogram | undefined {
  const rows: { le: number; c: number }[] = [];
  for (let i = 0; i < les.length; i++) if (cum[i] === cum[i]) rows.push({ le: les[i]!, c: cum[i]! });
  for (let i = 1; i < rows.length; i++) if (rows[i]!.c < rows[i - 1]!.c) return undefined;
  if (rows.some((r) => r.c < 0)) return undefined;
  const total = count === count ? count : rows.length ? rows[rows.length - 1]!.c : 0;
  if (rows.length === 0 || rows[rows.length - 1]!.le !== Infinity) rows.push({ le: Infinity, c: total });
  if (rows[rows.length - 1]!.c !== total) return undefined;
  const h = new FloatHistogram();
  h.schema = CUSTOM_BUCKETS_SCHEMA;
  h.count = total;
  h.sum = sum === sum ? sum : 0;
  // The bounds of this scrape's buckets; the shared array when every bucket is there (the usual case).
  const finite = rows.slice(0, -1).map((r) => r.le);
  h.customValues = finite.length === bounds.length ? bounds : finite;
  // Only the populated buckets (Prometheus's Compact(0)), in arrays of exactly their length.
  const idx: number[] = [];
  const cnt: number[] = [];
  let prev = 0;
  rows.forEach((r, i) => {
    if (r.c - prev !== 0) {
      idx.push(i);
      cnt.push(r.c - prev);
    }
    prev = r.c;
  });
  h.positive = { idx: idx.slice(), cnt: cnt.slice() };
  h.negative = NO_BUCKETS;
  return h;
}

/** The empty negative side every NHCB shares (a histogram made here is packed, never modified). */
const NO_BUCKETS: BucketList = { idx: [], cnt: [] };

/** Prometheus's TSDB starts a new chunk (and reads the hint back as unknown) every 2 h of wall time. */
const CHUNK_RANGE_MS = 2 * 60 * 60 * 1000;

/**
 * The hint `h` reads back as after `prev` (storage/histogram-chunks.ts, for
 * counter NHCBs only): a new chunk, `unknown`, at the first histogram, after
 * a stale marker, at a reset (count or a bucket going down, other bounds) and
 * at a 2 h boundary; `not_reset` otherwise.
 */
function readBackHint(h: FloatHistogram, prev: FloatHistogram | undefined, prevT: number, t: number): 'unknown' | 'not_reset' {
  if (!prev || Math.trunc(t / CHUNK_RANGE_MS) !== Math.trunc(prevT / CHUNK_RANGE_MS)) return 'unknown';
  if (h.count < prev.count || !customBoundsMatch(h.customValues, prev.customValues)) return 'unknown';
  return sideDecreased(h.positive, prev.positive) ? 'unknown' : 'not_reset';
}

/** Every timestamp of any member, ascending; the members' own array when they all share one. */
function timestampsOf(members: Member[]): Float64Array {
  const first = members[0]!;
  if (
    members.every(
      (m) => m.t === first.t || (m.length === first.length && m.t[0] === first.t[0] && m.t[m.length - 1] === first.t[first.length - 1]),
    )
  ) {
    return first.t.subarray(0, first.length);
  }
  const all = new Set<number>();
  for (const m of members) for (let i = 0; i < m.length; i++) all.add(m.t[i]!);
  return Float64Array.from([...all].sort((a, b) => a - b));
}

/** The NHCB series' columns, from its classic members' samples: read in place when they are regular, else converted. */
export function nhcbColumns(store: MemoryStore, g: ClassicGroup): LazyColumns {
  const buckets = g.buckets.map((b) => store.samples(b.id) as Member);
  const count = g.count === undefined ? undefined : (store.samples(g.count) as Member);
  const sum = g.sum === undefined ? undefined : (store.samples(g.sum) as Member);
  return (
    cumulativeColumns(
      g.buckets.map((b) => b.le),
      buckets,
      count,
      sum,
    ) ?? convertedColumns(g, buckets, count, sum)
  );
}

/** The NHCB series converted scrape by scrape (convertnhcb), for classic series that are not regular. */
export function convertedColumns(g: ClassicGroup, buckets: Member[], count: Member | undefined, sum: Member | undefined): LazyColumns {
  const members = [...buckets, ...(count ? [count] : []), ...(sum ? [sum] : [])];
  const times = timestampsOf(members);
  const les = g.buckets.map((b) => b.le);
  const bounds = les.filter((le) => le !== Infinity);
  const cursor = members.map(() => 0);
  const at = (m: Member, k: number, t: number): number => {
    while (cursor[k]! < m.length && m.t[cursor[k]!]! < t) cursor[k]!++;
    return cursor[k]! < m.length && m.t[cursor[k]!] === t ? m.v[cursor[k]!]! : NaN;
  };
  // Typed arrays, not number[]: a JS array may not keep the NaN payloads that mark histograms and staleness.
  const t = new Float64Array(times.length);
  const v = new Float64Array(times.length);
  const h: (FloatHistogram | undefined)[] = [];
  let n = 0;
  let prev: FloatHistogram | undefined;
  let prevT = 0;
  const scrape: Scrape = { cum: new Float64Array(les.length), count: NaN, sum: NaN, stale: false };
  for (const ts of times) {
    scrape.stale = false;
    buckets.forEach((m, k) => {
      const x = at(m, k, ts);
      scrape.stale ||= isStaleNaN(x);
      scrape.cum[k] = x;
    });
    scrape.count = count ? at(count, buckets.length, ts) : NaN;
    scrape.sum = sum ? at(sum, buckets.length + (count ? 1 : 0), ts) : NaN;
    scrape.stale ||= isStaleNaN(scrape.count) || isStaleNaN(scrape.sum);
    if (scrape.stale) {
      // The classic series went stale at this scrape: so does the converted one.
      if (prev) {
        t[n] = ts;
        v[n++] = STALE_NAN;
        h.push(undefined);
      }
      prev = undefined;
      continue;
    }
    const hist = convertScrape(les, scrape.cum, scrape.count, scrape.sum, bounds);
    if (!hist) continue;
    hist.hint = readBackHint(hist, prev, prevT, ts);
    t[n] = ts;
    v[n++] = HISTOGRAM_MARK;
    h.push(hist);
    prev = hist;
    prevT = ts;
  }
  return { t: t.subarray(0, n), v: v.subarray(0, n), h: PackedHistograms.pack(h, n) };
}

/** Where the NHCB series' samples will lie, for the store's counts before they are built. */
export interface NhcbExtent {
  count: number;
  minT: number;
  maxT: number;
}

/** The extent of a group's series: its timestamps are its members', so the widest member's. */
export function nhcbExtent(store: MemoryStore, g: ClassicGroup): NhcbExtent {
  const ids = [...g.buckets.map((b) => b.id), ...(g.count === undefined ? [] : [g.count])];
  let best: NhcbExtent = { count: 0, minT: 0, maxT: 0 };
  for (const id of ids) {
    const s = store.samples(id);
    if (s.length > best.count) best = { count: s.length, minT: s.t[0]!, maxT: s.t[s.length - 1]! };
  }
  return best;
}

/**
 * Adds each classic histogram of `groups` as a lazy NHCB series; `extent`
 * says how many samples it will have (known from a snapshot's header, or
 * read from the members). Returns the new series' ids.
 */
export function addNhcbSeries(
  store: MemoryStore,
  groups: ClassicGroup[],
  extent: (g: ClassicGroup) => NhcbExtent = (g) => nhcbExtent(store, g),
): number[] {
  let added = derived.get(store);
  if (!added) derived.set(store, (added = new Map()));
  return groups.map((g) => {
    const e = extent(g);
    const id = store.addLazySeries(g.labels, e.count, e.minT, e.maxT, () => nhcbColumns(store, g));
    added.set(id, { group: g, extent: e });
    return id;
  });
}

/** The NHCB series added to each store, by id: a snapshot records how to rebuild them instead of their samples. */
const derived = new WeakMap<MemoryStore, Map<number, { group: ClassicGroup; extent: NhcbExtent }>>();

export function nhcbSeriesOf(store: MemoryStore): ReadonlyMap<number, { group: ClassicGroup; extent: NhcbExtent }> {
  return derived.get(store) ?? new Map();
}

/** `--dataset FILE --nhcb`: every classic histogram of a loaded store also as an NHCB series. */
export function addNhcbForAll(store: MemoryStore): number[] {
  return addNhcbSeries(store, findClassicHistograms(store));
}
