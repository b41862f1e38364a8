import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalSize } from '../../src/util/io.js';

test('terminalSize: the real size, else $COLUMNS/$LINES when a positive integer, else the default', () => {
  assert.equal(terminalSize(132, '50', 80), 132);
  assert.equal(terminalSize(undefined, '50', 80), 50);
  assert.equal(terminalSize(0, '50', 80), 50);
  assert.equal(terminalSize(undefined, '', 80), 80);
  assert.equal(terminalSize(undefined, 'wide', 80), 80);
  assert.equal(terminalSize(undefined, '-3', 80), 80);
  assert.equal(terminalSize(undefined, undefined, 24), 24);
});
