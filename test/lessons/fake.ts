// A fake Backend for the lessons' tests: each query maps to series whose
// values are functions of time, so instant and range queries agree.

import type { Backend } from '../../src/backends/backend.js';
import { QueryError } from '../../src/errors.js';
import type { Metric, QueryResult } from '../../src/model/result.js';
import { formatSampleValue } from '../../src/model/result.js';

export interface FakeSeries {
  metric: Metric;
  value: (t: number) => number;
}

type FakeAnswer = FakeSeries[] | { matrix: FakeSeries[] } | { error: string; errorType?: 'bad_data' | 'execution' };

export const FAKE_START = 1_700_000_000;
const FAKE_END = FAKE_START + 3600;

export function fakeBackend(table: Record<string, FakeAnswer>): Backend & { calls: string[] } {
  const calls: string[] = [];
  const lookup = (q: string): FakeSeries[] | { matrix: FakeSeries[] } => {
    calls.push(q);
    const a = table[q.trim()];
    if (!a) throw new QueryError(`unknown query ${q}`, { errorType: 'bad_data', query: q, position: { start: 0, end: q.length } });
    if (!Array.isArray(a) && 'error' in a) throw new QueryError(a.error, { errorType: a.errorType ?? 'bad_data', query: q, position: { start: 0, end: 1 } });
    return a;
  };
  return {
    calls,
    info: async () => ({ name: 'fake', description: 'fake', kind: 'local', dataRange: { start: FAKE_START, end: FAKE_END } }),
    instantQuery: async (q, t): Promise<QueryResult> => {
      const a = lookup(q);
      if (!Array.isArray(a)) {
        return { data: { resultType: 'matrix', result: a.matrix.map((s) => ({ metric: s.metric, values: [t - 30, t - 15].map((x) => [x, formatSampleValue(s.value(x))]) })) } };
      }
      return { data: { resultType: 'vector', result: a.map((s) => ({ metric: s.metric, value: [t, formatSampleValue(s.value(t))] })) } };
    },
    rangeQuery: async (q, start, end, step): Promise<QueryResult> => {
      const a = lookup(q);
      if (!Array.isArray(a)) throw new QueryError('invalid expression type "range vector" for range query, must be Scalar or instant Vector', { errorType: 'bad_data' });
      const times: number[] = [];
      for (let t = start; t <= end; t += step) times.push(t);
      return { data: { resultType: 'matrix', result: a.map((s) => ({ metric: s.metric, values: times.map((t) => [t, formatSampleValue(s.value(t))]) })) } };
    },
    series: async () => [],
    labelNames: async () => [],
    labelValues: async () => [],
    metadata: async () => ({}),
  };
}
