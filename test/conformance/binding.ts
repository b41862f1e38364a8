// How the runner reaches an engine: a small interface, so the runner's own
// tests can use a fake, plus a loader for promlearn's engine and parser.
// The loader imports them dynamically, so the runner's own unit tests (over
// the fake engine) never load the real one.

import type { Annotation, EngineResult } from '../../src/engine/result.js';
import type { Expr } from '../../src/promql/ast.js';
import type { MemoryStore } from '../../src/storage/store.js';

import type { EngineOptions } from '../../src/engine/index.js';

export type { EngineOptions };

export interface QueryEngine {
  instantQuery(query: string | Expr, timeMs: number): EngineResult;
  rangeQuery(query: string | Expr, startMs: number, endMs: number, stepMs: number): EngineResult;
}

export interface EngineBinding {
  create(store: MemoryStore, opts: EngineOptions): QueryEngine;
  /** Parse with all experimental syntax enabled; throws on a parse error. */
  parse(query: string): Expr;
  /** "PromQL warning: text (1:5)", positions relative to `query`. */
  formatAnnotation(a: Annotation, query: string): string;
  /** Whether the engine implements start timestamps (`@st` data); false skips those cases. */
  supportsStartTimestamps: boolean;
}

/** The engine options of Prometheus's own test engine (FORMAT.md §11.1, §12). */
export function suiteEngineOptions(dialect: 'v3' | 'v2'): EngineOptions {
  return {
    lookbackDeltaMs: 5 * 60_000,
    defaultSubqueryStepMs: 60_000,
    maxSamples: 10_000,
    timeoutMs: 100_000,
    delayedNameRemoval: dialect === 'v3',
    enableExperimentalFunctions: dialect === 'v3',
  };
}

/** Render an annotation as the HTTP API does, from its byte position in `query`. */
export function defaultFormatAnnotation(a: Annotation, query: string): string {
  let suffix = '';
  if (a.pos) {
    const before = Buffer.from(query).subarray(0, a.pos.start);
    const lastNl = before.lastIndexOf(0x0a);
    const line = before.filter((b) => b === 0x0a).length + 1;
    suffix = ` (${line}:${a.pos.start - (lastNl + 1) + 1})`;
  }
  return `PromQL ${a.kind}: ${a.text}${suffix}`;
}

/** promlearn's own engine and parser. */
export async function loadProjectBinding(dialect: 'v3' | 'v2' = 'v3'): Promise<EngineBinding> {
  const engineUrl = new URL('../../src/engine/index.js', import.meta.url).href;
  const parserUrl = new URL('../../src/promql/index.js', import.meta.url).href;
  const eng = await import(engineUrl);
  const par = await import(parserUrl);
  // v3: every experimental feature on (FORMAT.md §11.1); v2.42: the parser's defaults.
  const parseOpts = dialect === 'v3' ? par.ALL_FEATURES : {};
  return {
    create: (store, opts) => new eng.Engine(store, opts) as QueryEngine,
    parse: (q) => par.parse(q, parseOpts) as Expr,
    formatAnnotation: typeof eng.formatAnnotation === 'function' ? eng.formatAnnotation : defaultFormatAnnotation,
    supportsStartTimestamps: eng.SUPPORTS_START_TIMESTAMPS === true,
  };
}
