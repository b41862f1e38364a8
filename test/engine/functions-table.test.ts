// The functions table (src/promql/functions.ts) is the one list of PromQL
// functions: every entry must be evaluable by the engine, so a function cannot
// exist in the parser and be missing from the evaluator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS, type FunctionSignature } from '../../src/promql/functions.js';
import { engine, load } from './helpers.js';

const m = 60_000;

/** A well-typed call of `f`, with arguments valid for it. */
function callOf(f: FunctionSignature): string {
  const special: Record<string, string> = {
    label_replace: 'label_replace(x, "dst", "$1", "job", "(.*)")',
    label_join: 'label_join(x, "dst", "-", "job", "instance")',
    sort_by_label: 'sort_by_label(x, "job")',
    sort_by_label_desc: 'sort_by_label_desc(x, "job")',
    histogram_quantiles: 'histogram_quantiles(x, "q", 0.5, 0.9)',
    info: 'info(x)',
  };
  if (special[f.name]) return special[f.name];
  const args = f.argTypes.slice(0, f.variadic === 0 ? f.argTypes.length : Math.max(0, f.argTypes.length - 1));
  const text = args.map((t) => (t === 'vector' ? 'x' : t === 'matrix' ? 'x[5m]' : t === 'scalar' ? '0.5' : '"a"'));
  return `${f.name}(${text.join(', ')})`;
}

test('every function in the table is implemented by the engine', () => {
  const e = engine(load(m, 'x{job="a",instance="i"} 1+1x10'), { enableExperimentalFunctions: true });
  const failed: string[] = [];
  for (const f of FUNCTIONS.values()) {
    try {
      e.instantQuery(callOf(f), 10 * m);
    } catch (err) {
      failed.push(`${callOf(f)}: ${(err as Error).message}`);
    }
  }
  assert.deepEqual(failed, []);
});

test('the engine has one implementation per row of the table, and no other (as TestFunctionList)', async () => {
  const { IMPLEMENTATIONS } = await import('../../src/engine/functions.js');
  const rows = [...FUNCTIONS.keys()].sort();
  const impls = Object.keys(IMPLEMENTATIONS).sort();
  assert.deepEqual(
    rows.filter((n) => !impls.includes(n)),
    [],
    'rows without an implementation',
  );
  assert.deepEqual(
    impls.filter((n) => !rows.includes(n)),
    [],
    'implementations without a row',
  );
});

test('range implementations are exactly the functions that take a range vector', async () => {
  const { IMPLEMENTATIONS } = await import('../../src/engine/functions.js');
  for (const f of FUNCTIONS.values()) {
    const impl = IMPLEMENTATIONS[f.name as keyof typeof IMPLEMENTATIONS];
    assert.equal('range' in impl, f.argTypes.includes('matrix'), f.name);
  }
});

test('every aggregation in the aggregations table is evaluated by the engine', async () => {
  const { AGGREGATIONS } = await import('../../src/promql/aggregations.js');
  const e = engine(load(m, 'x{job="a",instance="i"} 1+1x10'), { enableExperimentalFunctions: true });
  const failed: string[] = [];
  for (const a of AGGREGATIONS.values()) {
    const q = a.param === 'scalar' ? `${a.name}(1, x)` : a.param === 'string' ? `${a.name}("v", x)` : `${a.name}(x)`;
    try {
      e.instantQuery(q, 10 * m);
    } catch (err) {
      failed.push(`${q}: ${(err as Error).message}`);
    }
  }
  assert.deepEqual(failed, []);
});

test('the table columns the engine reads give Prometheus’s modifier messages', () => {
  const e = engine(load(m, 'x_total{job="a"} 1+1x10'), { enableExperimentalFunctions: true });
  assert.throws(
    () => e.instantQuery('sum_over_time(x_total[5m] anchored)', 10 * m),
    /anchored modifier can only be used with: changes, delta, increase, rate, resets - not with sum_over_time/,
  );
  assert.throws(
    () => e.instantQuery('changes(x_total[5m] smoothed)', 10 * m),
    /smoothed modifier can only be used with: delta, increase, rate - not with changes/,
  );
});
