// RE2 matcher regexes translated to JavaScript: anchoring, dot-all, inline
// flags, POSIX classes, and RE2's rejections with Go's wording.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileMatcherRegex } from '../../src/promql/regex.js';

const m = (re: string, s: string) => compileMatcherRegex(re).test(s);

test('anchored on both ends, dot matches newline', () => {
  assert.ok(m('a.c', 'abc'));
  assert.ok(!m('b', 'abc'));
  assert.ok(m('a.c', 'a\nc'));
  assert.ok(m('.*', ''));
  assert.ok(m('a|b', 'b'));
  assert.ok(!m('a|b', 'ab'));
});

test('inline flags anywhere, scoped to their group', () => {
  assert.ok(m('(?i)abc', 'ABC'));
  assert.ok(m('(?i:PRO).*', 'production'));
  assert.ok(m('.*((?i)DUC).*', 'proDUCtion'));
  assert.ok(m('.*((?i)duc).*', 'proDuction'));
  assert.ok(!m('(?i:a)b', 'AB'));
  assert.ok(m('(?i)[a-c]+', 'AbC'));
  assert.ok(!m('(?-s:.)', '\n'));
});

test('POSIX classes, \\z, \\A, \\Q...\\E, \\pL, \\x{...}, RE2 \\s', () => {
  assert.ok(m('[[:alpha:]]+', 'abcXYZ'));
  assert.ok(!m('[[:digit:]]', 'a'));
  assert.ok(m('[^[:space:]]+', 'ab'));
  assert.ok(m('\\Aab\\z', 'ab'));
  assert.ok(m('\\Qa.b\\E', 'a.b'));
  assert.ok(!m('\\Qa.b\\E', 'axb'));
  assert.ok(m('\\pL+', 'héllo'));
  assert.ok(m('\\x{e9}', 'é'));
  assert.ok(!m('\\s', '\v'));
  assert.ok(m('a\\-b\\_c', 'a-b_c'));
  assert.ok(m('[\\d-]+', '1-2'));
});

test('what RE2 rejects is rejected with Go wording', () => {
  const err = (re: string) => {
    try {
      compileMatcherRegex(re);
      return 'OK';
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.equal(err('(.*'), 'error parsing regexp: missing closing ): `^(?s:(.*)$`');
  assert.equal(err('a**'), 'error parsing regexp: invalid nested repetition operator: `**`');
  assert.equal(err('\\1'), 'error parsing regexp: invalid escape sequence: `\\1`');
  assert.equal(err('(?=a)'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  assert.equal(err('(?<!a)'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?<`');
  assert.equal(err('*a'), 'error parsing regexp: missing argument to repetition operator: `*`');
  assert.equal(err('[a'), 'error parsing regexp: missing closing ]: `[a)$`');
  assert.equal(err('[z-a]'), 'error parsing regexp: invalid character class range: `z-a`');
  assert.equal(err('a)'), 'error parsing regexp: unexpected ): `^(?s:a))$`');
  assert.equal(err('[[:foo:]]'), 'error parsing regexp: invalid character class range: `[:foo:]`');
  assert.equal(err('(?x)a'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?x`');
  assert.equal(err('a++'), 'error parsing regexp: invalid nested repetition operator: `++`');
  assert.equal(err('a{2,1}'), 'error parsing regexp: invalid repeat count: `{2,1}`');
  assert.equal(err('a{1001}'), 'error parsing regexp: invalid repeat count: `{1001}`');
});
