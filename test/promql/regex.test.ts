// RE2 matcher regexes (re2js): anchoring, dot-all, inline flags, Unicode case
// folding, POSIX classes, RE2's rejections with Go's wording, linear time,
// the fast paths (checked against RE2 itself) and Go's Regexp.Expand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';
import { compileMatcherRegex, compileReplaceRegex } from '../../src/promql/regex.js';
import { fastMatcher, fastShape, literalPrefix, literalSet } from '../../src/promql/regex-fast.js';

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

test('RE2 details a translation to JavaScript got wrong (issue 14, item 5)', () => {
  // Unicode simple case folding under (?i).
  assert.ok(m('(?i)k', '\u212a')); // KELVIN SIGN
  assert.ok(m('(?i)s', '\u017f')); // LATIN SMALL LETTER LONG S
  assert.ok(m('(?i)σ', 'ς'));
  assert.ok(m('(?i)ß', 'ẞ'));
  assert.ok(m('(?i)ǆ', 'ǅ'));
  assert.ok(m('(?i)job-k8s', 'JOB-\u212a8\u017f'));
  assert.ok(m('(?i)[[:upper:]]', 'a'));
  // Negated POSIX classes and octal escapes.
  assert.ok(m('[[:^alpha:]]', '1'));
  assert.ok(!m('[[:^alpha:]]', 'a'));
  assert.ok(m('\\141', 'a'));
  assert.ok(m('[\\141-\\143]+', 'abc'));
});

const err = (re: string) => {
  try {
    compileMatcherRegex(re);
    return 'OK';
  } catch (e) {
    return (e as Error).message;
  }
};

