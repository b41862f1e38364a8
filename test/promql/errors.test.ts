// Prometheus's own messages for bad queries: each row is the query and the
// exact error text (line:col included). Rows in the first table were checked
// against a real Prometheus (2.42, whose wording 3.x keeps); the second table
// holds Prometheus 3 rules, worded as generated_parser.y / parse.go word them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, ParseError, ALL_FEATURES } from '../../src/promql/index.js';
import { QueryError } from '../../src/errors.js';

const CHECKED_AGAINST_PROMETHEUS: Array<[string, string]> = [
  ['rate(foo)', '1:6: parse error: expected type range vector in call to function "rate", got instant vector'],
  ['1 == 1', '1:3: parse error: comparisons between scalars must use BOOL modifier'],
  ['sum(foo) by (a) by (b)', '1:17: parse error: unexpected <by>'],
  ['foo{', '1:5: parse error: unexpected end of input inside braces'],
  ['foo}', "1:4: parse error: unexpected character: '}'"],
  ['{}', '1:1: parse error: vector selector must contain at least one non-empty matcher'],
  ['{x=""}', '1:1: parse error: vector selector must contain at least one non-empty matcher'],
  ['foo{a=b}', '1:7: parse error: unexpected identifier "b" in label matching, expected string'],
  ['foo{a:b="c"}', "1:6: parse error: unexpected character inside braces: ':'"],
  ['foo{a*"b"}', "1:6: parse error: unexpected character inside braces: '*'"],
  ['foo{__name__="bar"}', '1:1: parse error: metric name must not be set twice: "foo" or "bar"'],
  ['foo{gibberish}', '1:14: parse error: unexpected "}" in label matching, expected label matching operator'],
  ['foo{,}', '1:5: parse error: unexpected "," in label matching, expected identifier or "}"'],
  ['foo{a="b" c="d"}', '1:11: parse error: unexpected identifier "c" in label matching, expected "," or "}"'],
  ['foo{__name__ == "bar"}', '1:15: parse error: unexpected "=" in label matching, expected string'],
  ['foo[0m]', '1:5: parse error: duration must be greater than 0'],
  ['(foo + bar)[5m]', '1:12: parse error: ranges only allowed for vector selectors'],
  ['foo offset 1s offset 2s', '1:1: parse error: offset may not be set multiple times'],
  ['foo @ 1 @ 2', '1:1: parse error: @ <timestamp> may not be set multiple times'],
  ['foo offset 5m[5m]', '1:14: parse error: no offset modifiers allowed before range'],
  ['foo @ 5 [5m]', '1:9: parse error: no @ modifiers allowed before range'],
  ['floor()', '1:1: parse error: expected 1 argument(s) in call to "floor", got 0'],
  ['floor(foo, bar)', '1:1: parse error: expected 1 argument(s) in call to "floor", got 2'],
  ['floor(1)', '1:7: parse error: expected type instant vector in call to function "floor", got scalar'],
  ['hour(a, b, c)', '1:1: parse error: expected at most 1 argument(s) in call to "hour", got 3'],
  ['time(foo)', '1:1: parse error: expected 0 argument(s) in call to "time", got 1'],
  ['chnages(foo[5m])', '1:1: parse error: unknown function with name "chnages"'],
  ['topk(foo)', '1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1'],
  ['topk(foo,)', '1:9: parse error: trailing commas not allowed in function call args'],
  ['topk(foo, bar)', '1:6: parse error: expected type scalar in aggregation parameter, got instant vector'],
  ['count_values(5, foo)', '1:14: parse error: expected type string in aggregation parameter, got scalar'],
  ['sum x', '1:5: parse error: unexpected identifier "x"'],
  ['*1', '1:1: parse error: unexpected <op:*>'],
  ['1 +', '1:4: parse error: unexpected end of input'],
  ['1 and 1', '1:1: parse error: set operator "and" not allowed in binary scalar expression'],
  ['foo and 1', '1:1: parse error: set operator "and" not allowed in binary scalar expression'],
  ['foo and on(a) group_left(b) bar', '1:1: parse error: no grouping allowed for "and" operation'],
  ['foo + bool bar', '1:5: parse error: bool modifier can only be used on comparison operators'],
  ['1 + on(a) foo', '1:1: parse error: vector matching only allowed between instant vectors'],
  ['a - on(b) ignoring(c) d', '1:11: parse error: unexpected <ignoring>'],
  ['foo == on(a) group_left(a) bar', '1:5: parse error: label "a" must not occur in ON and GROUP clause at once'],
  ['rate(foo[5m]', '1:13: parse error: unclosed left parenthesis'],
  ['sum(foo', '1:8: parse error: unclosed left parenthesis'],
  ['foo)', "1:5: parse error: unexpected right parenthesis ')'"],
  ['foo]', "1:4: parse error: unexpected right bracket ']'"],
  ['"foo', '1:1: parse error: unterminated quoted string'],
  ['`foo', '1:1: parse error: unterminated raw string'],
  ['"\\q"', "1:1: parse error: unknown escape sequence U+0071 'q'"],
  ['label_replace(a, "b")', '1:1: parse error: expected 5 argument(s) in call to "label_replace", got 2'],
  ['-"foo"', '1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "string"'],
  ['"foo" + 1', '1:1: parse error: binary expression must contain only scalar and instant vector types'],
  ['foo[5m] + 1', '1:1: parse error: binary expression must contain only scalar and instant vector types'],
  ['foo[5m][1h:]', '1:1: parse error: subquery is only allowed on instant vector, got matrix instead'],
  ['rate(sum(foo)[5m])', '1:14: parse error: ranges only allowed for vector selectors'],
  ['foo @ bar', '1:7: parse error: unexpected identifier "bar" in @, expected timestamp'],
  [
    '1 offset 5m',
    '1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
  ],
  ['sum(foo) @ 5', '1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery'],
  ['bool', '1:1: parse error: unexpected <bool>'],
  ['sum by (a b) (x)', '1:11: parse error: unexpected identifier "b" in grouping opts, expected "," or ")"'],
  ['sum by (1) (x)', '1:9: parse error: unexpected number "1" in grouping opts, expected label'],
  ['foo{a=~"(.*"}', '1:5: parse error: error parsing regexp: missing closing ): `(.*`'],
  ['foo{a=~"a**"}', '1:5: parse error: error parsing regexp: invalid nested repetition operator: `**`'],
  ['foo{a=~"\\\\1"}', '1:5: parse error: error parsing regexp: invalid escape sequence: `\\1`'],
  ['foo[5m:1m:2m]', "1:10: parse error: unexpected colon ':'"],
  ['abs(foo, )', '1:8: parse error: trailing commas not allowed in function call args'],
  [
    'rate(foo[5m]) @ start() @ end()',
    '1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery',
  ],
  ['sum(foo) without (a) by (b)', '1:22: parse error: unexpected <by>'],
  ['group_left', '1:1: parse error: unexpected <group_left>'],
  ['avg(a, b)', '1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2'],
  ['foo{a!b="c"}', "1:6: parse error: unexpected character after '!' inside braces: 'b'"],
  ['# only comment', '1:1: parse error: no expression found in input'],
  ['quantile(foo)', '1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1'],
  ['absent()', '1:1: parse error: expected 1 argument(s) in call to "absent", got 0'],
  ['foo @ NaN', '1:1: parse error: timestamp out of bounds for @ modifier: NaN'],
  ['x == bool', '1:10: parse error: unexpected end of input'],
  ['foo[5m] offset 1m offset 2m', '1:1: parse error: offset may not be set multiple times'],
  ['-foo[5m]', '1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "range vector"'],
  ['1.2.3', '1:4: parse error: unexpected number ".3"'],
  ['0x1G', '1:1: parse error: bad number or duration syntax: "0x1"'],
  ['foo{a="\\xZZ"}', "1:7: parse error: illegal character U+005A 'Z' in escape sequence"],
  ['foo ! bar', "1:5: parse error: unexpected character after '!': ' '"],
  ['foo = bar', '1:5: parse error: unexpected "="'],
  ['round(foo, "a")', '1:12: parse error: expected type scalar in call to function "round", got string'],
  ['vector("a")', '1:8: parse error: expected type scalar in call to function "vector", got string'],
  ['sum(foo bar)', '1:9: parse error: unexpected identifier "bar" in aggregation'],
  ['sum by (a) (foo bar)', '1:17: parse error: unexpected identifier "bar" in aggregation'],
  ['rate(foo bar)', '1:10: parse error: unexpected identifier "bar"'],
  ['sum(rate(foo bar))', '1:14: parse error: unexpected identifier "bar" in aggregation'],
  ['(foo bar)', '1:6: parse error: unexpected identifier "bar"'],
  ['foo + (bar baz)', '1:12: parse error: unexpected identifier "baz"'],
  ['sum(foo, bar baz)', '1:14: parse error: unexpected identifier "baz" in aggregation'],
  ['topk(5 foo)', '1:8: parse error: unexpected identifier "foo" in aggregation'],
  ['sum(foo) bar', '1:10: parse error: unexpected identifier "bar"'],
  ['sum()', '1:1: parse error: no arguments for aggregate expression provided'],
  ['sum by (a)', '1:11: parse error: unexpected end of input in aggregation'],
  ['sum by', '1:7: parse error: unexpected end of input in grouping opts, expected "("'],
  ['sum(', '1:5: parse error: unclosed left parenthesis'],
  ['sum(foo) by', '1:12: parse error: unexpected end of input in grouping opts, expected "("'],
  ['sum(foo) by (a', '1:15: parse error: unclosed left parenthesis'],
  ['foo{a="b"', '1:10: parse error: unexpected end of input inside braces'],
  ['foo{a=}', '1:7: parse error: unexpected "}" in label matching, expected string'],
  ['foo{a}', '1:6: parse error: unexpected "}" in label matching, expected label matching operator'],
  ['foo[5m:1m] offset 1m offset 2m', '1:1: parse error: offset may not be set multiple times'],
  ['1 + ', '1:5: parse error: unexpected end of input'],
  ['1 + "a"', '1:5: parse error: binary expression must contain only scalar and instant vector types'],
  ['count_values("a", foo, bar)', '1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 3'],
];

