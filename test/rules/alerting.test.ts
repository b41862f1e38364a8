// The alert state machine (Prometheus's AlertingRule.Eval), table-driven:
// each case is the series present at each evaluation (1 minute apart) and
// the transitions expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlertingRuleState, type Transition } from '../../src/rules/alerting.js';
import type { RuleDef } from '../../src/rules/model.js';
import { parse } from '../../src/promql/index.js';

function rule(over: Partial<RuleDef> = {}): RuleDef {
  return {
    kind: 'alerting',
    name: 'A',
    expr: 'x',
    ast: parse('x'),
    forMs: 0,
    keepFiringForMs: 0,
    labels: {},
    annotations: {},
    index: 1,
    pos: { line: 1, col: 1 },
    exprPos: { line: 1, col: 1 },
    ...over,
  };
}

const ctx = (tMs: number, limit = 0) => ({
  tMs,
  limit,
  externalLabels: {},
  externalURL: '',
  group: 'g',
  templateEnv: { nowMs: tMs, externalURL: '', query: async () => [] },
});

/** Runs the rule over `steps` (1 = the series is returned, 0 = not); returns "minute:from>to" strings. */
async function run(r: RuleDef, steps: number[]): Promise<string[]> {
  const st = new AlertingRuleState(r);
  const tr: Transition[] = [];
  for (const [i, present] of steps.entries()) {
    await st.eval(present ? [{ labels: { __name__: 'x', job: 'a' }, value: 1 }] : [], ctx(i * 60_000), tr);
  }
  return tr.map((t) => `${t.tMs / 60_000}:${t.from}>${t.to}`);
}

const CASES: Array<{ name: string; rule: Partial<RuleDef>; steps: number[]; want: string[] }> = [
  { name: 'for 0 fires at once', rule: {}, steps: [1, 1, 0], want: ['0:inactive>pending', '0:pending>firing', '2:firing>inactive'] },
  {
    name: 'for 2m: pending, firing after 2 minutes',
    rule: { forMs: 120_000 },
    steps: [1, 1, 1, 1, 0],
    want: ['0:inactive>pending', '2:pending>firing', '4:firing>inactive'],
  },
  {
    name: 'a blip shorter than for never fires',
    rule: { forMs: 120_000 },
    steps: [1, 1, 0, 1, 1, 1],
    want: ['0:inactive>pending', '2:pending>inactive', '3:inactive>pending', '5:pending>firing'],
  },
  {
    name: 'keep_firing_for holds it through a gap',
    rule: { keepFiringForMs: 120_000 },
    steps: [1, 0, 1, 0, 0, 0],
    want: ['0:inactive>pending', '0:pending>firing', '5:firing>inactive'],
  },
  {
    name: 'keep_firing_for 2m: resolved 2 minutes after the series went away',
    rule: { keepFiringForMs: 120_000 },
    steps: [1, 1, 0, 0, 0, 0],
    want: ['0:inactive>pending', '0:pending>firing', '4:firing>inactive'],
  },
  {
    name: 'fires again after resolving: a new episode',
    rule: { forMs: 60_000 },
    steps: [1, 1, 0, 1, 1],
    want: ['0:inactive>pending', '1:pending>firing', '2:firing>inactive', '3:inactive>pending', '4:pending>firing'],
  },
];

test('alert state transitions', async () => {
  for (const c of CASES) assert.deepEqual(await run(rule(c.rule), c.steps), c.want, c.name);
});

test('ALERTS and ALERTS_FOR_STATE samples; resolved alerts are kept 15 minutes', async () => {
  const st = new AlertingRuleState(rule({ forMs: 60_000, labels: { severity: 'page' } }));
  const tr: Transition[] = [];
  const out0 = await st.eval([{ labels: { __name__: 'x', job: 'a' }, value: 3 }], ctx(600_000), tr);
  assert.deepEqual(out0, [
    { labels: { job: 'a', severity: 'page', alertname: 'A', __name__: 'ALERTS', alertstate: 'pending' }, value: 1 },
    { labels: { job: 'a', severity: 'page', alertname: 'A', __name__: 'ALERTS_FOR_STATE' }, value: 600 },
  ]);
  await st.eval([{ labels: { job: 'a' }, value: 3 }], ctx(660_000), tr);
  assert.equal(st.alertsIn('firing').length, 1);
  assert.deepEqual(await st.eval([], ctx(720_000), tr), []);
  assert.equal(st.active.size, 1, 'resolved alert retained');
  await st.eval([], ctx(720_000 + 15 * 60_000), tr);
  assert.equal(st.active.size, 1, 'still retained at exactly 15m');
  await st.eval([], ctx(720_000 + 16 * 60_000), tr);
  assert.equal(st.active.size, 0, 'dropped after 15m');
});

test('alert labels are templated; duplicates after labelling and exceeded limits are errors', async () => {
  const st = new AlertingRuleState(
    rule({ labels: { team: '{{ if eq $labels.job "a" }}alpha{{ else }}other{{ end }}' }, annotations: { v: '{{ $value }}' } }),
  );
  const tr: Transition[] = [];
  await st.eval([{ labels: { job: 'a' }, value: 0.5 }], ctx(0), tr);
  assert.deepEqual(tr[0]!.labels, { job: 'a', team: 'alpha', alertname: 'A' });
  assert.deepEqual(tr[0]!.annotations, { v: '0.5' });
  const dup = new AlertingRuleState(rule());
  await assert.rejects(
    dup.eval(
      [
        { labels: { __name__: 'x', job: 'a' }, value: 1 },
        { labels: { __name__: 'y', job: 'a' }, value: 1 },
      ],
      ctx(0),
      [],
    ),
    /vector contains metrics with the same labelset after applying alert labels/,
  );
  const lim = new AlertingRuleState(rule());
  await assert.rejects(
    lim.eval(
      [
        { labels: { job: 'a' }, value: 1 },
        { labels: { job: 'b' }, value: 1 },
      ],
      ctx(0, 1),
      [],
    ),
    /exceeded limit of 1 with 2 alerts/,
  );
});