test('what RE2 rejects is rejected with Go wording, quoting the pattern as Prometheus 3 parses it', () => {
  assert.equal(err('(.*'), 'error parsing regexp: missing closing ): `(.*`');
  assert.equal(err('a**'), 'error parsing regexp: invalid nested repetition operator: `**`');
  assert.equal(err('\\1'), 'error parsing regexp: invalid escape sequence: `\\1`');
  assert.equal(err('(?=a)'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  assert.equal(err('(?<!a)'), 'error parsing regexp: invalid named capture: `(?<!a)`');
  assert.equal(err('*a'), 'error parsing regexp: missing argument to repetition operator: `*`');
  assert.equal(err('[a'), 'error parsing regexp: missing closing ]: `[a`');
  assert.equal(err('[z-a]'), 'error parsing regexp: invalid character class range: `z-a`');
  assert.equal(err('a)'), 'error parsing regexp: unexpected ): `a)`');
  assert.equal(err('[[:foo:]]'), 'error parsing regexp: invalid character class range: `[:foo:]`');
  assert.equal(err('(?x)a'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?x`');
  assert.equal(err('a++'), 'error parsing regexp: invalid nested repetition operator: `++`');
  assert.equal(err('a{2,1}'), 'error parsing regexp: invalid repeat count: `{2,1}`');
  assert.equal(err('a{1001}'), 'error parsing regexp: invalid repeat count: `{1001}`');
  assert.equal(err('[a-\\d]'), 'error parsing regexp: invalid escape sequence: `\\d`');
  assert.equal(err('\\C'), 'error parsing regexp: invalid escape sequence: `\\C`');
});

test('linear time: (a+)+b against a 1 MB value answers at once (issue 14, item 6)', () => {
  // A backtracking engine takes minutes for 32 a's; RE2 about 0.1 s for a million.
  const big = 'a'.repeat(1 << 20) + '!';
  const t0 = performance.now();
  assert.equal(m('(a+)+b', big), false);
  assert.equal(m('(a|aa)+$x', big), false);
  assert.equal(compileReplaceRegex('(a+)+b').replace(big, '$1'), undefined);
  const ms = performance.now() - t0;
  assert.ok(ms < 10_000, `took ${ms} ms`); // backtracking takes minutes; 10 s holds on a saturated 2-core machine
  assert.equal(compileReplaceRegex('(a+)+!').replace(big, 'x${1}x')?.length, (1 << 20) + 2);
});

test('fast paths give the same answers as RE2 for their shapes', () => {
  const patterns = [
    '',
    'a',
    'abc',
    'a|b',
    'a|',
    '|',
    '(a|bc)',
    '(?:a|bc)',
    '()',
    '.*',
    '.+',
    '.*.+',
    '.+.*',
    'a.*',
    '.*a',
    '.*a.*',
    'a.+',
    '.+a',
    '.+a.+',
    'a.*b',
    'a.+b',
    'ab.*ba',
    '.*a.*b.*',
    'a.*b.*c',
    '.+a.+b.+',
    '(?i)abc',
    '(?i)a|B',
    '(?i)',
    'k',
    '(?i)sk',
    'a\\.b',
    '\\.\\*',
    'a\\|b',
    'é.*',
    '😀.*x',
    '.*😀',
    '(?i)k8s|ſ',
    'job[0-4]',
    '[ab]',
    '[a-c][0-1]|x',
    '(job[0-4])',
    '[.]',
    '[|]',
    'a[*+]',
    'é[ab]',
  ];
  const inputs = [
    '',
    'a',
    'b',
    'ab',
    'abc',
    'ba',
    'aba',
    'abba',
    'aXb',
    'aXbYc',
    'ABC',
    'Abc',
    'bc',
    'a.b',
    '.*',
    'a|b',
    'é',
    'éé',
    '😀x',
    'x😀',
    '😀',
    'K8S',
    '\u212a8\u017f',
    'ſ',
    'S',
    'sk',
    'S\u212a',
    'xay',
    'xaybz',
    'a\nb',
    '\n',
    'job0',
    'job4',
    'job5',
    'job',
    'job04',
    'Job1',
    'a1',
    'c0',
    'd0',
    'x',
    'a*',
    'a+',
    'éa',
    '|',
  ];
  let fast = 0;
  for (const p of patterns) {
    const f = fastMatcher(p);
    if (!f) continue;
    fast++;
    const re = RE2JS.compile(p, RE2JS.DOTALL);
    for (const s of inputs) assert.equal(f(s), re.testExact(s), `${JSON.stringify(p)} on ${JSON.stringify(s)}`);
  }
  assert.ok(fast >= patterns.length - 2, `only ${fast} patterns took a fast path`);
});

test('finite patterns list what they match; the rest go to RE2', () => {
  assert.deepEqual(literalSet('job[0-4]'), ['job0', 'job1', 'job2', 'job3', 'job4']);
  assert.deepEqual(literalSet('(?:a|b)[xy]'), undefined); // the group is not the whole pattern
  assert.deepEqual(literalSet('(a|b[xy])'), ['a', 'bx', 'by']);
  assert.deepEqual(literalSet('a|a|'), ['a', '']);
  assert.deepEqual(literalSet(''), ['']);
  assert.deepEqual(literalSet('[.][|]'), ['.|']);
  assert.deepEqual(literalSet('a\\.b'), ['a.b']);
  assert.deepEqual(literalSet('x[0-9][0-9][0-9]'), undefined); // 1,000 strings: more than Prometheus's 256
  assert.equal(literalSet('x[0-9][0-9]')?.length, 100);
  for (const p of ['job[^0-4]', 'job[0-4]+', 'job[]a]', 'a[z-a]', 'a[a-]', 'a[\\d]', 'a[[:digit:]]', '[é]', 'a.b', 'a.*', '(?i)job[0-4]'])
    assert.equal(literalSet(p), undefined, p);
  assert.deepEqual(fastShape('a|b')?.set, ['a', 'b']);
  assert.equal(fastShape('.*')?.any, true);
  assert.equal(fastShape('(.*)')?.any, true);
  assert.equal(fastShape('.+')?.any, undefined);
  assert.equal(fastShape('(?i)a|b')?.set, undefined); // many strings fold to a
  assert.equal(err('a[z-a]'), 'error parsing regexp: invalid character class range: `z-a`');
});

test('literal prefixes for the RE2 path', () => {
  assert.equal(literalPrefix('host[0-9]+'), 'host');
  assert.equal(literalPrefix('ab*c'), 'a');
  assert.equal(literalPrefix('ab+c'), 'ab');
  assert.equal(literalPrefix('a\\.b(c|d)'), 'a.b');
  assert.equal(literalPrefix('a|b'), '');
  assert.equal(literalPrefix('(a)|b'), '');
  assert.equal(literalPrefix('a[|]b'), 'a');
  assert.equal(literalPrefix('(?i)abc'), '');
  assert.equal(literalPrefix('😀*x'), '');
  assert.equal(literalPrefix('x😀?'), 'x');
  assert.ok(m('😀*x', 'x'));
  assert.ok(m('ab*c', 'ac'));
  assert.ok(!m('host[0-9]+', 'hos1'));
});

test("label_replace expansion follows Go's Regexp.Expand", () => {
  const r = (re: string, value: string, tpl: string) => compileReplaceRegex(re).replace(value, tpl);
  assert.equal(r('(a)(b)', 'ab', '$2$1'), 'ba');
  assert.equal(r('(a)(b)', 'ab', '${1}x'), 'ax');
  assert.equal(r('(a)(b)', 'ab', '$1x'), ''); // the group named "1x" does not exist
  assert.equal(r('(?P<01>x)(y)', 'xy', '$01'), 'x'); // "01" is a name: a leading zero is no index
  assert.equal(r('(x)(y)', 'xy', '$01'), ''); // and no group is called "01"
  assert.equal(r('(?P<name>a)', 'a', '[$name] [${name}] [$$] [$] [${name] [$-]'), '[a] [a] [$] [$] [${name] [$-]');
  assert.equal(r('(a)|(b)', 'b', '<$1|$2>'), '<|b>');
  assert.equal(r('(?<n>é)', 'é', '$n'), 'é');
  assert.equal(r('a', 'b', '$0'), undefined);
  assert.equal(r('.*', 'a\nb', '$0'), 'a\nb');
  assert.equal(r('(a)', 'a', '$9'), '');
});
