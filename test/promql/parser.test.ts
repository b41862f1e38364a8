// Parser: the tree, static types and exact byte positions of selected nodes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_FEATURES, exprType, inspect, parse, type Expr } from '../../src/promql/index.js';
import { lex } from '../../src/promql/lexer.js';

/** [type, start, end] of every node, parents first. */
function spans(e: Expr): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  inspect(e, (n) => void out.push([n.type, n.pos.start, n.pos.end]));
  return out;
}

test('positions of nodes are Prometheus byte ranges', () => {
  const table: Array<[string, Array<[string, number, number]>]> = [
    ['foo', [['VectorSelector', 0, 3]]],
    ['foo offset 5m', [['VectorSelector', 0, 13]]],
    ['{job="a"}', [['VectorSelector', 0, 9]]],
    [
      'rate(x[5m])',
      [
        ['Call', 0, 11],
        ['MatrixSelector', 5, 10],
        ['VectorSelector', 5, 6],
      ],
    ],
    [
      'rate(foo{a="b"}[5m] @ 10)',
      [
        ['Call', 0, 25],
        ['MatrixSelector', 5, 24],
        ['VectorSelector', 5, 15],
      ],
    ],
    [
      '-1 + 2',
      [
        ['BinaryExpr', 0, 6],
        ['NumberLiteral', 0, 2],
        ['NumberLiteral', 5, 6],
      ],
    ],
    [
      '- foo',
      [
        ['UnaryExpr', 0, 5],
        ['VectorSelector', 2, 5],
      ],
    ],
    [
      'x[1h:] offset 1m',
      [
        ['SubqueryExpr', 0, 16],
        ['VectorSelector', 0, 1],
      ],
    ],
    [
      'sum by (a) (x)',
      [
        ['AggregateExpr', 0, 14],
        ['VectorSelector', 12, 13],
      ],
    ],
    [
      'sum(x) by (a)',
      [
        ['AggregateExpr', 0, 13],
        ['VectorSelector', 4, 5],
      ],
    ],
    [
      '(1)',
      [
        ['ParenExpr', 0, 3],
        ['NumberLiteral', 1, 2],
      ],
    ],
    [
      '{a="é"} + x',
      [
        ['BinaryExpr', 0, 12],
        ['VectorSelector', 0, 8],
        ['VectorSelector', 11, 12],
      ],
    ],
  ];
  for (const [q, want] of table) assert.deepEqual(spans(parse('' + q)), want, q);
});

test('precedence: ^ is right-associative, unary minus binds looser than ^', () => {
  const p = (q: string) => parse(q);
  const e = p('a ^ b ^ c');
  assert.ok(e.type === 'BinaryExpr');
  assert.ok(e.rhs.type === 'BinaryExpr');
  const m = p('-1 ^ 2');
  assert.ok(m.type === 'UnaryExpr');
  assert.ok(m.expr.type === 'BinaryExpr');
  const f = p('-1 * 2');
  assert.ok(f.type === 'BinaryExpr');
  assert.ok(f.lhs.type === 'NumberLiteral');
  assert.ok(f.lhs.value === -1);
  const s = p('a or b and c unless d == e + f * g');
  assert.ok(s.type === 'BinaryExpr');
  assert.ok(s.op === 'or');
  assert.ok(s.rhs.type === 'BinaryExpr');
  assert.ok(s.rhs.op === 'unless');
  const o = p('a + b offset 5m');
  assert.ok(o.type === 'BinaryExpr');
  assert.ok(o.rhs.type === 'VectorSelector');
  assert.ok(o.rhs.offsetMs === 300000);
});

test('numbers, strings and durations decode as Go does', () => {
  const v = (q: string) => {
    const e = parse(q);
    assert.equal(e.type, 'NumberLiteral');
    return e.type === 'NumberLiteral' ? e.value : NaN;
  };
  assert.equal(v('0x1F'), 31);
  assert.equal(v('010'), 8);
  assert.equal(v('1e3'), 1000);
  assert.equal(v('.5'), 0.5);
  assert.equal(v('1_000'), 1000);
  assert.equal(v('-Inf'), -Infinity);
  assert.ok(Number.isNaN(v('nan')));
  assert.equal(v('1h30m'), 5400);
  const s = parse('"a\\tb\\u00e9\\x41\\101"');
  assert.ok(s.type === 'StringLiteral');
  assert.ok(s.value === 'a\tbéAA');
  const r = parse('`a\\n`');
  assert.ok(r.type === 'StringLiteral');
  assert.ok(r.value === 'a\\n');
});

test('selectors: matchers, implied __name__, UTF-8 names, keywords as metric names', () => {
  const e = parse('{"my.metric", "a.b"="c", d!~"x|y"}');
  assert.ok(e.type === 'VectorSelector');
  assert.equal(e.name, undefined);
  assert.deepEqual(e.matchers, [
    { name: '__name__', op: '=', value: 'my.metric' },
    { name: 'a.b', op: '=', value: 'c' },
    { name: 'd', op: '!~', value: 'x|y' },
  ]);
  const k = parse('sum + offset');
  assert.ok(k.type === 'BinaryExpr');
  assert.ok(k.lhs.type === 'VectorSelector');
  assert.ok(k.lhs.name === 'sum');
  const f = parse('fill + fill(0) fill', ALL_FEATURES);
  assert.ok(f.type === 'BinaryExpr');
  assert.ok(f.matching?.fillLeft === 0);
  assert.ok(f.matching.fillRight === 0);
});

