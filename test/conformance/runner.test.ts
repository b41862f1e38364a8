// The conformance runner's own parsing and judging, without the corpus or the
// real engine (a fake engine stands in).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STALE_NAN } from '../../src/storage/store.js';
import { atRerunTimes, pinToTime } from './ast-walk.js';
import { almostEqual, almostEqualV2, compareLabelSets } from './compare.js';
import { fakeBinding, fakeParse } from './fake-engine.js';
import { goRegex } from './goregex.js';
import { parseDuration, parseGoNumber } from './lex.js';
import { ScriptRunner } from './runner.js';
import { type EvalCmd, type LoadCmd, parseScript } from './script.js';
import { STALE, isHistogramSlot, parseSeriesLine } from './series.js';

test('durations', () => {
  assert.equal(parseDuration('50m'), 3_000_000);
  assert.equal(parseDuration('1m30s'), 90_000);
  assert.equal(parseDuration('20s500ms'), 20_500);
  assert.equal(parseDuration('0'), 0);
  assert.equal(parseDuration('1y'), 365 * 86_400_000);
  assert.throws(() => parseDuration(''));
  assert.throws(() => parseDuration('5s1m'));
  assert.throws(() => parseDuration('1.5m'));
});

test('series values expand as FORMAT §3.2 says', () => {
  assert.deepEqual(parseSeriesLine('m 0+10x3').slots, [0, 10, 20, 30]);
  assert.deepEqual(parseSeriesLine('m -2+4x3').slots, [-2, 2, 6, 10]);
  assert.deepEqual(parseSeriesLine('m 10-3x2').slots, [10, 7, 4]);
  assert.deepEqual(parseSeriesLine('m 1x2 _x2 _ 5').slots, [1, 1, 1, undefined, undefined, undefined, 5]);
  assert.deepEqual(parseSeriesLine('m 1e3 .5 1_000 -Inf +inf').slots, [1000, 0.5, 1000, -Infinity, Infinity]);
  // Repeated addition, not a + i*b: rounding errors build up.
  assert.deepEqual(parseSeriesLine('m 0+0.1x3').slots, [0, 0.1, 0.2, 0.30000000000000004]);
  const s = parseSeriesLine('m 1 stale NaN').slots;
  assert.equal(s[1], STALE);
  assert.ok(Number.isNaN(s[2]));
  assert.throws(() => parseSeriesLine('m NaNx3'));
});

test('histogram items expand into histogram slots', () => {
  const s = parseSeriesLine('h 1 {{schema:0 sum:1 buckets:[1 2]}}x2 {{count:1}}+{{count:2 counter_reset_hint:gauge}}x1 7');
  assert.equal(s.slots.length, 7);
  assert.equal(s.slots[0], 1);
  assert.equal(s.slots[6], 7);
  const hs = s.slots.slice(1, 6).map((x) => (isHistogramSlot(x) ? x : assert.fail('not a histogram')));
  assert.deepEqual(hs[0].h.positive, { idx: [0, 1], cnt: [1, 2] });
  assert.equal(hs[2].h.sum, 1);
  assert.deepEqual([hs[3].h.count, hs[4].h.count], [1, 3]);
  assert.equal(hs[4].h.hint, 'gauge');
  assert.ok(hs[4].hintSet && !hs[0].hintSet);
  assert.ok(s.hasHistogram);
});

test('series descriptions', () => {
  assert.deepEqual(parseSeriesLine('sum{a="x", b=\'y\',} 1').labels, { __name__: 'sum', a: 'x', b: 'y' });
  assert.deepEqual(parseSeriesLine('{"my.metric", "my.label"="v"} 1').labels, { __name__: 'my.metric', 'my.label': 'v' });
  assert.deepEqual(parseSeriesLine('m{__unit__=""} 1').labels, { __name__: 'm', __unit__: '' });
  assert.deepEqual(parseSeriesLine('{} 1').labels, {});
  assert.deepEqual(parseSeriesLine('a:b{x="\\n\\u00e9"} 1').labels, { __name__: 'a:b', x: '\né' });
  assert.throws(() => parseSeriesLine('m{a!="b"} 1'));
  assert.ok(parseSeriesLine('c{a="b"}@st _ -30s-1mx2').st);
});

test('Go strconv numbers on expected scalar lines', () => {
  assert.equal(parseGoNumber('1'), 1);
  assert.equal(parseGoNumber('-Inf'), -Infinity);
  assert.equal(parseGoNumber('0x10'), 16);
  assert.ok(Number.isNaN(parseGoNumber('nan')));
  assert.equal(parseGoNumber('{} 1'), undefined);
  assert.equal(parseGoNumber('foo'), undefined);
});

