// A tiny stand-in engine for the runner's own tests: number literals and
// plain vector selectors (`name{a="b"}`, with `@`), 5m lookback. Just enough
// to exercise the runner without the real engine.

import type { EngineResult, EngineSample, EngineSeries, EngineValue } from '../../src/engine/result.js';
import type { FloatHistogram } from '../../src/histogram/histogram.js';
import { QueryError } from '../../src/errors.js';
import type { Expr, LabelMatcher, VectorSelector } from '../../src/promql/ast.js';
import { type MemoryStore, isStaleNaN } from '../../src/storage/store.js';
import { type EngineBinding, type QueryEngine, defaultFormatAnnotation } from './binding.js';
import { readStringLiteral } from './lex.js';

export function fakeParse(q: string): Expr {
  const pos = { start: 0, end: q.length };
  const text = q.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { type: 'NumberLiteral', value: Number(text), pos };
  if (text.startsWith('"')) return { type: 'StringLiteral', value: readStringLiteral(text, 0).value, pos };
  const m = /^([a-zA-Z_:][\w:]*)?(?:\{([^}]*)\})?$/.exec(text);
  if (!m || (!m[1] && m[2] === undefined))
    throw new QueryError(`1:1: parse error: unexpected input ${JSON.stringify(text)}`, { errorType: 'bad_data' });
  const matchers: LabelMatcher[] = [];
  if (m[1]) matchers.push({ name: '__name__', op: '=', value: m[1] });
  for (const part of (m[2] ?? '').split(',').filter((p) => p.trim() !== '')) {
    const mm = /^\s*(\w+)\s*(=~|!=|!~|=)\s*(".*")\s*$/.exec(part);
    if (!mm) throw new QueryError(`1:1: parse error: bad matcher ${part}`, { errorType: 'bad_data' });
    matchers.push({ name: mm[1], op: mm[2] as LabelMatcher['op'], value: readStringLiteral(mm[3], 0).value });
  }
  const sel: VectorSelector = { type: 'VectorSelector', matchers, offsetMs: 0, pos };
  if (m[1]) sel.name = m[1];
  return sel;
}

class FakeEngine implements QueryEngine {
  constructor(private readonly store: MemoryStore) {}

  instantQuery(query: string | Expr, timeMs: number): EngineResult {
    const expr = typeof query === 'string' ? fakeParse(query) : query;
    return { value: this.eval(expr, timeMs), annotations: [], stats: { evalTotalTime: 0, totalQueryableSamples: 0, peakSamples: 0 } };
  }

  rangeQuery(query: string | Expr, startMs: number, endMs: number, stepMs: number): EngineResult {
    const expr = typeof query === 'string' ? fakeParse(query) : query;
    const byKey = new Map<string, EngineSeries & { t: number[]; v: number[]; h: (FloatHistogram | undefined)[] }>();
    for (let t = startMs; t <= endMs; t += stepMs) {
      const v = this.eval(expr, t);
      const samples: EngineSample[] = v.type === 'vector' ? v.samples : v.type === 'scalar' ? [{ metric: {}, t, v: v.v }] : [];
      for (const s of samples) {
        const key = JSON.stringify(s.metric);
        let ser = byKey.get(key);
        if (!ser) byKey.set(key, (ser = { metric: s.metric, t: [], v: [], h: [] }));
        ser.t.push(t);
        ser.v.push(s.v);
        ser.h.push(s.h);
      }
    }
    const series = [...byKey.values()].sort((a, b) => (JSON.stringify(a.metric) < JSON.stringify(b.metric) ? -1 : 1));
    return { value: { type: 'matrix', series }, annotations: [], stats: { evalTotalTime: 0, totalQueryableSamples: 0, peakSamples: 0 } };
  }

  private eval(e: Expr, t: number): EngineValue {
    if (e.type === 'NumberLiteral') return { type: 'scalar', t, v: e.value };
    if (e.type === 'StringLiteral') return { type: 'string', t, v: e.value };
    if (e.type !== 'VectorSelector') throw new QueryError('unsupported', { errorType: 'bad_data' });
    if (e.matchers.some((m) => m.name === 'fail')) throw new QueryError('forced failure', { errorType: 'execution' });
    const at = e.at?.kind === 'time' ? e.at.timestampMs : t;
    const samples = [];
    for (const id of this.store.select(e.matchers)) {
      const s = this.store.samples(id);
      for (let i = s.length - 1; i >= 0; i--) {
        if (s.t[i] > at) continue;
        if (s.t[i] > at - 300_000 && !isStaleNaN(s.v[i])) samples.push({ metric: this.store.labels(id), t, v: s.v[i], h: s.h?.get(i) });
        break;
      }
    }
    return { type: 'vector', samples };
  }
}

export const fakeBinding: EngineBinding = {
  create: (store) => new FakeEngine(store),
  parse: fakeParse,
  formatAnnotation: defaultFormatAnnotation,
  supportsStartTimestamps: false,
};
