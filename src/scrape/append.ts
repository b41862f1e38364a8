// From a scraped body to samples in the live store, as Prometheus's
// scrapeLoop.append does: the existing exposition parser reads the body,
// target labels are attached (honor_labels decides who wins a conflict),
// every sample is stamped with the scrape time unless it carries its own,
// and series that were in the previous scrape but not in this one get a
// staleness marker, so a disappeared series stops showing in instant queries
// at once instead of lingering for the 5 minute lookback.

import { parseExposition } from '../storage/exposition.js';
import { MemoryStore, OutOfOrderSampleError, STALE_NAN, labelsKey } from '../storage/store.js';
import type { Metric } from '../model/result.js';

/** Prometheus's mutateSampleLabels without relabelling rules. */
export function targetSampleLabels(sample: Metric, target: Metric, honorLabels: boolean): Metric {
  const out: Metric = { ...sample };
  if (honorLabels) {
    for (const [n, v] of Object.entries(target)) if (!sample[n]) out[n] = v;
    return out;
  }
  const conflicts: [string, string][] = [];
  for (const [n, v] of Object.entries(target)) {
    if (sample[n]) conflicts.push([n, sample[n]]);
    out[n] = v;
  }
  // The scraped value moves to exported_<name> (exported_exported_<name>, … while taken); shorter names first, as Go sorts.
  conflicts.sort((a, b) => a[0].length - b[0].length);
  for (const [n, v] of conflicts) {
    let name = n;
    for (;;) {
      name = `exported_${name}`;
      if (!out[name]) {
        out[name] = v;
        break;
      }
    }
  }
  return out;
}

export interface AppendResult {
  /** Samples in the body (scrape_samples_scraped). */
  scraped: number;
  /** Samples kept after metric relabelling (no rules here: all of them). */
  postRelabel: number;
  /** Series new to this target's cache (scrape_series_added). */
  seriesAdded: number;
  /** Samples refused as out of order or duplicates (Prometheus counts and drops them). */
  outOfOrder: number;
}

/** Per-target state that outlives one scrape: the series cache and the last scrape's series. */
export class TargetSeriesCache {
  /** Scraped label set key -> live series id. */
  private readonly ids = new Map<string, { id: number; iter: number }>();
  /** Live ids of the last scrape's series stamped with the scrape time (explicit timestamps are never marked stale). */
  private last = new Set<number>();
  private iter = 0;

  constructor(
    private readonly store: MemoryStore,
    private readonly targetLabels: Metric,
    private readonly honorLabels: boolean,
  ) {}

  /** Parses and appends one body; throws the parser's ExpositionError (line number included) without appending anything. */
  append(body: string, format: 'openmetrics' | 'text', tsMs: number): AppendResult {
    const parsed = parseExposition(body, { format, defaultTimestampMs: tsMs });
    this.iter++;
    const current = new Set<number>();
    let added = 0;
    let outOfOrder = 0;
    for (let sid = 0; sid < parsed.numSeries; sid++) {
      const labels = parsed.labels(sid);
      const key = labelsKey(labels);
      let entry = this.ids.get(key);
      if (!entry) {
        entry = { id: this.store.getOrCreateSeries(targetSampleLabels(labels, this.targetLabels, this.honorLabels)), iter: this.iter };
        this.ids.set(key, entry);
        added++;
      }
      entry.iter = this.iter;
      const s = parsed.samples(sid);
      let explicit = false;
      for (let i = 0; i < s.length; i++) {
        if (s.t[i] !== tsMs) explicit = true;
        try {
          this.store.append(entry.id, s.t[i], s.v[i]);
        } catch (e) {
          if (!(e instanceof OutOfOrderSampleError)) throw e;
          outOfOrder++;
        }
      }
      if (!explicit) current.add(entry.id);
    }
    for (const [family, md] of parsed.allMetadata()) this.store.setMetadata(family, md);
    this.markStale(current, tsMs);
    // Entries unseen for a while leave the cache, so a series that returns counts as added again.
    for (const [k, e] of this.ids) if (e.iter < this.iter - 10) this.ids.delete(k);
    return { scraped: parsed.numSamples, postRelabel: parsed.numSamples, seriesAdded: added, outOfOrder };
  }

  /** A failed scrape is an empty scrape: every series of the last one goes stale. */
  appendFailed(tsMs: number): void {
    this.markStale(new Set(), tsMs);
  }

  /** Staleness markers for the last scrape's series missing from `current`. */
  private markStale(current: Set<number>, tsMs: number): void {
    for (const id of this.last) {
      if (current.has(id)) continue;
      try {
        this.store.append(id, tsMs, STALE_NAN);
      } catch (e) {
        if (!(e instanceof OutOfOrderSampleError)) throw e;
      }
    }
    this.last = current;
  }

  /** Series of the last scrape (for the target list). */
  get lastSeriesCount(): number {
    return this.last.size;
  }
}
