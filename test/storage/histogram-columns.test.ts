// Native histogram columns (src/storage/histogram-*.ts): packed histograms
// read back as they were appended, adds in place equal to add(), and an NHCB
// series read in place from classic columns equal to the scrape-by-scrape
// conversion, hints included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatHistogram } from '../../src/histogram/histogram.js';
import { PackedHistograms } from '../../src/storage/histogram-packed.js';
import { cumulativeColumns } from '../../src/storage/histogram-cumulative.js';
import { convertedColumns } from '../../src/dataset/nhcb.js';
import { STALE_NAN, isStaleNaN } from '../../src/storage/stale.js';

function expo(count: number, pos: number[], neg: number[] = [], hint: FloatHistogram['hint'] = 'unknown'): FloatHistogram {
  const h = new FloatHistogram();
  h.schema = 1;
  h.zeroThreshold = 0.001;
  h.zeroCount = 1;
  h.count = count;
  h.sum = count * 1.5;
  h.hint = hint;
  h.positive = { idx: pos.map((_, i) => i + 1), cnt: pos.slice() };
  h.negative = { idx: neg.map((_, i) => -i), cnt: neg.slice() };
  return h;
}

const text = (h: FloatHistogram | undefined) =>
  h && JSON.stringify([h.hint, h.schema, h.zeroThreshold, h.zeroCount, h.count, h.sum, h.customValues, h.positive, h.negative]);

test('packed histograms read back as appended; floats between them read as none', () => {
  const items = [expo(3, [1, 2]), undefined, expo(5, [2, 2, 1], [1], 'not_reset'), expo(6, [2, 2, 2], [1], 'gauge')];
  const col = PackedHistograms.pack(items, 4);
  assert.equal(col.length, 4);
  items.forEach((h, i) => assert.equal(text(col.get(i)), text(h), `position ${i}`));
  assert.deepEqual([col.has(1), col.hint(2), col.count(3), col.schema(0)], [false, 'not_reset', 6, 1]);
  // More appended after: the old positions copied, the new ones packed.
  const more = PackedHistograms.pack([undefined, undefined, undefined, undefined, expo(7, [3])], 5, col);
  assert.equal(text(more.get(2)), text(items[2]));
  assert.equal(text(more.get(4)), text(expo(7, [3])));
  // Extended with floats, and a selection.
  assert.equal(col.extended(6).has(5), false);
  assert.equal(text(col.select([3, 0], 2).get(0)), text(items[3]));
});

test('addTo: in place and bit for bit add()/sub(), only for the same layout', () => {
  const col = PackedHistograms.pack([expo(3, [1, 2], [4]), expo(10, [4, 0.1], [0.3]), expo(2, [1])], 3);
  for (const negate of [false, true]) {
    const a = col.owned(1)!;
    const b = col.owned(1)!;
    assert.ok(col.addTo(a, 0, negate));
    if (negate) b.sub(col.get(0)!);
    else b.add(col.get(0)!);
    assert.equal(text(a), text(b));
  }
  const c = col.owned(1)!;
  assert.equal(col.addTo(c, 2, true), false, 'another layout');
  assert.equal(text(c), text(col.get(1)), 'untouched');
});

test('plain runs: not_reset hints and one schema', () => {
  const col = PackedHistograms.pack([expo(1, [1]), expo(2, [2], [], 'not_reset'), expo(3, [3], [], 'not_reset'), expo(1, [1])], 4);
  assert.ok(col.plainRun(1, 3));
  assert.ok(!col.plainRun(0, 3));
  assert.ok(!col.plainRun(1, 4));
});

test('an NHCB read in place equals the conversion scrape by scrape, stale markers and skipped scrapes included', () => {
  const t = Float64Array.from([0, 15e3, 30e3, 45e3, 60e3, 7200e3]);
  // The stale marker written into the typed array itself (a JS array would not keep its NaN payload).
  const member = (v: (number | 'stale')[]) => {
    const col = new Float64Array(v.length);
    v.forEach((x, i) => (col[i] = x === 'stale' ? STALE_NAN : x));
    return { t, v: col, length: v.length };
  };
  const b1 = member([1, 2, 2, 'stale', 1, 3]);
  const b2 = member([2, 3, 1, 'stale', 1, 5]); // 1 < 2 at 30 s: not cumulative, skipped
  const inf = member([4, 5, 6, 'stale', 2, 6]);
  const count = member([4, 5, 6, 'stale', 2, 6]);
  const sum = member([1, 2, 3, 'stale', 0.5, NaN]);
  const group = {
    labels: { __name__: 'h' },
    buckets: [
      { le: 0.1, id: 0 },
      { le: 1, id: 1 },
      { le: Infinity, id: 2 },
    ],
  };
  const view = cumulativeColumns([0.1, 1, Infinity], [b1, b2, inf], count, sum)!;
  const conv = convertedColumns(group, [b1, b2, inf], count, sum);
  assert.deepEqual(Array.from(view.t), Array.from(conv.t));
  assert.deepEqual(Array.from(view.t), [0, 15e3, 45e3, 60e3, 7200e3]);
  for (let i = 0; i < view.t.length; i++) {
    assert.equal(text(view.h.get(i)), text(conv.h!.get(i)), `sample ${i}`);
    assert.equal(isStaleNaN(view.v[i]), isStaleNaN(conv.v[i]));
  }
  // Hints: unknown first, after a stale marker and at a 2 h boundary; not_reset between.
  assert.deepEqual(
    [0, 1, 3, 4].map((i) => view.h.hint(i)),
    ['unknown', 'not_reset', 'unknown', 'unknown'],
  );
  // Irregular members (a NaN that is no stale marker): not read in place.
  assert.equal(cumulativeColumns([0.1, 1, Infinity], [member([1, NaN, 2, 2, 2, 2]), b2, inf], count, sum), undefined);
});
