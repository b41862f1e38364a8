// Completion data from the backend (metric names, label names and values),
// cached for a while so Tab stays instant on a live server. Failures are not
// cached: the next Tab asks again.

import type { Backend } from '../backends/backend.js';

interface CompletionSourceOptions {
  /** How long answers stay fresh (default 60 s). */
  ttlMs?: number;
  /** Give up on a slow server after this long (default 3 s); Tab then offers what it has. */
  timeoutMs?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  value: Promise<string[]>;
}

export class CompletionSource {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly backend: Backend,
    opts: CompletionSourceOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.timeoutMs = opts.timeoutMs ?? 3_000;
    this.now = opts.now ?? Date.now;
  }

  metricNames(): Promise<string[]> {
    return this.labelValues('__name__');
  }

  /** Label names, of the series `selector` matches when given. */
  labelNames(selector?: string): Promise<string[]> {
    return this.cached(`names\x00${selector ?? ''}`, (signal) =>
      this.backend.labelNames({ match: selector ? [selector] : undefined, signal }),
    );
  }

  labelValues(name: string, selector?: string): Promise<string[]> {
    return this.cached(`values\x00${name}\x00${selector ?? ''}`, (signal) =>
      this.backend.labelValues(name, { match: selector ? [selector] : undefined, signal }),
    );
  }

  /** Metric names if they are already cached, without asking the backend. */
  async cachedMetricNames(): Promise<string[] | undefined> {
    const e = this.entries.get('values\x00__name__\x00');
    if (!e || this.now() - e.at > this.ttlMs) return undefined;
    return e.value.catch(() => undefined);
  }

  private cached(key: string, load: (signal: AbortSignal) => Promise<string[]>): Promise<string[]> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at <= this.ttlMs) return hit.value;
    const value = load(AbortSignal.timeout(this.timeoutMs));
    this.entries.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
