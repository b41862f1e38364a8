import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactEntry, redactUrlText, scrub, scrubAndCut, secretParts } from '../../src/util/secrets.js';

test('secretParts: the whole value, the credential after a scheme, Basic auth decoded', () => {
  assert.deepEqual(secretParts('tenant-1'), ['tenant-1']);
  assert.deepEqual(secretParts('Bearer abc.def'), ['Bearer abc.def', 'abc.def']);
  const basic = Buffer.from('bob:pa ss').toString('base64');
  assert.deepEqual(secretParts(`Basic ${basic}`), [`Basic ${basic}`, basic, 'bob:pa ss', 'pa ss']);
});

test('scrub: every encoding of a secret, longest first; then cut, never cut then scrub', () => {
  assert.equal(scrub('a <&> b', ['<&>']), 'a <redacted> b');
  assert.equal(scrub('{"e":"\\u003c\\u0026\\u003e"}', ['<&>']), '{"e":"<redacted>"}');
  assert.equal(scrub('x a%2Fb y', ['a/b']), 'x <redacted> y');
  assert.equal(scrub('say "q\\"uote"', ['q"uote']), 'say "<redacted>"');
  assert.equal(scrub('ab', ['ab']), 'ab', 'two characters are too short to scrub');
  const token = 'T0KEN-0123456789';
  const body = 'x'.repeat(190) + token + 'y'.repeat(100);
  const cut = scrubAndCut(body, [token], 200);
  assert.equal(cut, 'x'.repeat(190) + '<redacted>');
  assert.doesNotMatch(cut, /T0KEN/);
});

test('redactUrlText: user info to the last @, query values, no scheme', () => {
  assert.equal(redactUrlText('http://user:pa@ss@host:9090/p'), 'http://***@host:9090/p');
  assert.equal(redactUrlText('http://user:pa ss@host'), 'http://***@host');
  assert.equal(redactUrlText('http://user:pa/ss@host/x'), 'http://***@host/x');
  assert.equal(redactUrlText('user:pw@host:9090'), '***@host:9090');
  assert.equal(redactUrlText('https://h/?api_key=k&flag&=v#frag'), 'https://h/?api_key=***&***&=***#frag');
  assert.equal(redactUrlText('http://localhost:9090'), 'http://localhost:9090');
});

test('redactEntry: .server takes its whole argument as the URL; other lines redact URL words', () => {
  assert.equal(redactEntry('.server http://u:p w@h/'), '.server http://***@h/');
  assert.equal(redactEntry('up # from http://u:pw@h/?k=v'), 'up # from http://***@h/?k=***');
  assert.equal(redactEntry('sum(rate(x[5m]))'), 'sum(rate(x[5m]))');
});