const PROMETHEUS_3_RULES: Array<[string, string]> = [
  ['foo[5mm]', '1:5: parse error: bad number or duration syntax: "5mm"'],
  ['foo[]', '1:5: parse error: unexpected "]" in subquery or range selector, expected number, duration, step(), or range()'],
  ['foo offset', '1:11: parse error: unexpected end of input in offset, expected number, duration, step(), or range()'],
  ['sum(foo offset bar)', '1:16: parse error: unexpected identifier "bar" in offset, expected number, duration, step(), or range()'],
  ['foo[5m:-1m]', '1:8: parse error: duration must be greater than 0'],
  ['foo[5m:0]', '1:8: parse error: duration must be greater than 0'],
  ['foo[5m x]', '1:8: parse error: unexpected identifier "x" in subquery or range, expected ":" or "]"'],
  ['foo[5m:1m x]', '1:11: parse error: unexpected identifier "x" in subquery selector, expected "]"'],
  ['foo[1h/0]', '1:7: parse error: division by zero'],
  ['foo[1h%0]', '1:7: parse error: modulo by zero'],
  ['sort_by_label(foo, "a")', '1:1: parse error: function "sort_by_label" is not enabled'],
  ['limitk(1, foo)', '1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions'],
  ['sum by ("") (foo)', '1:9: parse error: invalid label name for grouping: ""'],
  ['foo{"a"="b"', '1:12: parse error: unexpected end of input inside braces'],
  ['foo[5m] @ 1 @ 2', '1:1: parse error: @ <timestamp> may not be set multiple times'],
  ['foo[5m:] offset 1m offset 1m', '1:1: parse error: offset may not be set multiple times'],
  ['foo )', "1:6: parse error: unexpected right parenthesis ')'"],
  ['', '1:1: parse error: no expression found in input'],
];

