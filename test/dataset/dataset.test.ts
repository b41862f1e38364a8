// The sample dataset's data, checked directly in the store: determinism,
// size, metadata, counter and histogram consistency, staleness markers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  generateSampleStore,
  GAP_END,
  GAP_INSTANCE,
  GAP_START,
  INCIDENTS,
  loadSampleStore,
  RESTART_INSTANCE,
  SAMPLE_END,
  SAMPLE_START,
} from '../../src/dataset/index.js';
import { isStaleNaN, type MemoryStore } from '../../src/storage/store.js';
import type { Metric } from '../../src/model/result.js';

function storeHash(store: MemoryStore): string {
  const h = createHash('sha256');
  for (let id = 0; id < store.numSeries; id++) {
    h.update(JSON.stringify(store.labels(id)));
    const s = store.samples(id);
    h.update(new Uint8Array(s.t.buffer, s.t.byteOffset, s.length * 8));
    h.update(new Uint8Array(s.v.buffer, s.v.byteOffset, s.length * 8));
  }
  for (const [name, m] of store.allMetadata()) h.update(`${name}|${m.type}|${m.unit}|${m.help}`);
  return h.digest('hex');
}

function ids(store: MemoryStore, match: Metric): number[] {
  return store.select(Object.entries(match).map(([name, value]) => ({ name, op: '=' as const, value })));
}

/** Non-stale values of a series. */
function values(store: MemoryStore, id: number): { t: number[]; v: number[] } {
  const s = store.samples(id);
  const out = { t: [] as number[], v: [] as number[] };
  for (let i = 0; i < s.length; i++) {
    if (isStaleNaN(s.v[i])) continue;
    out.t.push(s.t[i]);
    out.v.push(s.v[i]);
  }
  return out;
}

const store = loadSampleStore();

test('two generations are identical', () => {
  assert.equal(storeHash(generateSampleStore()), storeHash(store));
});

test('loadSampleStore is cached', () => {
  assert.equal(loadSampleStore(), store);
});

test('series count is between 500 and 3000, samples cover the documented range', () => {
  assert.ok(store.numSeries >= 500, `${store.numSeries} series`);
  assert.ok(store.numSeries <= 3000, `${store.numSeries} series`);
  const range = store.timeRange()!;
  assert.ok(range.minT >= SAMPLE_START * 1000);
  assert.ok(range.minT < SAMPLE_START * 1000 + 15_000);
  assert.ok(range.maxT <= SAMPLE_END * 1000);
  assert.ok(range.maxT > SAMPLE_END * 1000 - 15_000);
});

test('no sample sits on a whole second (scrape jitter)', () => {
  for (let id = 0; id < store.numSeries; id++) {
    const s = store.samples(id);
    // The message is built only for a failing sample (1.6 M checks).
    for (let i = 0; i < s.length; i++) if (s.t[i] % 1000 === 0) assert.notEqual(s.t[i] % 1000, 0, JSON.stringify(store.labels(id)));
  }
});

test('every metric family has HELP and TYPE', () => {
  const families = new Set<string>();
  for (let id = 0; id < store.numSeries; id++) {
    const name = store.labels(id).__name__;
    const base = name.replace(/_(bucket|sum|count)$/, '');
    const meta = store.getMetadata(name) ?? store.getMetadata(base);
    assert.ok(meta, `no metadata for ${name}`);
    assert.ok(meta.help.length > 0, name);
    assert.ok(meta.type.length > 0, name);
    if (meta === store.getMetadata(base) && base !== name) assert.match(meta.type, /histogram|summary/, name);
    families.add(store.getMetadata(name) ? name : base);
  }
  // No metadata for families that do not exist.
  for (const name of store.allMetadata().keys()) assert.ok(families.has(name), `metadata for absent ${name}`);
});

test('the expected jobs and targets exist, each with up', () => {
  assert.deepEqual(store.labelValues('job'), ['api', 'checkout', 'frontend', 'node']);
  const instances = store.labelValues('instance');
  assert.ok(instances.length >= 9);
  for (const instance of instances) assert.equal(ids(store, { __name__: 'up', instance }).length, 1, instance);
});

