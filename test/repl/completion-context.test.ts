import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext } from '../../src/repl/completion-context.js';
import { needsMoreInput, scan } from '../../src/repl/scan.js';

const cases: [string, Record<string, unknown>][] = [
  ['', { kind: 'expr', prefix: '' }],
  ['ra', { kind: 'expr', prefix: 'ra', keywords: [] }],
  ['rate(', { kind: 'expr', prefix: '' }],
  ['sum by (job) (', { kind: 'expr', prefix: '' }],
  ['rate(http_requests_total[', { kind: 'duration', prefix: '' }],
  ['rate(http_requests_total[5', { kind: 'duration', prefix: '5' }],
  ['max_over_time(up[1h:', { kind: 'duration', prefix: '' }],
  ['up offset ', { kind: 'duration', prefix: '' }],
  ['http_requests_total{', { kind: 'labelName', prefix: '', selector: 'http_requests_total', exclude: [] }],
  ['http_requests_total{jo', { kind: 'labelName', prefix: 'jo', selector: 'http_requests_total' }],
  ['http_requests_total{job="api",', { kind: 'labelName', prefix: '', selector: 'http_requests_total{job="api"}', exclude: ['job'] }],
  ['http_requests_total{job=', { kind: 'labelValue', prefix: '', label: 'job', quote: '"' }],
  ['http_requests_total{job=~', { kind: 'labelValue', prefix: '', label: 'job' }],
  ['http_requests_total{job="a', { kind: 'labelValue', prefix: '"a', label: 'job', quote: '"' }],
  ["up{job='w", { kind: 'labelValue', prefix: "'w", label: 'job', quote: "'" }],
  ['{__name__="up",instance=', { kind: 'labelValue', label: 'instance', selector: '{__name__="up"}' }],
  ['sum by (', { kind: 'labelName', prefix: '' }],
  ['sum without(instance, ', { kind: 'labelName', exclude: ['instance'] }],
  ['sum(rate(http_requests_total[5m])) by (j', { kind: 'labelName', prefix: 'j', selector: 'http_requests_total' }],
  ['a / on(', { kind: 'labelName', selector: 'a' }],
  ['a / ignoring(code) ', { kind: 'expr', keywords: ['group_left', 'group_right'] }],
  ['sum(rate(x[5m])) b', { kind: 'operator', prefix: 'b' }],
  ['sum ', { kind: 'operator', keywords: ['by', 'without'] }],
  ['up ', { kind: 'operator', keywords: ['and', 'or', 'unless', 'atan2', 'offset'] }],
  ['up > ', { kind: 'expr', keywords: ['bool', 'on', 'ignoring'] }],
  ['up + ', { kind: 'expr', keywords: ['on', 'ignoring'] }],
  ['up and ', { kind: 'expr' }],
  ['sum by ', { kind: 'none' }],
  ['label_replace(up, "a', { kind: 'none' }],
  ['rate(', { kind: 'expr' }],
  // Context spans lines of a multi-line query.
  ['sum(\n  rate(http_requests_total{\n', { kind: 'labelName', selector: 'http_requests_total' }],
  // Comments are ignored.
  ['up # a comment with { brace\n+ ', { kind: 'expr' }],
];

for (const [text, want] of cases) {
  test(`completion context of ${JSON.stringify(text)}`, () => {
    const got = completionContext(text) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${k} of ${JSON.stringify(got)}`);
  });
}

test('needsMoreInput: open brackets, quotes and trailing operators continue', () => {
  for (const t of [
    'sum(',
    'up{job="api"',
    'rate(x[5m',
    'up{job="ap',
    'up +',
    'up and',
    'sum by',
    'up /\n  on(job)',
    '`raw',
    'sum(\n  rate(x[5m])',
    'up offset',
    'sum by (job)',
    'a * on(x) group_left(y)',
  ])
    assert.equal(needsMoreInput(t), true, t);
  for (const t of [
    '',
    'up',
    'sum(rate(x[5m]))',
    'up{job="a(b"}',
    'up # trailing comment (',
    'sum(x))',
    '-1',
    'up\n',
    '5m',
    'sum(x) by (job)',
    'max_over_time(up[1h:5m])',
  ])
    assert.equal(needsMoreInput(t), false, t);
});

test('scan keeps going on unfinished and odd input', () => {
  const toks = scan('sum(rate(x{a=~"b\\"c');
  assert.equal(toks.at(-1)?.unterminated, true);
  assert.deepEqual(
    scan('1.5e+3 5m 0x1f').map((t) => t.text),
    ['1.5e+3', '5m', '0x1f'],
  );
  assert.deepEqual(
    scan('a $ b').map((t) => t.kind),
    ['ident', 'other', 'ident'],
  );
});