function messageOf(q: string, opts?: Parameters<typeof parse>[1]): string {
  try {
    parse(q, opts);
  } catch (e) {
    assert.ok(e instanceof ParseError, `not a ParseError: ${String(e)}`);
    return e.message;
  }
  return 'OK';
}

test(`${CHECKED_AGAINST_PROMETHEUS.length} bad queries give Prometheus's exact message and position`, () => {
  assert.ok(CHECKED_AGAINST_PROMETHEUS.length + PROMETHEUS_3_RULES.length >= 60);
  for (const [q, want] of CHECKED_AGAINST_PROMETHEUS) assert.equal(messageOf(q), want, q);
});

test('Prometheus 3 rules: durations, experimental features, UTF-8 grouping', () => {
  for (const [q, want] of PROMETHEUS_3_RULES) assert.equal(messageOf(q), want, q);
});

test('ParseError is a QueryError of type bad_data with query and byte position', () => {
  try {
    parse('sum(rate(x))');
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof QueryError);
    const pe = e as ParseError;
    assert.equal(pe.errorType, 'bad_data');
    assert.equal(pe.exitCode, 1);
    assert.equal(pe.query, 'sum(rate(x))');
    assert.deepEqual(pe.position, { start: 9, end: 10 });
    assert.equal(pe.detail, 'expected type range vector in call to function "rate", got instant vector');
  }
});

