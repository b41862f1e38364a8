// The rule evaluator's view of a backend: an instant query returning a
// vector (a scalar becomes one sample without labels, as Prometheus's
// EngineQueryFunc does; other types are an error with Prometheus's words).

import type { Backend } from '../backends/backend.js';
import { parseSampleValue } from '../model/result.js';
import type { MemoryStore } from '../storage/store.js';
import { appendRuleSample } from '../storage/rule-output.js';
import type { OutputSample } from './alerting.js';
import type { RuleQuerier, SeriesWriter } from './evaluate.js';
import type { RangeRuleQuerier } from './timeline.js';
import { t } from '../util/messages/index.js';
import { PROMTOOL } from './promtool-words.js';

/** Rule output is held as floats: a native-histogram result is an evaluation error saying how to get a float. */
function histogramResult(): Error {
  return new Error(t('rules.histogramResult'));
}

/** Not shown to anyone: timeline.ts catches it and evaluates the rule at each step instead. */
const STEP_BY_STEP = 'step-by-step';

export function backendQuerier(backend: Backend, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): RuleQuerier {
  return {
    async query(expr: string, tMs: number): Promise<OutputSample[]> {
      const r = await backend.instantQuery(expr, tMs / 1000, { timeoutMs: opts.timeoutMs, signal: opts.signal });
      const d = r.data;
      if (d.resultType === 'vector') {
        if (d.result.some((s) => s.histogram)) throw histogramResult();
        return d.result.map((s) => ({ labels: s.metric, value: parseSampleValue(s.value![1]) }));
      }
      if (d.resultType === 'scalar') return [{ labels: {}, value: parseSampleValue(d.result[1]) }];
      throw new Error(PROMTOOL.notVectorOrScalar);
    },
  };
}

/** Rule output into the local store, so it is queryable (local backend only). */
export function storeWriter(store: MemoryStore): SeriesWriter {
  return { append: (labels, tMs, value, key) => appendRuleSample(store, labels, tMs, value, key) };
}

/** Range queries for rule-by-rule evaluation: a matrix split into the vector at each step. */
export function backendRangeQuerier(backend: Backend, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): RangeRuleQuerier {
  return {
    async queryRange(expr: string, startMs: number, endMs: number, stepMs: number): Promise<Map<number, OutputSample[]>> {
      const r = await backend.rangeQuery(expr, startMs / 1000, endMs / 1000, stepMs / 1000, {
        timeoutMs: opts.timeoutMs,
        signal: opts.signal,
      });
      const out = new Map<number, OutputSample[]>();
      const at = (tSec: number) => {
        const t = Math.round(tSec * 1000);
        let v = out.get(t);
        if (!v) out.set(t, (v = []));
        return v;
      };
      const d = r.data;
      if (d.resultType === 'matrix') {
        if (d.result.some((s) => s.histograms?.length)) throw histogramResult();
        for (const s of d.result) for (const [t, v] of s.values) at(t).push({ labels: s.metric, value: parseSampleValue(v) });
      } else if (d.resultType === 'scalar') {
        throw new Error(STEP_BY_STEP);
      } else throw new Error(PROMTOOL.notVectorOrScalar);
      return out;
    },
  };
}
