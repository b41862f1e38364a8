// rate & co walk-throughs on hand-made windows, against the engine's own
// range functions: each extrapolation rule and the special cases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { walkRange } from '../../src/explain/rate-walk.js';
import type { WinCtx } from '../../src/engine/rangefns.js';
import { IMPLEMENTATIONS } from '../../src/engine/functions.js';
import { formatSampleValue, type SamplePair } from '../../src/model/result.js';

const END = 1_768_478_400_000;

function engineValue(func: string, t: number[], v: number[], rangeMs: number): number | undefined {
  const c: WinCtx = {
    t: Float64Array.from(t),
    v: Float64Array.from(v),
    lo: 0,
    hi: t.length,
    rangeStart: END - rangeMs,
    rangeEnd: END,
    rangeMs,
    stepT: END,
    args: [],
    argCols: [],
    anchored: false,
    smoothed: false,
    name: 'x_total',
    ok: true,
    warn: () => undefined,
    hlo: 0,
    hhi: 0,
  };
  const impl = IMPLEMENTATIONS[func as keyof typeof IMPLEMENTATIONS];
  if (!('range' in impl)) throw new Error(`${func} is not a range function`);
  const r = impl.range(c);
  return c.ok ? r : undefined;
}

const CASES: Array<{ name: string; func: string; t: number[]; v: number[]; says: RegExp }> = [
  {
    name: 'samples near both edges: extrapolate all the way',
    func: 'rate',
    t: [-295_000, -280_000, -265_000, -10_000].map((d) => END + d),
    v: [100, 115, 130, 350],
    says: /extrapolate all the way to the start/,
  },
  {
    name: 'a series that starts inside the window: half an interval',
    func: 'increase',
    t: [-120_000, -105_000, -90_000, -75_000, -60_000, -45_000, -30_000, -15_000, -1_000].map((d) => END + d),
    v: [1000, 1015, 1030, 1045, 1060, 1075, 1090, 1105, 1120],
    says: /the series starts inside the window, extrapolate half an interval/,
  },
  {
    name: 'a counter that would go below zero: extrapolate only to zero',
    func: 'rate',
    t: [-290_000, -200_000, -100_000, -5_000].map((d) => END + d),
    v: [1, 40, 80, 120],
    says: /never goes below zero/,
  },
  {
    name: 'a reset: the value before the drop is added',
    func: 'increase',
    t: [-280_000, -220_000, -160_000, -100_000, -40_000].map((d) => END + d),
    v: [500, 560, 20, 80, 140],
    says: /reset: 20 < 560, add 560/,
  },
  {
    name: 'delta of a gauge going down',
    func: 'delta',
    t: [-250_000, -150_000, -50_000].map((d) => END + d),
    v: [10, 7, 3],
    says: /delta = -7 ×/,
  },
  {
    name: 'irate across a reset',
    func: 'irate',
    t: [-30_000, -15_000].map((d) => END + d),
    v: [900, 12],
    says: /the counter reset between them/,
  },
  { name: 'idelta', func: 'idelta', t: [-45_000, -30_000, -15_000].map((d) => END + d), v: [5, 9, 4], says: /difference: 4 − 9 = -5/ },
  {
    name: 'deriv',
    func: 'deriv',
    t: [-60_000, -45_000, -30_000, -15_000].map((d) => END + d),
    v: [1, 3, 2, 8],
    says: /deriv = cov \/ var/,
  },
  { name: 'one sample: no result', func: 'rate', t: [END - 10_000], v: [5], says: /needs at least two samples/ },
];

for (const c of CASES) {
  test(`rate walk-through: ${c.name}`, () => {
    const samples: SamplePair[] = c.t.map((t, i) => [t / 1000, formatSampleValue(c.v[i]!)]);
    const w = walkRange(c.func, { startMs: END - 300_000, endMs: END, rangeMs: 300_000, samples });
    const expected = engineValue(c.func, c.t, c.v, 300_000);
    assert.equal(w.value, expected, w.lines.join('\n'));
    assert.match(w.lines.join('\n'), c.says);
  });
}
