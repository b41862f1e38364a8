// The histogram_quantile walk-through on hand-made buckets, against the
// engine's own bucketQuantile: ordinary interpolation and every special case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { walkHistogramQuantile, type BucketInput } from '../../src/explain/histogram-walk.js';
import { bucketQuantile } from '../../src/engine/quantile.js';
import { parseLe } from '../../src/explain/histogram-walk.js';

const B = (pairs: Array<[string, number]>): BucketInput[] => pairs.map(([le, count]) => ({ le, count }));

const CASES: Array<{ name: string; q: number; buckets: BucketInput[]; says: RegExp }> = [
  {
    name: 'interpolation inside a bucket',
    q: 0.9,
    buckets: B([
      ['0.1', 50],
      ['0.5', 90],
      ['1', 99],
      ['+Inf', 100],
    ]),
    says: /linear interpolation: 0.1 \+ \(0.5 − 0.1\) × 40 \/ 40 = 0.5/,
  },
  {
    name: 'the lowest bucket starts at 0',
    q: 0.25,
    buckets: B([
      ['0.1', 50],
      ['0.5', 90],
      ['+Inf', 100],
    ]),
    says: /the lowest bucket: assumed to start at 0/,
  },
  {
    name: 'rank in +Inf gives the highest finite bound',
    q: 0.999,
    buckets: B([
      ['0.1', 50],
      ['0.5', 90],
      ['+Inf', 100],
    ]),
    says: /highest finite bound, 0.5/,
  },
  { name: 'fewer than two buckets', q: 0.5, buckets: B([['+Inf', 10]]), says: /fewer than two buckets/ },
  {
    name: 'no +Inf bucket',
    q: 0.5,
    buckets: B([
      ['0.1', 5],
      ['1', 10],
    ]),
    says: /no le="\+Inf" bucket/,
  },
  {
    name: 'non-monotonic buckets fixed',
    q: 0.5,
    buckets: B([
      ['0.1', 60],
      ['0.5', 40],
      ['1', 90],
      ['+Inf', 100],
    ]),
    says: /less than a lower bucket, raised to 60/,
  },
  {
    name: 'no observations',
    q: 0.5,
    buckets: B([
      ['0.1', 0],
      ['+Inf', 0],
    ]),
    says: /no observations/,
  },
  {
    name: 'q above 1',
    q: 1.5,
    buckets: B([
      ['0.1', 5],
      ['+Inf', 10],
    ]),
    says: /> 1: the result is \+Inf/,
  },
  {
    name: 'duplicate bounds added',
    q: 0.5,
    buckets: B([
      ['1', 3],
      ['1.0', 4],
      ['+Inf', 10],
    ]),
    says: /added together/,
  },
  {
    name: 'a bucket at or below zero',
    q: 0.1,
    buckets: B([
      ['-1', 20],
      ['0', 30],
      ['+Inf', 100],
    ]),
    says: /bound ≤ 0/,
  },
];

for (const c of CASES) {
  test(`histogram walk-through: ${c.name}`, () => {
    const w = walkHistogramQuantile(c.q, c.buckets);
    const expected = bucketQuantile(
      c.q,
      c.buckets.flatMap((b) => (parseLe(b.le) === undefined ? [] : [{ upperBound: parseLe(b.le)!, count: b.count }])),
    ).value;
    assert.ok(Object.is(w.value, expected), `walk ${w.value}, engine ${expected}`);
    assert.match(w.lines.join('\n'), c.says);
  });
}