test('columns count bytes and lines restart after a newline', () => {
  assert.equal(
    messageOf('{a="é"} + rate(x)'),
    '1:17: parse error: expected type range vector in call to function "rate", got instant vector',
  );
  assert.equal(
    messageOf('sum(\n  rate(x)\n)'),
    '2:8: parse error: expected type range vector in call to function "rate", got instant vector',
  );
});

test('hints: missing range, unknown function, subquery, bool, parens', () => {
  const hint = (q: string) => {
    try {
      parse(q);
    } catch (e) {
      return (e as ParseError).hint ?? '';
    }
    return 'OK';
  };
  assert.match(hint('rate(http_requests_total)'), /\[5m\]/);
  assert.match(hint('chnages(x[5m])'), /did you mean changes/);
  assert.match(hint('histogram_quantil(0.9, x)'), /histogram_quantile/);
  assert.match(hint('rate(sum(x)[5m])'), /subquery/);
  assert.match(hint('1 > 0'), /bool/);
  assert.match(hint('sum(x'), /\)/);
  assert.match(hint('sort_by_label(x, "a")'), /--experimental/);
  assert.match(hint('sum(x) by (a) by (b)'), /by\/without/);
  assert.match(hint('rate(x[5m]) by (job)'), /not to the function rate\(\)/);
  assert.match(hint('on{job="a"}'), /\{__name__="on"\}/);
});

test('experimental syntax is rejected by default and accepted when enabled', () => {
  for (const q of ['foo[1m] anchored', 'foo smoothed', 'a + fill(0) b', 'sort_by_label(foo, "a")', 'limit_ratio(0.5, foo)', 'info(foo)']) {
    assert.notEqual(messageOf(q), 'OK', q);
    assert.equal(messageOf(q, ALL_FEATURES), 'OK', q);
  }
  // Duration expressions are on by default, as in Prometheus 3; they can be turned off.
  assert.equal(messageOf('foo[2m*15]'), 'OK');
  assert.match(messageOf('foo[2m*15]', { durationExpressions: false }), /duration expression is not enabled/);
});