/** Counters only go up, except where the process restarted. */
test('counters are monotonic except at restarts; request counts are integers', () => {
  const restarted = new Set([RESTART_INSTANCE, 'api-1:8080', 'api-2:8080', 'api-3:8080']);
  for (let id = 0; id < store.numSeries; id++) {
    const l = store.labels(id);
    const meta = store.getMetadata(l.__name__) ?? store.getMetadata(l.__name__.replace(/_(bucket|sum|count)$/, ''));
    const isCounter = meta?.type === 'counter' || /_(bucket|sum|count)$/.test(l.__name__);
    if (!isCounter) continue;
    const { v } = values(store, id);
    let resets = 0;
    for (let i = 1; i < v.length; i++) if (v[i] < v[i - 1]) resets++;
    if (restarted.has(l.instance)) assert.ok(resets <= 1, `${JSON.stringify(l)}: ${resets} resets`);
    else assert.equal(resets, 0, JSON.stringify(l));
    if (l.__name__ === 'http_requests_total' || l.__name__.endsWith('_bucket')) assert.ok(v.every(Number.isInteger), JSON.stringify(l));
  }
  // The restarted frontend's request counters do reset.
  const fr = ids(store, { __name__: 'http_requests_total', instance: RESTART_INSTANCE, route: '/', status_code: '200' })[0];
  const { v } = values(store, fr);
  assert.ok(v.some((x, i) => i > 0 && x < v[i - 1]));
});

test('histograms are consistent: cumulative buckets, +Inf == _count', () => {
  const bucketIds = store.select([{ name: '__name__', op: '=~', value: '.+_bucket' }]);
  const groups = new Map<string, { le: number; id: number }[]>();
  for (const id of bucketIds) {
    const { le, ...rest } = store.labels(id);
    const key = JSON.stringify(rest);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ le: le === '+Inf' ? Infinity : Number(le), id });
  }
  assert.ok(groups.size > 50);
  for (const [key, buckets] of groups) {
    buckets.sort((a, b) => a.le - b.le);
    assert.equal(buckets.at(-1)!.le, Infinity, key);
    const cols = buckets.map((b) => store.samples(b.id));
    const labels = JSON.parse(key) as Metric;
    const countId = ids(store, { ...labels, __name__: labels.__name__.replace(/_bucket$/, '_count') })[0];
    const sumId = ids(store, { ...labels, __name__: labels.__name__.replace(/_bucket$/, '_sum') })[0];
    const count = store.samples(countId);
    const sum = store.samples(sumId);
    for (let i = 0; i < count.length; i++) {
      // Asserted where they fail only: the messages would be built for every bucket sample.
      for (let b = 1; b < cols.length; b++) {
        if (!Object.is(cols[b].t[i], count.t[i])) assert.equal(cols[b].t[i], count.t[i]);
        if (!isStaleNaN(cols[b].v[i]) && !(cols[b - 1].v[i] <= cols[b].v[i])) assert.ok(cols[b - 1].v[i] <= cols[b].v[i], `${key} at ${i}`);
      }
      if (isStaleNaN(count.v[i])) continue;
      assert.equal(cols.at(-1)!.v[i], count.v[i], key);
      // The mean observation lies inside the histogram's range.
      if (count.v[i] > 0) {
        assert.ok(sum.v[i] >= 0, key);
        assert.ok(sum.v[i] / count.v[i] < 10, key);
      }
    }
  }
});

test('the scrape gap: up is 0, other series get one staleness marker then nothing', () => {
  const up = values(store, ids(store, { __name__: 'up', instance: GAP_INSTANCE })[0]);
  const zeros = up.t.filter((_, i) => up.v[i] === 0);
  assert.ok(zeros.length >= 40, `${zeros.length} failed scrapes`);
  assert.ok(zeros.length <= 60, `${zeros.length} failed scrapes`);
  assert.ok(zeros[0] >= GAP_START * 1000);
  assert.ok(zeros.at(-1)! < GAP_END * 1000);
  const heap = store.samples(ids(store, { __name__: 'nodejs_heap_size_used_bytes', instance: GAP_INSTANCE })[0]);
  const stale: number[] = [];
  for (let i = 0; i < heap.length; i++) if (isStaleNaN(heap.v[i])) stale.push(i);
  assert.equal(stale.length, 1);
  assert.equal(heap.t[stale[0]], zeros[0]);
  assert.ok(heap.t[stale[0] + 1] >= GAP_END * 1000);
});

test('the deploy replaces the version info series (old one goes stale)', () => {
  for (const instance of ['api-1:8080', 'api-2:8080', 'api-3:8080']) {
    const versions = ids(store, { __name__: 'nodejs_version_info', instance });
    assert.equal(versions.length, 2, instance);
    const build = ids(store, { __name__: 'shop_build_info', instance }).map((id) => store.labels(id).version);
    assert.deepEqual(build.sort(), ['2.3.1', '2.4.0']);
  }
});

test('incidents are documented with times inside the dataset', () => {
  assert.ok(INCIDENTS.length >= 5);
  for (const inc of INCIDENTS) {
    assert.ok(inc.start >= SAMPLE_START, inc.id);
    assert.ok(inc.end <= SAMPLE_END, inc.id);
    assert.ok(inc.start < inc.end, inc.id);
    assert.ok(inc.query.length > 0);
    assert.ok(inc.title.length > 0);
    assert.ok(inc.description.length > 0);
  }
});
