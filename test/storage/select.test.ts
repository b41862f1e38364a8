// Series selection from the postings (src/storage/select.ts) against the
// definition: a series passes when every matcher accepts its label's value,
// "" for a missing label, regexes being fully anchored RE2 with dot-all
// (re2js directly, not the fast paths the store uses).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';
import type { LabelMatcher } from '../../src/promql/ast.js';
import type { Metric } from '../../src/model/result.js';
import { MemoryStore } from '../../src/storage/store.js';
import { mulberry32 } from '../../src/dataset/random.js';

type Op = LabelMatcher['op'];

const JOBS = ['job0', 'job1', 'job2', 'job3', 'job4', 'job5', 'api', 'API', 'Api-server', 'K8s', '\u212a8\u017f'];
const INSTANCES = ['host1:9100', 'host10:9100', 'host2:9100', 'host1', 'h', 'é:9100', '😀x', 'a\nb', '.*'];

function labelSets(): Metric[] {
  const out: Metric[] = [];
  let i = 0;
  for (const job of [...JOBS, undefined])
    for (const instance of [...INSTANCES, undefined]) {
      const m: Metric = { __name__: i % 3 === 0 ? 'up' : 'x_total' };
      if (job !== undefined) m.job = job;
      if (instance !== undefined) m.instance = instance;
      if (i % 4 === 0) m.env = i % 8 === 0 ? 'prod' : '';
      out.push(m);
      i++;
    }
  return out;
}

const res = new Map<string, RE2JS>();
function accepts(m: LabelMatcher, labels: Metric): boolean {
  const v = labels[m.name] ?? '';
  if (m.op === '=') return v === m.value;
  if (m.op === '!=') return v !== m.value;
  let re = res.get(m.value);
  if (!re) res.set(m.value, (re = RE2JS.compile(m.value, RE2JS.DOTALL)));
  return re.testExact(v) === (m.op === '=~');
}

const VALUES = [
  '',
  'job1',
  'job[0-4]',
  'job[0-4]|',
  'job[1-3]|api',
  '(job[0-4])',
  '.*',
  '.+',
  '(.*)',
  'host1.*',
  '.*:9100',
  '.*1.*',
  'host1.+',
  '(?i)JOB1',
  '(?i)api',
  '(?i)k8s',
  '(?i)job[0-4]',
  'ap.',
  '[a-c]pi',
  'é.*',
  '.*😀.*',
  '😀.',
  'a.b',
  'a|',
  'prod',
  'h',
  '\\.\\*',
  'host[0-9]+(:9100)?',
];
const NAMES = ['job', 'instance', 'env', 'missing', '__name__'];
const OPS: Op[] = ['=', '!=', '=~', '!~'];

function check(store: MemoryStore, sets: Metric[], matchers: LabelMatcher[]): void {
  const want = sets.flatMap((l, id) => (matchers.every((m) => accepts(m, l)) ? [id] : []));
  const got = store.select(matchers);
  assert.deepEqual(got, want, JSON.stringify(matchers));
}

for (const keepEmptyLabels of [false, true]) {
  test(`every single matcher selects what its definition says (keepEmptyLabels ${keepEmptyLabels})`, () => {
    const sets = labelSets();
    const store = new MemoryStore({ keepEmptyLabels });
    // Half the series before the postings are built, half after (the postings' delta).
    const half = sets.length >> 1;
    sets.slice(0, half).forEach((l) => store.getOrCreateSeries(l));
    store.select([{ name: '__name__', op: '=', value: 'up' }]);
    sets.slice(half).forEach((l) => store.getOrCreateSeries(l));
    for (const name of NAMES) for (const op of OPS) for (const value of VALUES) check(store, sets, [{ name, op, value }]);
  });
}

test('random combinations of matchers select what their definition says', () => {
  const sets = labelSets();
  const store = new MemoryStore();
  sets.forEach((l) => store.getOrCreateSeries(l));
  const rand = mulberry32(19);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let k = 0; k < 3000; k++) {
    const matchers = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({ name: pick(NAMES), op: pick(OPS), value: pick(VALUES) }));
    check(store, sets, matchers);
  }
});

test('the bench shape: a prefix regex, a negative class regex and a name', () => {
  const store = new MemoryStore();
  const sets: Metric[] = [];
  for (let i = 0; i < 300; i++) sets.push({ __name__: 'x_total', job: `job${i % 10}`, instance: `host${i}:9100` });
  sets.forEach((l) => store.getOrCreateSeries(l));
  const matchers: LabelMatcher[] = [
    { name: '__name__', op: '=', value: 'x_total' },
    { name: 'instance', op: '=~', value: 'host1.*' },
    { name: 'job', op: '!~', value: 'job[0-4]' },
  ];
  check(store, sets, matchers);
  assert.equal(store.select(matchers).length, 55); // host1, host15..19, host1[0-9][5-9], minus job0-4
  // A few series far apart (their union sorted) and most of them (marked in a byte per series).
  check(store, sets, [{ name: 'instance', op: '=~', value: 'host(1|29[0-9]):9100' }]);
  check(store, sets, [{ name: 'instance', op: '!~', value: 'host(1|29[0-9]):9100' }]);
  check(store, sets, [{ name: 'instance', op: '=~', value: 'host[0-9]*[02468]:9100' }]);
});

test('a regex that does not compile is an error, even on a label no series has', () => {
  const store = new MemoryStore();
  store.getOrCreateSeries({ __name__: 'up' });
  assert.throws(() => store.select([{ name: 'missing', op: '=~', value: '(' }]), /missing closing \)/);
});