test('modifiers: offset, @, subqueries, vector matching', () => {
  const e = parse('rate(x[5m] offset -1h @ end())');
  assert.ok(e.type === 'Call');
  assert.ok(e.args[0].type === 'MatrixSelector');
  const ms = e.args[0];
  assert.ok(ms.type === 'MatrixSelector');
  assert.equal(ms.rangeMs, 300000);
  assert.equal(ms.vector.offsetMs, -3600000);
  assert.deepEqual(ms.vector.at, { kind: 'end' });
  const sq = parse('max_over_time(rate(x[1m])[30m:1m] @ 100)');
  assert.ok(sq.type === 'Call');
  assert.ok(sq.args[0].type === 'SubqueryExpr');
  assert.equal(sq.args[0].rangeMs, 1800000);
  assert.equal(sq.args[0].stepMs, 60000);
  assert.deepEqual(sq.args[0].at, { kind: 'time', timestampMs: 100000 });
  const b = parse('a / on(x) group_left(y) b');
  assert.ok(b.type === 'BinaryExpr');
  assert.deepEqual({ ...b.matching }, { card: 'many-to-one', matchingLabels: ['x'], on: true, explicit: true, include: ['y'] });
  const set = parse('a and b');
  assert.ok(set.type === 'BinaryExpr');
  assert.ok(set.matching?.card === 'many-to-many');
  const sc = parse('a * 2');
  assert.ok(sc.type === 'BinaryExpr');
  assert.ok(sc.matching === undefined);
});

test('duration expressions keep their tree; plain literals become milliseconds', () => {
  const e = parse('x[2m*15]');
  assert.ok(e.type === 'MatrixSelector');
  assert.ok(e.rangeExpr?.type === 'DurationExpr');
  const o = parse('x offset -2 ^ 2');
  assert.ok(o.type === 'BinaryExpr');
  assert.ok(o.lhs.type === 'VectorSelector');
  assert.ok(o.lhs.offsetMs === -2000);
  const s = parse('count_over_time(x[step()+1ms])', ALL_FEATURES);
  assert.ok(s.type === 'Call');
  assert.ok(s.args[0].type === 'MatrixSelector');
  assert.ok(s.args[0].rangeExpr?.type === 'DurationExpr');
  const m = parse('x offset min_of(step(), 1s)', ALL_FEATURES);
  assert.ok(m.type === 'VectorSelector');
  assert.ok(m.offsetExpr?.type === 'DurationExpr');
  assert.ok(m.offsetExpr.op === 'min');
});

test('static types', () => {
  const t = (q: string) => exprType(parse(q, ALL_FEATURES));
  assert.equal(t('1 + 1'), 'scalar');
  assert.equal(t('x + 1'), 'vector');
  assert.equal(t('x[5m]'), 'matrix');
  assert.equal(t('rate(x[5m])[10m:]'), 'matrix');
  assert.equal(t('"s"'), 'string');
  assert.equal(t('scalar(x)'), 'scalar');
  assert.equal(t('sum(x)'), 'vector');
  assert.equal(t('step()'), 'scalar');
});

test('lexer: modes, keywords case-insensitive, byte positions', () => {
  const toks = lex('SUM by(a) (x{b=~"c"}[5m:])');
  assert.deepEqual(
    toks.map((t) => [t.type, t.val, t.start, t.end]),
    [
      ['AGGR', 'SUM', 0, 3],
      ['KEYWORD', 'by', 4, 6],
      ['LEFT_PAREN', '(', 6, 7],
      ['IDENTIFIER', 'a', 7, 8],
      ['RIGHT_PAREN', ')', 8, 9],
      ['LEFT_PAREN', '(', 10, 11],
      ['IDENTIFIER', 'x', 11, 12],
      ['LEFT_BRACE', '{', 12, 13],
      ['IDENTIFIER', 'b', 13, 14],
      ['EQL_REGEX', '=~', 14, 16],
      ['STRING', '"c"', 16, 19],
      ['RIGHT_BRACE', '}', 19, 20],
      ['LEFT_BRACKET', '[', 20, 21],
      ['DURATION', '5m', 21, 23],
      ['COLON', ':', 23, 24],
      ['RIGHT_BRACKET', ']', 24, 25],
      ['RIGHT_PAREN', ')', 25, 26],
      ['EOF', '', 26, 26],
    ],
  );
  const u = lex('{a="é"} # note');
  assert.deepEqual(
    u.map((t) => [t.type, t.start, t.end]),
    [
      ['LEFT_BRACE', 0, 1],
      ['IDENTIFIER', 1, 2],
      ['EQL', 2, 3],
      ['STRING', 3, 7],
      ['RIGHT_BRACE', 7, 8],
      ['COMMENT', 9, 15],
      ['EOF', 15, 15],
    ],
  );
  assert.equal(lex('a >/ 1 </ 2')[1].val, '>/');
  const err = lex('foo{a="b" !x}');
  assert.equal(err[err.length - 1].type, 'ERROR');
});
