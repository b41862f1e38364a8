// Korean command help and usage errors at 80 columns, as a learner with
// LANG=ko_KR.UTF-8 sees them. Regenerate with UPDATE_GOLDEN=1 after a
// deliberate change, and read the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { compareGolden } from '../helpers/golden.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'golden', 'ko');

const CASES: Array<[name: string, args: string[], code: number]> = [
  ['help-program.txt', ['--help'], 0],
  ['help-range.txt', ['range', '--help'], 0],
  ['help-learn.txt', ['learn', '--help'], 0],
  ['help-explain.txt', ['explain', '--help'], 0],
  ['help-dataset.txt', ['dataset', '--help'], 0],
  ['help-dataset-export.txt', ['dataset', 'export', '--help'], 0],
  ['help-serve.txt', ['serve', '--help'], 0],
  ['help-rules-eval.txt', ['rules', 'eval', '--help'], 0],
  ['usage-unknown-option.txt', ['range', 'up', '--lenged', 'x'], 2],
  ['usage-bad-choice.txt', ['query', 'up', '-o', 'yaml'], 2],
  ['usage-missing-argument.txt', ['explain'], 2],
  ['usage-range-negative.txt', ['range', 'up', '--range', '-1h'], 2],
  ['usage-bad-time.txt', ['query', 'up', '--time', 'yesterday'], 2],
  ['usage-too-many-points.txt', ['range', 'up', '--range', '30d', '--step', '1s'], 2],
];

for (const [name, args, code] of CASES) {
  test(`Korean at 80 columns: promlearn ${args.join(' ')}`, async () => {
    const io = bufferIO({ env: { LANG: 'ko_KR.UTF-8' }, columns: 80, rows: 24 });
    const got = await main(['node', 'promlearn', ...args], io);
    const text = io.output.out + io.output.err;
    assert.equal(got, code, text);
    compareGolden(join(DIR, name), text, name);
  });
}