test('float equality, v3 and v2', () => {
  assert.ok(almostEqual(NaN, NaN));
  assert.ok(!almostEqual(NaN, STALE_NAN));
  assert.ok(almostEqual(STALE_NAN, STALE_NAN));
  assert.ok(almostEqual(0, -0));
  assert.ok(!almostEqual(0, 1e-17));
  assert.ok(almostEqual(1, 1 + 1e-9));
  assert.ok(!almostEqual(1, 1.00001));
  assert.ok(!almostEqual(Infinity, -Infinity));
  assert.ok(!almostEqual(Infinity, 1e308));
  assert.ok(almostEqualV2(NaN, STALE_NAN));
});

test('label sets sort by name/value byte order, prefixes first', () => {
  assert.ok(compareLabelSets({ a: '1' }, { a: '1', b: '1' }) < 0);
  assert.ok(compareLabelSets({ a: '2' }, { a: '10' }) > 0);
  assert.ok(compareLabelSets({ __name__: 'x' }, { a: '1' }) < 0);
});

test('Go regexes match anywhere', () => {
  assert.ok(goRegex('quantile value should be .* \\(1:[0-9]+\\)').test('PromQL warning: quantile value should be x (1:5)'));
  assert.ok(goRegex('(?i)CONFLICT').test('found conflicting label'));
  assert.ok(!goRegex('^conflict').test('a conflict'));
});

const SCRIPT = `
load 5m
  m{a="1"} 0+10x10
  m{a="2"} 1 2 3
  m{a="2"} 5+5x10
# comment ends the load
eval instant at 50m m
  m{a="1"} 100
  m{a="2"} 55
  # empty

eval_ordered instant at 10m m{a="1"}
  expect warn msg: something
  m{a="1"} 20

eval instant at 0 1
  1
eval range from 0 to 10m step 5m m{a="1"}
  m{a="1"} 0 10 _

clear
`;

test('scripts: blocks, replacement, expect lines, positions', () => {
  const s = parseScript(SCRIPT);
  assert.equal(s.fatal, undefined);
  assert.deepEqual(
    s.commands.map((c) => c.kind),
    ['load', 'eval', 'eval', 'eval', 'eval', 'clear'],
  );
  const load = s.commands[0] as LoadCmd;
  assert.equal(load.series.length, 2);
  assert.equal(load.series[1].slots[0], 5); // the later line replaced the earlier
  const e2 = s.commands[2] as EvalCmd;
  assert.ok(e2.ordered);
  assert.deepEqual(e2.warn, [{ msg: 'something' }]);
  assert.equal([...e2.expected.values()][0].pos, 1);
  const e3 = s.commands[3] as EvalCmd;
  assert.equal(e3.expectedScalar, 1);
  const e4 = s.commands[4] as EvalCmd;
  assert.deepEqual(e4.range, { startMs: 0, endMs: 600_000, stepMs: 300_000 });
});

test('an unknown command rejects the file', () => {
  assert.ok(parseScript('load 1m\n  m 1\n\nbogus\n').fatal);
});

test('@ pinning and re-run times', () => {
  const pinned = pinToTime(fakeParse('m{a="1"}'), 3000);
  assert.deepEqual(pinned?.type === 'VectorSelector' && pinned.at, { kind: 'time', timestampMs: 3000 });
  assert.deepEqual(atRerunTimes(0), [-1000, 0, 1000]);
  assert.deepEqual(atRerunTimes(7), [-70, 0, 1, 7, 70]);
  assert.deepEqual(atRerunTimes(-7), [70, 0, -1, -7, -70]);
});

test('runner judges evals with a fake engine', () => {
  const text = `
load 1m
  m{a="1"} 0+1x10
  m{a="2"} 5x10
  h{a="1"} {{schema:0 count:1}}x3

eval instant at 5m m
  m{a="1"} 5
  m{a="2"} 5

eval instant at 5m m
  m{a="1"} 6
  m{a="2"} 5

eval instant at 5m m{a="1"}

eval instant at 5m h
  h{a="1"} {{schema:0 count:1}}

eval instant at 5m h
  h{a="1"} 1

eval instant at 5m h
  h{a="1"} {{schema:0 count:2}}

eval instant at 5m m{fail="x"}
  expect fail msg: forced failure

eval instant at 5m m{fail="x"}
  expect fail msg: other failure

eval instant at 5m "hello"
  expect string "hello"

eval range from 0 to 2m step 1m m{a="1"}
  m{a="1"} 0 1 2

eval instant at 5m 42
  42
`;
  const r = new ScriptRunner(fakeBinding).run('x.test', text);
  const verdicts = r.cases.map((c) => c.status);
  assert.deepEqual(
    verdicts,
    ['pass', 'fail', 'fail', 'pass', 'fail', 'fail', 'pass', 'fail', 'pass', 'pass', 'pass'],
    JSON.stringify(r.cases, null, 1),
  );
  assert.match(r.cases[1].reason!, /expected 6/);
});

test('a failing load fails the rest of the file', () => {
  const r = new ScriptRunner(fakeBinding).run('x.test', 'load 1m\n  m 1 2\n\nload 1m\n  m 3\n\neval instant at 0 m\n  m 1\n');
  assert.equal(r.failed, 1);
  assert.match(r.cases[0].reason!, /load at line 4 failed/);
});
