// Scrape targets and the low-level writers every metric module shares:
// per-target scrape times (with jitter), process lifetimes (restarts), and
// writing a series' values into the store with Prometheus's staleness rules.

import type { Metric } from '../model/result.js';
import { STALE_NAN, type MemoryStore } from '../storage/store.js';
import { hashString, Rng } from './random.js';
import { SAMPLE_END, SAMPLE_START, SCRAPE_INTERVAL_SECONDS } from './timeline.js';

/** One process run of a service instance (a restart starts a new one). */
export interface ProcessRun {
  /** unix seconds */
  start: number;
  appVersion: string;
  nodeVersion: string;
}

export interface Target {
  job: string;
  instance: string;
  /** Number of scrapes. */
  n: number;
  /** Scrape times, ms. */
  times: Float64Array;
  /** 1 where the scrape succeeded. */
  scraped: Uint8Array;
  /** Seconds of process activity since the previous scrape (since the process start after a restart). */
  dt: Float64Array;
  /** 1 where a new process is seen for the first time (counters restarted from 0). */
  restarted: Uint8Array;
  /** trafficFactor() at each scrape. */
  traffic: Float64Array;
  /** Index into `runs` of the process running at each scrape. */
  run: Uint8Array;
  runs: ProcessRun[];
}

const STEP_MS = SCRAPE_INTERVAL_SECONDS * 1000;
const SCRAPES = Math.round(((SAMPLE_END - SAMPLE_START) * 1000) / STEP_MS);

/**
 * Scrape times start a target-specific offset into the window (never a whole
 * second) and wobble by a few ms, as real scrapes do, so that no sample sits
 * on a minute boundary and range-selector edge semantics never matter.
 */
function scrapeTimes(instance: string): Float64Array {
  const h = hashString(instance);
  const offset = 1000 * (1 + (h % 13)) + 101 + ((h >>> 8) % 797);
  const rng = new Rng(`jitter/${instance}`);
  const times = new Float64Array(SCRAPES);
  for (let i = 0; i < SCRAPES; i++) times[i] = SAMPLE_START * 1000 + offset + i * STEP_MS + rng.int(-4, 4);
  return times;
}

export interface TargetSpec {
  job: string;
  instance: string;
  /** Process runs in time order; the first starts before SAMPLE_START. */
  runs: ProcessRun[];
  /** [start, end) unix seconds during which scrapes fail. */
  gap?: [number, number];
}

export function makeTarget(spec: TargetSpec): Target {
  const times = scrapeTimes(spec.instance);
  const n = times.length;
  const scraped = new Uint8Array(n);
  const dt = new Float64Array(n);
  const restarted = new Uint8Array(n);
  const run = new Uint8Array(n);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const prev = i === 0 ? times[0] - STEP_MS : times[i - 1];
    while (r + 1 < spec.runs.length && spec.runs[r + 1].start * 1000 <= times[i]) {
      r++;
      restarted[i] = 1;
    }
    run[i] = r;
    dt[i] = (restarted[i] ? times[i] - spec.runs[r].start * 1000 : times[i] - prev) / 1000;
    const inGap = spec.gap !== undefined && times[i] >= spec.gap[0] * 1000 && times[i] < spec.gap[1] * 1000;
    scraped[i] = inGap ? 0 : 1;
  }
  const traffic = times.map(trafficFactor);
  return { job: spec.job, instance: spec.instance, n, times, scraped, dt, restarted, traffic, run, runs: spec.runs };
}

/** Writes series of one target into the store. */
export class Emitter {
  constructor(
    readonly store: MemoryStore,
    readonly target: Target,
  ) {}

  /**
   * Appends a series' values at the target's successful scrapes. A NaN value
   * means "not exposed at this scrape". As Prometheus does, the first scrape
   * that misses a series (failed scrape or series gone) writes a staleness
   * marker; later misses write nothing.
   */
  emit(name: string, labels: Metric, values: Float64Array): void {
    const { store, target } = this;
    const id = store.getOrCreateSeries({ __name__: name, job: target.job, instance: target.instance, ...labels });
    const { times, scraped } = target;
    if (exposedAtEveryScrape(target, values)) {
      store.appendMany(id, times, values, target.n);
      return;
    }
    let present = false;
    for (let i = 0; i < target.n; i++) {
      const v = values[i];
      if (scraped[i] === 1 && v === v) {
        store.append(id, times[i], v);
        present = true;
      } else if (present) {
        store.append(id, times[i], STALE_NAN);
        present = false;
      }
    }
  }

  /** `up` is written by Prometheus itself at every scrape: 1 or 0. */
  emitUp(): void {
    const { store, target } = this;
    const id = store.getOrCreateSeries({ __name__: 'up', job: target.job, instance: target.instance });
    store.appendMany(id, target.times, Float64Array.from(target.scraped), target.n);
  }
}

/** Running totals of per-scrape increments; restarts begin again from 0. */
export function cumulate(t: Target, incs: Float64Array, initial: number): Float64Array {
  const out = new Float64Array(t.n);
  let acc = initial;
  for (let i = 0; i < t.n; i++) {
    if (t.restarted[i]) acc = 0;
    acc += incs[i];
    out[i] = acc;
  }
  return out;
}

/** Seconds the first observed process had been running at the first scrape. */
export function initialUptime(t: Target): number {
  return t.times[0] / 1000 - t.runs[0].start;
}

/** Request-style integer increments: Poisson draws of rate * dt (rate per scrape, per second). */
export function poissonIncrements(t: Target, rng: Rng, rate: Float64Array): Float64Array {
  const out = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) out[i] = rng.poisson(rate[i] * t.dt[i]);
  return out;
}

/**
 * Traffic shape shared by all services: a gentle daily wave (rising through
 * the morning, UTC) and a slower ripple, as a factor around 1.
 */
function trafficFactor(tMs: number): number {
  const hour = (tMs / 3.6e6) % 24;
  return 1 + 0.3 * Math.sin((2 * Math.PI * (hour - 9)) / 24) + 0.06 * Math.sin((2 * Math.PI * tMs) / (37 * 60_000));
}

/** Prometheus 3 normalises `le`/`quantile` values of classic histograms and summaries: 1 -> "1.0". */
export function formatLe(v: number): string {
  if (v === Infinity) return '+Inf';
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/** Every scrape succeeded and exposed the series: no staleness markers to write. */
function exposedAtEveryScrape(target: Target, values: Float64Array): boolean {
  for (let i = 0; i < target.n; i++) if (target.scraped[i] !== 1 || values[i] !== values[i]) return false;
  return true;
}
