// A Backend that answers from fixtures and records the calls it gets.
import type { Backend, BackendInfo, QueryOptions } from '../../src/backends/backend.js';
import type { QueryResult } from '../../src/model/result.js';

export interface Call {
  kind: 'instant' | 'range';
  query: string;
  time?: number;
  start?: number;
  end?: number;
  step?: number;
  opts?: QueryOptions;
}

export function fakeBackend(answer: (c: Call) => QueryResult | Promise<QueryResult>, info: Partial<BackendInfo> = {}) {
  const calls: Call[] = [];
  const backend: Backend & { calls: Call[] } = {
    calls,
    info: async () => ({ name: 'sample', description: 'fake', kind: 'local', dataRange: { start: 1768388400, end: 1768474800 }, ...info }),
    instantQuery: async (query, time, opts) => {
      const c: Call = { kind: 'instant', query, time, opts };
      calls.push(c);
      return answer(c);
    },
    rangeQuery: async (query, start, end, step, opts) => {
      const c: Call = { kind: 'range', query, start, end, step, opts };
      calls.push(c);
      return answer(c);
    },
    series: async () => [],
    labelNames: async () => ['__name__', 'job'],
    labelValues: async (name) => (name === '__name__' ? ['http_requests_total', 'up'] : []),
    metadata: async () => ({}),
  };
  return backend;
}
