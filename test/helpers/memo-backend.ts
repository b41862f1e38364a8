// A backend that answers each distinct call once: the same query, times and
// options give the first answer again (or its error). For tests that ask a
// deterministic backend the same questions many times, such as the course
// check, whose translations run the English course's queries again.
//
//   const backend = memoBackend(await openLocalDataset({ inProcess: true }, QUIET_HOST));
//
// Answers are deep-frozen before they are shared, so a caller that changed
// one would fail (a TypeError) rather than change what the next caller reads.

import type { Backend } from '../../src/backends/backend.js';

const MEMOIZED = ['instantQuery', 'rangeQuery', 'traceInstantQuery', 'series', 'labelNames', 'labelValues', 'metadata'] as const;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The key of one call: its method and arguments, an AbortSignal left out (it does not change the answer). */
function callKey(method: string, args: unknown[]): string {
  return JSON.stringify([method, ...args], (k, v: unknown) => (k === 'signal' ? undefined : v));
}

export function memoBackend(backend: Backend): Backend {
  const answers = new Map<string, Promise<unknown>>();
  const memo: Backend = {
    info: (signal) => backend.info(signal),
    instantQuery: (...args) => backend.instantQuery(...args),
    rangeQuery: (...args) => backend.rangeQuery(...args),
    series: (q) => backend.series(q),
    labelNames: (q) => backend.labelNames(q),
    labelValues: (name, q) => backend.labelValues(name, q),
    metadata: (metric, signal) => backend.metadata(metric, signal),
    close: async () => backend.close?.(),
  };
  for (const method of MEMOIZED) {
    const call = backend[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (!call) continue;
    const memoized = (...args: unknown[]): Promise<unknown> => {
      const key = callKey(method, args);
      let answer = answers.get(key);
      if (!answer) {
        answer = call.apply(backend, args).then(deepFreeze);
        answers.set(key, answer);
      }
      return answer;
    };
    Object.assign(memo, { [method]: memoized });
  }
  return memo;
}
