// A tiny script-like harness for engine tests: load series with the
// conformance notation ("0+10x5", "_", "stale") and query.

import { MemoryStore, STALE_NAN } from '../../src/storage/store.js';
import { Engine, type EngineOptions } from '../../src/engine/index.js';
import type { EngineResult } from '../../src/engine/result.js';

/** Loads `name{a="b"} values...` lines at `intervalMs` spacing from t=0. */
export function load(intervalMs: number, text: string, store = new MemoryStore()): MemoryStore {
  for (const raw of text.trim().split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([a-zA-Z_:][\w:]*)?(\{[^}]*\})?\s+(.*)$/.exec(line);
    if (!m) throw new Error(`bad line ${line}`);
    const labels: Record<string, string> = {};
    if (m[1]) labels.__name__ = m[1];
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)) labels[k] = v;
    const id = store.getOrCreateSeries(labels);
    let slot = 0;
    for (const item of m[3].trim().split(/\s+/)) {
      const rep = /^(-?[\d.e+]+|NaN|Inf|-Inf)(?:([+-])([\d.]+)x(\d+))?$/.exec(item);
      if (item === '_') slot++;
      else if (item === 'stale') store.append(id, slot++ * intervalMs, STALE_NAN);
      else if (/^_x\d+$/.test(item)) slot += Number(item.slice(2));
      else if (rep) {
        let v = Number(rep[1].replace(/^Inf$/, 'Infinity').replace(/^-Inf$/, '-Infinity'));
        const n = rep[4] ? Number(rep[4]) : 0;
        const d = rep[2] === '-' ? -Number(rep[3]) : Number(rep[3] ?? 0);
        for (let i = 0; i <= n; i++) {
          store.append(id, slot++ * intervalMs, v);
          v += d;
        }
      } else throw new Error(`bad value ${item}`);
    }
  }
  store.finish();
  return store;
}

export function engine(store: MemoryStore, opts: EngineOptions = {}): Engine {
  return new Engine(store, opts);
}

/** Instant query result as "labels value" strings (unsorted, as returned). */
export function instant(e: Engine, q: string, tMs: number): string[] {
  return render(e.instantQuery(q, tMs));
}

export function render(r: EngineResult): string[] {
  const v = r.value;
  const lbl = (m: Record<string, string>): string =>
    `{${Object.keys(m)
      .sort()
      .map((k) => `${k}="${m[k]}"`)
      .join(',')}}`;
  switch (v.type) {
    case 'scalar':
      return [String(v.v)];
    case 'string':
      return [v.v];
    case 'vector':
      return v.samples.map((s) => `${lbl(s.metric)} ${s.v}`);
    case 'matrix':
      return v.series.map((s) => `${lbl(s.metric)} ${Array.from(s.v).join(' ')}`);
  }
}

export const sorted = (xs: string[]): string[] => [...xs].sort();
