import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressLine } from '../../src/backends/open.js';

test('file loading progress: a bar with percent and megabytes', () => {
  assert.equal(progressLine('big.om', 0, 850 * 2 ** 20), 'loading big.om [------------------------]   0%  0/850 MB');
  assert.equal(progressLine('big.om', 340 * 2 ** 20, 850 * 2 ** 20), 'loading big.om [##########--------------]  40%  340/850 MB');
  assert.equal(progressLine('big.om', 850 * 2 ** 20, 850 * 2 ** 20), 'loading big.om [########################] 100%  850/850 MB');
  assert.equal(progressLine('pipe', 3 * 2 ** 20), 'loading pipe… 3 MB');
});
